// Package help is the ? overlay and the help bar, both generated from the
// central keymap so that no key is documented in two places.
package help

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/ui/common"
)

// CloseMsg leaves the overlay.
type CloseMsg struct{}

// Styles dresses bubbles/help in the palette.
func Styles(s common.Styles) help.Styles {
	return help.Styles{
		Ellipsis:       s.Muted,
		ShortKey:       s.Accent,
		ShortDesc:      s.HelpBar,
		ShortSeparator: s.Muted,
		FullKey:        s.Accent,
		FullDesc:       s.Cell,
		FullSeparator:  s.Muted,
	}
}

// Bar renders the one-line help bar for bindings (the keymap's ShortHelp,
// or a context's), cut to width with an ellipsis.
func Bar(env *common.Env, width int, bindings []key.Binding) string {
	h := help.New()
	h.Styles = Styles(env.Styles)
	h.SetWidth(width)
	// bubbles/help adds an item it has no room for when not even its
	// ellipsis fits: cut what it gives, so the bar never overflows.
	return ansi.Truncate(h.ShortHelpView(bindings), max(0, width), "…")
}

const cardWidth = 100

// Model is the full help overlay; it scrolls when the terminal is short.
type Model struct {
	env           *common.Env
	width, height int
	offset        int
}

// New returns the overlay scrolled to the top.
func New(env *common.Env) Model { return Model{env: env} }

// SetSize gives the overlay the area it is centred in.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	m.offset = min(m.offset, m.maxOffset())
	return m
}

// Update scrolls (keys and the wheel), and closes on esc or ?.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var k tea.KeyPressMsg
	switch msg := msg.(type) {
	case common.EnvMsg:
		m.env = msg.Env
		return m, nil
	case common.WheelMsg:
		m.offset = max(0, min(m.offset+msg.Lines, m.maxOffset()))
		return m, nil
	case tea.KeyPressMsg:
		k = msg
	default:
		return m, nil
	}
	keys := m.env.Keys
	switch {
	case key.Matches(k, keys.Back), key.Matches(k, keys.Help):
		return m, func() tea.Msg { return CloseMsg{} }
	case key.Matches(k, keys.Up):
		m.offset--
	case key.Matches(k, keys.Down):
		m.offset++
	case key.Matches(k, keys.PageUp):
		m.offset -= m.bodyHeight()
	case key.Matches(k, keys.PageDown):
		m.offset += m.bodyHeight()
	case key.Matches(k, keys.Top):
		m.offset = 0
	case key.Matches(k, keys.Bottom):
		m.offset = m.maxOffset()
	}
	m.offset = max(0, min(m.offset, m.maxOffset()))
	return m, nil
}

func (m Model) cardWidth() int { return common.ModalWidth(cardWidth, m.width) }

// bodyHeight is the room for key lines: the card less its border, title and
// the blank line under it.
func (m Model) bodyHeight() int { return max(1, m.height-2-2) }

func (m Model) maxOffset() int { return max(0, len(m.body())-m.bodyHeight()) }

// body lays the keymap's groups out in as many columns as the card holds,
// so a wide terminal shows it all at once and a narrow one scrolls.
func (m Model) body() []string {
	h := help.New()
	h.Styles = Styles(m.env.Styles)
	inner := max(1, m.cardWidth()-4)
	var blocks []string
	for _, g := range m.env.Keys.FullHelp() {
		blocks = append(blocks, h.FullHelpView([][]key.Binding{g}))
	}
	const gap = 3
	var rows []string
	var row []string
	rowW := 0
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
		}
		row, rowW = nil, 0
	}
	for _, b := range blocks {
		w := lipgloss.Width(b)
		if len(row) > 0 && rowW+gap+w > inner {
			flush()
		}
		if len(row) > 0 {
			b = strings.Repeat(" ", gap) + strings.ReplaceAll(b, "\n", "\n"+strings.Repeat(" ", gap))
			w += gap
		}
		row = append(row, b)
		rowW += w
	}
	flush()
	rows = append(rows, m.env.Styles.Muted.Width(inner).Render(m.env.T.T("ui.help.mouse")))
	return strings.Split(strings.Join(rows, "\n\n"), "\n")
}

// View renders the overlay centred in the size given, exactly: every line
// of the card is one line of the screen (the title gives up its words
// before it would wrap, key lines are cut at the border), so the card's
// bottom edge is always drawn.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	st := m.env.Styles
	inner := max(1, m.cardWidth()-4)
	body := m.body()
	end := min(len(body), m.offset+m.bodyHeight())
	lines := append([]string{m.title(inner), ""}, body[m.offset:end]...)
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, inner, "…")
	}
	return common.Modal(st, lines, m.cardWidth(), m.width, m.height)
}

// title is the overlay's title and how to scroll or close it, in the
// longest form that fits on one line of inner cells.
func (m Model) title(inner int) string {
	st, t := m.env.Styles, m.env.T
	body := m.body()
	name := st.Title.Render(t.T("ui.help.title"))
	var forms []string
	if len(body) > m.bodyHeight() {
		end := min(len(body), m.offset+m.bodyHeight())
		forms = []string{
			t.T("ui.help.scroll", m.offset+1, end, len(body)),
			t.T("ui.help.scroll_mid", m.offset+1, end, len(body)),
			t.T("ui.help.scroll_short", m.offset+1, end, len(body)),
		}
	} else {
		forms = []string{t.T("ui.help.close")}
	}
	for _, f := range forms {
		if s := name + st.Muted.Render("  "+f); lipgloss.Width(s) <= inner {
			return s
		}
	}
	return name + st.Muted.Render("  "+forms[len(forms)-1]) // cut by View
}
