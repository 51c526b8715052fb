package help

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func TestOverlayShowsEveryKeyOrScrollsToIt(t *testing.T) {
	env := uitest.Env(i18n.FR)
	m := New(env).SetSize(60, 13)
	seen := ""
	for range 40 { // scroll to the end, collecting what was shown
		seen += ansi.Strip(m.View())
		m, _ = m.Update(uitest.Key("j"))
	}
	for _, group := range env.Keys.FullHelp() {
		for _, b := range group {
			if !strings.Contains(seen, b.Help().Desc) {
				t.Errorf("the overlay never shows %q", b.Help().Desc)
			}
		}
	}
	if !strings.Contains(seen, "pour défiler") {
		t.Error("a short overlay does not say it scrolls")
	}
}

func TestOverlayClosesOnEscOrQuestionMark(t *testing.T) {
	for _, k := range []string{"esc", "?"} {
		_, cmd := New(uitest.Env(i18n.EN)).SetSize(100, 30).Update(uitest.Key(k))
		if cmd == nil {
			t.Fatalf("%s does not close the overlay", k)
		}
		if _, ok := cmd().(CloseMsg); !ok {
			t.Errorf("%s: want CloseMsg", k)
		}
	}
	if _, cmd := New(uitest.Env(i18n.EN)).Update(tea.KeyPressMsg{Code: 'x', Text: "x"}); cmd != nil {
		t.Error("another key closes the overlay")
	}
}

func TestBarFitsItsWidth(t *testing.T) {
	env := uitest.Env(i18n.EN)
	k := env.Keys
	for _, b := range [][]key.Binding{k.ShortHelp(), k.WalletHelp(), k.PledgesHelp(), k.PledgeDetailHelp(),
		k.ProjectsHelp(), k.DetailHelp(), k.PickerHelp(), k.SearchHelp()} {
		for _, w := range []int{0, 10, 60, 200} {
			if got := ansi.StringWidth(Bar(env, w, b)); w > 0 && got > w {
				t.Errorf("bar at %d is %d wide", w, got)
			}
		}
	}
}
