package insight

import (
	"github.com/miimosa/miimosa/api"
)

// ProjectFacts are what a pledge does not say about its project; callers
// take them from the projects they have loaded.
type ProjectFacts struct {
	Region    api.Region // zero: unknown
	Frequency string     // "monthly" or "quarterly"; anything else counts as monthly
}

// Loan is one pledge as the report sees it.
type Loan struct {
	ID          int64
	Project     api.PledgeProject
	Region      api.Region // zero when unknown
	Status      string     // the pledge's status as sent
	Amount      Cents
	NominalRate api.Decimal // percent a year, as sent
	// Schedule is in date order: the server's repayments, or, when it sent
	// none, one rebuilt from the terms (Estimated). Empty for a pending
	// pledge, and when there is neither.
	Schedule  []Instalment
	Estimated bool
	// PaidCapital and PaidInterest add up the paid instalments.
	PaidCapital  Cents
	PaidInterest Cents
	// Outstanding is the capital not yet repaid, Amount − PaidCapital (0 when
	// negative); 0 for a pending pledge, whose money is not lent yet. On a
	// defaulted loan it is the capital lost.
	Outstanding Cents
	// Realised and Expected are the loan's annual return (XIRR); see Report.
	Realised Rate
	Expected Rate
	created  day
}

// Pending reports whether the collect is still open (no loan yet).
func (l *Loan) Pending() bool { return l.Status == statusPending }

// Defaulted reports whether the loan is in default: its unpaid capital is lost.
func (l *Loan) Defaulted() bool { return l.Status == statusDefaulted }

// newLoan builds the loan of p; ok is false when p has no usable amount or
// creation date, and it is then left out of every figure.
func newLoan(p api.Pledge, facts ProjectFacts, today day) (Loan, bool) {
	amount, ok := amountOf(p.Amount)
	if !ok || amount == 0 || !p.CreatedAt.Valid {
		return Loan{}, false
	}
	l := Loan{
		ID: p.ID, Project: p.Project, Region: facts.Region, Status: p.Status,
		Amount: amount, NominalRate: p.InterestRate, created: dayOf(p.CreatedAt.Time),
	}
	if l.Pending() {
		return l, true
	}
	if len(p.Repayments) > 0 {
		l.Schedule = givenSchedule(p.Repayments, p.Status, today)
	} else {
		step := int64(1)
		if facts.Frequency == "quarterly" {
			step = 3
		}
		if s, ok := annuity(amount, p.InterestRate, p.DurationMonths.Value, step, l.created); ok && p.DurationMonths.Valid {
			markRebuilt(s, p, amount, today)
			anchorRebuilt(s, p, amount, today)
			reconcileRebuilt(s, p, amount)
			l.Schedule, l.Estimated = s, true
		}
	}
	for _, in := range l.Schedule {
		if in.State == Paid {
			l.PaidCapital += in.Capital
			l.PaidInterest += in.Interest
		}
	}
	l.Outstanding = max(l.Amount-l.PaidCapital, 0)
	if len(l.Schedule) == 0 {
		l.Outstanding = outstandingWithoutSchedule(p, amount)
	}
	return l, true
}

// outstandingWithoutSchedule is what the pledge says is still owed when no
// schedule could be had.
func outstandingWithoutSchedule(p api.Pledge, amount Cents) Cents {
	if p.Status == statusRepaid {
		return 0
	}
	if c, ok := repaidCapital(p, amount); ok {
		return min(max(amount-c, 0), amount)
	}
	return amount
}

// realisedFlows appends the loan's flows to date: the amount out on the day
// it was pledged, each paid instalment in on its date, and, for a loan still
// running, the outstanding capital valued at par (without accrued interest)
// as if received today, so that a young loan reads near 0 %, not −100 %. A
// defaulted loan gets no terminal value: its outstanding capital is lost.
func (l *Loan) realisedFlows(dst []flow, today day) []flow {
	dst = append(dst, flow{day: l.created, amount: -float64(l.Amount)})
	for _, in := range l.Schedule {
		if in.State == Paid {
			dst = append(dst, flow{day: in.day, amount: float64(in.Total())})
		}
	}
	if !l.Defaulted() && l.Outstanding > 0 {
		dst = append(dst, flow{day: today, amount: float64(l.Outstanding)})
	}
	return dst
}

// expectedFlows appends the loan's flows if the schedule is kept from now
// on: paid instalments on their dates, upcoming ones on theirs, and overdue
// ones today, the earliest they can still arrive. Lost instalments bring
// nothing. Without a schedule there is nothing to expect.
func (l *Loan) expectedFlows(dst []flow, today day) []flow {
	dst = append(dst, flow{day: l.created, amount: -float64(l.Amount)})
	for _, in := range l.Schedule {
		switch in.State {
		case Paid, Upcoming:
			dst = append(dst, flow{day: in.day, amount: float64(in.Total())})
		case Overdue:
			dst = append(dst, flow{day: max(in.day, today), amount: float64(in.Total())})
		}
	}
	return dst
}
