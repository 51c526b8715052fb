package insight

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9 }

func TestReturnOfARepaidLoan(t *testing.T) {
	// 100 € out on 1 Jan 2024 (Paris), 110 € back 366 days later.
	p := pledge(1, "repaid", 10000, "2024-01-01T00:30:00+01:00", repayments(rep("2025-01-01", 10000, 1000, "paid")))
	r := Compute([]api.Pledge{p}, nil, now)
	l := r.Loans[0]
	want := math.Pow(1.1, 365.0/366) - 1
	if !l.Realised.OK || !near(l.Realised.Value, want) || !l.Expected.OK || !near(l.Expected.Value, want) {
		t.Errorf("returns %+v %+v, want %.12f", l.Realised, l.Expected, want)
	}
	// One pledge: the portfolio is that loan.
	if r.Realised != l.Realised || r.Expected != l.Expected {
		t.Errorf("portfolio %+v %+v, loan %+v %+v", r.Realised, r.Expected, l.Realised, l.Expected)
	}
	if l.Outstanding != 0 || r.Risk.Outstanding != 0 || r.Lent != 10000 || r.PaidInterest != 1000 {
		t.Errorf("outstanding %d/%d, lent %d, interest %d", l.Outstanding, r.Risk.Outstanding, r.Lent, r.PaidInterest)
	}
}

func TestReturnWithNoRepaymentYet(t *testing.T) {
	// Lent 20 days ago, first instalment next month: to date the capital is
	// valued at par, 0 %, not −100 %; to the end, the schedule's rate.
	p := pledge(1, "repaying", 100000, "2026-02-18T10:00:00Z", terms("6", 12))
	l := Compute([]api.Pledge{p}, nil, now).Loans[0]
	if !l.Realised.OK || !near(l.Realised.Value, 0) {
		t.Errorf("realised %+v, want 0 %%", l.Realised)
	}
	// Monthly 0.5 % compounds to 6.17 % a year; the first month runs from
	// 18 Feb to 15 Mar, a little short, so a little more.
	if !l.Expected.OK || l.Expected.Value < 0.0617 || l.Expected.Value > 0.066 {
		t.Errorf("expected %+v, want about 6.2 %%", l.Expected)
	}
}

func TestReturnOfARunningLoan(t *testing.T) {
	// Half the capital back with interest, half still owed: valued at par today.
	p := pledge(1, "repaying", 20000, "2025-03-10T10:00:00Z", repayments(
		rep("2025-09-10", 10000, 500, "paid"),
		rep("2026-09-10", 10000, 500, "scheduled"),
	))
	l := Compute([]api.Pledge{p}, nil, now).Loans[0]
	realised := XIRR(cashFlows([]dated{{"2025-03-10", -20000}, {"2025-09-10", 10500}, {"2026-03-10", 10000}}))
	expected := XIRR(cashFlows([]dated{{"2025-03-10", -20000}, {"2025-09-10", 10500}, {"2026-09-10", 10500}}))
	if l.Realised != realised || l.Expected != expected || !realised.OK || !expected.OK {
		t.Errorf("returns %+v %+v, want %+v %+v", l.Realised, l.Expected, realised, expected)
	}
}

func TestReturnOfALateLoan(t *testing.T) {
	// The overdue instalment is expected today, the earliest it can come.
	p := pledge(1, "late", 20000, "2025-03-10T10:00:00Z", repayments(
		rep("2025-09-10", 10000, 500, "paid"),
		rep("2026-01-10", 5000, 200, "late"),
		rep("2026-09-10", 5000, 200, "scheduled"),
	))
	l := Compute([]api.Pledge{p}, nil, now).Loans[0]
	expected := XIRR(cashFlows([]dated{{"2025-03-10", -20000}, {"2025-09-10", 10500}, {"2026-03-10", 5200}, {"2026-09-10", 5200}}))
	if l.Expected != expected {
		t.Errorf("expected %+v, want %+v", l.Expected, expected)
	}
}

