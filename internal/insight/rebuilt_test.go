package insight

import (
	"testing"

	"github.com/miimosa/miimosa/api"
)

func nextRepayment(d string, amount int64) func(*api.Pledge) {
	return func(p *api.Pledge) { p.NextRepayment = &api.Repayment{Date: day0(d), Amount: eur(amount)} }
}

func paidInterest(cents int64) func(*api.Pledge) {
	return func(p *api.Pledge) { p.PaidInterest = eur(cents) }
}

// A schedule rebuilt from the terms agrees with what the server says of the
// pledge: its next repayment falls in the month the server names, and its
// paid instalments add up to the capital repaid and the interest paid.
func TestRebuiltScheduleFollowsTheServer(t *testing.T) {
	// Monthly over 12 from 20 Jun 2025: the terms put instalments on 15 Jul
	// 2025 … 15 Jun 2026, eight of them before 10 Mar 2026. The platform
	// started a month later: seven repaid (Aug–Feb), the next on 15 Mar 2026.
	const created = "2025-06-20T10:00:00Z"
	base := Compute([]api.Pledge{pledge(1, "repaying", 120000, created)}, nil, now).Loans[0].Schedule
	sevenCapital := int64(sumCapital(base[:7])) + 37 // not on an instalment's boundary
	var sevenInterest int64
	for _, in := range base[:7] {
		sevenInterest += int64(in.Interest)
	}
	sevenInterest -= 250 // less than the rebuilt instalments say: taken back from several
	p := pledge(1, "repaying", 120000, created, repaid(sevenCapital), paidInterest(sevenInterest), nextRepayment("2026-03-15", 10300))
	l := Compute([]api.Pledge{p}, nil, now).Loans[0]

	k := firstUnpaid(l.Schedule)
	if got := l.Schedule[k].Date.Time.Format("2006-01-02"); got != "2026-03-15" || l.Schedule[k].State != Upcoming {
		t.Errorf("first unpaid instalment on %s (%v), want the server's next repayment, upcoming on 2026-03-15", got, l.Schedule[k].State)
	}
	if k != 7 {
		t.Errorf("%d instalments paid, want the 7 dated before the next repayment", k)
	}
	if got := l.Schedule[0].Date.Time.Format("2006-01-02"); got != "2025-08-15" {
		t.Errorf("first instalment on %s, want 2025-08-15 (the whole schedule moves)", got)
	}
	for i, in := range l.Schedule {
		if in.Capital < 0 || in.Interest < 0 {
			t.Errorf("instalment %d is negative: %+v", i, in)
		}
		if _, _, d := in.day.civil(); d != 15 {
			t.Errorf("instalment %d is not on the 15th: %s", i, in.Date.Time)
		}
	}
	if !l.Estimated {
		t.Error("a rebuilt schedule not marked estimated")
	}
	if sumCapital(l.Schedule) != l.Amount {
		t.Errorf("capital adds up to %d, want the amount %d", sumCapital(l.Schedule), l.Amount)
	}
	if int64(l.PaidCapital) != sevenCapital || int64(l.PaidInterest) != sevenInterest {
		t.Errorf("paid %d capital and %d interest, want the server's %d and %d", l.PaidCapital, l.PaidInterest, sevenCapital, sevenInterest)
	}
	if l.Outstanding != l.Amount-l.PaidCapital {
		t.Errorf("outstanding %d, want %d", l.Outstanding, l.Amount-l.PaidCapital)
	}
}

// A repaying loan whose terms are all past, but which the server says has
// a repayment to come, keeps its last instalment to come.
func TestRebuiltScheduleKeepsTheNextRepaymentToCome(t *testing.T) {
	// Monthly over 12 from 20 Jan 2025: every instalment before March 2026.
	const created = "2025-01-20T10:00:00Z"
	base := Compute([]api.Pledge{pledge(1, "repaid", 120000, created)}, nil, now).Loans[0].Schedule
	almost := int64(sumCapital(base[:11])) + 500
	p := pledge(1, "repaying", 120000, created, repaid(almost), nextRepayment("2026-03-15", 10300))
	l := Compute([]api.Pledge{p}, nil, now).Loans[0]
	last := l.Schedule[len(l.Schedule)-1]
	if last.State != Upcoming || last.Date.Time.Format("2006-01-02") != "2026-03-15" {
		t.Errorf("last instalment %s %v, want upcoming on 2026-03-15", last.Date.Time.Format("2006-01-02"), last.State)
	}
	if int64(l.PaidCapital) != almost || l.Outstanding != l.Amount-Cents(almost) {
		t.Errorf("paid %d, outstanding %d; want %d and %d", l.PaidCapital, l.Outstanding, almost, 120000-almost)
	}
}

// Without a next repayment, or for a loan that is late, the dates stay
// those of the terms.
func TestRebuiltScheduleStaysWithoutANextRepayment(t *testing.T) {
	const created = "2025-06-20T10:00:00Z"
	for _, p := range []api.Pledge{
		pledge(1, "repaying", 120000, created),
		pledge(1, "late", 120000, created, nextRepayment("2026-04-15", 10300)),
	} {
		l := Compute([]api.Pledge{p}, nil, now).Loans[0]
		if got := l.Schedule[0].Date.Time.Format("2006-01-02"); got != "2025-07-15" {
			t.Errorf("%s: first instalment on %s, want the terms' 2025-07-15", p.Status, got)
		}
	}
}
