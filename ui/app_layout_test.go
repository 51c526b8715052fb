package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// The focused row of the wide layout gets the larger share: the top one
// (wallet, pledges) when either is focused, the projects' otherwise.
func TestTheFocusedPaneGetsTheLargerShare(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	for _, size := range [][2]int{{100, 22}, {100, 30}, {120, 36}, {200, 60}} {
		a.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, focus := range []string{"1", "2", "3"} {
			a.keys(focus)
			g := a.m.geometry()
			top, bottom := g.topH, g.mainH-g.topH
			if focus == "3" {
				top, bottom = bottom, top
			}
			if top < bottom && g.mainH > minTopH+minBottomH+1 {
				t.Errorf("%dx%d, pane %s focused: %d rows for its row, %d for the other", size[0], size[1], focus, top, bottom)
			}
			if g.topH < minTopH || g.mainH-g.topH < minBottomH {
				t.Errorf("%dx%d, pane %s focused: rows of %d and %d, below the least", size[0], size[1], focus, g.topH, g.mainH-g.topH)
			}
		}
	}
}

// z maximises the focused pane, which keeps the whole main area as the
// focus moves; z again or esc gives the others their room back.
func TestZoomMaximisesTheFocusedPane(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	a.keys("z")
	screen := a.screen()
	if !a.m.zoomed() || strings.Contains(screen, "1 Wallet") || strings.Contains(screen, "3 Projects") ||
		!strings.Contains(a.line(0), "2 Pledges") || !strings.Contains(a.line(0), "z to restore") {
		t.Fatalf("z did not zoom the pledges:\n%s", screen)
	}
	if w, h := a.m.paneSize(a.m.geometry(), panePledges); w != 118 || h != 33 {
		t.Errorf("zoomed, the pledges are %d×%d, want 118×33", w, h)
	}
	a.keys("tab")
	if !a.m.zoomed() || !strings.Contains(a.line(0), "3 Projects") || strings.Contains(a.screen(), "2 Pledges") {
		t.Errorf("the zoom did not follow the focus:\n%s", a.screen())
	}
	a.keys("z")
	if a.m.zoomed() || !strings.Contains(a.screen(), "1 Wallet") {
		t.Errorf("z again did not restore:\n%s", a.screen())
	}
	a.keys("z", "esc")
	if a.m.zoomed() || !strings.Contains(a.screen(), "2 Pledges") {
		t.Errorf("esc did not restore:\n%s", a.screen())
	}
	// Typing, z is a letter.
	a.keys("/", "z")
	if a.m.zoomed() || !a.m.capturing() {
		t.Errorf("z in the search box zoomed:\n%s", a.screen())
	}
}

// z over a detail drops its frame; esc still goes back, and the zoom goes
// with the detail. A detail opened over a zoomed pane is shown as usual,
// and closing it gives the zoomed pane back.
func TestZoomAndTheDetails(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	a.keys("enter") // the first pledge
	if len(a.m.details) != 1 {
		t.Fatal("no pledge detail")
	}
	framed := a.screen()
	a.keys("z")
	if !a.m.zoomed() || strings.Contains(a.screen(), "┏") || !strings.Contains(a.line(0), "z to restore") {
		t.Fatalf("z did not zoom the detail:\n%s\nwas:\n%s", a.screen(), framed)
	}
	if w, h := a.m.detailSize(a.m.geometry()); w != 118 || h != 33 {
		t.Errorf("zoomed, the detail is %d×%d, want 118×33", w, h)
	}
	a.keys("z")
	if a.m.zoomed() || a.screen() != framed {
		t.Errorf("z again did not restore the frame:\n%s", a.screen())
	}
	a.keys("z", "esc")
	if len(a.m.details) != 0 || a.m.zoomed() || !strings.Contains(a.screen(), "1 Wallet") {
		t.Errorf("esc on a zoomed detail should go back to the panes, unzoomed:\n%s", a.screen())
	}

	a.keys("z", "enter") // the pledges zoomed, then a pledge
	if len(a.m.details) != 1 || a.m.zoomed() || !strings.Contains(a.screen(), "┏") {
		t.Errorf("a detail over a zoomed pane should be framed:\n%s", a.screen())
	}
	a.keys("esc")
	if len(a.m.details) != 0 || !a.m.zoomed() || !strings.Contains(a.line(0), "2 Pledges") {
		t.Errorf("closing the detail should give the zoomed pane back:\n%s", a.screen())
	}
}

// The status line and the help bar are one line each, exactly the
// terminal's width, at every size from 40×10 to 200×60, whatever is shown:
// a long notice, an error, privacy, a zoom, a detail.
func TestTheStatusLineAndTheHelpBarStayOneLine(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		a := newApp(t, appOpts{lang: lang, demo: true})
		a.lookUp(uitest.Demo())
		states := []struct {
			name  string
			setUp func()
		}{
			{"dashboard", func() {}},
			{"notice", func() { a.send(common.StatusMsg{Text: strings.Repeat("a long notice ", 12)}) }},
			{"error", func() { a.send(common.ErrorMsg{Err: &api.Error{Kind: api.ErrServer, Status: 503}}) }},
			{"privacy", func() { a.keys("p") }},
			{"zoom", func() { a.keys("z") }},
			{"detail", func() { a.keys("z", "enter") }},
		}
		for _, s := range states {
			s.setUp()
			for w := 40; w <= 200; w += 16 {
				for h := 10; h <= 60; h += 10 {
					a.send(tea.WindowSizeMsg{Width: w, Height: h})
					for name, line := range map[string]string{"status line": a.m.statusLine(), "help bar": a.m.helpBar()} {
						if strings.Contains(line, "\n") || ansi.StringWidth(line) > w || (name == "status line" && ansi.StringWidth(line) != w) {
							t.Errorf("%s %s %dx%d: the %s is not one line of %d cells: %q", lang, s.name, w, h, name, w, line)
						}
					}
					if lines := strings.Split(a.m.render(), "\n"); len(lines) != h {
						t.Errorf("%s %s %dx%d: %d lines", lang, s.name, w, h, len(lines))
					}
				}
			}
		}
	}
}
