package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
)

func init() { register(newAuthCmd) }

func newAuthCmd(app *App, g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "auth",
		Short: "Manage the API key: log in, check it, log out",
		Long: "The API key comes from MIIMOSA_API_KEY, else the system keyring (service \"miimosa\", " +
			"one entry per API host). It is never taken from the command line, never printed " +
			"(at most its last 4 characters) and never logged.",
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newAuthLoginCmd(app, g), newAuthStatusCmd(app, g), newAuthLogoutCmd(app, g))
	return cmd
}

func newAuthLoginCmd(app *App, g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "login",
		Short: "Check an API key and save it in the system keyring",
		Long: "Asks for the key with hidden typing, or reads its first line from standard input " +
			"when it is piped. The key is tried against the server before it is saved; a rejected " +
			"key is not saved. Without a keyring (no Secret Service on the machine, as on most " +
			"servers and containers) nothing is saved unless --insecure-storage is given: then the " +
			"key goes into a 0600 file in the config directory. Scripts on such a machine can also " +
			"skip login and set MIIMOSA_API_KEY.\n\n" +
			"Exit codes (auth's own, not those of projects, project, wallet and pledges): 0 the key " +
			"was accepted and saved; 1 it was accepted but not saved: no keyring and no " +
			"--insecure-storage, or the keyring or the file could not be written; 2 usage (with " +
			"--demo there is no key to log in with); 3 no key was given, it is not a key, or the " +
			"server rejected it; 6 the server could not be reached or failed; 130 interrupted " +
			"(ctrl+c, SIGTERM).",
		Example: `miimosa auth login
pass show miimosa | miimosa auth login
miimosa auth login --insecure-storage   # on a server without a keyring`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAuthLogin(cmd.Context(), app, g) },
	}
}

func newAuthStatusCmd(app *App, g *Globals) *cobra.Command {
	var offline bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show where the API key comes from and whether the server accepts it",
		Long: "Prints the API host, where the key comes from (MIIMOSA_API_KEY, the keyring or the " +
			"--insecure-storage file), its last 4 characters at most, and whether the server accepts " +
			"it. Exit code 3 when there is no key or it is rejected, 6 when the server cannot be reached.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAuthStatus(cmd.Context(), app, g, offline) },
	}
	cmd.Flags().BoolVar(&offline, "offline", false, "do not ask the server whether it accepts the key")
	return cmd
}

func newAuthLogoutCmd(app *App, g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Remove the saved API key from the keyring and the key file",
		Long: "Removes the key saved for the API host from the system keyring and the " +
			"--insecure-storage file, whichever hold one, and says which did. MIIMOSA_API_KEY, " +
			"if set, is yours to unset.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAuthLogout(cmd.Context(), app, g) },
	}
}

// openForAuth opens the session for an auth command; in demo there is no
// key of one's own to manage.
func openForAuth(ctx context.Context, app *App, g *Globals, allowDemo bool) (*Session, i18n.Printer, error) {
	p := i18n.New(i18n.Detect(g.Lang, app.Getenv))
	if g.Demo && !allowDemo {
		return nil, p, &UsageError{Err: &userError{msg: p.T("auth.demo")}}
	}
	sess, err := g.Open(ctx, app)
	if err != nil {
		return nil, p, err
	}
	return sess, i18n.New(sess.Lang), nil
}

func runAuthLogin(ctx context.Context, app *App, g *Globals) error {
	sess, p, err := openForAuth(ctx, app, g, false)
	if err != nil {
		return err
	}
	defer sess.Close()
	key, err := readKey(ctx, app, p, sess.Host)
	if err != nil {
		return explain(p, err, sess.Host, false) // ctrl+c reads as "cancelled"
	}
	if key == "" {
		return &userError{msg: p.T("auth.err.empty"), err: ErrNoKey}
	}
	if err := credentials.ValidateKey(key); err != nil {
		return &userError{msg: p.T("auth.err.invalid"), err: errors.Join(ErrNoKey, err)}
	}
	client, err := sess.NewClient(key)
	if err != nil {
		return &userError{msg: p.T("auth.err.invalid"), err: errors.Join(ErrNoKey, err)}
	}
	if err := client.CheckKey(ctx); err != nil {
		if errors.Is(err, api.ErrKeyRejected) {
			return &userError{msg: p.T("auth.err.rejected", sess.Host), err: err}
		}
		return explain(p, err, sess.Host, false)
	}
	src, err := sess.Keys.Save(key)
	switch {
	case err == nil && src == credentials.SourceKeyring:
		fmt.Fprintln(app.Stdout, p.T("auth.saved_keyring", sess.Host))
	case err == nil && src == credentials.SourceFile:
		path, _ := sess.Keys.FilePath()
		fmt.Fprintln(app.Stdout, p.T("auth.saved_file", sess.Host, path))
	case errors.Is(err, credentials.ErrNoKeyring) && src == credentials.SourceSession && !g.InsecureStorage:
		// The process ends here, so "for this session" would keep nothing.
		return &userError{msg: p.T("auth.err.no_keyring"), err: err}
	default:
		return &userError{msg: p.T("auth.err.save", oneLine(err)), err: err}
	}
	if app.Getenv(credentials.EnvKey) != "" {
		fmt.Fprintln(app.Stderr, p.T("auth.env_overrides"))
	}
	return nil
}

