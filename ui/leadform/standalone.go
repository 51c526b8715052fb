package leadform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/muesli/cancelreader"
)

// program runs the form as a whole program: `miimosa lead` on a terminal.
type program struct {
	m    Model
	done DoneMsg
	left bool // the form sent DoneMsg
	// interrupted: ctrl+c was pressed (in raw mode it is a key, not
	// SIGINT), which ends the program as an interruption, not as esc.
	interrupted bool
}

// Program wraps the form as a tea.Model that quits when the person leaves
// it; its final model's Done tells how.
func Program(cfg Config) tea.Model { return program{m: New(cfg)} }

func (p program) Init() tea.Cmd { return p.m.Init() }

func (p program) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.m = p.m.SetSize(msg.Width, msg.Height)
		return p, nil
	case DoneMsg:
		p.done, p.left = msg, true
		return p, tea.Quit
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			switch {
			case p.m.phase == phaseSent:
				// The lead is in: ctrl+c closes its receipt, as enter does.
				p.done, p.left = DoneMsg{ID: p.m.result.ID}, true
				return p, tea.Quit
			case p.m.phase == phaseLoading || p.m.phase == phaseSending:
				// The form ignores keys meanwhile; ctrl+c still ends the
				// program, and Run keeps the draft.
				p.interrupted = true
				return p, tea.Quit
			}
			p.interrupted = true
		}
	}
	var cmd tea.Cmd
	p.m, cmd = p.m.Update(msg)
	return p, cmd
}

func (p program) View() tea.View {
	v := tea.NewView(p.m.View())
	v.AltScreen = true
	return v
}

// Done is how a Program's final model was left.
func Done(m tea.Model) DoneMsg {
	if p, ok := m.(program); ok {
		return p.done
	}
	return DoneMsg{}
}

// Run runs the form on a terminal until the person leaves it, and says how:
// nil with DoneMsg.ID when the lead was sent, ErrNotSent when it was left
// (esc), ErrInterrupted on ctrl+c, ctx's error when ctx was cancelled; the
// draft is saved in every case but the first. ctx must be cancelled on
// SIGINT and SIGTERM. In
// accessible mode (cfg.Accessible) huh's plain prompts replace the screen,
// for screen readers.
func Run(ctx context.Context, cfg Config, in io.Reader, out io.Writer) (DoneMsg, error) {
	if cfg.Accessible {
		return RunAccessible(ctx, cfg, in, out)
	}
	// Signals are the caller's (fang turns SIGINT and SIGTERM into ctx's
	// cancellation, which kills the program): Bubble Tea's own handler
	// would race it and end a SIGTERM as a plain quit, i.e. as esc.
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithoutSignalHandler()}
	if cfg.Width > 0 && cfg.Height > 0 {
		// A size known in advance (not a terminal: tests) draws at once.
		opts = append(opts, tea.WithWindowSize(cfg.Width, cfg.Height))
	}
	final, err := tea.NewProgram(Program(cfg), opts...).Run()
	p, ok := final.(program)
	if !ok {
		return DoneMsg{}, err
	}
	// Whatever ends the program, no save of the form's is left running
	// after Run returns, and none starts: the caller exits next.
	defer p.m.stopSaving()
	switch {
	case err != nil:
		// SIGTERM (or SIGINT sent from outside) cancels ctx and kills the
		// program: what was typed is kept, as esc and ctrl+c keep it.
		var done DoneMsg
		if ctx.Err() != nil {
			done.Notice = p.saveDraft()
		}
		return done, err
	case p.left && p.done.ID != 0:
		return p.done, nil
	case p.interrupted:
		done := p.done
		if !p.left {
			done.Notice = p.saveDraft()
		}
		return done, ErrInterrupted
	}
	return p.done, ErrNotSent
}

// saveDraft keeps what is typed when the program ended without the form
// saving it, and says so.
func (p program) saveDraft() string {
	worth := p.m.draftWorthSaving()
	if err := p.m.SaveDraft(); err != nil {
		return p.m.t.T("lead.form.draft_not_saved", textsafe.Clean(err.Error()))
	}
	if worth {
		return p.m.t.T("lead.form.draft_saved")
	}
	return ""
}

// ErrNotSent is returned when the form is left (esc, or the end of input in
// accessible mode) without the lead being accepted; the draft is saved by
// then.
var ErrNotSent = errors.New("lead not sent")

