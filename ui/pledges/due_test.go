package pledges

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// day is a date as the API sends it, days from the tests' today.
func day(offset int) api.Time {
	d := uitest.Now.AddDate(0, 0, offset)
	return api.Time{Time: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), DateOnly: true, Valid: true}
}

func instal(offset int, capital, interest int64, status string) api.Repayment {
	return api.Repayment{Date: day(offset), Capital: uitest.EUR(capital), Interest: uitest.EUR(interest), Status: status}
}

// A pledge with an instalment left unpaid shows that one, the oldest,
// marked late, rather than the next one to come, which would hide it: the
// server's "late" and a "scheduled" one whose date has passed alike.
func TestNextDueIsTheOldestUnpaidInstalmentWhenOneIsLate(t *testing.T) {
	late := api.Pledge{ID: 1, Project: api.PledgeProject{Title: "En retard"}, Amount: uitest.EUR(100000), Status: "late",
		NextRepayment: &api.Repayment{Date: day(18), Amount: uitest.EUR(4500)},
		Repayments: []api.Repayment{
			instal(-90, 4000, 500, "paid"),
			instal(-30, 4000, 480, "scheduled"), // past and still scheduled: late too
			instal(-60, 4000, 490, "late"),      // the oldest unpaid
			instal(18, 4000, 470, "scheduled"),
		}}
	onTime := api.Pledge{ID: 2, Project: api.PledgeProject{Title: "À l'heure"}, Amount: uitest.EUR(50000), Status: "repaying",
		NextRepayment: &api.Repayment{Date: day(3), Amount: uitest.EUR(2100)},
		Repayments:    []api.Repayment{instal(-27, 2000, 100, "paid"), instal(3, 2000, 100, "scheduled")}}
	// Today's instalment is due, not late.
	dueToday := api.Pledge{ID: 3, Project: api.PledgeProject{Title: "Aujourd'hui"}, Amount: uitest.EUR(50000), Status: "repaying",
		NextRepayment: &api.Repayment{Date: day(0), Amount: uitest.EUR(2100)},
		Repayments:    []api.Repayment{instal(0, 2000, 100, "scheduled")}}
	// No schedule sent: what the server announces.
	bare := api.Pledge{ID: 4, Project: api.PledgeProject{Title: "Sans échéancier"}, Amount: uitest.EUR(50000), Status: "late",
		NextRepayment: &api.Repayment{Date: day(5), Amount: uitest.EUR(999)}}

	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage([]api.Pledge{onTime, late, dueToday, bare}, ""), nil)
	v := uitest.Plain(m.View())
	f := m.env.Format
	row := func(title string) string {
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, title) {
				return l
			}
		}
		t.Fatalf("no row for %q:\n%s", title, v)
		return ""
	}
	if r := row("En retard"); !strings.Contains(r, f.Date(day(-60))+" late") || !strings.Contains(r, "€44.90") {
		t.Errorf("the late pledge's row: %q", r)
	}
	if r := row("À l'heure"); !strings.Contains(r, f.Date(day(3))) || strings.Contains(r, "late") || !strings.Contains(r, "€21.00") {
		t.Errorf("the pledge on time: %q", r)
	}
	if r := row("Aujourd'hui"); strings.Contains(r, "late") {
		t.Errorf("due today is not late: %q", r)
	}
	if r := row("Sans échéancier"); !strings.Contains(r, f.Date(day(5))) || !strings.Contains(r, "€9.99") {
		t.Errorf("no schedule: %q", r)
	}
	// Sorted by next repayment, the late one comes first.
	for m.sortBy == 0 || sorts[m.sortBy].col != colNextDate {
		m = uitest.Press(m, "s")
	}
	if got := ids(m.Shown()); !slices.Equal(got, []int64{1, 3, 2, 4}) {
		t.Errorf("sorted by next repayment: %v", got)
	}
}

func ids(ps []api.Pledge) []int64 {
	var out []int64
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func dueOn(id int64, offset int, cents int64) api.Pledge {
	return api.Pledge{ID: id, Project: api.PledgeProject{Title: "Ferme"}, Amount: uitest.EUR(10000), Status: "repaying",
		NextRepayment: &api.Repayment{Date: day(offset), Amount: uitest.EUR(cents)}}
}

// v shows what the pledges shown owe next, one line per date: how many
// pledges and the total, a late date first and marked; v again, the list.
func TestUpcomingViewTotalsTheInstalmentsOfEachDate(t *testing.T) {
	late := dueOn(9, 20, 100)
	late.Status, late.Repayments = "late", []api.Repayment{instal(-10, 300, 20, "late")}
	ps := []api.Pledge{dueOn(1, 18, 1050), dueOn(2, 18, 2025), dueOn(3, 48, 700), {ID: 4, Status: "repaid"}, late, dueOn(5, 18, 5)}
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(ps, ""), nil)
	m = uitest.Press(m, "v")
	if !m.showUpcoming {
		t.Fatal("v did not switch to the upcoming view")
	}
	f := m.env.Format
	v := uitest.Plain(m.View())
	lines := strings.Split(v, "\n")
	want := [][]string{
		{f.Date(day(-10)) + " late", "1", "€3.20"},
		{f.Date(day(18)), "3", "€30.80"},
		// The late pledge counts again on the date of its instalment to
		// come, as the insight pane's next repayment counts it.
		{f.Date(day(20)), "1", "€1.00"},
		{f.Date(day(48)), "1", "€7.00"},
	}
	for i, w := range want {
		l := lines[2+i]
		for _, cell := range w {
			if !strings.Contains(l, cell) {
				t.Errorf("line %d %q lacks %q", i, l, cell)
			}
		}
	}
	uitest.Contains(t, v, "next repayments by date")

	// The filter narrows the dates too; privacy masks the totals.
	m = uitest.Press(uitest.Send(uitest.Press(m, "/"), uitest.Type("late")...), "enter")
	if m.upcoming.Len() != 2 {
		t.Errorf("filtered to the late pledge: %d dates, want its late one and the one to come", m.upcoming.Len())
	}
	m = uitest.Press(m, "esc")
	m, _ = m.Update(common.PrivacyMsg{On: true})
	if v := uitest.Plain(m.View()); strings.Contains(v, "€30.80") || !strings.Contains(v, "€••••") {
		t.Errorf("privacy left an amount:\n%s", v)
	}

	// enter on a date: the list sorted by next repayment, on that date's
	// first pledge.
	m = uitest.Press(m, "j", "enter")
	if m.showUpcoming || sorts[m.sortBy].col != colNextDate {
		t.Fatalf("enter: upcoming %v, sort %d", m.showUpcoming, m.sortBy)
	}
	if p, _ := m.Selected(); p.ID != 1 {
		t.Errorf("enter on the second date selected pledge %d, want 1", p.ID)
	}
	m = uitest.Press(m, "v", "v")
	if m.showUpcoming {
		t.Error("v v did not come back to the list")
	}
	if m = uitest.Press(m, "v"); m.upcoming.Cursor() != 0 {
		t.Errorf("v opened the dates on row %d, want the soonest (0)", m.upcoming.Cursor())
	}
}

func TestUpcomingScreen(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(lang.String(), func(t *testing.T) {
			m := New(uitest.SandboxEnv(t, lang)).SetSize(66, 10).SetFocused(true)
			m, cmd := m.Update(common.UserMsg{User: demoUser(0), Gen: 1})
			m = uitest.Settle(t, m, cmd)
			m = uitest.Press(m, "v")
			uitest.Golden(t, m)
		})
	}
}
