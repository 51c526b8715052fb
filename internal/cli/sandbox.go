package cli

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
)

func init() { register(newSandboxCmd) }

// newSandboxCmd serves the embedded API on loopback until interrupted: for
// demos, for trying scripts, and for testing clients against faults.
func newSandboxCmd(app *App, g *Globals) *cobra.Command {
	var (
		addr, key           string
		latency             time.Duration
		failRate, malformed float64
		rateLimit           int
	)
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Serve the MiiMOSA API with demo data on this machine",
		Long: "sandbox serves the whole MiiMOSA API v1 on a loopback address, with deterministic " +
			"French demo projects and demo users, until Ctrl+C. It accepts a fixed demo key (or --key) " +
			"and can inject latency, server errors, rate limiting and malformed JSON.",
		Example: `miimosa sandbox --addr 127.0.0.1:8080
miimosa sandbox --latency 200ms --fail-rate 0.1 --rate-limit 20 --malformed-rate 0.05`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p := i18n.New(i18n.Detect(g.Lang, app.Getenv))
			for _, share := range []struct {
				flag  string
				value float64
			}{{"fail-rate", failRate}, {"malformed-rate", malformed}} {
				if !(share.value >= 0 && share.value <= 1) {
					return &UsageError{Err: errors.New(p.T("sandbox.err_share", share.flag, share.value))}
				}
			}
			if rateLimit < 0 {
				return &UsageError{Err: errors.New(p.T("sandbox.err_limit", rateLimit))}
			}
			if latency < 0 {
				return &UsageError{Err: errors.New(p.T("sandbox.err_delay", latency))}
			}
			opts := sandbox.Options{
				Key: key, Latency: latency, FailRate: failRate, RateLimit: rateLimit, MalformedRate: malformed,
				Logger: slog.New(slog.NewTextHandler(app.Stderr, nil)),
			}
			ctx := cmd.Context() // fang cancels it on SIGINT and SIGTERM
			srv, err := sandbox.Start(ctx, addr, opts)
			switch {
			case errors.Is(err, sandbox.ErrNotLoopback):
				return &UsageError{Err: errors.New(p.T("sandbox.err_addr", addr))}
			case err != nil:
				return fmt.Errorf("%s", p.T("sandbox.err_listen", err.Error()))
			}
			defer srv.Close()
			if key == "" {
				key = sandbox.DemoKey
			}
			printSandbox(app, p, srv.URL(), key, opts)
			<-ctx.Done()
			if err := srv.Close(); err != nil {
				return err
			}
			fmt.Fprintln(app.Stdout, p.T("sandbox.stopped"))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "loopback address to listen on (port 0 picks a free one)")
	f.StringVar(&key, "key", "", "API key the sandbox accepts (default: the fixed demo key "+sandbox.DemoKey+")")
	f.DurationVar(&latency, "latency", 0, "delay added to every request, e.g. 200ms")
	f.Float64Var(&failRate, "fail-rate", 0, "share of requests answered 500, 502 or 503 (0 to 1)")
	f.IntVar(&rateLimit, "rate-limit", 0, "requests per second above which the answer is 429 with Retry-After (0: no limit)")
	f.Float64Var(&malformed, "malformed-rate", 0, "share of JSON answers cut in half (0 to 1)")
	return cmd
}

// printSandbox tells how to use the server. Printing the key is fine here: it
// is the sandbox's own, not a user's; the users are the seed's made-up ones.
func printSandbox(app *App, p i18n.Printer, url, key string, opts sandbox.Options) {
	w := app.Stdout
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
