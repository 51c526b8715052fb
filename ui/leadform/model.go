// Package leadform is the lead form (POST /leads) as a Bubble Tea model: a
// huh form over every field of the seed's body, checked as typed, reviewed
// whole, sent in a command, with the server's field errors put back beside
// their fields, and a draft kept on disk as it is typed until the lead is
// accepted.
package leadform

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// Config is what the form needs from its host.
type Config struct {
	// Submit sends the lead; the root passes client.CreateLead. It runs in a
	// command, never in Update.
	Submit func(ctx context.Context, l api.Lead) (api.LeadResult, error)
	Lang   i18n.Lang
	// T words everything; the zero Printer is i18n.New(Lang).
	T i18n.Printer
	// Drafts keeps the unsent lead; nil keeps none.
	Drafts *lead.DraftStore
	// Styles is the palette; nil is common.NewStyles(true).
	Styles *common.Styles
	Width  int
	Height int
	// Accessible runs huh's accessible mode in RunAccessible (the
	// standalone `miimosa lead`); inside the terminal UI it has no effect.
	Accessible bool
	// Now stamps saved drafts when Drafts has no clock of its own; nil is
	// time.Now.
	Now func() time.Time
}

// DoneMsg says the person left the form. ID is the accepted lead's id, 0
// when it was left unsent; Notice is a line for the status bar ("Draft
// saved.", or why it could not be).
type DoneMsg struct {
	ID     int64
	Notice string
}

type phase int

const (
	phaseLoading phase = iota // reading the draft
	phaseOffer                // "restore the draft?"
	phaseEditing
	phaseReview  // every field shown before sending
	phaseConfirm // "send again?" after a send whose outcome is unknown
	phaseSending
	phaseSent
)

// Messages the form's commands answer with.
type (
	draftLoadedMsg struct {
		draft lead.Draft
		ok    bool
		err   error
	}
	submittedMsg struct {
		seq    int
		result api.LeadResult
		err    error
	}
	// refreshMsg makes huh redraw a group after a field's line changed.
	refreshMsg struct{}
)

// errNoClient: the host has no way to send yet (no API key).
var errNoClient = errors.New("no API client")

// Model is the lead form.
type Model struct {
	cfg    Config
	t      i18n.Printer
	styles common.Styles
	ff     *formFields
	form   *huh.Form
	phase  phase
	seq    int // numbers submissions: an answer to an older one is dropped

	draft    lead.Draft // offered back in phaseOffer
	notice   string     // one line: what happened last
	noticeOK bool       // the notice is good news
	saveErr  error      // the last save of the draft failed
	result   api.LeadResult
	closing  bool // the sent screen was closed: its DoneMsg is on the way
	review   review
	// unconfirmed is when a send of this lead got no answer: it may have
	// been received, so sending again is asked first.
	unconfirmed time.Time
	auto        autosave
	gate        *saveGate // shared by the model's copies and its commands
	width       int
	height      int
}

// New builds the form. Init reads the draft, if any, to offer it back.
func New(cfg Config) Model {
	m := Model{cfg: cfg, t: cfg.T, width: cfg.Width, height: cfg.Height}
	if m.t == (i18n.Printer{}) {
		m.t = i18n.New(cfg.Lang)
	}
	if cfg.Styles != nil {
		m.styles = *cfg.Styles
	} else {
		m.styles = common.NewStyles(true)
	}
	if m.width <= 0 {
		m.width = 80
	}
	if m.height <= 0 {
		m.height = 24
	}
	m.ff = newFormFields(api.Lead{})
	m.form = m.build()
	m.auto.form = formIDs.Add(1)
	m.gate = &saveGate{}
	if cfg.Drafts == nil {
		m.phase = phaseEditing
	}
	return m
}

// Init starts the form, or first reads the draft.
func (m Model) Init() tea.Cmd {
	if m.phase == phaseLoading {
		d := m.cfg.Drafts
		return func() tea.Msg {
			draft, ok, err := d.LoadDraft()
			return draftLoadedMsg{draft: draft, ok: ok, err: err}
		}
	}
	return m.form.Init()
}

// SetSize gives the form its area.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(width, 20), max(height, 6)
	m.form.WithWidth(m.width).WithHeight(m.formHeight())
	return m
}

