package insight

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// The pane as a person sees it, EN and FR at 100×30 and 60×15, privacy off
// and on: the top of the body, where the three answers are.
func TestScreens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, size := range [][2]int{{100, 30}, {60, 15}} {
			for _, private := range []bool{false, true} {
				name := fmt.Sprintf("%s_%dx%d", lang, size[0], size[1])
				if private {
					name += "_private"
				}
				t.Run(name, func(t *testing.T) {
					m, _ := announced(t, lang, size[0], size[1])
					m = uitest.Send(m, common.PrivacyMsg{On: private})
					uitest.Golden(t, m)
				})
			}
		}
	}
}

// The whole body at 100 columns, scrolled to its end: the diversification
// and the tax years, in French.
func TestScreenOfTheWholeBody(t *testing.T) {
	m, _ := announced(t, i18n.FR, 100, 30)
	m = uitest.Press(m, "G")
	uitest.Golden(t, m)
}

// Money patterns of the two locales, and a percentage.
var (
	moneyEN = regexp.MustCompile(`-?€[0-9][0-9,]*\.[0-9]{2}`)
	moneyFR = regexp.MustCompile(`-?[0-9][0-9 ]*,[0-9]{2} €`)
	// A digit where an amount or a percentage would be: before the sign
	// (French, and percentages), after it (English).
	digitByMoney = regexp.MustCompile(`[0-9] ?[€%]|€[0-9]`)
)

// With privacy on, no figure of money is left on screen: no amount, no
// return, share or concentration, and no bar whose length would tell one.
func TestPrivacyMasksEveryFigure(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		m, _ := announced(t, lang, 100, 400) // the whole body on screen
		open := uitest.Plain(m.View())
		money := moneyEN
		if lang == i18n.FR {
			money = moneyFR
		}
		amounts := money.FindAllString(open, -1)
		if len(amounts) < 100 {
			t.Fatalf("%s: only %d amounts on screen without privacy: the test would prove little", lang, len(amounts))
		}
		m = uitest.Send(m, common.PrivacyMsg{On: true})
		private := uitest.Plain(m.View())
		if got := money.FindAllString(private, -1); len(got) > 0 {
			t.Errorf("%s: amounts left with privacy on: %v", lang, got)
		}
		if got := digitByMoney.FindAllString(private, -1); len(got) > 0 {
			t.Errorf("%s: a number next to € or %% with privacy on: %v", lang, got)
		}
		if strings.ContainsAny(private, "█▉▊▋▌▍▎▏") {
			t.Errorf("%s: bars are drawn with privacy on", lang)
		}
		// The concentration figures are not written next to a sign: each
		// is checked by its own words.
		r := m.Report()
		f := m.env.Format
		for _, b := range []struct{ hhi, eff float64 }{
			{r.Diversification.ByCategory.HHI, r.Diversification.ByCategory.Effective},
			{r.Diversification.ByRegion.HHI, r.Diversification.ByRegion.Effective},
			{r.Diversification.ByProject.HHI, r.Diversification.ByProject.Effective},
		} {
			hhi := f.Int(api.Int{Value: int64(b.hhi*10000 + 0.5), Valid: true})
			if strings.Contains(private, "(HHI) "+hhi) || strings.Contains(private, "(IHH) "+hhi) {
				t.Errorf("%s: the HHI %s shows with privacy on", lang, hhi)
			}
			if !strings.Contains(open, hhi) {
				t.Errorf("%s: the HHI %s is not on the open screen: the check above proves nothing", lang, hhi)
			}
		}
		for _, words := range []string{"as spread as ••••", "autant que ••••"} {
			if strings.Contains(open, words) {
				t.Errorf("%s: a masked figure without privacy: %q", lang, words)
			}
		}
		// Off again: the figures are back.
		m = uitest.Send(m, common.PrivacyMsg{On: false})
		if uitest.Plain(m.View()) != open {
			t.Errorf("%s: privacy off does not give the same screen back", lang)
		}
	}
}

// Every line is exactly the pane's width and there are exactly its height
// of them, at every size down to nothing, private or not, with hostile
// project titles in the pledges.
func TestEveryLineIsThePaneSize(t *testing.T) {
	pledges := lenderPledges(60)
	pledges[0].Project.Title = "\x1b[2J\x1b]8;;http://evil\x07Ferme\u202e" + strings.Repeat("漢", 40)
	pledges[7].Project.Title = "\x9b31mrouge"
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		base := withReport(t, lang, pledges, 100, 30)
		for _, w := range []int{0, 1, 12, 20, 47, 58, 61, 79, 100, 200} {
			for _, h := range []int{0, 1, 2, 15, 30} {
				for _, private := range []bool{false, true} {
					m := uitest.Send(base.SetSize(w, h), common.PrivacyMsg{On: private})
					for _, k := range []string{"", "pgdown", "G"} {
						if k != "" {
							m = uitest.Press(m, k)
						}
						checkFrame(t, m.View(), w, h)
					}
				}
			}
		}
	}
}

// checkFrame fails unless view is h lines of w cells, with no escape left
// once the styles are removed (a title's would survive).
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	if w == 0 || h == 0 {
		if view != "" {
			t.Fatalf("%d×%d: drew %q", w, h, view)
		}
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%d×%d: %d lines", w, h, len(lines))
	}
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Fatalf("%d×%d: line %q is %d wide", w, h, ansi.Strip(l), lw)
		}
	}
	uitest.Frame(t, uitest.Plain(view), w, h)
}
