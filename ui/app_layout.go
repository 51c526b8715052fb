package ui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
)

// Below these sizes the panes stack: one at a time under a tab strip.
const (
	wideMinWidth  = 100
	wideMinHeight = 22
)

// The least height of each row of the wide layout, frame included: the
// wallet's three balances and its update time; the header and a few rows
// of a list.
const (
	minTopH    = 9
	minBottomH = 8
)

// geometry is where everything goes for one terminal size.
type geometry struct {
	wide bool
	// single: the main area shows one thing, under a one-line strip (the
	// tabs, or the title of what is zoomed or in front): below the wide
	// sizes, or zoomed.
	single        bool
	mainW, mainH  int // between the top and the status line
	walletW, topH int // wide: the wallet's width, the top row's height
}

func (m Model) geometry() geometry {
	g := geometry{mainW: m.width, mainH: max(0, m.height-2)} // status line + help bar
	if m.width >= wideMinWidth && m.height >= wideMinHeight {
		g.wide = true
		g.walletW = 30
		if m.width >= 140 {
			g.walletW = 34
		}
		// The focused row gets the larger share: three fifths for the
		// wallet and pledges, the projects or the insight the same from
		// below.
		share := g.mainH * 3 / 5
		if m.focus == paneProjects || m.focus == paneInsight {
			share = g.mainH - share
		}
		g.topH = max(minTopH, min(share, g.mainH-minBottomH))
	}
	g.single = !g.wide || m.zoomed()
	return g
}

// mainSize is the area modals and the lead form are centred in.
func (m Model) mainSize() (int, int) {
	g := m.geometry()
	return g.mainW, g.mainH
}

// singleSize is the inner size of what the main area shows alone: all of
// it but the strip on top and a margin each side.
func (g geometry) singleSize() (int, int) { return max(0, g.mainW-2), max(0, g.mainH-1) }

// paneSize is the inner size of pane i: its frame when wide, the strip
// and a margin when alone. The projects and the insight share the bottom
// row: both are given its size, so either is ready to show.
func (m Model) paneSize(g geometry, i int) (int, int) {
	if g.single {
		return g.singleSize()
	}
	switch i {
	case paneWallet:
		return max(0, g.walletW-4), max(0, g.topH-2)
	case panePledges:
		return max(0, g.mainW-g.walletW-4), max(0, g.topH-2)
	}
	return max(0, g.mainW-4), max(0, g.mainH-g.topH-2)
}

// detailSize is the inner size of a detail, which takes the whole main
// area, framed unless alone.
func (m Model) detailSize(g geometry) (int, int) {
	if g.single {
		return g.singleSize()
	}
	return max(0, g.mainW-4), max(0, g.mainH-2)
}

// layout gives everything its size and the keyboard to the right pane;
// called whenever the size or what is in front changes.
func (m Model) layout() Model {
	g := m.geometry()
	for i := range m.panes {
		w, h := m.paneSize(g, i)
		m.panes[i] = m.panes[i].setSize(w, h).setFocused(m.modal == modalNone && len(m.details) == 0 && i == m.focus)
	}
	if len(m.details) > 0 {
		w, h := m.detailSize(g)
		m.details = slices.Clone(m.details)
		for i := range m.details {
			m.details[i].slot = m.details[i].setSize(w, h).setFocused(m.modal == modalNone && i == len(m.details)-1)
		}
	}
	m.key = m.key.SetSize(g.mainW, g.mainH)
	m.lookup = m.lookup.SetSize(g.mainW, g.mainH)
	m.help = m.help.SetSize(g.mainW, g.mainH)
	if m.modal == modalLead {
		m.lead = m.lead.SetSize(g.mainW, g.mainH)
	}
	return m
}

