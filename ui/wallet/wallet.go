// Package wallet is the wallet pane: available, pending and total balance of
// the person looked up, and when the server last updated them.
package wallet

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/ui/common"
)

// loadedMsg is the answer to one request, tagged so that an answer for a
// previous person or a superseded reload is dropped.
type loadedMsg struct {
	gen, req int
	wallet   api.Wallet
	err      error
}

// Model is the wallet pane.
type Model struct {
	env           *common.Env
	client        *api.Client
	width, height int
	focused       bool
	privacy       bool

	user api.User
	gen  int            // UserMsg generation of user
	req  common.Request // the one load in flight; a reload supersedes it

	loaded  bool // wallet holds an answer
	noneYet bool // the server has no wallet for this person (404): not an error
	wallet  api.Wallet
	err     error

	// income is what the person received in each of the last 12 months,
	// from the insight report numbered incomeSeq; nil before one came.
	// spark is it drawn for the pane's width, redrawn when that or the
	// palette changes, never in View.
	income    []float64
	incomeSeq int
	spark     []string
}

// New returns an empty wallet pane: it loads once a UserMsg names someone.
func New(env *common.Env, client *api.Client) Model { return Model{env: env, client: client} }

// Init does nothing: there is nobody to load until the lookup is done.
func (m Model) Init() tea.Cmd { return nil }

// SetSize gives the pane its inner size.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	return m.drawIncome()
}

// SetFocused says whether keys go to this pane.
func (m Model) SetFocused(f bool) Model { m.focused = f; return m }

// Capturing is always false: the wallet has no text input.
func (m Model) Capturing() bool { return false }

// Busy reports a request in flight.
func (m Model) Busy() bool { return m.req.Busy() }

// Update handles the root's messages, its own answers and, when focused, r.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.UserMsg:
		m = m.clear()
		m.user, m.gen = msg.User, msg.Gen
		if msg.User == (api.User{}) {
			return m, nil
		}
		return m.load()
	case common.ClientMsg:
		// A new key: what was shown came through the old one, ask again.
		m.client = msg.Client
		if m.user != (api.User{}) {
			return m.load()
		}
	case common.EnvMsg:
		m.env = msg.Env
		return m.drawIncome(), nil
	case common.InsightMsg:
		return m.takeIncome(msg), nil
	case common.PrivacyMsg:
		m.privacy = msg.On
	case loadedMsg:
		return m.answer(msg)
	case tea.KeyPressMsg:
		if m.focused && key.Matches(msg, m.env.Keys.Reload) && m.user != (api.User{}) {
			return m.load()
		}
	case common.ClickMsg:
		// The root focused the pane already; the one thing to click on in
		// it is "r to retry", which does what it says.
		if m.err != nil && m.user != (api.User{}) && msg.Y == len(m.errorLines())-1 {
			return m.load()
		}
	}
	return m, nil
}

// clear forgets the person and everything shown about them.
func (m Model) clear() Model {
	m.req.Abandon()
	m.user, m.wallet, m.err = api.User{}, api.Wallet{}, nil
	m.loaded, m.noneYet = false, false
	m.income, m.incomeSeq, m.spark = nil, 0, nil
	return m
}

// load starts a request, cancelling the one it supersedes.
func (m Model) load() (Model, tea.Cmd) {
	c := m.client
	if c == nil {
		m.req.Abandon()
		return m, nil // no key yet: the root asks for one and sends ClientMsg
	}
	ctx, req := m.req.Start()
	m.err = nil
	gen, user := m.gen, m.user
	return m, func() tea.Msg {
		w, err := c.Wallet(ctx, user)
		return loadedMsg{gen: gen, req: req, wallet: w, err: err}
	}
}

func (m Model) answer(msg loadedMsg) (Model, tea.Cmd) {
	if msg.gen != m.gen || !m.req.Answered(msg.req) {
		return m, nil // for someone else, or superseded by a reload
	}
	switch {
	case msg.err == nil:
		m.wallet, m.loaded, m.noneYet = msg.wallet, true, false
	case errors.Is(msg.err, api.ErrNotFound):
		m.wallet, m.loaded, m.noneYet = api.Wallet{}, false, true
	case errors.Is(msg.err, context.Canceled):
		// Superseded by a request whose own answer is on its way.
	default:
		m.err = msg.err // the root reads it with Err for the status line
	}
	return m, nil
}

