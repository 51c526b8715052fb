// Package cli holds the commands: the terminal UI (the root command), the
// scriptable commands, auth, lead and the sandbox server.
package cli

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// Version is set at build time with -ldflags "-X github.com/miimosa/miimosa/internal/cli.Version=…".
var Version = "dev"

// App is the process's outside world, injectable so that tests run commands
// in-process with their own input, output and environment.
type App struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether the reader or writer is an interactive terminal.
	IsTerminal func(any) bool
}

// OSApp is the real process.
func OSApp() *App {
	return &App{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Getenv:     os.Getenv,
		IsTerminal: isTerminal,
	}
}

func isTerminal(v any) bool {
	f, ok := v.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}
