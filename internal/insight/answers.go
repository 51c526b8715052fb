package insight

import "github.com/miimosa/miimosa/api"

// Answers are the three questions callers ask the support desk, answered.
type Answers struct {
	// NextDate is the next day instalments are due (today or later), over
	// every loan not in default; not Valid when none is.
	NextDate api.Time
	// NextCapital and NextInterest add up the instalments due on NextDate.
	NextCapital   Cents
	NextInterest  Cents
	NextCount     int
	NextEstimated bool
	// Late are the late loans, as Risk.Overdue.
	Late []OverdueLoan
	// InterestThisYear is the interest received in today's calendar year.
	InterestThisYear          Cents
	InterestThisYearEstimated bool
}

// NextAmount is what arrives on NextDate.
func (a Answers) NextAmount() Cents { return a.NextCapital + a.NextInterest }

func answers(r *Report) Answers {
	a := Answers{Late: r.Risk.Overdue}
	var next day
	found := false
	for i := range r.Loans {
		l := &r.Loans[i]
		// The schedule is in date order: the loan's next instalments are the
		// upcoming ones on the day of its first upcoming one.
		var first day
		seen := false
		for _, in := range l.Schedule {
			if in.State != Upcoming || (seen && in.day != first) {
				continue
			}
			first, seen = in.day, true
			switch {
			case !found || in.day < next:
				next, found = in.day, true
				a.NextCapital, a.NextInterest, a.NextCount, a.NextEstimated = in.Capital, in.Interest, 1, l.Estimated
			case in.day == next:
				a.NextCapital += in.Capital
				a.NextInterest += in.Interest
				a.NextCount++
				a.NextEstimated = a.NextEstimated || l.Estimated
			}
		}
	}
	if found {
		a.NextDate = next.apiTime()
	}
	y, _, _ := r.today.civil()
	this := r.TaxYear(y)
	a.InterestThisYear, a.InterestThisYearEstimated = this.Interest, this.Estimated
	return a
}