// maxKeyInput bounds what is read for a key: far more than any key, far
// less than a file piped by mistake.
const maxKeyInput = 8 << 10

// readKey asks for the key with hidden typing on a terminal, or reads the
// first line of standard input. The key never appears on screen or in argv.
func readKey(ctx context.Context, app *App, p i18n.Printer, host string) (string, error) {
	if f, ok := app.Stdin.(interface {
		io.Reader
		Fd() uintptr
	}); ok && app.IsTerminal(app.Stdin) {
		fmt.Fprint(app.Stderr, p.T("auth.prompt", host))
		key, err := readHidden(ctx, f, maxKeyInput)
		fmt.Fprintln(app.Stderr) // the Enter typed was not echoed
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		return strings.TrimSpace(key), nil
	}
	line, err := readLine(ctx, app.Stdin, maxKeyInput)
	if errors.Is(err, context.Canceled) {
		return "", err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", &userError{msg: p.T("auth.err.read", err.Error()), err: err}
	}
	return strings.TrimSpace(line), nil
}

func runAuthStatus(ctx context.Context, app *App, g *Globals, offline bool) error {
	sess, p, err := openForAuth(ctx, app, g, true)
	if err != nil {
		return err
	}
	defer sess.Close()
	out := app.Stdout
	if sess.Demo {
		fmt.Fprintln(out, p.T("auth.status.server_demo", sess.Host))
	} else {
		fmt.Fprintln(out, p.T("auth.status.server", sess.Host))
	}
	redacted := sess.KeyHint
	switch sess.KeySource {
	case credentials.SourceEnv:
		fmt.Fprintln(out, p.T("auth.status.key_env", redacted))
	case credentials.SourceKeyring:
		fmt.Fprintln(out, p.T("auth.status.key_keyring", redacted))
	case credentials.SourceFile:
		path, _ := sess.Keys.FilePath()
		fmt.Fprintln(out, p.T("auth.status.key_file", redacted, path))
	case credentials.SourceDemo:
		fmt.Fprintln(out, p.T("auth.status.key_demo", redacted))
	default:
		fmt.Fprintln(out, p.T("auth.status.key_none"))
		if errors.Is(sess.KeyErr, credentials.ErrNoKeyring) {
			fmt.Fprintln(out, p.T("auth.status.no_keyring"))
		}
		if sess.Keys != nil && !sess.Keys.Insecure() && sess.Keys.FileExists() {
			path, _ := sess.Keys.FilePath()
			fmt.Fprintln(out, p.T("auth.status.file_unused", path))
		}
		_, err := sess.RequireClient()
		return err
	}
	if offline {
		fmt.Fprintln(out, p.T("auth.status.offline"))
		return nil
	}
	switch err := sess.Client.CheckKey(ctx); {
	case err == nil:
		fmt.Fprintln(out, p.T("auth.status.accepted"))
		return nil
	case errors.Is(err, api.ErrKeyRejected) && sess.KeySource == credentials.SourceEnv:
		return &userError{msg: p.T("auth.status.rejected_env"), err: err}
	case errors.Is(err, api.ErrKeyRejected):
		return &userError{msg: p.T("auth.status.rejected"), err: err}
	default:
		return explain(p, err, sess.Host, sess.KeySource == credentials.SourceEnv)
	}
}

func runAuthLogout(ctx context.Context, app *App, g *Globals) error {
	sess, p, err := openForAuth(ctx, app, g, false)
	if err != nil {
		return err
	}
	defer sess.Close()
	removed, err := sess.Keys.Remove()
	for _, src := range removed {
		switch src {
		case credentials.SourceKeyring:
			fmt.Fprintln(app.Stdout, p.T("auth.logout.removed_keyring", sess.Host))
		case credentials.SourceFile:
			path, _ := sess.Keys.FilePath()
			fmt.Fprintln(app.Stdout, p.T("auth.logout.removed_file", path))
		}
	}
	// No keyring means nothing can be stored there: that is not a failure
	// of logging out. Any other error (a file that cannot be removed) is.
	var failed []error
	for _, e := range unjoin(err) {
		if !errors.Is(e, credentials.ErrNoKeyring) {
			failed = append(failed, e)
		}
	}
	if len(failed) > 0 {
		return errors.Join(failed...)
	}
	if len(removed) == 0 {
		fmt.Fprintln(app.Stdout, p.T("auth.logout.nothing", sess.Host))
	}
	if app.Getenv(credentials.EnvKey) != "" {
		fmt.Fprintln(app.Stderr, p.T("auth.logout.env_still_set"))
	}
	return nil
}

// unjoin splits an errors.Join result into its parts.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
