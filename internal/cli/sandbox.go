package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// sandboxOptions are `miimosa sandbox`'s flags.
type sandboxOptions struct {
	addr, key           string
	latency             time.Duration
	failRate, malformed float64
	rateLimit           int
}

// newSandboxCmd serves the embedded API on loopback until interrupted: for
// demos, for trying scripts, and for testing clients against faults.
func newSandboxCmd(f *Factory) *cobra.Command {
	var opts sandboxOptions
	cmd := &cobra.Command{
		Use:     "sandbox",
		Short:   f.T("cli.short.miimosa.sandbox"),
		Long:    f.T("cli.long.miimosa.sandbox"),
		Example: f.T("cli.example.miimosa.sandbox"),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSandbox(cmd.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.addr, "addr", "127.0.0.1:8080", f.T("cli.usage.miimosa.sandbox.addr"))
	fl.StringVar(&opts.key, "key", "", f.T("cli.usage.miimosa.sandbox.key", sandbox.DemoKey))
	fl.DurationVar(&opts.latency, "latency", 0, f.T("cli.usage.miimosa.sandbox.latency"))
	fl.Float64Var(&opts.failRate, "fail-rate", 0, f.T("cli.usage.miimosa.sandbox.fail-rate"))
	fl.IntVar(&opts.rateLimit, "rate-limit", 0, f.T("cli.usage.miimosa.sandbox.rate-limit"))
	fl.Float64Var(&opts.malformed, "malformed-rate", 0, f.T("cli.usage.miimosa.sandbox.malformed-rate"))
	return cmd
}

func runSandbox(ctx context.Context, f *Factory, o sandboxOptions) error {
	p := f.Printer
	for _, share := range []struct {
		flag  string
		value float64
	}{{"fail-rate", o.failRate}, {"malformed-rate", o.malformed}} {
		if !(share.value >= 0 && share.value <= 1) {
			return &UsageError{Err: errors.New(p.T("sandbox.err_share", share.flag, share.value))}
		}
	}
	if o.rateLimit < 0 {
		return &UsageError{Err: errors.New(p.T("sandbox.err_limit", o.rateLimit))}
	}
	if o.latency < 0 {
		return &UsageError{Err: errors.New(p.T("sandbox.err_delay", o.latency))}
	}
	opts := sandbox.Options{
		Key: o.key, Latency: o.latency, FailRate: o.failRate, RateLimit: o.rateLimit, MalformedRate: o.malformed,
		Logger: slog.New(slog.NewTextHandler(f.IO.ErrOut, nil)),
	}
	// ctx is cancelled on SIGINT, SIGTERM and SIGHUP: the server stops.
	srv, err := sandbox.Start(ctx, o.addr, opts)
	switch {
	case errors.Is(err, sandbox.ErrNotLoopback):
		return &UsageError{Err: errors.New(p.T("sandbox.err_addr", o.addr))}
	case err != nil:
		return fmt.Errorf("%s", p.T("sandbox.err_listen", err.Error()))
	}
	defer srv.Close()
	key := o.key
	if key == "" {
		key = sandbox.DemoKey
	}
	printSandbox(f.IO.Out, p, srv.URL(), key, opts)
	<-ctx.Done()
	if err := srv.Close(); err != nil {
		return err
	}
	fmt.Fprintln(f.IO.Out, p.T("sandbox.stopped"))
	return nil
}

// printSandbox tells how to use the server. Printing the key is fine here: it
// is the sandbox's own, not a user's; the users are the seed's made-up ones.
func printSandbox(w io.Writer, p i18n.Printer, url, key string, opts sandbox.Options) {
	fmt.Fprintln(w, p.T("sandbox.listening", url))
	fmt.Fprintln(w, p.T("sandbox.key", key))
	var faults []string
	if opts.Latency > 0 {
		faults = append(faults, "latency="+opts.Latency.String())
	}
	if opts.FailRate > 0 {
		faults = append(faults, "fail-rate="+strconv.FormatFloat(opts.FailRate, 'g', -1, 64))
	}
	if opts.RateLimit > 0 {
		faults = append(faults, "rate-limit="+strconv.Itoa(opts.RateLimit)+"/s")
	}
	if opts.MalformedRate > 0 {
		faults = append(faults, "malformed-rate="+strconv.FormatFloat(opts.MalformedRate, 'g', -1, 64))
	}
	if len(faults) > 0 {
		fmt.Fprintln(w, p.T("sandbox.faults", strings.Join(faults, " ")))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.T("sandbox.users"))
	users := sandbox.DemoUsers()
	width := 0
	for _, u := range users {
		width = max(width, len(u.Email))
	}
	for _, u := range users {
		fmt.Fprintf(w, "  %-*s  %s  %s\n", width, u.Email, u.Birthdate, u.Description)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.T("sandbox.point"))
	fmt.Fprintf(w, "  MIIMOSA_API_URL=%s MIIMOSA_API_KEY=%s miimosa\n", shellQuote(url), shellQuote(key))
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.T("sandbox.stop"))
}

// shellQuote makes a value safe to paste into a POSIX shell.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@%+=,", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