// View draws the screen: the main area, the status line, the help bar.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "miimosa"
	// Clicks and the wheel where they mean something: the dashboard and
	// the help overlay. Over the forms the terminal keeps the mouse, for
	// selecting text and pasting a key with the middle button.
	if m.modal == modalNone || m.modal == modalHelp {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// render is the screen as text, exactly width×height.
func (m Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	g := m.geometry()
	var main string
	switch m.modal {
	case modalKey:
		main = m.key.View()
	case modalLookup:
		main = m.lookup.View()
	case modalHelp:
		main = m.help.View()
	case modalLead:
		main = m.lead.View()
	default:
		main = m.dashboard(g)
	}
	screen := common.Block(strings.Split(main, "\n"), g.mainW, g.mainH) + "\n" + m.statusLine() + "\n" + m.helpBar()
	return common.Block(strings.Split(screen, "\n"), m.width, m.height)
}

// dashboard is the panes (or the detail) in the main area.
func (m Model) dashboard(g geometry) string {
	t := m.env.T
	if top := len(m.details) - 1; top >= 0 {
		d := m.details[top]
		if g.single {
			return m.titleStrip(t.T(d.title)) + "\n" + indent(d.view())
		}
		return m.frame(t.T(d.title), d.view(), g.mainW, g.mainH, true)
	}
	if g.single {
		strip := m.tabStrip()
		if m.zoomed() {
			strip = m.titleStrip(m.paneTitle(m.focus))
		}
		return strip + "\n" + indent(m.panes[m.focus].view())
	}
	focused := func(i int) bool { return i == m.focus }
	top := lipgloss.JoinHorizontal(lipgloss.Top,
		m.frame(m.paneTitle(paneWallet), m.panes[paneWallet].view(), g.walletW, g.topH, focused(paneWallet)),
		m.frame(m.paneTitle(panePledges), m.panes[panePledges].view(), g.mainW-g.walletW, g.topH, focused(panePledges)),
	)
	bottom := m.frameWith(m.paneTitle(m.bottom), m.paneTitle(m.behind()), m.panes[m.bottom].view(), g.mainW, g.mainH-g.topH, focused(m.bottom))
	return top + "\n" + bottom
}

// behind is the pane of the bottom row that is not shown: its name
// follows the shown one's in the frame, so both keys are in sight.
func (m Model) behind() int {
	if m.bottom == paneInsight {
		return paneProjects
	}
	return paneInsight
}

func (m Model) paneTitle(i int) string {
	return m.env.T.T([...]i18n.Key{"ui.pane.wallet", "ui.pane.pledges", "ui.pane.projects", "ui.pane.insight"}[i])
}

// titleStrip names what the main area shows alone, and, zoomed, how to
// give the others their room back.
func (m Model) titleStrip(title string) string {
	st := m.env.Styles
	s := st.Title.Render(" " + title)
	if m.zoomed() {
		s += st.Muted.Render("  " + m.env.T.T("ui.zoom.restore"))
	}
	return s
}

// tabStrip names the panes when only one fits, the shown one marked.
func (m Model) tabStrip() string {
	st := m.env.Styles
	tabs := make([]string, paneCount)
	for i := range tabs {
		s := m.tabLabel(i)
		if i == m.focus {
			tabs[i] = st.Selected.Render(s) // bold as well: it stands out without colour too
		} else {
			tabs[i] = st.Subtle.Render(s)
		}
	}
	return strings.Join(tabs, tabGap)
}

// tabGap is what separates two tabs of the strip.
const tabGap = " "

func (m Model) tabLabel(i int) string { return " " + m.paneTitle(i) + " " }

// tabAt is the pane whose tab is at column x of the strip.
func (m Model) tabAt(x int) (int, bool) {
	start := 0
	for i := range paneCount {
		w := lipgloss.Width(m.tabLabel(i))
		if x >= start && x < start+w {
			return i, true
		}
		start += w + lipgloss.Width(tabGap)
	}
	return 0, false
}

// frame draws a pane's box with its title in the top edge. The focused
// pane's box is drawn heavy, so focus shows without colour (NO_COLOR).
func (m Model) frame(title, body string, w, h int, focused bool) string {
	return m.frameWith(title, "", body, w, h, focused)
}

// frameWith is frame with another name after the title, muted: the pane
// that shares the area and is not shown.
func (m Model) frameWith(title, other, body string, w, h int, focused bool) string {
	if w < 4 || h < 2 {
		return common.Block(nil, max(0, w), max(0, h))
	}
	st := m.env.Styles
	b, style, titleStyle := lipgloss.RoundedBorder(), st.PaneBorder, st.Subtle
	if focused {
		b, style, titleStyle = lipgloss.ThickBorder(), st.PaneBorderFocused, st.Title
	}
	edge := lipgloss.NewStyle().Foreground(style.GetBorderTopForeground())
	label := titleStyle.Render(" " + title + " ")
	if other != "" {
		label += st.Muted.Render("· " + other + " ")
	}
	label = common.FitLine(label, min(lipgloss.Width(label), max(0, w-4)))
	fill := max(0, w-3-lipgloss.Width(label))
	out := make([]string, 0, h)
	out = append(out, edge.Render(b.TopLeft+b.Top)+label+edge.Render(strings.Repeat(b.Top, fill)+b.TopRight))
	for _, line := range strings.Split(common.Block(strings.Split(body, "\n"), w-4, h-2), "\n") {
		out = append(out, edge.Render(b.Left)+" "+line+" "+edge.Render(b.Right))
	}
	out = append(out, edge.Render(b.BottomLeft+strings.Repeat(b.Bottom, w-2)+b.BottomRight))
	return strings.Join(out, "\n")
}

// indent gives a stacked pane its one-cell margin on the left.
func indent(s string) string { return " " + strings.ReplaceAll(s, "\n", "\n ") }
