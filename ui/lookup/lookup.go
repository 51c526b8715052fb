// Package lookup is the "who is calling" form: an email and a birthdate,
// checked against the API before the dashboard shows anyone's data.
package lookup

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/ui/common"
)

// DoneMsg leaves the form: with the person found, or Skipped (esc: the
// projects need no one).
type DoneMsg struct {
	User    api.User
	Skipped bool
	// First is the first page of the person's pledges: the check asked for
	// it, so the pledges pane need not ask again.
	First *api.Page[api.Pledge]
}

// checkedMsg answers one check; seq drops the answer to an abandoned one.
type checkedMsg struct {
	seq   int
	user  api.User
	first api.Page[api.Pledge]
	err   error
}

const (
	fieldEmail = iota
	fieldBirthdate
)

// cardWidth is the form's natural width; it shrinks on narrow terminals.
const cardWidth = 60

// Model is the lookup form.
type Model struct {
	env           *common.Env
	client        *api.Client // nil until a key is known
	width, height int
	inputs        [2]textinput.Model
	field         int

	req     common.Request // the check of what was typed
	problem string         // what went wrong, said on the form
}

// New returns an empty form with the email field focused.
func New(env *common.Env, client *api.Client) Model {
	m := Model{env: env, client: client}
	for i := range m.inputs {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = 254 // the longest email address there can be
		in.SetStyles(common.InputStyles(env.Styles))
		m.inputs[i] = in
	}
	m.inputs[fieldEmail].Placeholder = env.T.T("ui.lookup.email_placeholder")
	m.inputs[fieldBirthdate].Placeholder = env.T.T("ui.lookup.birthdate_placeholder")
	m.inputs[fieldBirthdate].CharLimit = 32
	m.inputs[fieldEmail].Focus()
	return m
}

// Prefill fills the fields in (from --email, --birthdate or the demo user).
func (m Model) Prefill(email, birthdate string) Model {
	m.inputs[fieldEmail].SetValue(email)
	m.inputs[fieldBirthdate].SetValue(birthdate)
	if email != "" && birthdate == "" {
		m = m.focus(fieldBirthdate)
	}
	return m
}

// Init starts nothing: the form waits for keys.
func (m Model) Init() tea.Cmd { return nil }

// SetSize gives the form the area it is centred in.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	w := m.fieldWidth()
	for i := range m.inputs {
		m.inputs[i].SetWidth(w - 1) // the cursor takes a cell after the text
	}
	return m
}

// SetFocused is part of the pane contract; the form has the keyboard
// whenever it is shown.
func (m Model) SetFocused(bool) Model { return m }

// Capturing is always true: every letter goes into a field.
func (m Model) Capturing() bool { return true }

// Busy reports a check in flight.
func (m Model) Busy() bool { return m.req.Busy() }

// Update handles keys and the answer of a check.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	keys := m.env.Keys
	switch msg := msg.(type) {
	case checkedMsg:
		return m.answer(msg)
	case common.ClientMsg:
		m.client = msg.Client
		return m, nil
	case common.EnvMsg:
		m.env = msg.Env
		for i := range m.inputs {
			m.inputs[i].SetStyles(common.InputStyles(m.env.Styles))
		}
		return m, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, keys.Back):
			m.req.Abandon()
			return m, func() tea.Msg { return DoneMsg{Skipped: true} }
		case key.Matches(msg, keys.NextPane), key.Matches(msg, keys.PrevPane):
			return m.focus(1 - m.field), nil
		case key.Matches(msg, keys.Open):
			if m.field == fieldEmail && strings.TrimSpace(m.inputs[fieldBirthdate].Value()) == "" {
				return m.focus(fieldBirthdate), nil
			}
			return m.Submit()
		}
	}
	var cmd tea.Cmd
	m.inputs[m.field], cmd = m.inputs[m.field].Update(msg)
	return m, cmd
}

// focus moves the keyboard to field i.
func (m Model) focus(i int) Model {
	m.field = i
	for j := range m.inputs {
		if j == i {
			m.inputs[j].Focus()
		} else {
			m.inputs[j].Blur()
		}
	}
	return m
}

