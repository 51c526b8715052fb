package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/cache"
	"github.com/miimosa/miimosa/internal/config"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/keyprompt"
)

// terminalOptions are the terminal UI's flags: the root command's own, so
// that `miimosa projects --email` stays a usage error.
type terminalOptions struct {
	email, birthdate string
	privacy, noCache bool
}

func addTerminalFlags(root *cobra.Command, f *Factory, opts *terminalOptions) {
	fl := root.Flags()
	fl.StringVar(&opts.email, "email", "", f.T("cli.usage.miimosa.email"))
	fl.StringVar(&opts.birthdate, "birthdate", "", f.T("cli.usage.miimosa.birthdate"))
	fl.BoolVar(&opts.privacy, "privacy", false, f.T("cli.usage.miimosa.privacy"))
	fl.BoolVar(&opts.noCache, "no-cache", false, f.T("cli.usage.miimosa.no-cache"))
}

// ErrNoTerminal: the UI was asked for where no one can use it.
var ErrNoTerminal = errors.New("the terminal UI needs a terminal")

func runTerminal(ctx context.Context, f *Factory, o terminalOptions) error {
	if !f.IO.OutIsTerminal() || !f.IO.InIsTerminal() {
		return &UsageError{Err: errors.New(f.T("ui.no_terminal"))}
	}
	// With --debug the screen belongs to the UI: the session logs to a
	// file, whose path is said once the UI has left the screen.
	debugLog, logPath, closeLog, err := tuiDebugLog(f)
	if err != nil {
		return err
	}
	defer closeLog()
	if logPath != "" {
		defer fmt.Fprintln(f.IO.ErrOut, f.T("ui.debug_log", logPath))
	}
	sess, err := f.OpenSession(ctx, debugLog)
	if err != nil {
		return err
	}
	if sess.Close != nil {
		defer sess.Close()
	}
	t := f.Printer
	env := &common.Env{
		T:      t,
		Format: f.Format,
		Keys:   common.NewKeyMap(t),
		// Dark until the terminal answers the background query (the root asks).
		Styles: common.NewStyles(true),
		Now:    f.Now,
	}
	opts := ui.Options{
		Env:       env,
		Client:    sess.Client,
		Host:      sess.Host,
		Demo:      sess.Demo,
		Email:     o.email,
		Birthdate: o.birthdate,
		LookupNow: o.email != "" && o.birthdate != "",
		Privacy:   o.privacy,
		Key:       keyConfig(sess, t),
	}
	if sess.StateDir != "" { // without one, an unsent lead is simply not kept
		opts.LeadDrafts = &lead.DraftStore{Dir: sess.StateDir}
	}
	// The demo's sandbox listens on another port each run: nothing to keep.
	if !o.noCache && !sess.Demo {
		opts.Cache, _ = cache.Open(f.Getenv, cache.Options{}) // no HOME: no cache, no harm
	}
	if sess.Demo && sess.DemoUser != nil && o.email == "" {
		opts.Email, opts.Birthdate, opts.LookupNow = sess.DemoUser.Email, sess.DemoUser.Birthdate, true
	}
	p := tea.NewProgram(ui.New(opts),
		tea.WithContext(ctx),
		tea.WithInput(f.IO.In),
		tea.WithOutput(f.IO.Out),
	)
	_, err = p.Run()
	if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
		return nil // ctrl+c or a signal: the person chose to leave
	}
	return err
}

// keyConfig is what the key prompt knows of the session: where the key in
// use comes from, and where a new one would be kept (the keyring, the
// --insecure-storage file, or this session only when there is no keyring),
// so that it says so rather than promise the keyring.
func keyConfig(sess *Session, t i18n.Printer) keyprompt.Config {
	cfg := keyprompt.Config{Source: sess.KeySource, NewClient: sess.NewClient}
	switch {
	case sess.KeyErr == nil:
	case errors.Is(sess.KeyErr, credentials.ErrNoKeyring):
		cfg.NoKeyring = true
	default:
		cfg.Notice = t.T("ui.key.store_problem", textsafe.Clean(sess.KeyErr.Error()))
	}
	if sess.Keys != nil { // a nil *Store in the interface would not read as nil
		cfg.Store = sess.Keys
		cfg.Insecure = sess.Keys.Insecure()
	}
	return cfg
}

// debugLogFile is the debug log's name in the state directory.
const debugLogFile = "debug.log"

// tuiDebugLog is where the terminal UI's session logs with --debug: a 0600
// file in the state directory (a private temporary file without one), not
// standard error, since log lines written over the screen would garble it.
// The logs hold no key and no personal data (the client redacts them).
// Without --debug, w is nil and logPath ""; closeLog is never nil.
func tuiDebugLog(f *Factory) (w io.Writer, logPath string, closeLog func(), err error) {
	if !f.Globals.Debug {
		return nil, "", func() {}, nil
	}
	file, err := openDebugLog(f.Getenv)
	if err != nil {
		return nil, "", nil, &userError{msg: f.T("ui.debug_log_failed", err.Error()), err: err}
	}
	return file, file.Name(), func() { _ = file.Close() }, nil
}

// openDebugLog creates (or empties) this session's debug log.
func openDebugLog(getenv func(string) string) (*os.File, error) {
	_, stateDir, _ := config.Dirs(getenv)
	if stateDir == "" {
		return os.CreateTemp("", "miimosa-debug-*.log") // 0600
	}
	if err := os.MkdirAll(stateDir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(stateDir, debugLogFile), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	// An older log may have been created with looser rights.
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
