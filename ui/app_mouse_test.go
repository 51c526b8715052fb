package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
	"github.com/miimosa/miimosa/ui/pledges"
)

// recorder is a pane that keeps the mouse messages it is handed, with the
// size it had when each came, so a test sees exactly what a pane gets.
type recorder struct {
	w, h    int
	focused bool
	got     []recorded
}

type recorded struct {
	msg     tea.Msg
	w, h    int
	focused bool
}

func (r recorder) Update(msg tea.Msg) (recorder, tea.Cmd) {
	switch msg.(type) {
	case common.ClickMsg, common.WheelMsg:
		r.got = append(r.got, recorded{msg: msg, w: r.w, h: r.h, focused: r.focused})
	}
	return r, nil
}
func (r recorder) View() string                  { return common.Block(nil, r.w, r.h) }
func (r recorder) SetSize(w, h int) recorder     { r.w, r.h = w, h; return r }
func (r recorder) SetFocused(f bool) recorder    { r.focused = f; return r }
func (r recorder) Capturing() bool               { return false }
func (r recorder) Busy() bool                    { return false }
func (a *app) recorder(s slot) recorder          { r, _ := unwrap[recorder](s); return r }
func (a *app) click(x, y int)                    { a.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}) }
func (a *app) wheel(x, y int, b tea.MouseButton) { a.send(tea.MouseWheelMsg{X: x, Y: y, Button: b}) }
func (a *app) took(s slot) []recorded            { return a.recorder(s).got }
func (a *app) line(y int) string                 { return strings.Split(a.screen(), "\n")[y] }
func (a *app) fake(i int)                        { a.m.panes[i] = wrap(recorder{}); a.m = a.m.layout() }
func (a *app) fakeDetail()                       { a.m = a.m.pushDetail(wrap(recorder{}), "ui.pane.project") }
func (a *app) detailTook() []recorded            { return a.took(a.m.details[len(a.m.details)-1].slot) }
func clickAt(x, y int) common.ClickMsg           { return common.ClickMsg{X: x, Y: y} }
func wheelOf(lines int) common.WheelMsg          { return common.WheelMsg{Lines: lines} }
func sameMsgs(got []recorded, want ...tea.Msg) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].msg != want[i] {
			return false
		}
	}
	return true
}

// At 120×36 with the pledges focused, the wallet is columns 0–29 and the
// pledges 30–119 of rows 0–19, the projects rows 20–33; each pane's
// content starts one cell inside its frame, after a margin.
func TestAClickFocusesThePaneUnderIt(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	if a.m.focus != panePledges || !strings.Contains(a.line(20), "3 Projects") {
		t.Fatalf("not the layout this test counts on:\n%s", a.screen())
	}
	for _, c := range []struct {
		x, y int
		want int
	}{
		{5, 25, paneProjects}, // a row of projects
		{5, 3, paneWallet},    // a balance
		{0, 0, paneWallet},    // its corner
		{80, 0, panePledges},  // the pledges' title bar
		{60, 30, paneProjects},
		{60, 3, panePledges},
	} {
		// The rows move as the shares change: find the pane by its title.
		a.click(c.x, c.y)
		if a.m.focus != c.want {
			t.Errorf("a click at (%d,%d) focused pane %d, want %d:\n%s", c.x, c.y, a.m.focus, c.want, a.screen())
		}
		a.keys("2") // back to the layout above
	}
	// The status line and the help bar are no pane's.
	a.keys("3")
	for _, y := range []int{34, 35} {
		a.click(5, y)
		if a.m.focus != paneProjects {
			t.Errorf("a click on line %d moved the focus to %d", y, a.m.focus)
		}
	}
	// Only the left button clicks.
	a.send(tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseRight})
	if a.m.focus != paneProjects {
		t.Error("a right click moved the focus")
	}
}

// A pane gets a click in its own cells, (0,0) its content's top-left
// cell, at the size it was drawn at when clicked; a click on its frame
// focuses it without one.
func TestAClickReachesThePaneInItsOwnCells(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	a.keys("3") // the projects focused: the top row is 14 high, the pledges' content 86×12
	a.fake(panePledges)
	a.click(32, 1) // the pledges' first content cell: frame and margin before it
	if got := a.took(a.m.panes[panePledges]); !sameMsgs(got, clickAt(0, 0)) || got[0].w != 86 || got[0].h != 12 || !got[0].focused {
		t.Fatalf("got %+v, want one click at (0,0) while 86×12 and focused", got)
	}
	if a.m.focus != panePledges {
		t.Fatal("the click did not focus the pledges")
	}
	if w, h := a.m.paneSize(a.m.geometry(), panePledges); w != 86 || h != 18 {
		t.Errorf("focused, the pledges are %d×%d, want the larger share, 86×18", w, h)
	}
	a.fake(panePledges)
	a.click(117, 18) // the last content cell
	a.click(118, 18) // the margin after it
	a.click(30, 0)   // the frame's corner
	a.click(40, 19)  // the bottom edge
	if got := a.took(a.m.panes[panePledges]); !sameMsgs(got, clickAt(85, 17)) {
		t.Errorf("got %+v, want only the click at (85,17)", got)
	}
}

