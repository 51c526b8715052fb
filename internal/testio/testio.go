// Package testio holds the small readers and writers that tests of
// different packages share when they drive a command or a program: an
// output read while it is written, an input that arrives a line at a time.
package testio

import (
	"bytes"
	"io"
	"sync"
)

// SyncBuffer is an output a program's goroutine writes while the test reads it.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// LineReader gives one line per Read, as a terminal in line mode does:
// huh's accessible prompts each read with a fresh scanner and would
// otherwise lose the lines a scanner read ahead.
type LineReader struct{ Lines []string }

func (r *LineReader) Read(p []byte) (int, error) {
	if len(r.Lines) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.Lines[0]+"\n")
	r.Lines = r.Lines[1:]
	return n, nil
}
