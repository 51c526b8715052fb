package pledges

import (
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// FuzzView: any project title, category and status from the server, and
// any filter typed, give a screen of exactly the pane's size with no
// control or escape sequence in it.
func FuzzView(f *testing.F) {
	f.Add("Des ruches", "apiculture", "repaying", "ruch", int64(10000), 60, 15)
	f.Add("\x1b]52;c;aGk=\x07t", "\x1b[31m", "\u202elate", "\x1b", int64(-1), 100, 30)
	f.Add(strings.Repeat("漢", 90), "", "", "漢", int64(1<<62), 2, 1)
	f.Fuzz(func(t *testing.T, title, category, status, filter string, cents int64, w, h int) {
		w, h = w%260, h%80
		env, client := uitest.Env(i18n.FR), uitest.Offline(t)
		env.Styles = common.Styles{}
		m := New(env, client).SetSize(w, h).SetFocused(true)
		m, _ = m.Update(common.UserMsg{User: alice, Gen: 1})
		p := api.Pledge{ID: 1, Project: api.PledgeProject{Title: title, Category: category, Slug: title}, Status: status,
			Amount: uitest.EUR(cents), RepaidCapital: uitest.EUR(cents / 3), NextRepayment: &api.Repayment{Amount: uitest.EUR(cents)},
			Repayments: []api.Repayment{{Capital: uitest.EUR(cents), Status: status}, {Date: api.Time{Time: uitest.Now.AddDate(0, -1, 0), Valid: true}, Interest: uitest.EUR(cents), Status: "scheduled"}}}
		m, _ = m.Update(pageMsg{gen: m.gen, req: m.req.Seq(), page: pledgePage([]api.Pledge{p, p}, "")})
		// enter keeps the filter and blurs the box: a focused box draws its
		// own cursor in reverse video, which is ours, not the server's.
		m = uitest.Press(uitest.Send(uitest.Press(m, "/"), uitest.Type(filter)...), "enter")
		uitest.Frame(t, m.View(), w, h)
		m = uitest.Press(m, "esc", "s", "G")
		uitest.Frame(t, m.View(), w, h)
		m = uitest.Press(m, "v", "G") // the next repayments by date
		uitest.Frame(t, m.View(), w, h)
	})
}