// Done reports whether msg is the form's "the person left" message, for a
// host that holds the form behind an interface.
func (m Model) Done(msg tea.Msg) bool {
	_, ok := msg.(DoneMsg)
	return ok
}

// Capturing is true: every key belongs to the form while it is open.
func (m Model) Capturing() bool { return true }

// Busy is true while the lead is being sent.
func (m Model) Busy() bool { return m.phase == phaseSending }

// Lead returns what is typed so far.
func (m Model) Lead() api.Lead { return m.ff.lead }

// formHeight leaves room for the title, the notice and the help line.
func (m Model) formHeight() int { return max(m.height-3, 4) }

func (m Model) build() *huh.Form {
	f := m.ff.build(buildOptions{t: m.t, styles: m.styles})
	// The help line is the form's own (help.go), not huh's footer.
	return f.WithShowHelp(false).WithWidth(m.width).WithHeight(m.formHeight())
}

// Update handles a message; every message must reach it while the form is
// open, since huh's own messages come back through the program.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case draftLoadedMsg:
		return m.draftLoaded(msg)
	case submittedMsg:
		if msg.seq != m.seq || m.phase != phaseSending {
			return m, nil
		}
		return m.submitted(msg)
	case draftSavedMsg:
		return m.saved(msg), nil
	case autosaveMsg:
		return m.autosaveTick(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.phase != phaseEditing {
			return m, nil
		}
		return m.paste(msg)
	}
	if isHuhMove(msg) || m.phase != phaseEditing {
		return m, nil
	}
	return m.updateForm(msg)
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch m.phase {
	case phaseLoading, phaseSending:
		return m, nil // a second enter while sending never sends twice
	case phaseSent:
		// Only enter or esc closes, once: a held or doubled enter from
		// sending must not hide the id, and keys pressed before the host
		// has closed the form are swallowed here, never passed behind it.
		if m.closing || msg.IsRepeat || (msg.String() != "enter" && msg.String() != "esc") {
			return m, nil
		}
		m.closing = true
		id, notice := m.result.ID, m.t.T("lead.form.received", m.result.ID)
		return m, func() tea.Msg { return DoneMsg{ID: id, Notice: notice} }
	case phaseOffer:
		switch strings.ToLower(msg.String()) {
		case "y", "o", "enter":
			m.ff = newFormFields(m.draft.Lead)
			m.unconfirmed = m.draft.Unconfirmed
			// What is on disk is this lead: nothing to save until it changes,
			// and erasing it all deletes it.
			m.auto.base, m.auto.baseUnconfirmed, m.auto.wrote = m.draft.Lead, m.draft.Unconfirmed, true
		case "n":
			m.ff = newFormFields(api.Lead{})
		case "esc", "ctrl+c":
			return m, func() tea.Msg { return DoneMsg{} }
		default:
			return m, nil
		}
		m.phase = phaseEditing
		m.form = m.build()
		return m, m.form.Init()
	}
	switch msg.String() {
	case "esc", "ctrl+c":
		return m, m.leave()
	}
	switch m.phase {
	case phaseReview:
		return m.reviewKey(msg)
	case phaseConfirm:
		return m.confirmKey(msg)
	}
	return m.updateForm(msg)
}

// leave closes the form, saving the draft first when anything was typed.
func (m Model) leave() tea.Cmd {
	worth := m.draftWorthSaving()
	m, save := m.persist(true)
	t := m.t
	if save == nil {
		return func() tea.Msg { return DoneMsg{} }
	}
	return func() tea.Msg {
		saved, _ := save().(draftSavedMsg)
		switch {
		case saved.err != nil:
			return DoneMsg{Notice: t.T("lead.form.draft_not_saved", textsafe.Clean(saved.err.Error()))}
		case worth:
			return DoneMsg{Notice: t.T("lead.form.draft_saved")}
		}
		return DoneMsg{}
	}
}

