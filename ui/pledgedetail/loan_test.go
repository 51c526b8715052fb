package pledgedetail

import (
	"regexp"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// lateLoan is a pledge of three instalments: one paid, one past its date
// unpaid, one to come, with the loan the insight report makes of it.
func lateLoan(t *testing.T) (api.Pledge, *insight.Loan) {
	t.Helper()
	p := pledge()
	p.Status = "late"
	p.CreatedAt = api.Time{Time: uitest.Now.AddDate(0, -3, 0), Valid: true}
	p.Repayments = []api.Repayment{
		{Date: day(-2), Capital: eur(26667), Interest: eur(300), Status: "paid"},
		{Date: day(-1), Capital: eur(26667), Interest: eur(200), Status: "late"},
		{Date: day(1), Capital: eur(26667), Interest: eur(100), Status: "scheduled"},
	}
	return p, loanOf(t, p)
}

func loanOf(t *testing.T, p api.Pledge) *insight.Loan {
	t.Helper()
	r := insight.Compute([]api.Pledge{p}, nil, uitest.Now)
	l, ok := r.Loan(p.ID)
	if !ok {
		t.Fatalf("pledge %d is not in its report", p.ID)
	}
	return l
}

// With the report's loan the schedule says where each instalment stands,
// and the pledge's own return is beside its nominal rate.
func TestTheLoansScheduleAndReturn(t *testing.T) {
	p, l := lateLoan(t)
	m := New(uitest.Env(i18n.EN), p).WithLoan(l, 1).SetSize(100, 40)
	v := uitest.Plain(m.View())
	for _, want := range []string{"paid", "late", "due", "Return", "realised", "expected", "nominal 4.5%", "€800.01"} {
		uitest.Contains(t, v, want)
	}
	if strings.Contains(v, "Rebuilt from the loan's terms") {
		t.Error("the server's schedule is marked estimated")
	}
	if !l.Realised.OK || !strings.Contains(v, "realised "+m.env.Format.Percent(l.Realised.Percent(2))) {
		t.Errorf("the realised return %v is not shown:\n%s", l.Realised, v)
	}
}

// A pledge the server sent no schedule for gets one rebuilt from its terms,
// marked estimated; a defaulted one's unpaid instalments are lost.
func TestARebuiltScheduleIsMarkedAndLostInstalmentsSaid(t *testing.T) {
	p := pledge()
	p.Repayments, p.NextRepayment = nil, nil
	p.CreatedAt = api.Time{Time: uitest.Now.AddDate(0, -6, 0), Valid: true}
	p.Status = "defaulted"
	m := New(uitest.Env(i18n.FR), p).WithLoan(loanOf(t, p), 1).SetSize(100, 60)
	v := uitest.Plain(m.View())
	uitest.Contains(t, v, "≈ Reconstitué à partir des conditions du prêt (estimé)")
	uitest.Contains(t, v, "perdue")
	uitest.Contains(t, v, "≈")
	if strings.Contains(v, "n'a pas envoyé d'échéancier pour ce prêt") {
		t.Error("the rebuilt schedule is not shown")
	}
	// Without a loan, the server's (absent) schedule, as before.
	uitest.Contains(t, New(uitest.Env(i18n.FR), p).SetSize(100, 60).View(), "n'a pas envoyé d'échéancier")
}

// A newer report replaces the loan shown; an older one, late, does not; a
// report without this pledge leaves it.
func TestOnlyANewerReportReplacesTheLoan(t *testing.T) {
	p, l := lateLoan(t)
	m := New(uitest.Env(i18n.EN), p).WithLoan(l, 5).SetSize(100, 40)
	other := p
	other.Repayments = other.Repayments[:1] // a different schedule, to tell them apart
	r := insight.Compute([]api.Pledge{other}, nil, uitest.Now)
	older := uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 4, Report: &r})
	if older.loan != l {
		t.Error("an older report replaced the loan")
	}
	newer := uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 6, Report: &r})
	if newer.loan == l || newer.loan.ID != p.ID || len(newer.loan.Schedule) != 1 {
		t.Error("a newer report did not replace the loan")
	}
	empty := insight.Compute(nil, nil, uitest.Now)
	if kept := uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 7, Report: &empty}); kept.loan != l {
		t.Error("a report without the pledge dropped its loan")
	}
}

// Privacy masks the loan's amounts and its returns, not its dates.
func TestPrivacyMasksTheLoan(t *testing.T) {
	p, l := lateLoan(t)
	m := New(uitest.Env(i18n.EN), p).WithLoan(l, 1).SetPrivacy(true).SetSize(100, 40)
	v := uitest.Plain(m.View())
	if got := regexp.MustCompile(`€[0-9]`).FindAllString(v, -1); len(got) > 0 {
		t.Errorf("amounts left: %v", got)
	}
	uitest.Contains(t, v, "realised ••••% · expected ••••%")
	uitest.Contains(t, v, m.env.Format.Date(p.Repayments[0].Date))
}

func TestScreensWithTheLoan(t *testing.T) {
	for _, s := range uitest.Sizes {
		t.Run(s.Name, func(t *testing.T) {
			p, l := lateLoan(t)
			m := New(uitest.Env(s.Lang), p).WithLoan(l, 1).SetSize(s.W, s.H)
			uitest.Golden(t, uitest.Press(m, "G"))
		})
	}
}
