package wallet

import (
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// report is the insight report of one loan that paid an instalment in each
// of the last months, growing month by month.
func report(months int) *insight.Report {
	p := api.Pledge{
		ID: 1, Project: api.PledgeProject{ID: 1, Title: "Ferme"}, Amount: uitest.EUR(1_000_00), Status: "repaying",
		InterestRate: api.Decimal{Value: 5, Valid: true}, DurationMonths: api.Int{Value: 24, Valid: true},
		CreatedAt: api.Time{Time: uitest.Now.AddDate(-1, -1, 0), Valid: true},
	}
	for k := range months {
		d := time.Date(2026, time.Month(12-months+k), 15, 0, 0, 0, 0, time.UTC)
		p.Repayments = append(p.Repayments, api.Repayment{
			Date: api.Time{Time: d, DateOnly: true, Valid: true}, Capital: uitest.EUR(int64(10_00 * (k + 1))), Interest: uitest.EUR(1_00), Status: "paid",
		})
	}
	r := insight.Compute([]api.Pledge{p}, nil, uitest.Now)
	return &r
}

// tall is the wallet of the demo user at 30×16: room for the sparkline.
func tall(t *testing.T) Model {
	t.Helper()
	m, _ := setup(t, sandbox.Options{})
	m = m.SetSize(26, 16)
	m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
	return uitest.Drain(t, m, update, cmd)
}

// The income of the last 12 months shows as a sparkline under the
// balances when there is room, drawn from the report; under privacy its
// bars are all alike.
func TestTheIncomeSparkline(t *testing.T) {
	m := tall(t)
	if strings.Contains(view(m), "Received, last 12 months") {
		t.Fatal("a sparkline before any report")
	}
	m = uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 1, Report: report(12)})
	out := view(m)
	if !strings.Contains(out, "Received, last 12 months") || !strings.ContainsAny(out, "▁▂▃▄▅▆▇█") {
		t.Fatalf("no sparkline:\n%s", out)
	}
	spark := m.spark
	// The months grow: the last column is the tallest, the first the lowest.
	bottom := []rune(uitest.Plain(spark[len(spark)-1]))
	if len(bottom) != 24 || bottom[0] == bottom[23] {
		t.Errorf("the sparkline does not follow the months: %q", string(bottom))
	}
	m = uitest.Send(m, common.PrivacyMsg{On: true})
	out = view(m)
	if strings.ContainsAny(out, "▁▂▃▄▅▆▇█") || !strings.Contains(out, strings.Repeat("░", 24)) {
		t.Errorf("privacy on, the sparkline's heights show:\n%s", out)
	}
	// Too short a pane: the balances first, no sparkline.
	if short := m.SetSize(26, 8); strings.Contains(view(short), "Received") {
		t.Errorf("a sparkline squeezed into 8 lines:\n%s", view(short))
	}
	for _, h := range []int{0, 1, 8, 12, 16, 30} {
		for _, w := range []int{0, 5, 11, 12, 23, 24, 26, 30} {
			uitest.Frame(t, uitest.Plain(m.SetSize(w, h).View()), w, h)
		}
	}
}

// Only a newer report of this person is taken; a new lookup drops it.
func TestTheSparklineFollowsThePerson(t *testing.T) {
	m := tall(t)
	m = uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 3, Report: report(12)})
	drawn := view(m)
	if kept := uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 2, Report: report(4)}); view(kept) != drawn {
		t.Error("an older report replaced the sparkline")
	}
	if kept := uitest.Send(m, common.InsightMsg{Gen: 0, Seq: 9, Report: report(4)}); view(kept) != drawn {
		t.Error("a previous person's report replaced the sparkline")
	}
	m = uitest.Send(m, common.UserMsg{Gen: 2})
	if m.income != nil || strings.Contains(view(m), "Received") {
		t.Error("the previous person's income stayed")
	}
}

// Nothing received in the last 12 months is said in words, not drawn as a
// flat line; under privacy the placeholder stands, as for any income.
func TestNothingReceivedIsSaid(t *testing.T) {
	none := insight.Compute(nil, nil, uitest.Now) // no loan: twelve empty months
	m := uitest.Send(tall(t), common.InsightMsg{Gen: 1, Seq: 1, Report: &none})
	out := view(m)
	if !strings.Contains(out, "Nothing received in the") || strings.Contains(out, "Received, last 12 months") {
		t.Errorf("no income, not said:\n%s", out)
	}
	m = uitest.Send(m, common.PrivacyMsg{On: true})
	if out := view(m); strings.Contains(out, "Nothing received") || !strings.Contains(out, "░") {
		t.Errorf("privacy tells that nothing came:\n%s", out)
	}
}