func TestDefaultedLoan(t *testing.T) {
	// 1 000 € lent; 2 × 100 € capital + 5 € interest came back; the other
	// 800 € are lost: no terminal value, nothing more expected.
	p := pledge(1, "defaulted", 100000, "2024-12-01T10:00:00Z", repayments(
		rep("2025-01-15", 10000, 500, "paid"),
		rep("2025-02-15", 10000, 500, "paid"),
		rep("2025-03-15", 10000, 500, "late"),
		rep("2026-06-15", 70000, 500, "scheduled"),
	))
	r := Compute([]api.Pledge{p}, nil, now)
	l := r.Loans[0]
	want := XIRR(cashFlows([]dated{{"2024-12-01", -100000}, {"2025-01-15", 10500}, {"2025-02-15", 10500}}))
	if !want.OK || want.Value > -0.99 || l.Realised != want || l.Expected != want {
		t.Errorf("returns %+v %+v, want both %+v", l.Realised, l.Expected, want)
	}
	if got := states(l.Schedule); !slices.Equal(got, []State{Paid, Paid, Lost, Lost}) {
		t.Errorf("states %v", got)
	}
	if l.Outstanding != 80000 || r.Risk.Defaulted != 80000 || r.Risk.AtRisk != 80000 || r.Risk.Outstanding != 80000 {
		t.Errorf("outstanding %d, risk %+v", l.Outstanding, r.Risk)
	}
	if len(r.Risk.Overdue) != 0 || r.Calendar.Overdue.Count != 0 || r.Calendar.Ahead[3].Count != 0 {
		t.Errorf("a defaulted loan shows as late or due: %+v %+v", r.Risk.Overdue, r.Calendar)
	}
	if r.Diversification.ByProject.Total != 0 {
		t.Errorf("lost capital counted as at work: %+v", r.Diversification.ByProject)
	}
	// Lost in 2025, the year of its first unpaid instalment.
	if got := r.TaxYear(2025); got.Lost != 80000 || got.Interest != 1000 {
		t.Errorf("2025: %+v", got)
	}
}

func TestPendingPledge(t *testing.T) {
	r := Compute([]api.Pledge{pledge(1, "pending", 50000, "2026-03-01T10:00:00Z")}, nil, now)
	l := r.Loans[0]
	if l.Realised.OK || l.Expected.OK || r.Realised.OK || len(l.Schedule) != 0 || l.Outstanding != 0 {
		t.Errorf("pending loan: %+v", l)
	}
	if r.Pending != 50000 || r.Lent != 0 || r.Risk.Outstanding != 0 || r.Answers.NextDate.Valid {
		t.Errorf("pending %d, lent %d, risk %+v, next %+v", r.Pending, r.Lent, r.Risk, r.Answers.NextDate)
	}
}

func TestSkippedPledges(t *testing.T) {
	noAmount := pledge(1, "repaying", 0, "2025-01-01T10:00:00Z", func(p *api.Pledge) { p.Amount = api.Money{} })
	noDate := pledge(2, "repaying", 100, "2025-01-01T10:00:00Z", func(p *api.Pledge) { p.CreatedAt = api.Time{} })
	r := Compute([]api.Pledge{noAmount, noDate, pledge(3, "repaying", 100, "2025-01-01T10:00:00Z")}, nil, now)
	if !slices.Equal(r.Skipped, []int64{1, 2}) || len(r.Loans) != 1 {
		t.Errorf("skipped %v, %d loans", r.Skipped, len(r.Loans))
	}
	if l, ok := r.Loan(3); !ok || l.ID != 3 {
		t.Errorf("Loan(3) = %v, %v", l, ok)
	}
	if _, ok := r.Loan(1); ok {
		t.Errorf("Loan(1) found a skipped pledge")
	}
}

