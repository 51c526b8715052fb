package pledges

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
)

// FuzzView: any project title, category and status from the server, and
// any filter typed, give a screen of exactly the pane's size with no
// control or escape sequence in it, list and detail alike.
func FuzzView(f *testing.F) {
	f.Add("Des ruches", "apiculture", "repaying", "ruch", int64(10000), 60, 15)
	f.Add("\x1b]52;c;aGk=\x07t", "\x1b[31m", "\u202elate", "\x1b", int64(-1), 100, 30)
	f.Add(strings.Repeat("漢", 90), "", "", "漢", int64(1<<62), 2, 1)
	f.Fuzz(func(t *testing.T, title, category, status, filter string, cents int64, w, h int) {
		w, h = w%260, h%80
		env := testEnv(i18n.FR, offlineClient(t))
		env.Styles = common.Styles{}
		m := New(env).SetSize(w, h).SetFocused(true)
		m, _ = m.Update(common.UserMsg{User: alice, Gen: 1})
		p := api.Pledge{ID: 1, Project: api.PledgeProject{Title: title, Category: category, Slug: title}, Status: status,
			Amount: eur(cents), RepaidCapital: eur(cents / 3), NextRepayment: &api.Repayment{Amount: eur(cents)},
			Repayments: []api.Repayment{{Capital: eur(cents), Status: status}}}
		m, _ = m.Update(pageMsg{gen: m.gen, req: m.req, page: pledgePage([]api.Pledge{p, p}, "")})
		// enter keeps the filter and blurs the box: a focused box draws its
		// own cursor in reverse video, which is ours, not the server's.
		m = send(typeText(send(m, "/"), filter), "enter")
		check := func(v string) {
			if w <= 0 || h <= 0 {
				return
			}
			lines := strings.Split(v, "\n")
			if len(lines) != h {
				t.Fatalf("%d lines, want %d", len(lines), h)
			}
			for _, l := range lines {
				if lw := ansi.StringWidth(l); lw != w {
					t.Fatalf("line %q is %d wide, want %d", l, lw, w)
				}
				for _, r := range l {
					if r == 0x1b || unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
						t.Fatalf("control %U reached the screen in %q", r, l)
					}
				}
			}
		}
		check(m.View())
		m = send(m, "enter")
		check(m.View())
		m = send(m, "esc", "esc", "enter")
		check(m.View())
	})
}