func (m Model) updateForm(msg tea.Msg) (Model, tea.Cmd) {
	before := m.ff.lead
	var cmds []tea.Cmd
	if k, ok := msg.(tea.KeyPressMsg); ok {
		var cmd tea.Cmd
		m, cmd = m.formKey(k)
		cmds = append(cmds, cmd)
	} else {
		cmds = append(cmds, m.sendForm(msg))
	}
	if m.ff.lead != before {
		var cmd tea.Cmd
		m, cmd = m.changed()
		cmds = append(cmds, cmd)
	}
	if m.form.State == huh.StateCompleted {
		var next tea.Cmd
		m, next = m.complete()
		return m, tea.Batch(append(cmds, next)...)
	}
	if m.syncErrors() {
		// huh lays a group out when it updates: let it see the new lines.
		cmds = append(cmds, m.sendForm(refreshMsg{}))
	}
	return m, tea.Batch(cmds...)
}

// syncErrors puts each field's error (or its hint) on the line under its
// title; it reports whether any line changed.
func (m Model) syncErrors() bool {
	changed := false
	for _, fs := range m.ff.order {
		line := fs.hint
		if e := fs.errorText(m.t); e != "" {
			line = m.styles.Error.Render("✗ " + e)
		}
		if line != fs.shown {
			fs.setDesc(line)
			fs.shown = line
			changed = true
		}
	}
	return changed
}

// complete checks the whole lead once the last field is passed, and shows
// the review, or the first field to fix.
func (m Model) complete() (Model, tea.Cmd) {
	l := lead.Normalize(m.ff.lead)
	var bad []string
	for _, fs := range m.ff.order {
		if lead.CheckFieldIn(l, fs.name, lead.Get(l, fs.name)) != nil ||
			(fs.serverErr != "" && *fs.value == fs.serverVal) {
			fs.touched = true
			bad = append(bad, fs.name)
		}
	}
	if len(bad) > 0 {
		m.notice, m.noticeOK = m.t.T("lead.form.local_errors", len(bad)), false
		return m.reopen(bad[0])
	}
	m.notice = ""
	return m.toReview(), nil
}

// send sends the reviewed lead in a command, telling "not sent" from "the
// outcome is unknown" (lead.Send).
func (m Model) send() (Model, tea.Cmd) {
	l := lead.Normalize(m.ff.lead)
	m.phase = phaseSending
	m.notice, m.noticeOK = m.t.T("lead.form.sending"), true
	m.seq++
	seq, submit := m.seq, m.cfg.Submit
	return m, func() tea.Msg {
		if submit == nil {
			return submittedMsg{seq: seq, err: errNoClient}
		}
		res, err := lead.Send(context.Background(), submit, l)
		return submittedMsg{seq: seq, result: res, err: err}
	}
}

// submitted handles the server's answer.
func (m Model) submitted(msg submittedMsg) (Model, tea.Cmd) {
	if msg.err == nil {
		m.phase = phaseSent
		m.result = msg.result
		m.unconfirmed = time.Time{}
		m.notice, m.noticeOK = m.t.T("lead.form.received", msg.result.ID), true
		return m.discard()
	}
	if errors.Is(msg.err, lead.ErrOutcomeUnknown) {
		// It may have arrived: keep it, say so, and ask before sending again.
		m.unconfirmed = m.clock()()
		m.notice, m.noticeOK = m.t.T("lead.form.unknown", m.errorText(msg.err)), false
		m.phase = phaseConfirm
		return m.persist(true)
	}
	var ae *api.Error
	if errors.Is(msg.err, api.ErrValidation) && errors.As(msg.err, &ae) {
		first, others := m.applyServerErrors(ae)
		var refused []string
		for _, fs := range m.ff.order {
			if fs.serverErr != "" && *fs.value == fs.serverVal {
				refused = append(refused, m.t.T(i18n.Key("lead.field."+fs.name)))
			}
		}
		switch {
		case len(refused) > 0:
			m.notice = m.t.T("lead.form.refused", strings.Join(refused, ", "))
			if len(others) > 0 {
				m.notice += " " + m.t.T("lead.form.refused_other", strings.Join(others, "; "))
			}
		case len(others) > 0:
			m.notice = m.t.T("lead.form.refused_other", strings.Join(others, "; "))
		default:
			m.notice = m.t.T("lead.form.refused_other", textsafe.Clean(ae.Message))
		}
		m.noticeOK = false
		if first == "" {
			first = lastField()
		}
		m, cmd := m.reopen(first)
		m, save := m.persist(true)
		return m, tea.Batch(cmd, save)
	}
	m.notice, m.noticeOK = m.t.T("lead.form.failed", m.errorText(msg.err)), false
	m.phase = phaseReview
	return m.persist(true)
}

