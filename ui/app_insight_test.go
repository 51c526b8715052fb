package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	insightpane "github.com/miimosa/miimosa/ui/insight"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func (a *app) insight() insightpane.Model {
	m, ok := unwrap[insightpane.Model](a.m.panes[paneInsight])
	if !ok {
		a.t.Fatal("pane 4 is not the insight")
	}
	return m
}

// The support desk's three questions are answered on the screen after one
// key from the dashboard, wide and stacked; the pledges' walk feeds the
// insight through the root without a key pressed.
func TestTheThreeAnswersAreOneKeyAway(t *testing.T) {
	for _, size := range [][2]int{{120, 36}, {100, 30}, {60, 15}} {
		a := newApp(t, appOpts{})
		a.lookUp(uitest.Demo())
		a.resize(size[0], size[1])
		if a.insight().Report() == nil {
			t.Fatal("the lookup did not reach the insight pane's figures")
		}
		a.keys("4")
		screen := a.screen()
		for _, want := range []string{"Next repayment  15 Dec 2026 · ≈€165.74 from 7 loans", "Late loans      3 loans · €89.12 overdue", "Interest 2026   ≈€310.56 received this year"} {
			if !strings.Contains(screen, want) {
				t.Errorf("%v: after 4 the screen lacks %q:\n%s", size, want, screen)
			}
		}
		// 3 shows the projects in the same place again; 4 the insight.
		a.keys("3")
		if a.m.bottom != paneProjects || strings.Contains(a.screen(), "At a glance") {
			t.Errorf("%v: 3 did not bring the projects back", size)
		}
	}
}

// The pledge detail shows the loan's whole schedule from the report, and
// its return; the wallet draws the income of the last 12 months.
func TestTheReportReachesTheDetailAndTheWallet(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	if !strings.Contains(a.screen(), "Received, last 12 months") {
		t.Errorf("no income sparkline in the wallet at 120×36:\n%s", a.screen())
	}
	a.keys("2", "j", "j", "j", "enter", "z")
	screen := a.screen()
	for _, want := range []string{"Return", "realised", "expected", "paid", "due"} {
		if !strings.Contains(screen+a.scrolledDetail(), want) {
			t.Errorf("the pledge detail lacks %q:\n%s", want, screen)
		}
	}
	// A new lookup clears the figures with the person.
	a.keys("esc", "esc", "n")
	if a.insight().Report() != nil {
		t.Error("the previous person's figures stayed after n")
	}
}

// scrolledDetail is the detail's screen scrolled to its end.
func (a *app) scrolledDetail() string {
	a.keys("G")
	return a.screen()
}

func (a *app) resize(w, h int) {
	a.t.Helper()
	a.send(tea.WindowSizeMsg{Width: w, Height: h})
}
