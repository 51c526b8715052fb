package help

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
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

// The card fits its area exactly at every size down to 40×10 (an area of
// 40×8 under the status line and the help bar), in both languages and at
// every scroll position: its four corners are on screen, each line between
// them is one line of the card, and nothing overflows.
func TestOverlayFitsExactlyAtEverySize(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		env := uitest.Env(lang)
		for _, s := range [][2]int{{40, 8}, {60, 13}, {100, 28}, {41, 9}, {80, 22}, {200, 58}} {
			m := New(env).SetSize(s[0], s[1])
			for step := 0; step <= m.maxOffset()+1; step++ {
				view := ansi.Strip(m.View())
				uitest.Frame(t, view, s[0], s[1])
				var card []string
				for _, l := range strings.Split(view, "\n") {
					if l = strings.TrimSpace(l); l != "" {
						card = append(card, l)
					}
				}
				if len(card) < 4 || !strings.HasPrefix(card[0], "╭") || !strings.HasSuffix(card[0], "╮") ||
					!strings.HasPrefix(card[len(card)-1], "╰") || !strings.HasSuffix(card[len(card)-1], "╯") {
					t.Fatalf("%s %dx%d: the card is not whole:\n%s", lang, s[0], s[1], view)
				}
				for _, l := range card[1 : len(card)-1] {
					if !strings.HasPrefix(l, "│") || !strings.HasSuffix(l, "│") {
						t.Fatalf("%s %dx%d: a line of the card lost its border: %q\n%s", lang, s[0], s[1], l, view)
					}
				}
				if !strings.Contains(card[1], env.T.T("ui.help.title")) {
					t.Errorf("%s %dx%d: the title is not on the card's first line:\n%s", lang, s[0], s[1], view)
				}
				m, _ = m.Update(uitest.Key("j"))
			}
		}
	}
}

// The wheel scrolls the overlay as ↑/↓ do, within its bounds.
func TestTheWheelScrollsTheOverlay(t *testing.T) {
	m := New(uitest.Env(i18n.EN)).SetSize(40, 8)
	first := ansi.Strip(m.View())
	m, _ = m.Update(common.WheelMsg{Lines: 3})
	if m.offset != 3 || ansi.Strip(m.View()) == first {
		t.Errorf("the wheel down moved the overlay to line %d", m.offset)
	}
	m, _ = m.Update(common.WheelMsg{Lines: -10})
	if m.offset != 0 {
		t.Errorf("the wheel up past the top left the overlay at line %d", m.offset)
	}
	m, _ = m.Update(common.WheelMsg{Lines: 1000})
	if m.offset != m.maxOffset() {
		t.Errorf("the wheel down past the end left the overlay at line %d of %d", m.offset, m.maxOffset())
	}
}
