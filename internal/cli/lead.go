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

// maxLeadFile bounds what --file reads: a lead is a few kilobytes.
const maxLeadFile = 1 << 20

// leadOptions are `miimosa lead`'s flags.
type leadOptions struct {
	file    string
	discard bool
}

func newLeadCmd(f *Factory) *cobra.Command {
	var opts leadOptions
	cmd := &cobra.Command{
		Use:     "lead",
		Short:   f.T("cli.short.miimosa.lead"),
		Long:    f.T("cli.long.miimosa.lead"),
		Example: f.T("cli.example.miimosa.lead"),
		Args:    noArgs(f),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			switch {
			case opts.discard && opts.file != "":
				return usageErr(f.T("lead.cli.flags_exclusive"))
			case opts.discard:
				return discardDraft(f)
			case opts.file != "":
				return sendLeadFile(ctx, f, opts.file)
			}
			return runLeadForm(ctx, f)
		},
	}
	cmd.Flags().StringVarP(&opts.file, "file", "f", "", f.T("cli.usage.miimosa.lead.file"))
	cmd.Flags().BoolVar(&opts.discard, "discard-draft", false, f.T("cli.usage.miimosa.lead.discard-draft"))
	return cmd
}

// draftStore is the draft in the state directory.
func draftStore(getenv func(string) string) (*lead.DraftStore, error) {
	_, stateDir, err := config.Dirs(getenv)
	if err != nil {
		return nil, err
	}
	return &lead.DraftStore{Dir: stateDir}, nil
}

func discardDraft(f *Factory) error {
	store, err := draftStore(f.Getenv)
	if err != nil {
		return err
	}
	if _, statErr := os.Stat(store.Path()); errors.Is(statErr, os.ErrNotExist) {
		fmt.Fprintln(f.IO.Out, f.T("lead.cli.no_draft"))
		return nil
	}
	if err := store.Discard(); err != nil {
		return err
	}
	fmt.Fprintln(f.IO.Out, f.T("lead.cli.draft_discarded"))
	return nil
}

// sendLeadFile sends the lead in file (- for standard input). Its id is
// standard output's only line, as its help promises, so that a script can
// keep it (id=$(miimosa lead --file x.json)); the sentence a person reads
// goes to standard error.
func sendLeadFile(ctx context.Context, f *Factory, file string) error {
	p := f.Printer
	data, err := readLeadFile(ctx, f, file)
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
				fmt.Fprintln(f.IO.ErrOut, p.T("lead.cli.field_error", name, msg))
			}
			if len(problems[name]) > 0 {
				n++
			}
		}
		return usageErr(p.T("lead.cli.refused", n))
	}
	s, client, err := openClient(ctx, f)
	if err != nil {
		return err
	}
	defer s.close()
	// Send tells a lead that never left from one whose answer was lost:
	// the second may have been filed, and must not be sent again blindly.
	res, err := lead.Send(ctx, client.CreateLead, lead.Normalize(l))
	if err != nil {
		return leadSendError(f, s, err)
	}
	fmt.Fprintln(f.IO.Out, res.ID)
	fmt.Fprintln(f.IO.ErrOut, p.T("lead.cli.received", res.ID))
	return nil
}

// leadSendError lists a 400's field errors on standard error and makes it a
// usage error (exit 2): the lead, not the network, needs fixing.
func leadSendError(f *Factory, s *cmdSession, err error) error {
	if errors.Is(err, lead.ErrOutcomeUnknown) {
		return &userError{msg: s.p.T("lead.cli.outcome_unknown"), err: err}
	}
	var ae *api.Error
	if errors.Is(err, api.ErrValidation) && errors.As(err, &ae) && len(ae.Fields) > 0 {
		for _, name := range slices.Sorted(maps.Keys(ae.Fields)) {
			for _, msg := range ae.Fields[name] {
				fmt.Fprintln(f.IO.ErrOut, s.p.T("lead.cli.field_error", textsafe.Clean(name), lead.ServerMessage(s.p, msg)))
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

func readLeadFile(ctx context.Context, f *Factory, file string) ([]byte, error) {
	p := f.Printer
	var r io.Reader
	if file == "-" {
		if f.IO.InIsTerminal() {
			// Not piped: someone is to type or paste it, and must know how
			// to end it.
			fmt.Fprintln(f.IO.ErrOut, p.T("lead.cli.reading_stdin"))
		}
		rd, stop := cancellable(ctx, f.IO.In)
		defer stop()
		r = rd
	} else {
		fh, err := os.Open(file)
		if err != nil {
			return nil, usageErr(p.T("lead.cli.read", err.Error()))
		}
		defer fh.Close()
		r = fh
	}
	data, err := io.ReadAll(io.LimitReader(r, maxLeadFile+1))
	if ctx.Err() != nil {
		if file == "-" && f.IO.InIsTerminal() {
			fmt.Fprintln(f.IO.ErrOut) // ^C was echoed without a newline
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
func runLeadForm(ctx context.Context, f *Factory) error {
	if !f.IO.InIsTerminal() || !f.IO.OutIsTerminal() {
		return usageErr(f.T("lead.cli.no_terminal"))
	}
	store, err := draftStore(f.Getenv)
	if err != nil {
		return err
	}
	s, client, err := openClient(ctx, f)
	if err != nil {
		return err
	}
	defer s.close()
	accessible := f.Getenv("ACCESSIBLE") != ""
	done, err := leadform.Run(ctx, leadform.Config{
		Submit:     client.CreateLead,
		Lang:       f.Lang,
		Drafts:     store,
		Accessible: accessible,
	}, f.IO.In, f.IO.Out)
	if errors.Is(err, context.Canceled) && accessible {
		fmt.Fprintln(f.IO.Out) // end the prompt line that was interrupted
	}
	if done.Notice != "" && done.ID == 0 {
		fmt.Fprintln(f.IO.ErrOut, done.Notice)
	}
	if err != nil {
		switch {
		case errors.Is(err, context.Canceled):
			// ctrl+c or SIGTERM: the draft is saved (said above); exit 130.
			return &userError{msg: s.p.T("lead.cli.interrupted"), err: err}
		case errors.Is(err, leadform.ErrNotSent):
			return &userError{msg: s.p.T("lead.cli.cancelled"), err: err}
		}
		return leadSendError(f, s, err)
	}
	if done.ID != 0 {
		fmt.Fprintln(f.IO.Out, f.T("lead.cli.received", done.ID))
	}
	return nil
}