func TestTaxRateChangesOnFirstJanuary2026(t *testing.T) {
	p := pledge(1, "repaying", 1000000, "2025-06-01T10:00:00Z", repayments(
		rep("2025-12-31", 100000, 10000, "paid"),
		rep("2026-01-01", 100000, 10000, "paid"),
		rep("2026-02-15", 100000, 333, "paid"),
	))
	r := Compute([]api.Pledge{p}, nil, now)
	want := []TaxYear{
		{Year: 2025, Interest: 10000, IncomeTax: 1280, SocialCharges: 1720, Withholding: 3000, Payments: 1},
		// 333 × 12.8 % = 42.624 → 43; 333 × 18.6 % = 61.938 → 62.
		{Year: 2026, Interest: 10333, IncomeTax: 1280 + 43, SocialCharges: 1860 + 62, Withholding: 3140 + 105, Payments: 2},
	}
	if !slices.Equal(r.Tax, want) {
		t.Errorf("tax years\n got %+v\nwant %+v", r.Tax, want)
	}
	if got := r.TaxYear(2024); got != (TaxYear{Year: 2024}) {
		t.Errorf("2024: %+v", got)
	}
	if r.Answers.InterestThisYear != 10333 {
		t.Errorf("interest this year %d", r.Answers.InterestThisYear)
	}
}

func TestFlatTaxRounding(t *testing.T) {
	cases := []struct {
		interest       Cents
		d              string
		income, social Cents
	}{
		{5, "2025-06-15", 1, 1},     // 0.64 → 1, 0.86 → 1
		{3, "2025-06-15", 0, 1},     // 0.384 → 0, 0.516 → 1
		{125, "2026-06-15", 16, 23}, // 16.0, 23.25 → 23
		{1, "2025-12-31", 0, 0},
		{1000, "2026-01-01", 128, 186},
	}
	for _, c := range cases {
		income, social := flatTax(c.interest, dayOf(date(c.d)))
		if income != c.income || social != c.social {
			t.Errorf("flatTax(%d, %s) = %d, %d; want %d, %d", c.interest, c.d, income, social, c.income, c.social)
		}
	}
}

