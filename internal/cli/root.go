package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// Globals are the flags every command takes.
type Globals struct {
	APIURL          string
	Demo            bool
	Lang            string
	InsecureStorage bool
	Debug           bool
}

// commandFactories are registered by each command's own file, so that each
// command lives in one file and root.go never changes when one is added.
var commandFactories []func(app *App, g *Globals) *cobra.Command

func register(f func(app *App, g *Globals) *cobra.Command) {
	commandFactories = append(commandFactories, f)
}

// runTUI is set by tui.go: the root command opens the terminal UI.
var runTUI func(cmd *cobra.Command, app *App, g *Globals) error

// rootFlags add the root command's own (not inherited) flags, such as the
// terminal UI's, from the file that reads them.
var rootFlags []func(root *cobra.Command)

// NewRoot builds the command tree for args. The language of flag errors
// (and of the commands' one-line descriptions) is known before flags are
// parsed: --lang is looked for in args, then the environment.
func NewRoot(app *App, args []string) *cobra.Command {
	g := &Globals{}
	p := i18n.New(i18n.Detect(scanLang(args), app.Getenv))
	root := &cobra.Command{
		Use:   "miimosa",
		Short: "A terminal for MiiMOSA lenders, the support desk and scripts",
		Long: "miimosa shows a MiiMOSA wallet, its lending pledges and what they repay, " +
			"and browses the projects to back next. Support agents look a caller up by email " +
			"and birthdate; scripts get CSV and JSON from the same client.\n\n" +
			"Exit codes of projects, project, wallet and pledges: 0 done; 2 usage (a flag or argument " +
			"is wrong); 3 API key missing or rejected; 4 not found; 5 birthdate mismatch; 6 network " +
			"or server failure; 1 anything else. auth and lead list their own in their --help. Every " +
			"command exits 130 when interrupted (ctrl+c, SIGTERM).",
		Example: `# Try it on the embedded sandbox, no key needed:
miimosa --demo

# List lending projects in Bretagne as CSV:
miimosa projects --type lending --region 53 --format csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runTUI == nil {
				return errors.New("this build has no terminal UI")
			}
			return runTUI(cmd, app, g)
		},
	}
	root.SetIn(app.Stdin)
	root.SetOut(app.Stdout)
	root.SetErr(app.Stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&g.APIURL, "api-url", "", "the API server to use (default $MIIMOSA_API_URL, the config file, or https://api.miimosa.com)")
	pf.BoolVar(&g.Demo, "demo", false, "use the embedded sandbox server, with a demo key and demo users")
	pf.Var((*langValue)(&g.Lang), "lang", "language: en or fr (default from LC_ALL, LC_MESSAGES, LANG)")
	pf.BoolVar(&g.InsecureStorage, "insecure-storage", false, "without an OS keyring, keep the API key in a 0600 file in the config directory")
	pf.BoolVar(&g.Debug, "debug", false, "log requests to standard error, or to debug.log in the state directory for the terminal UI (the key and personal data are redacted)")
	for _, f := range rootFlags {
		f(root)
	}
	for _, f := range commandFactories {
		root.AddCommand(f(app, g))
	}
	root.SetFlagErrorFunc(flagError(p)) // inherited by every command
	localizeShorts(root, p)
	root.SetArgs(args)
	return root
}

// Main runs the command line and returns the exit code.
func Main(ctx context.Context, args []string, app *App) int {
	root := NewRoot(app, args)
	p := i18n.New(i18n.Detect(scanLang(args), app.Getenv))
	runErr := holdRunErrors(root)
	// SIGINT and SIGTERM cancel ctx: every prompt and request watches it,
	// and an interrupted command exits with ExitInterrupted.
	err := fang.Execute(ctx, root,
		fang.WithVersion(Version),
		fang.WithNotifySignal(syscall.SIGINT, syscall.SIGTERM),
		// Only cobra's own errors (flags, arguments) come here: no prompt
		// can be pending before a command runs.
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, p, err) }),
	)
	if err == nil && *runErr != nil {
		err = *runErr
		printError(app.Stderr, p, err)
	}
	return ExitCode(err)
}

// holdRunErrors makes every command's RunE keep its error aside and return
// nil to cobra, and returns where the error is kept. fang's error path asks
// the terminal for its background colour, in raw mode, reading stdin: after
// an interrupted prompt that froze the process and left the terminal raw.
// A command's error needs none of it: Main prints it in one plain line.
func holdRunErrors(root *cobra.Command) *error {
	held := new(error)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if run := c.RunE; run != nil {
			c.RunE = func(cmd *cobra.Command, args []string) error {
				*held = run(cmd, args)
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return held
}

// printError writes an error as one line; what to do next is part of the
// message each error carries.
func printError(w io.Writer, p i18n.Printer, err error) {
	var ue *userError
	var usage *UsageError
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	switch {
	case errors.Is(err, context.Canceled) && !errors.As(err, &ue):
		msg = p.T("cli.err.canceled")
	case strings.HasPrefix(msg, "unknown command "):
		// cobra's own words, in English: say it in the person's language.
		name, _, _ := strings.Cut(strings.TrimPrefix(msg, "unknown command "), " for ")
		msg = p.T("cli.err.unknown_command", textsafe.Clean(strings.Trim(name, `"`)))
	case isCobraUsage(err) && !errors.As(err, &usage):
		msg += p.T("cli.err.see_help")
	}
	fmt.Fprintln(w, "miimosa: "+msg)
}

// isCobraUsage recognises cobra's own usage errors, which carry no type.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"flag needs an argument", "unknown flag", "unknown shorthand flag",
		"unknown command", "invalid argument", "accepts ", "requires at least", "required flag"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
