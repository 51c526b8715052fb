package insight

import (
	"time"

	"github.com/miimosa/miimosa/api"
)

// Report is every figure of a lender's pledges on one day. Compute it once
// when the pledges arrive (in a tea.Cmd: it walks every instalment), then
// read it as often as needed.
//
// Returns: Realised is the XIRR of the flows to date, the amount out on the
// day of the pledge and each paid instalment in on its date, with the
// capital a running loan still owes valued at par on today's date (no
// accrued interest), so that a young loan reads near 0 % rather than −100 %.
// Expected is the XIRR if the schedule is kept from now on: paid and upcoming
// instalments on their dates, overdue ones today. A defaulted loan's unpaid
// capital is lost in both: no terminal value, no further flows. Pending
// pledges, and loans with no schedule, have no return (OK false).
type Report struct {
	Now   time.Time
	Today api.Time // now's calendar day in now's location; a date is overdue before it
	// Loans are the pledges in the order given, pending ones included.
	Loans []Loan
	// Skipped are the ids of pledges left out of every figure: no amount, or
	// no creation date.
	Skipped []int64
	// Lent adds up the amounts of the loans (pending pledges excluded);
	// Pending adds up the amounts committed to collects still open.
	Lent    Cents
	Pending Cents
	// PaidCapital and PaidInterest add up every paid instalment.
	PaidCapital  Cents
	PaidInterest Cents
	// Realised and Expected are the portfolio's return: the XIRR of all the
	// loans' flows together.
	Realised Rate
	Expected Rate
	// Estimated is true when some schedule was rebuilt from the terms.
	Estimated       bool
	Calendar        Calendar
	Risk            Risk
	Diversification Diversification
	// Tax has one entry per calendar year with interest received or capital
	// lost, in year order.
	Tax     []TaxYear
	Answers Answers

	today day
	byID  map[int64]int
}

// Compute builds the report of pledges on the day of now. facts gives each
// project's region and repayment frequency by project id; a project missing
// from it has an unknown region and monthly repayments.
func Compute(pledges []api.Pledge, facts map[int64]ProjectFacts, now time.Time) Report {
	today := dayOf(now)
	r := Report{Now: now, Today: today.apiTime(), today: today, Loans: make([]Loan, 0, len(pledges)), byID: make(map[int64]int, len(pledges))}
	for _, p := range pledges {
		l, ok := newLoan(p, facts[p.Project.ID], today)
		if !ok {
			r.Skipped = append(r.Skipped, p.ID)
			continue
		}
		if _, dup := r.byID[l.ID]; !dup {
			r.byID[l.ID] = len(r.Loans)
		}
		r.Loans = append(r.Loans, l)
	}
	r.returns()
	r.totals()
	r.Calendar = calendar(r.Loans, today)
	r.Risk = risk(r.Loans)
	r.Diversification = diversification(r.Loans)
	r.Tax = taxYears(r.Loans, today)
	r.Answers = answers(&r)
	return r
}

// Loan returns the loan of the pledge with this id.
func (r *Report) Loan(pledgeID int64) (*Loan, bool) {
	i, ok := r.byID[pledgeID]
	if !ok {
		return nil, false
	}
	return &r.Loans[i], true
}

func (r *Report) totals() {
	for i := range r.Loans {
		l := &r.Loans[i]
		if l.Pending() {
			r.Pending += l.Amount
			continue
		}
		r.Lent += l.Amount
		r.PaidCapital += l.PaidCapital
		r.PaidInterest += l.PaidInterest
		r.Estimated = r.Estimated || l.Estimated
	}
}

// returns solves each loan's two returns and the portfolio's. The portfolio
// adds the loans' flows up by day first, so its solver sees one flow a day
// however many loans there are.
func (r *Report) returns() {
	realised, expected := newDayTotals(r.Loans, r.today), newDayTotals(r.Loans, r.today)
	var buf []flow
	for i := range r.Loans {
		l := &r.Loans[i]
		if l.Pending() || len(l.Schedule) == 0 {
			continue
		}
		buf = l.realisedFlows(buf[:0], r.today)
		l.Realised = solve(buf)
		realised.add(buf)
		buf = l.expectedFlows(buf[:0], r.today)
		l.Expected = solve(buf)
		expected.add(buf)
	}
	r.Realised = solve(realised.flows())
	r.Expected = solve(expected.flows())
}

// dayTotals adds amounts up by day: in an array over the span of the
// loans' days when it is reasonable (a few thousand days), else in a map.
type dayTotals struct {
	first  day
	dense  []float64
	sparse map[day]float64
}

// maxDenseSpan is about 270 years of days.
const maxDenseSpan = 100_000

func newDayTotals(loans []Loan, today day) *dayTotals {
	lo, hi := today, today
	for i := range loans {
		l := &loans[i]
		if l.Pending() || len(l.Schedule) == 0 {
			continue
		}
		lo, hi = min(lo, l.created), max(hi, l.created)
		lo, hi = min(lo, l.Schedule[0].day), max(hi, l.Schedule[len(l.Schedule)-1].day)
	}
	if hi-lo >= maxDenseSpan {
		return &dayTotals{sparse: map[day]float64{}}
	}
	return &dayTotals{first: lo, dense: make([]float64, hi-lo+1)}
}

func (t *dayTotals) add(fs []flow) {
	for _, f := range fs {
		if t.sparse != nil {
			t.sparse[f.day] += f.amount
			continue
		}
		t.dense[f.day-t.first] += f.amount
	}
}

func (t *dayTotals) flows() []flow {
	var out []flow
	if t.sparse != nil {
		for d, a := range t.sparse {
			out = append(out, flow{day: d, amount: a})
		}
		return out // solve sorts
	}
	for i, a := range t.dense {
		if a != 0 {
			out = append(out, flow{day: t.first + day(i), amount: a})
		}
	}
	return out
}