func TestCalendarRiskAndAnswers(t *testing.T) {
	a := pledge(1, "late", 60000, "2025-09-01T10:00:00Z", project(10, "Ferme A", "lait"), repayments(
		rep("2025-10-15", 10000, 300, "paid"),
		rep("2025-11-15", 10000, 250, "paid"),
		rep("2025-12-15", 10000, 200, "late"),
		rep("2026-01-15", 10000, 150, "scheduled"), // before today: overdue
		rep("2026-03-15", 10000, 100, "scheduled"),
		rep("2027-03-15", 10000, 50, "scheduled"), // beyond the 12 months
	))
	b := pledge(2, "repaying", 40000, "2025-12-01T10:00:00Z", project(20, "Ferme B", "viticulture"), repayments(
		rep("2026-01-15", 10000, 100, "paid"),
		rep("2026-03-15", 10000, 80, "scheduled"),
		rep("2026-04-15", 20000, 60, "scheduled"),
	))
	r := Compute([]api.Pledge{a, b}, map[int64]ProjectFacts{10: {Region: api.Region{Code: "53", Name: "Bretagne"}}}, now)

	c := r.Calendar
	if len(c.Ahead) != 12 || len(c.Behind) != 12 || c.Ahead[0].Month != (YearMonth{2026, time.March}) || c.Behind[11].Month != (YearMonth{2026, time.March}) || c.Behind[0].Month != (YearMonth{2025, time.April}) {
		t.Fatalf("calendar months: %+v … %+v", c.Ahead[0].Month, c.Behind[0].Month)
	}
	if m := c.Ahead[0]; m.Capital != 20000 || m.Interest != 180 || m.Count != 2 {
		t.Errorf("March 2026 due: %+v", m)
	}
	if m := c.Ahead[1]; m.Capital != 20000 || m.Interest != 60 {
		t.Errorf("April 2026 due: %+v", m)
	}
	if m := c.Behind[10]; m.Month != (YearMonth{2026, time.February}) || m.Count != 0 {
		t.Errorf("February 2026 received: %+v", m)
	}
	if m := c.Behind[9]; m.Capital != 10000 || m.Interest != 100 {
		t.Errorf("January 2026 received: %+v", m)
	}
	if m := c.Behind[6]; m.Capital != 10000 || m.Interest != 300 {
		t.Errorf("October 2025 received: %+v", m)
	}
	if o := c.Overdue; o.Capital != 20000 || o.Interest != 350 || o.Count != 2 {
		t.Errorf("overdue: %+v", o)
	}

	rk := r.Risk
	if rk.Late != 40000 || rk.Repaying != 30000 || rk.Outstanding != 70000 || rk.AtRisk != 40000 {
		t.Errorf("risk: %+v", rk)
	}
	if len(rk.Overdue) != 1 || rk.Overdue[0].PledgeID != 1 || !rk.Overdue[0].Since.Equal(date("2025-12-15")) || rk.Overdue[0].Instalments != 2 || rk.Overdue[0].Total() != 20350 {
		t.Errorf("overdue loans: %+v", rk.Overdue)
	}

	ans := r.Answers
	if !ans.NextDate.Equal(date("2026-03-15")) || ans.NextAmount() != 20180 || ans.NextCount != 2 || ans.NextEstimated {
		t.Errorf("next: %+v", ans)
	}
	if len(ans.Late) != 1 || ans.InterestThisYear != 100 {
		t.Errorf("late %v, interest this year %d", ans.Late, ans.InterestThisYear)
	}

	up := r.Upcoming(12)
	var sum Cents
	for _, d := range up {
		sum += d.Total()
	}
	var ahead Cents
	for _, m := range c.Ahead {
		ahead += m.Total()
	}
	if len(up) != 3 || sum != ahead || up[0].PledgeID != 1 || up[1].PledgeID != 2 || up[0].Project.Title != "Ferme A" {
		t.Errorf("upcoming: %+v (sum %d, calendar %d)", up, sum, ahead)
	}
	if got := r.Upcoming(1); len(got) != 2 {
		t.Errorf("Upcoming(1): %d", len(got))
	}
	if got := r.Upcoming(0); got != nil {
		t.Errorf("Upcoming(0): %v", got)
	}
	days := ByDay(up)
	if len(days) != 2 || days[0].Total() != 20180 || len(days[0].Items) != 2 || days[1].Total() != 20060 {
		t.Errorf("by day: %+v", days)
	}

	d := r.Diversification
	if d.ByRegion.Slices[0] != (Slice{Key: "53", Label: "Bretagne", Outstanding: 40000, Loans: 1}) || d.ByRegion.Slices[1].Key != "" {
		t.Errorf("by region: %+v", d.ByRegion)
	}
	// Shares 4/7 and 3/7: HHI = (16 + 9) / 49.
	if p := d.ByProject; p.Total != 70000 || p.Top5 != 70000 || !near(p.HHI, 25.0/49) || !near(p.Effective, 49.0/25) || p.Slices[0].Label != "Ferme A" {
		t.Errorf("by project: %+v", p)
	}
}

func TestDiversificationTopFive(t *testing.T) {
	var ps []api.Pledge
	for i := range 7 {
		// Outstanding 7 000, 6 000, … 1 000 €; two of them in one project.
		p := pledge(int64(i+1), "repaying", int64(7-i)*100000, "2026-03-01T10:00:00Z",
			project(int64(100+i), "P", []string{"lait", "lait", "sucre", "nature", "nature", "soft", "alcool"}[i]),
			repayments(rep("2027-01-15", int64(7-i)*100000, 0, "scheduled")))
		ps = append(ps, p)
	}
	ps[6].Project = ps[5].Project
	d := Compute(ps, nil, now).Diversification
	keys := func(b Breakdown) []string {
		var out []string
		for _, s := range b.Slices {
			out = append(out, s.Key)
		}
		return out
	}
	// lait 7 000 + 6 000, nature 4 000 + 3 000, sucre 5 000, soft 2 000 + the
	// 1 000 of pledge 7, now in the same (soft) project.
	if got := keys(d.ByCategory); !slices.Equal(got, []string{"lait", "nature", "sucre", "soft"}) {
		t.Errorf("categories %v", got)
	}
	// Projects 104 and 105 both hold 3 000 €: the key breaks the tie.
	p := d.ByProject
	if got := keys(p); !slices.Equal(got, []string{"100", "101", "102", "103", "104", "105"}) || p.Slices[5].Loans != 2 || p.Total != 2800000 || p.Top5 != 2500000 {
		t.Errorf("projects %+v", p)
	}
}