// The wheel scrolls the pane under the pointer, focused or not, without
// moving the focus: three lines a notch.
func TestTheWheelScrollsThePaneUnderIt(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	a.fake(paneProjects)
	a.wheel(60, 25, tea.MouseWheelDown)
	a.wheel(60, 20, tea.MouseWheelUp) // on its frame: still the projects'
	a.wheel(60, 25, tea.MouseWheelLeft)
	a.wheel(60, 34, tea.MouseWheelDown) // the status line
	if got := a.took(a.m.panes[paneProjects]); !sameMsgs(got, wheelOf(3), wheelOf(-3)) || got[0].focused {
		t.Errorf("got %+v, want the wheel down then up, unfocused", got)
	}
	if a.m.focus != panePledges {
		t.Errorf("the wheel moved the focus to %d", a.m.focus)
	}
}

// Below 100 columns one pane shows under the tab strip; a click on a tab
// shows its pane, a click below it is the pane's, one cell in.
func TestAClickOnATabShowsItsPane(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	a.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if strip := a.line(0); !strings.HasPrefix(strip, " 1 Wallet   2 Pledges   3 Projects") {
		t.Fatalf("not the strip this test counts on: %q", strip)
	}
	for _, c := range []struct{ x, want int }{{0, paneWallet}, {9, paneWallet}, {11, panePledges}, {21, panePledges}, {23, paneProjects}, {34, paneProjects}, {10, paneProjects}, {22, paneProjects}, {60, paneProjects}} {
		a.click(c.x, 0)
		if a.m.focus != c.want {
			t.Errorf("a click at column %d of the strip shows pane %d, want %d", c.x, a.m.focus, c.want)
		}
	}
	a.fake(paneProjects)
	a.click(1, 1)
	a.click(78, 21) // the last content cell: 78×21 under the strip
	a.click(0, 5)   // the margin
	a.wheel(40, 0, tea.MouseWheelDown)
	if got := a.took(a.m.panes[paneProjects]); !sameMsgs(got, clickAt(0, 0), clickAt(77, 20), wheelOf(3)) {
		t.Errorf("got %+v", got)
	}
}

// The detail in front takes every click and turn of the wheel over the
// main area, in its own cells: inside its frame when wide, under the strip
// when zoomed.
func TestTheDetailInFrontTakesTheMouse(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	a.fakeDetail()
	a.click(2, 1)
	a.wheel(100, 30, tea.MouseWheelDown)
	a.click(0, 0) // its frame
	a.keys("z")
	a.click(1, 1)
	if got := a.detailTook(); !sameMsgs(got, clickAt(0, 0), wheelOf(3), clickAt(0, 0)) {
		t.Errorf("got %+v", got)
	}
	if a.m.focus != panePledges || len(a.m.details) != 1 {
		t.Errorf("a click on the detail changed what is in front")
	}
}

// The real panes, as they are: a click focuses the one under it; the
// lookup form and the other forms keep the mouse off (the terminal's own
// selection and middle-button paste work there); the help overlay scrolls
// with the wheel.
func TestTheMouseWithTheRealPanesAndTheForms(t *testing.T) {
	a := newApp(t, appOpts{})
	if a.m.View().MouseMode != tea.MouseModeNone {
		t.Error("the lookup form takes the mouse")
	}
	a.click(5, 3)
	if a.m.modal != modalLookup {
		t.Fatal("a click closed the lookup form")
	}
	a.lookUp(uitest.Demo())
	if a.m.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("the dashboard does not ask for the mouse")
	}
	before, _ := unwrap[pledges.Model](a.m.panes[panePledges])
	a.click(5, 25)
	if a.m.focus != paneProjects {
		t.Errorf("a click on the projects did not focus them:\n%s", a.screen())
	}
	a.click(60, 3)
	if a.m.focus != panePledges {
		t.Errorf("a click on the pledges did not focus them:\n%s", a.screen())
	}
	if after, _ := unwrap[pledges.Model](a.m.panes[panePledges]); after.Err() != before.Err() {
		t.Error("a click broke the pledges")
	}
	a.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	a.keys("?")
	top := a.screen()
	a.wheel(20, 4, tea.MouseWheelDown)
	if a.screen() == top || !strings.Contains(a.screen(), "4–") {
		t.Errorf("the wheel did not scroll the help:\n%s", a.screen())
	}
}
