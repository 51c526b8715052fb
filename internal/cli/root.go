package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// newRootCmd builds the command tree: the root opens the terminal UI, and
// lists every other command here, each built by its own constructor.
func newRootCmd(f *Factory) *cobra.Command {
	var tui terminalOptions
	root := &cobra.Command{
		Use:     "miimosa",
		Short:   f.T("cli.short.miimosa"),
		Long:    f.T("cli.long.miimosa"),
		Example: f.T("cli.example.miimosa"),
		Args:    cobra.NoArgs, // cobra's "unknown command", said again by printError
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTerminal(cmd.Context(), f, tui)
		},
	}
	root.SetIn(f.IO.In)
	root.SetOut(helpOutput(f.IO.Out, f.Printer))
	root.SetErr(f.IO.ErrOut)

	g := f.Globals
	pf := root.PersistentFlags()
	pf.StringVar(&g.APIURL, "api-url", "", f.T("cli.usage.miimosa.api-url"))
	pf.BoolVar(&g.Demo, "demo", false, f.T("cli.usage.miimosa.demo"))
	pf.Var((*langValue)(&g.Lang), "lang", f.T("cli.usage.miimosa.lang"))
	pf.BoolVar(&g.InsecureStorage, "insecure-storage", false, f.T("cli.usage.miimosa.insecure-storage"))
	pf.BoolVar(&g.Debug, "debug", false, f.T("cli.usage.miimosa.debug"))
	pf.Var(&concurrencyValue{n: &g.Concurrency, set: &g.ConcurrencySet}, "concurrency", f.T("cli.usage.miimosa.concurrency"))
	addTerminalFlags(root, f, &tui) // the root's own: `miimosa projects --email` stays a usage error

	addCommands(root, f,
		newProjectsCmd(f),
		newProjectCmd(f),
		newWalletCmd(f),
		newPledgesCmd(f),
		newInsightCmd(f),
		newScheduleCmd(f),
		newTaxCmd(f),
		newLeadCmd(f),
		newAuthCmd(f),
		newSandboxCmd(f),
		newCacheCmd(f),
	)
	localizeBuiltins(root, f)
	root.SetFlagErrorFunc(flagError(f.Printer)) // inherited by every command
	return root
}

// Main runs the command line and returns the exit code.
func Main(ctx context.Context, args []string, app *App) int {
	f := newFactory(app, args)
	root := newRootCmd(f)
	root.SetArgs(args)
	fitHelp(root, f.IO.HelpWidth(), args)
	runErr := holdRunErrors(root)
	// SIGINT, SIGTERM and SIGHUP (the terminal closed) cancel ctx: every
	// prompt and request watches it, an interrupted command exits with
	// ExitInterrupted, and a lead form keeps its draft.
	err := fang.Execute(ctx, root,
		fang.WithVersion(Version),
		fang.WithNotifySignal(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP),
		// Only cobra's own errors (flags, arguments) come here: no prompt
		// can be pending before a command runs.
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, f.Printer, err) }),
	)
	if err == nil && *runErr != nil {
		err = *runErr
		printError(f.IO.ErrOut, f.Printer, err)
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
