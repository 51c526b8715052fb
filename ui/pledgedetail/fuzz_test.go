package pledgedetail

import (
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// FuzzView: any title, category and status from the server give a screen
// of exactly the detail's size with no control or escape sequence in it.
func FuzzView(f *testing.F) {
	f.Add("Des ruches", "apiculture", "repaying", int64(10000), 60, 15)
	f.Add("\x1b]52;c;aGk=\x07t", "\x1b[31m", "\u202elate", int64(-1), 100, 30)
	f.Add(strings.Repeat("漢", 90), "", "", int64(1<<62), 2, 1)
	f.Fuzz(func(t *testing.T, title, category, status string, cents int64, w, h int) {
		w, h = w%260, h%80
		env := uitest.Env(i18n.FR)
		env.Styles = common.Styles{}
		p := api.Pledge{ID: 1, Project: api.PledgeProject{Title: title, Category: category, Slug: title}, Status: status,
			Amount: uitest.EUR(cents), RepaidCapital: uitest.EUR(cents / 3), NextRepayment: &api.Repayment{Amount: uitest.EUR(cents)},
			Repayments: []api.Repayment{{Capital: uitest.EUR(cents), Status: status}}}
		m := New(env, p).SetSize(w, h)
		uitest.Frame(t, m.View(), w, h)
		m = uitest.Press(m, "G")
		uitest.Frame(t, m.View(), w, h)
	})
}
