package projects

import (
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// FuzzListView: whatever the server sends as titles, cities, regions and
// codes, the list never panics, never passes a control or escape sequence
// to the terminal and always draws exactly its size. Styles are plain so
// any escape could only come from the data.
func FuzzListView(f *testing.F) {
	f.Add("Des ruches", "Lyon", "Auvergne-Rhône-Alpes", "apiculture", int64(100), int64(200), 60, 15)
	f.Add("\x1b[2J\x1b]8;;http://evil\x07x", "\u202eLyon", "\x9b31m", "\x1b[31mnew", int64(-5), int64(0), 100, 30)
	f.Add(strings.Repeat("漢", 100), "", "", "", int64(1<<62), int64(1), 3, 1)
	f.Fuzz(func(t *testing.T, title, city, region, category string, collected, target int64, w, h int) {
		w, h = w%260, h%80
		env, client := uitest.Env(i18n.EN), uitest.Offline(t)
		env.Styles = common.Styles{}
		m := New(env, client).SetSize(w, h).SetFocused(true)
		p := api.Project{ID: 1, Title: title, City: city, Region: api.Region{Code: region, Name: region}, Category: category,
			CollectType: category, Collected: api.Money{Cents: collected, Valid: true}, Target: api.Money{Cents: target, Valid: true}}
		m, _ = m.Update(pageMsg{req: m.req.Seq(), page: api.Page[api.Project]{Items: []api.Project{p, p, p}}})
		m, _ = m.Update(uitest.Key("j"))
		uitest.Frame(t, m.View(), w, h)
		// Sorted here, filtered by status, then a picker with the title
		// typed into it: any text filters without breaking the frame.
		m, _ = m.setSort(sortEnding)
		m, _ = m.setStatus("in_progress")
		uitest.Frame(t, m.View(), w, h)
		m, _ = m.Update(uitest.Key("f"))
		m = uitest.Send(m, uitest.Type(title)...)
		m = uitest.Send(m, uitest.Key("down"), common.WheelMsg{Lines: 3}, common.ClickMsg{Y: h / 2})
		uitest.Frame(t, m.View(), w, h)
	})
}
