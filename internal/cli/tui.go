package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/config"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/keyprompt"
)

// The terminal UI is the root command; its flags are the root's own, so
// that `miimosa projects --email` stays a usage error.
func init() {
	runTUI = runTerminal
	rootFlags = append(rootFlags, func(root *cobra.Command) {
		f := root.Flags()
		f.String("email", "", "fill the lookup in with this email")
		f.String("birthdate", "", "fill the lookup in with this birthdate (27/11/1980 or 1980-11-27); with --email, look up at once")
		f.Bool("privacy", false, "start with every amount masked")
	})
}

// ErrNoTerminal: the UI was asked for where no one can use it.
var ErrNoTerminal = errors.New("the terminal UI needs a terminal")

func runTerminal(cmd *cobra.Command, app *App, g *Globals) error {
	if !app.IsTerminal(app.Stdout) || !app.IsTerminal(app.Stdin) {
		lang := i18n.Detect(g.Lang, app.Getenv)
		return &UsageError{Err: errors.New(i18n.New(lang).T("ui.no_terminal"))}
	}
	email, _ := cmd.Flags().GetString("email")
	birthdate, _ := cmd.Flags().GetString("birthdate")
	privacy, _ := cmd.Flags().GetBool("privacy")

	// With --debug the screen belongs to the UI: the session logs to a
	// file, whose path is said once the UI has left the screen.
	sessApp, logPath, closeLog, err := tuiApp(app, g)
	if err != nil {
		return err
	}
	defer closeLog()
	if logPath != "" {
		lang := i18n.Detect(g.Lang, app.Getenv)
		defer fmt.Fprintln(app.Stderr, i18n.New(lang).T("ui.debug_log", logPath))
	}
	sess, err := g.Open(cmd.Context(), sessApp)
	if err != nil {
		return err
	}
	if sess.Close != nil {
		defer sess.Close()
	}
	t := i18n.New(sess.Lang)
	env := &common.Env{
		T:      t,
		Format: format.New(sess.Lang),
		Keys:   common.NewKeyMap(t),
		// Dark until the terminal answers the background query (the root asks).
		Styles: common.NewStyles(true),
		Now:    time.Now,
	}
	opts := ui.Options{
		Env:       env,
		Client:    sess.Client,
		Host:      sess.Host,
		Demo:      sess.Demo,
		Email:     email,
		Birthdate: birthdate,
		LookupNow: email != "" && birthdate != "",
		Privacy:   privacy,
		Key:       keyConfig(sess, t),
	}
	if sess.StateDir != "" { // without one, an unsent lead is simply not kept
		opts.LeadDrafts = &lead.DraftStore{Dir: sess.StateDir}
	}
	if sess.Demo && sess.DemoUser != nil && email == "" {
		opts.Email, opts.Birthdate, opts.LookupNow = sess.DemoUser.Email, sess.DemoUser.Birthdate, true
	}
	p := tea.NewProgram(ui.New(opts),
		tea.WithContext(cmd.Context()),
		tea.WithInput(app.Stdin),
		tea.WithOutput(app.Stdout),
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

// tuiApp is app as the terminal UI's session sees it. With --debug its
// standard error is a 0600 file in the state directory (a private temporary
// file without one): log lines written over the screen would garble it.
// The logs hold no key and no personal data (the client redacts them).
// logPath is "" without --debug; closeLog is never nil.
func tuiApp(app *App, g *Globals) (sessApp *App, logPath string, closeLog func(), err error) {
	if !g.Debug {
		return app, "", func() {}, nil
	}
	f, err := openDebugLog(app.Getenv)
	if err != nil {
		lang := i18n.Detect(g.Lang, app.Getenv)
		return nil, "", nil, &userError{msg: i18n.New(lang).T("ui.debug_log_failed", err.Error()), err: err}
	}
	a := *app
	a.Stderr = f
	return &a, f.Name(), func() { _ = f.Close() }, nil
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