// Submit checks what was typed, then asks the server whether this email and
// birthdate name someone, with the cheapest call that tells both apart.
func (m Model) Submit() (Model, tea.Cmd) {
	m.req.Abandon()
	t := m.env.T
	email := strings.TrimSpace(m.inputs[fieldEmail].Value())
	if !plausibleEmail(email) {
		m.problem = t.T("ui.lookup.bad_email")
		return m.focus(fieldEmail), nil
	}
	birthdate, err := api.NormalizeBirthdate(m.inputs[fieldBirthdate].Value(), m.env.Now())
	if err != nil {
		m.problem = t.T("ui.lookup.bad_birthdate")
		return m.focus(fieldBirthdate), nil
	}
	c := m.client
	if c == nil {
		m.problem = t.T("ui.lookup.no_key")
		return m, nil
	}
	ctx, seq := m.req.Start()
	m.problem = ""
	user := api.User{Email: email, Birthdate: birthdate}
	return m, func() tea.Msg {
		// The check is the first page the pledges pane needs anyway: one
		// round trip for both.
		p, err := c.Pledges(ctx, user, 1, common.PledgesPerPage)
		return checkedMsg{seq: seq, user: user, first: p, err: err}
	}
}

func (m Model) answer(msg checkedMsg) (Model, tea.Cmd) {
	if !m.req.Answered(msg.seq) {
		return m, nil
	}
	t := m.env.T
	switch {
	case msg.err == nil:
		user, first := msg.user, msg.first
		return m, func() tea.Msg { return DoneMsg{User: user, First: &first} }
	case errors.Is(msg.err, api.ErrBirthdateMismatch):
		m.problem = t.T("ui.lookup.mismatch")
		return m.focus(fieldBirthdate), nil
	case errors.Is(msg.err, api.ErrNotFound):
		m.problem = t.T("ui.lookup.no_account")
		return m.focus(fieldEmail), nil
	default:
		m.problem = t.T("ui.lookup.failed", common.ErrorText(t, msg.err))
	}
	return m, nil
}

// plausibleEmail catches typos before a round trip; the server decides the rest.
func plausibleEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t")
}

func (m Model) cardWidth() int { return common.ModalWidth(cardWidth, m.width) }

// fieldWidth is what is left of the card beside the labels.
func (m Model) fieldWidth() int { return max(4, m.cardWidth()-4-m.labelWidth()-2) }

func (m Model) labelWidth() int {
	t := m.env.T
	return max(lipgloss.Width(t.T("ui.lookup.email")), lipgloss.Width(t.T("ui.lookup.birthdate")))
}

// View renders the form centred in the size given.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	st, t := m.env.Styles, m.env.T
	lw := m.labelWidth()
	label := func(i int, s string) string {
		s += strings.Repeat(" ", lw-lipgloss.Width(s))
		if i == m.field {
			return st.Accent.Render(s)
		}
		return st.Subtle.Render(s)
	}
	inner := m.cardWidth() - 4
	// On a short terminal the form keeps its fields and its answer and
	// drops the explanations, which the help bar repeats.
	roomy := m.height >= 16
	lines := []string{st.Title.Render(t.T("ui.lookup.title"))}
	if roomy {
		lines = append(lines, st.Muted.Width(inner).Render(t.T("ui.lookup.intro")), "")
	}
	lines = append(lines,
		label(fieldEmail, t.T("ui.lookup.email"))+"  "+m.inputs[fieldEmail].View(),
		label(fieldBirthdate, t.T("ui.lookup.birthdate"))+"  "+m.inputs[fieldBirthdate].View(),
		"",
	)
	switch {
	case m.req.Busy():
		lines = append(lines, st.Subtle.Render(t.T("ui.lookup.checking")))
	case m.problem != "":
		lines = append(lines, st.Error.Width(inner).Render(m.problem))
	default:
		lines = append(lines, "")
	}
	if roomy {
		lines = append(lines, "")
	}
	lines = append(lines, st.Muted.Width(inner).Render(t.T("ui.lookup.keys")))
	return common.Modal(st, lines, m.cardWidth(), m.width, m.height)
}
