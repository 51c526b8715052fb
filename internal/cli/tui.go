package cli

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/keyprompt"
	"github.com/spf13/cobra"
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

	sess, err := g.Open(cmd.Context(), app)
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
		Client: sess.Client,
		Now:    time.Now,
	}
	opts := ui.Options{
		Env:       env,
		Host:      sess.Host,
		Demo:      sess.Demo,
		Email:     email,
		Birthdate: birthdate,
		LookupNow: email != "" && birthdate != "",
		Privacy:   privacy,
		Key: keyprompt.Config{
			Source:    sess.KeySource,
			NewClient: sess.NewClient,
		},
	}
	if sess.StateDir != "" { // without one, an unsent lead is simply not kept
		opts.LeadDrafts = &lead.DraftStore{Dir: sess.StateDir}
	}
	switch {
	case sess.KeyErr == nil:
	case errors.Is(sess.KeyErr, credentials.ErrNoKeyring):
		opts.Key.Notice = t.T("ui.key.no_keyring")
	default:
		opts.Key.Notice = t.T("ui.key.store_problem", textsafe.Clean(sess.KeyErr.Error()))
	}
	if sess.Keys != nil { // a nil *Store in the interface would not read as nil
		opts.Key.Store = sess.Keys
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