// applyServerErrors puts the server's field errors beside their fields. It
// returns the first such field in form order, and the errors about fields
// the form does not have ("base"), worded for the notice.
func (m Model) applyServerErrors(ae *api.Error) (first string, others []string) {
	for _, name := range slices.Sorted(maps.Keys(ae.Fields)) {
		text := lead.ServerMessages(m.t, ae.Fields[name]) // Rails words them in English
		fs, ok := m.ff.byName[name]
		if !ok {
			others = append(others, textsafe.Clean(name)+": "+text)
			continue
		}
		fs.serverErr, fs.serverVal, fs.touched = text, *fs.value, true
	}
	for _, fs := range m.ff.order {
		if fs.serverErr != "" && *fs.value == fs.serverVal {
			return fs.name, others
		}
	}
	return "", others
}

// reopen rebuilds the form over the same values (huh cannot leave its
// completed state) and moves the cursor to field.
func (m Model) reopen(field string) (Model, tea.Cmd) {
	m.phase = phaseEditing
	m.form = m.build()
	cmds := []tea.Cmd{m.form.Init()}
	for range groupOf(field) {
		cmds = append(cmds, m.form.NextGroup())
	}
	for _, name := range groups[groupOf(field)].fields {
		if name == field {
			break
		}
		cmds = append(cmds, m.form.NextField())
	}
	m.syncErrors()
	f, cmd := m.form.Update(refreshMsg{})
	if hf, ok := f.(*huh.Form); ok {
		m.form = hf
	}
	return m, tea.Batch(append(cmds, cmd)...)
}

func lastField() string {
	g := groups[len(groups)-1].fields
	return g[len(g)-1]
}

// errorText says in one line why the lead did not go.
func (m Model) errorText(err error) string {
	var ae *api.Error
	switch {
	case errors.Is(err, errNoClient):
		return m.t.T("lead.err.no_client")
	case errors.Is(err, lead.ErrOutcomeUnknown):
		switch {
		case errors.As(err, &ae) && ae.Status == 504:
			return m.t.T("lead.err.gateway_timeout")
		case ae != nil && ae.Status != 0:
			return m.t.T("lead.err.unreadable_answer")
		case errors.Is(err, context.DeadlineExceeded):
			return m.t.T("lead.err.timeout")
		}
		return m.t.T("lead.err.lost")
	case errors.Is(err, api.ErrKeyRejected):
		return m.t.T("lead.err.key")
	case errors.Is(err, api.ErrRateLimited):
		return m.t.T("lead.err.rate_limited")
	case errors.Is(err, context.DeadlineExceeded):
		return m.t.T("lead.err.timeout")
	case errors.Is(err, api.ErrServer), errors.Is(err, api.ErrDecode):
		if errors.As(err, &ae) && ae.Status != 0 {
			return m.t.T("lead.err.server") + " (HTTP " + strconv.Itoa(ae.Status) + ")"
		}
		return m.t.T("lead.err.server")
	case errors.Is(err, api.ErrNetwork):
		return m.t.T("lead.err.network")
	}
	return textsafe.Clean(err.Error())
}

func (m Model) draftLoaded(msg draftLoadedMsg) (Model, tea.Cmd) {
	if m.phase != phaseLoading {
		return m, nil
	}
	switch {
	case msg.err != nil:
		m.notice, m.noticeOK = m.t.T("lead.form.draft_unreadable", textsafe.Clean(msg.err.Error())), false
	case msg.ok && !lead.Empty(msg.draft.Lead):
		m.draft = msg.draft
		m.phase = phaseOffer
		return m, nil
	}
	m.phase = phaseEditing
	return m, m.form.Init()
}