// Err is the pane's error while it is failing, nil once it recovers.
func (m Model) Err() error { return m.err }

// Help is the help bar's keys while the wallet has the keyboard.
func (m Model) Help() []key.Binding { return m.env.Keys.WalletHelp() }

// View renders exactly the size given by SetSize.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	st, t := m.env.Styles, m.env.T
	var lines []string
	switch {
	case m.user == (api.User{}):
		lines = wrap(st.Muted, t.T("ui.wallet.nobody"), m.width)
	case m.err != nil && m.loaded:
		// A failed reload: the last balances stay under the error, with
		// when the server last updated them.
		lines = append(m.errorLines(), m.balances(m.height-len(m.errorLines()))...)
	case m.err != nil:
		lines = m.errorLines()
	case m.noneYet:
		lines = wrap(st.Cell, t.T("ui.wallet.none"), m.width)
	case m.loaded:
		lines = m.balances(m.height)
	case m.req.Busy():
		lines = []string{st.Muted.Render(t.T("ui.loading"))}
	}
	return common.Block(lines, m.width, m.height)
}

// errorLines are the failure and how to retry.
func (m Model) errorLines() []string {
	st, t := m.env.Styles, m.env.T
	return append(wrap(st.Error, common.ErrorText(t, m.err), m.width), st.Subtle.Render(t.T("ui.retry_hint")))
}

// balances lays the three amounts out as a small right-aligned table, in
// at most room lines when it can: the blank lines go before the update time.
func (m Model) balances(room int) []string {
	st, t, f := m.env.Styles, m.env.T, m.env.Format
	rows := []struct {
		label string
		value api.Money
	}{
		{t.T("ui.wallet.available"), m.wallet.AvailableBalance},
		{t.T("ui.wallet.pending"), m.wallet.PendingBalance},
		{t.T("ui.wallet.total"), m.wallet.Balance},
	}
	labelW, valueW := 0, 0
	values := make([]string, len(rows))
	for i, r := range rows {
		values[i] = f.MoneyMasked(r.value, m.privacy)
		labelW = max(labelW, lipgloss.Width(r.label))
		valueW = max(valueW, lipgloss.Width(values[i]))
	}
	// The amounts stay right-aligned on one column however wide the pane.
	gap := max(2, min(m.width-labelW-valueW, 8))
	var lines []string
	for i, r := range rows {
		label := r.label + strings.Repeat(" ", labelW-lipgloss.Width(r.label))
		value := strings.Repeat(" ", valueW-lipgloss.Width(values[i])) + values[i]
		style := st.Amount
		if i == len(rows)-1 {
			lines = append(lines, st.Subtle.Render(strings.Repeat("─", min(m.width, labelW+gap+valueW))))
			style = style.Bold(true)
		}
		lines = append(lines, st.Subtle.Render(label)+strings.Repeat(" ", gap)+style.Render(value))
	}
	updated := wrap(st.Muted, t.T("ui.wallet.updated", format.Unbroken(f.DateTime(m.wallet.UpdatedAt))), m.width)
	if len(lines)+1+len(updated) <= room {
		lines = append(lines, "")
	}
	lines = append(lines, updated...)
	// What "pending" means is the question callers ask most; say it when
	// there is room rather than cut it.
	if note := wrap(st.Muted, t.T("ui.wallet.pending_note"), m.width); len(lines)+1+len(note) <= room {
		lines = append(append(lines, ""), note...)
	}
	if income := m.incomeLines(); income != nil && len(lines)+1+len(income) <= room {
		lines = append(append(lines, ""), income...)
	}
	return lines
}

// wrap breaks an error message over the pane's width rather than cutting it:
// the end of an error often says what to do.
func wrap(style lipgloss.Style, s string, width int) []string {
	return strings.Split(style.Width(max(1, width)).Render(s), "\n")
}
