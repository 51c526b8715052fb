package cli

import (
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
)

// IOStreams are the standard streams a command reads and writes, and what
// is known of them: which are terminals, and how wide.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// isTerminal reports whether one of the streams is an interactive terminal.
	isTerminal func(any) bool
	getenv     func(string) string
}

func newIOStreams(app *App) *IOStreams {
	getenv := app.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	return &IOStreams{In: app.Stdin, Out: app.Stdout, ErrOut: app.Stderr, isTerminal: app.IsTerminal, getenv: getenv}
}

func (s *IOStreams) terminal(v any) bool { return s.isTerminal != nil && s.isTerminal(v) }

// InIsTerminal: someone may be typing on standard input.
func (s *IOStreams) InIsTerminal() bool { return s.terminal(s.In) }

// OutIsTerminal: a person reads standard output.
func (s *IOStreams) OutIsTerminal() bool { return s.terminal(s.Out) }

// ErrIsTerminal: a person reads standard error (progress goes there).
func (s *IOStreams) ErrIsTerminal() bool { return s.terminal(s.ErrOut) }

// defaultWidth is the table width when neither COLUMNS nor the terminal says.
const defaultWidth = 100

// Width is the width output is laid out for: COLUMNS when set, else the
// size of the terminal on standard output, else defaultWidth.
func (s *IOStreams) Width() int {
	if n, ok := s.columns(); ok {
		return n
	}
	if n, ok := s.outSize(); ok {
		return n
	}
	return defaultWidth
}

// helpMaxWidth is the widest help is laid out: fang's own limit, past
// which it wraps lines again, at hyphens.
const helpMaxWidth = 120

// HelpWidth is the width help is laid out for: the narrowest of COLUMNS,
// the terminal, and helpMaxWidth. fang wraps help at the terminal's width
// (120 when it has none); a line laid out here never exceeds it, so fang
// never wraps it again, and a flag name is never cut at its hyphen.
func (s *IOStreams) HelpWidth() int {
	w := helpMaxWidth
	known := false
	if n, ok := s.columns(); ok {
		w, known = min(w, n), true
	}
	if n, ok := s.outSize(); ok {
		w, known = min(w, n), true
	}
	if !known {
		w = min(w, defaultWidth)
	}
	return w
}

func (s *IOStreams) columns() (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s.getenv("COLUMNS")))
	return n, err == nil && n > 0
}

func (s *IOStreams) outSize() (int, bool) {
	if !s.OutIsTerminal() {
		return 0, false
	}
	f, ok := s.Out.(interface{ Fd() uintptr })
	if !ok {
		return 0, false
	}
	w, _, err := term.GetSize(f.Fd())
	return w, err == nil && w > 0
}

// ColorEnabled: escape codes only for a person looking at a terminal who
// did not ask for none (https://no-color.org).
func (s *IOStreams) ColorEnabled() bool {
	if s.getenv("NO_COLOR") != "" || s.getenv("TERM") == "dumb" {
		return false
	}
	return s.OutIsTerminal()
}