// View renders the form in exactly its area.
func (m Model) View() string {
	var b strings.Builder
	switch m.phase {
	case phaseReview:
		b.WriteString(m.reviewTitle())
	case phaseEditing:
		b.WriteString(m.styles.Title.Render(m.t.T("lead.form.title")))
		b.WriteString(m.styles.Subtle.Render("  · " + m.t.T("lead.form.required_legend")))
	default:
		b.WriteString(m.styles.Title.Render(m.t.T("lead.form.title")))
	}
	b.WriteString("\n")
	wrap := lipgloss.NewStyle().Width(m.width)
	switch m.phase {
	case phaseLoading:
	case phaseOffer:
		when := format.New(m.t.Lang).DateTime(api.Time{Time: m.draft.SavedAt, Valid: !m.draft.SavedAt.IsZero()})
		b.WriteString("\n" + wrap.Render(m.t.T("lead.form.draft_offer", when)) + "\n")
		if !m.draft.Unconfirmed.IsZero() {
			sent := format.New(m.t.Lang).DateTime(api.Time{Time: m.draft.Unconfirmed, Valid: true})
			b.WriteString(m.styles.Warning.Render(wrap.Render(m.t.T("lead.form.draft_offer_unconfirmed", sent))) + "\n")
		}
		b.WriteString("\n" + m.styles.HelpBar.Render(wrap.Render(m.t.T("lead.form.draft_offer_help"))))
	case phaseSending:
		// huh draws nothing once completed; the fields return if it fails.
		b.WriteString("\n" + m.styles.Subtle.Render(m.notice))
	case phaseSent:
		b.WriteString("\n" + m.styles.Success.Render(m.notice) + "\n\n")
		b.WriteString(m.styles.HelpBar.Render(m.t.T("lead.form.received_help")))
	case phaseConfirm:
		body := "\n" + m.styles.Error.Render(wrap.Render(m.noticeText())) + "\n\n" + wrap.Render(m.t.T("lead.form.resend_question"))
		rows := max(m.height-2, 1)
		b.WriteString(lipgloss.NewStyle().Height(rows).MaxHeight(rows).Render(body) + "\n")
		b.WriteString(m.helpLine())
	case phaseReview:
		notice := m.noticeLines()
		rows := max(m.height-2-lipgloss.Height(notice), 1)
		b.WriteString(lipgloss.NewStyle().Height(rows).MaxHeight(rows).Render(m.reviewView(rows)))
		b.WriteString("\n" + notice + "\n")
		b.WriteString(m.helpLine())
	default:
		b.WriteString(lipgloss.NewStyle().Height(m.formHeight()).MaxHeight(m.formHeight()).Render(m.form.View()))
		b.WriteString("\n")
		notice := ansi.Truncate(m.noticeText(), m.width, "…")
		switch {
		case notice == "":
		case m.noticeOK && m.saveErr == nil:
			b.WriteString(m.styles.Success.Render(notice))
		default:
			b.WriteString(m.styles.Error.Render(notice))
		}
		b.WriteString("\n")
		b.WriteString(m.helpLine())
	}
	return lipgloss.NewStyle().Width(m.width).MaxWidth(m.width).Height(m.height).MaxHeight(m.height).Render(b.String())
}

// noticeText is the notice, followed by why the draft could not be saved
// when the last save failed.
func (m Model) noticeText() string {
	if m.saveErr == nil {
		return m.notice
	}
	return strings.TrimSpace(m.notice + " " + m.t.T("lead.form.draft_not_saved", textsafe.Clean(m.saveErr.Error())))
}

// noticeLines is the review's notice, wrapped to the width (two lines at
// most): what happened last, or that an earlier send may have arrived.
func (m Model) noticeLines() string {
	text, style := m.noticeText(), m.styles.Error
	switch {
	case text == "" && !m.unconfirmed.IsZero():
		text, style = m.unconfirmedLine(), m.styles.Warning
	case m.noticeOK && m.saveErr == nil:
		style = m.styles.Success
	}
	lines := strings.Split(lipgloss.NewStyle().Width(m.width).Render(text), "\n")
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = ansi.Truncate(lines[1], m.width-1, "") + "…"
	}
	for i, l := range lines {
		lines[i] = style.Render(strings.TrimRight(l, " "))
	}
	return strings.Join(lines, "\n")
}

// focused names the API field that has the cursor ("" outside the form).
func (m Model) focused() string {
	if m.phase != phaseEditing {
		return ""
	}
	f := m.form.GetFocusedField()
	for _, fs := range m.ff.order {
		if fs.field == f {
			return fs.name
		}
	}
	return ""
}
