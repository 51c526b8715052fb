package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/config"
	"github.com/miimosa/miimosa/internal/credentials"
)

func newAuthCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "auth",
		Short: f.T("cli.short.miimosa.auth"),
		Long:  f.T("cli.long.miimosa.auth"),
		Args:  cobra.NoArgs,
	}
	addCommands(cmd, f, newAuthLoginCmd(f), newAuthStatusCmd(f), newAuthLogoutCmd(f))
	return cmd
}

func newAuthLoginCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "login",
		Short:   f.T("cli.short.miimosa.auth.login"),
		Long:    f.T("cli.long.miimosa.auth.login"),
		Example: f.T("cli.example.miimosa.auth.login"),
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return runAuthLogin(cmd.Context(), f) },
	}
}

// authStatusOptions are `miimosa auth status`'s flags.
type authStatusOptions struct {
	offline bool
}

func newAuthStatusCmd(f *Factory) *cobra.Command {
	var opts authStatusOptions
	cmd := &cobra.Command{
		Use:   "status",
		Short: f.T("cli.short.miimosa.auth.status"),
		Long:  f.T("cli.long.miimosa.auth.status"),
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runAuthStatus(cmd.Context(), f, opts) },
	}
	cmd.Flags().BoolVar(&opts.offline, "offline", false, f.T("cli.usage.miimosa.auth.status.offline"))
	return cmd
}

func newAuthLogoutCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: f.T("cli.short.miimosa.auth.logout"),
		Long:  f.T("cli.long.miimosa.auth.logout"),
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runAuthLogout(cmd.Context(), f) },
	}
}

// openForAuth opens the session for an auth command; in demo there is no
// key of one's own to manage.
func openForAuth(ctx context.Context, f *Factory, allowDemo bool) (*Session, error) {
	if f.Globals.Demo && !allowDemo {
		return nil, &UsageError{Err: &userError{msg: f.T("auth.demo")}}
	}
	return f.OpenSession(ctx, nil)
}

func runAuthLogin(ctx context.Context, f *Factory) error {
	sess, err := openForAuth(ctx, f, false)
	if err != nil {
		return err
	}
	defer sess.Close()
	p, out := f.Printer, f.IO.Out
	key, err := readKey(ctx, f, sess.Host)
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
		fmt.Fprintln(out, p.T("auth.saved_keyring", sess.Host))
		// The keyring is used from now on: a file chosen before is not.
		sess.rememberKeyStorage(f, "")
	case err == nil && src == credentials.SourceFile:
		path, _ := sess.Keys.FilePath()
		fmt.Fprintln(out, p.T("auth.saved_file", sess.Host, path))
		sess.rememberKeyStorage(f, config.KeyStorageFile)
	case errors.Is(err, credentials.ErrNoKeyring) && src == credentials.SourceSession && !sess.Keys.Insecure():
		// The process ends here, so "for this session" would keep nothing.
		return &userError{msg: p.T("auth.err.no_keyring"), err: err}
	default:
		return &userError{msg: p.T("auth.err.save", oneLine(err)), err: err}
	}
	if f.Getenv(credentials.EnvKey) != "" {
		fmt.Fprintln(f.IO.ErrOut, p.T("auth.env_overrides"))
	}
	return nil
}

// rememberKeyStorage records in the config file where this host's key is
// kept (config.KeyStorageFile), or forgets it (""), so that later commands
// find the --insecure-storage file without the flag. The key is saved by
// then: a config file that cannot be written is said, not a failure.
func (s *Session) rememberKeyStorage(f *Factory, storage string) {
	if s.configDir == "" || (storage == "" && !s.insecureRemembered) {
		return
	}
	if err := config.SetKeyStorage(s.configDir, s.Host, storage); err != nil {
		fmt.Fprintln(f.IO.ErrOut, f.T("auth.err.remember", oneLine(err)))
	}
}

// maxKeyInput bounds what is read for a key: far more than any key, far
// less than a file piped by mistake.
const maxKeyInput = 8 << 10

// readKey asks for the key with hidden typing on a terminal, or reads the
// first line of standard input. The key never appears on screen or in argv.
func readKey(ctx context.Context, f *Factory, host string) (string, error) {
	p := f.Printer
	if in, ok := f.IO.In.(interface {
		io.Reader
		Fd() uintptr
	}); ok && f.IO.InIsTerminal() {
		fmt.Fprint(f.IO.ErrOut, p.T("auth.prompt", host))
		key, err := readHidden(ctx, in, maxKeyInput)
		fmt.Fprintln(f.IO.ErrOut) // the Enter typed was not echoed
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		return strings.TrimSpace(key), nil
	}
	line, err := readLine(ctx, f.IO.In, maxKeyInput)
	if errors.Is(err, context.Canceled) {
		return "", err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", &userError{msg: p.T("auth.err.read", err.Error()), err: err}
	}
	return strings.TrimSpace(line), nil
}

func runAuthStatus(ctx context.Context, f *Factory, opts authStatusOptions) error {
	sess, err := openForAuth(ctx, f, true)
	if err != nil {
		return err
	}
	defer sess.Close()
	p, out := f.Printer, f.IO.Out
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
	if opts.offline {
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

func runAuthLogout(ctx context.Context, f *Factory) error {
	sess, err := openForAuth(ctx, f, false)
	if err != nil {
		return err
	}
	defer sess.Close()
	p := f.Printer
	removed, err := sess.Keys.Remove()
	for _, src := range removed {
		switch src {
		case credentials.SourceKeyring:
			fmt.Fprintln(f.IO.Out, p.T("auth.logout.removed_keyring", sess.Host))
		case credentials.SourceFile:
			path, _ := sess.Keys.FilePath()
			fmt.Fprintln(f.IO.Out, p.T("auth.logout.removed_file", path))
		}
	}
	// Nothing is left where the config file says the key is.
	sess.rememberKeyStorage(f, "")
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
		fmt.Fprintln(f.IO.Out, p.T("auth.logout.nothing", sess.Host))
	}
	if f.Getenv(credentials.EnvKey) != "" {
		fmt.Fprintln(f.IO.ErrOut, p.T("auth.logout.env_still_set"))
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