// ErrInterrupted is returned when ctrl+c ends the full-screen form with the
// lead unsent; it is a cancellation, as a signal's is.
var ErrInterrupted = fmt.Errorf("lead not sent: %w", context.Canceled)

// RunAccessible asks for every field with plain prompts (huh's accessible
// mode) and sends the lead. An empty answer keeps the value shown in
// brackets, so after a refusal only the refused fields need typing again.
func RunAccessible(ctx context.Context, cfg Config, in io.Reader, out io.Writer) (DoneMsg, error) {
	m := New(cfg)
	t := m.t
	plain := common.Styles{} // no colours: a screen reader reads escape codes aloud
	// huh's accessible prompts block on a read that ignores ctx, and take
	// the end of input as "keep the value": ctrlReader returns at once when
	// ctx is cancelled (ctrl+c, SIGTERM), and ends every later read at the
	// first end of input (ctrl+d), so either stops the form.
	r := &ctrlReader{ctx: ctx, r: in}
	if f, ok := in.(cancelreader.File); ok {
		// stdin: a read blocked on it is woken when ctx is cancelled, so
		// that no read is left behind holding the terminal.
		if cr, err := cancelreader.NewReader(f); err == nil {
			unwatch := context.AfterFunc(ctx, func() { cr.Cancel() })
			defer func() { unwatch(); _ = cr.Close() }()
			r.r, r.direct = cr, true
		}
	}
	// Once stopped, huh still walks the remaining fields, printing each
	// prompt: prompts holds them back, so the interruption ends the output.
	prompts := &stoppedWriter{w: out, stopped: func() bool { return r.eof || ctx.Err() != nil }}
	ff := newFormFields(api.Lead{})
	var unconfirmed time.Time // a send of the restored lead got no answer
	if d, ok, err := cfg.Drafts.LoadDraft(); err != nil {
		fmt.Fprintln(out, t.T("lead.form.draft_unreadable", textsafe.Clean(err.Error())))
	} else if ok && !lead.Empty(d.Lead) {
		restore := true
		f := format.New(t.Lang)
		title := t.T("lead.form.draft_offer", f.DateTime(api.Time{Time: d.SavedAt, Valid: !d.SavedAt.IsZero()}))
		if !d.Unconfirmed.IsZero() {
			title += " " + t.T("lead.form.draft_offer_unconfirmed", f.DateTime(api.Time{Time: d.Unconfirmed, Valid: true}))
		}
		if err := confirm(ctx, title, &restore, r, prompts, t); err != nil {
			return DoneMsg{}, err
		}
		if restore {
			ff = newFormFields(d.Lead)
			unconfirmed = d.Unconfirmed
		}
	}
	clock := m.clock()
	write := func(l api.Lead) error {
		if cfg.Drafts == nil || lead.Empty(l) {
			return nil
		}
		_, err := cfg.Drafts.Put(cfg.Drafts.Next(), lead.Draft{Lead: l, SavedAt: clock(), Unconfirmed: unconfirmed})
		return err
	}
	save := func() string {
		if lead.Empty(ff.lead) || cfg.Drafts == nil {
			return ""
		}
		if err := write(ff.lead); err != nil {
			return t.T("lead.form.draft_not_saved", textsafe.Clean(err.Error()))
		}
		return t.T("lead.form.draft_saved")
	}
	// Each answer is saved as it is given: a closed terminal loses nothing
	// typed before the last enter. A failure is said once, at the end.
	answered := func(field, value string) {
		l := ff.lead
		*lead.Ptr(&l, field) = value
		_ = write(l)
	}
	for {
		if !lead.Empty(ff.lead) {
			fmt.Fprintln(out, t.T("lead.accessible.keep_hint"))
		}
		form := ff.build(buildOptions{t: t, styles: plain, accessible: true, answered: answered}).WithInput(r).WithOutput(prompts)
		if err := form.RunWithContext(ctx); err != nil {
			return DoneMsg{Notice: save()}, err
		}
		if err := ctx.Err(); err != nil {
			return DoneMsg{Notice: save()}, err
		}
		if r.eof {
			// Input ended inside the form: what was typed is a draft, not a lead.
			return DoneMsg{Notice: save()}, ErrNotSent
		}
		l := lead.Normalize(ff.lead)
		if probs := lead.Check(l, t); len(probs) > 0 {
			for _, name := range lead.Fields() {
				for _, p := range probs[name] {
					fmt.Fprintln(out, t.T("lead.cli.field_error", t.T(i18n.Key("lead.field."+name)), p))
				}
			}
			continue
		}
		if cfg.Submit == nil {
			return DoneMsg{Notice: save()}, errNoClient
		}
		if !unconfirmed.IsZero() {
			// An earlier send may have arrived: sending again is asked first.
			again := false
			q := t.T("lead.review.unconfirmed", format.New(t.Lang).DateTime(api.Time{Time: unconfirmed, Valid: true})) +
				" " + t.T("lead.form.resend_question")
			if err := confirm(ctx, q, &again, r, prompts, t); err != nil || !again || r.eof {
				if err == nil {
					err = ErrNotSent
				}
				return DoneMsg{Notice: save()}, err
			}
		}
		fmt.Fprintln(out, t.T("lead.form.sending"))
		res, err := lead.Send(ctx, cfg.Submit, l)
		if err == nil {
			if cfg.Drafts != nil {
				_ = cfg.Drafts.Discard() // the lead is in; a stale draft would only confuse
			}
			fmt.Fprintln(out, t.T("lead.form.received", res.ID))
			return DoneMsg{ID: res.ID, Notice: t.T("lead.form.received", res.ID)}, nil
		}
		if errors.Is(err, lead.ErrOutcomeUnknown) {
			unconfirmed = clock()
			fmt.Fprintln(out, t.T("lead.form.unknown", m.errorText(err)))
			return DoneMsg{Notice: save()}, err
		}
		var ae *api.Error
		if !errors.Is(err, api.ErrValidation) || !errors.As(err, &ae) || len(ae.Fields) == 0 {
			fmt.Fprintln(out, t.T("lead.form.failed", m.errorText(err)))
			return DoneMsg{Notice: save()}, err
		}
		m.ff = ff
		m.applyServerErrors(ae)
		for _, name := range slices.Sorted(maps.Keys(ae.Fields)) {
			fmt.Fprintln(out, t.T("lead.cli.field_error", textsafe.Clean(name), lead.ServerMessages(t, ae.Fields[name])))
		}
		fmt.Fprintln(out, t.T("lead.accessible.server_refused_again"))
	}
}

