package leadform

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// The review: once every field is filled and checked, the whole lead is
// shown, field by field, before anything is sent. Enter sends, e goes back
// to the field under the cursor, shift+tab to the last field, esc closes
// (the draft is kept).

type reviewKeyMap struct{ send, move, edit, back, up, down key.Binding }

func reviewKeys(t i18n.Printer) reviewKeyMap {
	return reviewKeyMap{
		send: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("lead.keys.submit"))),
		move: key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", t.T("lead.keys.move"))),
		edit: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.T("lead.keys.edit"))),
		back: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", t.T("lead.keys.back"))),
		up:   key.NewBinding(key.WithKeys("up", "k")),
		down: key.NewBinding(key.WithKeys("down", "j")),
	}
}

type confirmKeyMap struct{ yes, no key.Binding }

func confirmKeys(t i18n.Printer) confirmKeyMap {
	return confirmKeyMap{
		yes: key.NewBinding(key.WithKeys("y", "o", "Y", "O"), key.WithHelp(t.T("lead.keys.yes"), t.T("lead.keys.send_again"))),
		no:  key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", t.T("lead.keys.to_review"))),
	}
}

// review is the review screen's cursor: a field of lead.Fields().
type review struct{ cursor int }

// toReview shows the review, the cursor on the first field.
func (m Model) toReview() Model {
	m.phase = phaseReview
	m.review = review{}
	return m
}

func (m Model) reviewKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	rk := reviewKeys(m.t)
	fields := lead.Fields()
	switch {
	case key.Matches(k, rk.up):
		m.review.cursor = max(m.review.cursor-1, 0)
	case key.Matches(k, rk.down):
		m.review.cursor = min(m.review.cursor+1, len(fields)-1)
	case key.Matches(k, rk.edit):
		m.notice = ""
		return m.reopen(fields[m.review.cursor])
	case key.Matches(k, rk.back):
		m.notice = ""
		return m.reopen(lastField()) // back, as from any field: to the one before

	case key.Matches(k, rk.send) && !k.IsRepeat:
		if !m.unconfirmed.IsZero() {
			m.phase = phaseConfirm // the last send may have arrived: ask
			return m, nil
		}
		return m.send()
	}
	return m, nil
}

func (m Model) confirmKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	ck := confirmKeys(m.t)
	switch {
	case key.Matches(k, ck.yes) && !k.IsRepeat:
		return m.send()
	case key.Matches(k, ck.no):
		m.phase = phaseReview
	}
	return m, nil
}

// value is how the review shows a field's value: an enum by its label, an
// empty field as a dash, anything else as typed.
func (m Model) value(field string) (string, bool) {
	v := lead.Get(m.ff.lead, field)
	if strings.TrimSpace(v) == "" {
		return m.t.T("lead.review.empty"), false
	}
	if field == lead.ProjectDescription {
		return textsafe.CleanMultiline(v), true
	}
	return textsafe.Clean(Label(m.t, field, v)), true
}

// reviewView draws the fields in rows of label and value, scrolled so that
// the cursor's row is in sight, in height lines.
func (m Model) reviewView(height int) string {
	fields := lead.Fields()
	labels := make([]string, len(fields))
	labelW := 0
	for i, f := range fields {
		labels[i] = m.t.T(i18n.Key("lead.field." + f))
		if lead.Required(f) {
			labels[i] += " *"
		}
		labelW = max(labelW, ansi.StringWidth(labels[i]))
	}
	labelW = min(labelW, max(m.width/2-2, 8))
	valueW := max(m.width-labelW-4, 8)
	var lines []string
	first, last := 0, 0 // the cursor row's lines
	for i, f := range fields {
		v, set := m.value(f)
		vs := m.styles.Cell
		if !set {
			vs = m.styles.Subtle
		}
		ls, mark := m.styles.Header, "  "
		if i == m.review.cursor {
			ls, mark = m.styles.Accent, m.styles.Accent.Render("› ")
		}
		label := ls.Render(ansi.Truncate(labels[i], labelW, "…"))
		label += strings.Repeat(" ", labelW-ansi.StringWidth(ansi.Truncate(labels[i], labelW, "…")))
		value := vs.Render(lipgloss.NewStyle().Width(valueW).Render(v))
		row := lipgloss.JoinHorizontal(lipgloss.Top, mark, label, "  ", value)
		if i == m.review.cursor {
			first = len(lines)
		}
		lines = append(lines, strings.Split(row, "\n")...)
		if i == m.review.cursor {
			last = len(lines) - 1
		}
	}
	top := 0
	if len(lines) > height {
		// Keep the cursor's row in sight, as close to the top as the end allows.
		top = min(max(last-height+1, 0), first)
		top = min(top, len(lines)-height)
	}
	return strings.Join(lines[top:min(top+height, len(lines))], "\n")
}

// reviewTitle is the review's heading, with the cursor's position.
func (m Model) reviewTitle() string {
	return m.styles.Title.Render(m.t.T("lead.review.title")) +
		m.styles.Subtle.Render("  · "+m.t.T("lead.review.position", m.review.cursor+1, len(lead.Fields())))
}

// unconfirmedLine says that an earlier send of this lead may have arrived.
func (m Model) unconfirmedLine() string {
	when := format.New(m.t.Lang).DateTime(api.Time{Time: m.unconfirmed, Valid: true})
	return m.t.T("lead.review.unconfirmed", when)
}
