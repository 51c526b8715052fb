package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/ui/common"
)

// wheelLines is how far one notch of the wheel scrolls, as far as bubbles'
// viewport scrolls for it.
const wheelLines = 3

// spot is what is under the pointer: a tab of the strip, a pane, the
// detail in front or the help overlay, and where in its inner cells.
type spot struct {
	kind   spotKind
	pane   int  // the pane, or the pane a tab names
	x, y   int  // in the target's inner cells: (0,0) is the top-left cell of its view
	inside bool // on its content, not on its frame or the strip above it
}

type spotKind int

const (
	spotNone spotKind = iota
	spotTab
	spotPane
	spotDetail
	spotHelp
)

// spotAt finds what is drawn at (x, y) of the screen, from the same
// geometry the screen is drawn with.
func (m Model) spotAt(x, y int) spot {
	g := m.geometry()
	if x < 0 || y < 0 || x >= g.mainW || y >= g.mainH {
		return spot{} // the status line and the help bar
	}
	switch m.modal {
	case modalNone:
	case modalHelp:
		return spot{kind: spotHelp}
	default:
		return spot{} // the forms keep to the keyboard
	}
	if len(m.details) > 0 {
		w, h := m.detailSize(g)
		if g.single {
			return spot{kind: spotDetail}.within(x-1, y-1, w, h) // under the strip, one cell in
		}
		return spot{kind: spotDetail}.within(x-2, y-1, w, h) // inside the frame, one cell in
	}
	if g.single {
		if y == 0 {
			if i, ok := m.tabAt(x); ok && !m.zoomed() {
				return spot{kind: spotTab, pane: i}
			}
			return spot{kind: spotPane, pane: m.focus} // the strip of the pane shown
		}
		w, h := g.singleSize()
		return spot{kind: spotPane, pane: m.focus}.within(x-1, y-1, w, h)
	}
	// Wide: the wallet and the pledges side by side on top, the projects
	// or the insight below; each pane's content sits inside its frame,
	// one cell in.
	i, left, top := m.bottom, 0, g.topH
	if y < g.topH {
		i, top = paneWallet, 0
		if x >= g.walletW {
			i, left = panePledges, g.walletW
		}
	}
	w, h := m.paneSize(g, i)
	return spot{kind: spotPane, pane: i}.within(x-left-2, y-top-1, w, h)
}

// within places (x, y), in the target's inner cells, in s: inside when it
// falls in the w×h content.
func (s spot) within(x, y, w, h int) spot {
	s.x, s.y = x, y
	s.inside = x >= 0 && y >= 0 && x < w && y < h
	return s
}

// click: a tab shows its pane; a click on a pane focuses it and hands it
// the click, where the pane chooses the row under it; a click on the
// detail in front is the detail's.
func (m Model) click(msg tea.MouseClickMsg) (Model, tea.Cmd) {
	if msg.Button != tea.MouseLeft {
		return m, nil
	}
	s := m.spotAt(msg.X, msg.Y)
	if s.kind != spotNone {
		m.flash = flash{} // a notice lasts until the person does something else
	}
	var cmd tea.Cmd
	switch s.kind {
	case spotTab:
		return m.setFocus(s.pane), nil
	case spotPane:
		if s.pane != m.focus {
			// Focused first, at the size it was drawn at: the click lands
			// on the row that was under the pointer. The new shares follow.
			m.focus = s.pane
			m.panes[s.pane] = m.panes[s.pane].setFocused(true)
		}
		if s.inside {
			m.panes[s.pane], cmd = m.panes[s.pane].update(common.ClickMsg{X: s.x, Y: s.y})
		}
		return m.layout(), cmd
	case spotDetail:
		if s.inside {
			return m.toTopDetail(common.ClickMsg{X: s.x, Y: s.y})
		}
	}
	return m, nil
}

// wheel scrolls what is under the pointer, focused or not, as far as
// wheelLines for each notch.
func (m Model) wheel(msg tea.MouseWheelMsg) (Model, tea.Cmd) {
	var lines int
	switch msg.Button {
	case tea.MouseWheelUp:
		lines = -wheelLines
	case tea.MouseWheelDown:
		lines = wheelLines
	default:
		return m, nil // sideways: nothing scrolls sideways
	}
	wm := common.WheelMsg{Lines: lines}
	var cmd tea.Cmd
	switch s := m.spotAt(msg.X, msg.Y); s.kind {
	case spotHelp:
		m.help, cmd = m.help.Update(wm)
	case spotTab:
		m.panes[m.focus], cmd = m.panes[m.focus].update(wm) // the strip over the pane shown
	case spotPane:
		m.panes[s.pane], cmd = m.panes[s.pane].update(wm)
	case spotDetail:
		return m.toTopDetail(wm)
	}
	return m, cmd
}

// toTopDetail hands msg to the detail in front.
func (m Model) toTopDetail(msg tea.Msg) (Model, tea.Cmd) {
	top := len(m.details) - 1
	if top < 0 {
		return m, nil
	}
	var cmd tea.Cmd
	m.details = slices.Clone(m.details) // models are values: never write into a copy's array
	m.details[top].slot, cmd = m.details[top].update(msg)
	return m, cmd
}
