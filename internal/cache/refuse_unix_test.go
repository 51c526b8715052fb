//go:build unix

package cache

import (
	"errors"
	"os"
	"syscall"
	"testing"
)

// A FIFO in the file's place would block a plain open until a writer
// came: Load must refuse it at once.
func TestFIFOIsIgnored(t *testing.T) {
	s, path, _ := savedFile(t)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrUnreadable) {
		t.Fatalf("Load = %v, %v; want ErrUnreadable", ok, err)
	}
	refused(t, s, ErrUnreadable)
}

func TestDevZeroIsIgnored(t *testing.T) {
	s, path, _ := savedFile(t)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", path); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrUnreadable) {
		t.Fatalf("Load = %v, %v; want ErrUnreadable", ok, err)
	}
}