// confirm asks a yes/no question with huh's plain prompt.
func confirm(ctx context.Context, title string, v *bool, in io.Reader, out io.Writer, t i18n.Printer) error {
	q := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(title).
		Affirmative(t.T("lead.form.yes")).Negative(t.T("lead.form.no")).Value(v))).
		WithAccessible(true).WithTheme(theme(common.Styles{})).WithInput(in).WithOutput(out)
	return q.RunWithContext(ctx)
}

// ctrlReader reads in, returning ctx's error as soon as ctx is cancelled,
// and io.EOF for good once in has ended: a terminal's ctrl+d ends one read
// only, and huh would go on to the next field. A file (stdin) is read
// through a cancelreader, directly; any other reader (an in-process
// caller's) on another goroutine, left blocked on cancel.
type ctrlReader struct {
	ctx    context.Context
	r      io.Reader
	direct bool // r wakes when ctx is cancelled
	eof    bool
}

func (c *ctrlReader) Read(p []byte) (int, error) {
	if c.eof {
		return 0, io.EOF
	}
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if c.direct {
		n, err := c.r.Read(p)
		if c.ctx.Err() != nil {
			return 0, c.ctx.Err()
		}
		if errors.Is(err, io.EOF) {
			c.eof = true
			if n > 0 {
				return n, nil
			}
		}
		return n, err
	}
	type result struct {
		b   []byte
		err error
	}
	ch, buf := make(chan result, 1), make([]byte, len(p))
	go func() {
		n, err := c.r.Read(buf)
		ch <- result{buf[:n], err}
	}()
	select {
	case res := <-ch:
		n := copy(p, res.b)
		if errors.Is(res.err, io.EOF) {
			c.eof = true
			if n > 0 {
				return n, nil // the last bytes first, the end at the next read
			}
		}
		return n, res.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}

// stoppedWriter writes to w until stopped reports true, then drops what it
// is given.
type stoppedWriter struct {
	w       io.Writer
	stopped func() bool
}

func (s *stoppedWriter) Write(p []byte) (int, error) {
	if s.stopped() {
		return len(p), nil
	}
	return s.w.Write(p)
}
