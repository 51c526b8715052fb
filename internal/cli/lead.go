package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/config"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/leadform"
)

func init() { register(newLeadCmd) }

// maxLeadFile bounds what --file reads: a lead is a few kilobytes.
const maxLeadFile = 1 << 20

func newLeadCmd(app *App, g *Globals) *cobra.Command {
	var (
		file    string
		discard bool
	)
	cmd := &cobra.Command{
		Use:   "lead [--file lead.json | --file - | --discard-draft]",
		Short: "Send a lead: a farmer's request to raise funds on MiiMOSA",
		Long: "Send a lead (POST /leads). With --file, the lead is a JSON object whose fields are the API's " +
			"(email, firstname, lastname, phone, collect_type, project_description, project_total_budget, " +
			"publication_timeframe, and the optional ones); - reads standard input (typed on a terminal, ctrl+d ends it). It is checked as the " +
			"form checks it (email, French phone number, SIRET, post code, department, amounts) and sent " +
			"normalised; the id is printed.\n\n" +
			"Without --file, on a terminal, the form opens; set ACCESSIBLE=1 for plain prompts a screen " +
			"reader can follow. A lead that could not be sent from the form is kept as a draft (readable " +
			"by you only) and offered back next time; --discard-draft deletes it.\n\n" +
			"Exit codes: 0 sent (its id is printed on standard output); 2 the lead has errors (each printed on standard error as \"field: " +
			"problem\"), found here or by the server, or the file is not a lead; 3 no API key, or it was " +
			"rejected; 6 the server could not be reached or failed; 1 the form was left with the lead unsent (esc, or " +
			"ctrl+d at a plain prompt); 130 interrupted (ctrl+c, SIGTERM). In both cases what was typed is kept as the draft, and standard error says so.",
		Example: `miimosa lead --file lead.json
partner-export | miimosa lead --file -
miimosa lead                    # the form
ACCESSIBLE=1 miimosa lead       # the form, as plain prompts
miimosa lead --discard-draft`,
		Args: noArgs(app, g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			p := i18n.New(i18n.Detect(g.Lang, app.Getenv))
			switch {
			case discard && file != "":
				return usageErr(p.T("lead.cli.flags_exclusive"))
			case discard:
				return discardDraft(app, p)
			case file != "":
				return sendLeadFile(cmd, app, g, p, file)
			}
			return runLeadForm(cmd, app, g, p)
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", "", "send the lead in this JSON file (- for standard input)")
	cmd.Flags().BoolVar(&discard, "discard-draft", false, "delete the saved lead draft")
	return cmd
}

// draftStore is the draft in the state directory.
func draftStore(app *App) (*lead.DraftStore, error) {
	_, stateDir, err := config.Dirs(app.Getenv)
	if err != nil {
		return nil, err
	}
	return &lead.DraftStore{Dir: stateDir}, nil
}

func discardDraft(app *App, p i18n.Printer) error {
	store, err := draftStore(app)
	if err != nil {
		return err
	}
	if _, statErr := os.Stat(store.Path()); errors.Is(statErr, os.ErrNotExist) {
		fmt.Fprintln(app.Stdout, p.T("lead.cli.no_draft"))
		return nil
	}
	if err := store.Discard(); err != nil {
		return err
	}
	fmt.Fprintln(app.Stdout, p.T("lead.cli.draft_discarded"))
	return nil
}

func sendLeadFile(cmd *cobra.Command, app *App, g *Globals, p i18n.Printer, file string) error {
	data, err := readLeadFile(cmd.Context(), app, p, file)
	if err != nil {
		return err
	}
	l, err := decodeLead(p, data)
	if err != nil {
		return err
	}
	// The same checks as the form, before anything leaves.
	if problems := lead.Check(l, p); len(problems) > 0 {
		n := 0
		for _, name := range lead.Fields() {
			for _, msg := range problems[name] {
				fmt.Fprintln(app.Stderr, p.T("lead.cli.field_error", name, msg))
			}
			if len(problems[name]) > 0 {
				n++
			}
		}
		return usageErr(p.T("lead.cli.refused", n))
	}
	s, client, err := openClient(cmd, app, g, p)
	if err != nil {
		return err
	}
	defer s.close()
	res, err := client.CreateLead(cmd.Context(), lead.Normalize(l))
	if err != nil {
		return leadSendError(app, s, err)
	}
	fmt.Fprintln(app.Stdout, s.p.T("lead.cli.received", res.ID))
	return nil
}

// leadSendError lists a 400's field errors on standard error and makes it a
// usage error (exit 2): the lead, not the network, needs fixing.
func leadSendError(app *App, s *cmdSession, err error) error {
	var ae *api.Error
	if errors.Is(err, api.ErrValidation) && errors.As(err, &ae) && len(ae.Fields) > 0 {
		for _, name := range slices.Sorted(maps.Keys(ae.Fields)) {
			for _, msg := range ae.Fields[name] {
				fmt.Fprintln(app.Stderr, s.p.T("lead.cli.field_error", textsafe.Clean(name), lead.ServerMessage(s.p, msg)))
			}
		}
		return &UsageError{Err: &userError{msg: s.p.T("lead.cli.server_refused", len(ae.Fields)), err: err}}
	}
	if errors.Is(err, api.ErrValidation) {
		msg := ""
		if ae != nil {
			msg = textsafe.Clean(ae.Message)
		}
		return &UsageError{Err: &userError{msg: s.p.T("lead.form.refused_other", msg), err: err}}
	}
	return s.explain(err)
}

func readLeadFile(ctx context.Context, app *App, p i18n.Printer, file string) ([]byte, error) {
	var r io.Reader
	if file == "-" {
		if app.IsTerminal != nil && app.IsTerminal(app.Stdin) {
			// Not piped: someone is to type or paste it, and must know how
			// to end it.
			fmt.Fprintln(app.Stderr, p.T("lead.cli.reading_stdin"))
		}
		rd, stop := cancellable(ctx, app.Stdin)
		defer stop()
		r = rd
	} else {
		f, err := os.Open(file)
		if err != nil {
			return nil, usageErr(p.T("lead.cli.read", err.Error()))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxLeadFile+1))
	if ctx.Err() != nil {
		if file == "-" && app.IsTerminal != nil && app.IsTerminal(app.Stdin) {
			fmt.Fprintln(app.Stderr) // ^C was echoed without a newline
		}
		return nil, ctx.Err() // ctrl+c or SIGTERM: exit 130
	}
	if err != nil {
		return nil, usageErr(p.T("lead.cli.read", err.Error()))
	}
	if len(data) > maxLeadFile {
		return nil, usageErr(p.T("lead.cli.too_large", maxLeadFile))
	}
	return data, nil
}

// decodeLead reads a JSON object of the API's lead fields. Strings are
// taken as they are, numbers as written (partners' systems send budgets as
// numbers), null as absent; any other field, or value, is a usage error
// naming it, so that a typo in a field name never drops data silently.
func decodeLead(p i18n.Printer, data []byte) (api.Lead, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil || raw == nil {
		reason := "null"
		if err != nil {
			reason = err.Error()
		}
		return api.Lead{}, usageErr(p.T("lead.cli.bad_json", textsafe.Clean(reason)))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return api.Lead{}, usageErr(p.T("lead.cli.bad_json", p.T("lead.cli.trailing")))
	}
	var unknown []string
	for _, name := range slices.Sorted(maps.Keys(raw)) {
		if !lead.Known(name) {
			unknown = append(unknown, fmt.Sprintf("%q", shorten(textsafe.Clean(name), 40)))
		}
	}
	if len(unknown) > 0 {
		if len(unknown) > 10 {
			unknown = append(unknown[:10], "…")
		}
		return api.Lead{}, usageErr(p.T("lead.cli.unknown_fields", strings.Join(unknown, ", ")))
	}
	var l api.Lead
	for _, name := range lead.Fields() {
		v, ok := raw[name]
		if !ok {
			continue
		}
		var s string
		var n json.Number
		switch {
		case string(bytes.TrimSpace(v)) == "null":
		case json.Unmarshal(v, &s) == nil:
			*lead.Ptr(&l, name) = s
		case json.Unmarshal(v, &n) == nil:
			*lead.Ptr(&l, name) = n.String()
		default:
			return api.Lead{}, usageErr(p.T("lead.cli.not_string", name))
		}
	}
	return l, nil
}

// shorten cuts s to n runes, for echoing what a file holds.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// runLeadForm runs the form on the terminal, standalone.
func runLeadForm(cmd *cobra.Command, app *App, g *Globals, p i18n.Printer) error {
	if !app.IsTerminal(app.Stdin) || !app.IsTerminal(app.Stdout) {
		return usageErr(p.T("lead.cli.no_terminal"))
	}
	store, err := draftStore(app)
	if err != nil {
		return err
	}
	s, client, err := openClient(cmd, app, g, p)
	if err != nil {
		return err
	}
	defer s.close()
	accessible := app.Getenv("ACCESSIBLE") != ""
	done, err := leadform.Run(cmd.Context(), leadform.Config{
		Submit:     client.CreateLead,
		Lang:       s.Lang,
		Drafts:     store,
		Accessible: accessible,
	}, app.Stdin, app.Stdout)
	if errors.Is(err, context.Canceled) && accessible {
		fmt.Fprintln(app.Stdout) // end the prompt line that was interrupted
	}
	if done.Notice != "" && done.ID == 0 {
		fmt.Fprintln(app.Stderr, done.Notice)
	}
	if err != nil {
		switch {
		case errors.Is(err, context.Canceled):
			// ctrl+c or SIGTERM: the draft is saved (said above); exit 130.
			return &userError{msg: s.p.T("lead.cli.interrupted"), err: err}
		case errors.Is(err, leadform.ErrNotSent):
			return &userError{msg: s.p.T("lead.cli.cancelled"), err: err}
		}
		return leadSendError(app, s, err)
	}
	if done.ID != 0 {
		fmt.Fprintln(app.Stdout, s.p.T("lead.cli.received", done.ID))
	}
	return nil
}
