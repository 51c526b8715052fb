// Package cli holds the commands: the terminal UI (the root command), the
// scriptable commands, auth, lead and the sandbox server. Each command is
// built by its own constructor from one Factory made per run (factory.go);
// the root lists them (root.go).
package cli

import (
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
)

// Version is set at build time with -ldflags "-X github.com/miimosa/miimosa/internal/cli.Version=…".
var Version = "dev"

// App is the process's outside world: what main gives Main, and what tests
// replace to run commands in-process with their own input, output,
// environment and clock.
type App struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether the reader or writer is an interactive terminal.
	IsTerminal func(any) bool
	// Now is the clock (birthdates, days left); nil is time.Now.
	Now func() time.Time
}

// OSApp is the real process.
func OSApp() *App {
	return &App{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Getenv:     os.Getenv,
		IsTerminal: isTerminal,
		Now:        time.Now,
	}
}

func isTerminal(v any) bool {
	f, ok := v.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}
