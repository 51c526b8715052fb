package insight

import (
	"slices"

	"github.com/miimosa/miimosa/api"
)

// State is where an instalment stands on the report's day.
type State uint8

const (
	// Upcoming is due today or later.
	Upcoming State = iota
	// Paid has reached the lender.
	Paid
	// Overdue is unpaid past its date: sent as late, or still scheduled with
	// a date before today.
	Overdue
	// Lost is an unpaid instalment of a defaulted loan: it is not expected.
	Lost
)

// String is the state's name for machine output (JSON, CSV); people read
// the catalogue's words.
func (s State) String() string {
	switch s {
	case Paid:
		return "paid"
	case Overdue:
		return "overdue"
	case Lost:
		return "lost"
	}
	return "upcoming"
}

// Instalment is one repayment of a loan.
type Instalment struct {
	Date     api.Time // a date (DateOnly)
	Capital  Cents
	Interest Cents
	State    State
	day      day
}

// Total is capital plus interest.
func (in Instalment) Total() Cents { return in.Capital + in.Interest }

// Pledge statuses (contract.md).
const (
	statusPending   = "pending"
	statusRepaying  = "repaying"
	statusRepaid    = "repaid"
	statusLate      = "late"
	statusDefaulted = "defaulted"
)

// givenSchedule is the schedule the server sent, in date order. A repayment
// without a date, or with a negative or absurd amount, is left out: it cannot
// be placed in time or counted. A missing capital or interest counts as 0.
// States: paid is Paid; late is Overdue; scheduled (or anything else) is
// Overdue before today and Upcoming from today; on a defaulted loan every
// unpaid instalment is Lost.
func givenSchedule(reps []api.Repayment, status string, today day) []Instalment {
	out := make([]Instalment, 0, len(reps))
	for _, r := range reps {
		if !r.Date.Valid {
			continue
		}
		capital, okC := amountOf(r.Capital)
		interest, okI := amountOf(r.Interest)
		if (!okC && r.Capital.Valid) || (!okI && r.Interest.Valid) {
			continue
		}
		d := dayOf(r.Date.Time)
		in := Instalment{Date: d.apiTime(), Capital: capital, Interest: interest, day: d}
		switch {
		case r.Status == "paid":
			in.State = Paid
		case status == statusDefaulted:
			in.State = Lost
		case r.Status == "late" || d < today:
			in.State = Overdue
		default:
			in.State = Upcoming
		}
		out = append(out, in)
	}
	slices.SortStableFunc(out, func(a, b Instalment) int { return cmpDay(a.day, b.day) })
	return out
}

func cmpDay(a, b day) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// markRebuilt sets the states of a rebuilt schedule from what the pledge
// says, since the server sent no per-instalment status:
//
//   - repaid: every instalment is paid.
//   - otherwise the first k instalments are paid, k being the count whose
//     capital adds up nearest to repaid_capital (else amount −
//     remaining_capital; else the instalments dated before today). Then the
//     status wins over that estimate: a repaying loan has paid at least
//     every instalment dated before today (it is not late), and none from
//     the month of its next repayment on; a late one has left at least the
//     last of them unpaid.
//   - unpaid instalments are Lost on a defaulted loan, Overdue before today,
//     Upcoming from today.
func markRebuilt(s []Instalment, p api.Pledge, amount Cents, today day) {
	past := 0
	for _, in := range s {
		if in.day < today {
			past++
		}
	}
	k := past
	if p.Status == statusLate && past > 0 {
		k = past - 1
	}
	if repaid, ok := repaidCapital(p, amount); ok {
		k = nearestCount(s, repaid)
	}
	switch p.Status {
	case statusRepaid:
		k = len(s)
	case statusLate:
		k = min(k, max(past-1, 0))
	case statusDefaulted:
	default:
		k = max(k, past)
		if n := p.NextRepayment; n != nil && n.Date.Valid {
			k = min(k, countBefore(s, dayOf(n.Date.Time).month()))
		}
	}
	for i := range s {
		switch {
		case i < k:
			s[i].State = Paid
		case p.Status == statusDefaulted:
			s[i].State = Lost
		case s[i].day < today:
			s[i].State = Overdue
		default:
			s[i].State = Upcoming
		}
	}
}

// countBefore is the number of instalments dated before the month ym: a
// repaying loan has not paid the one its next repayment is.
func countBefore(s []Instalment, ym YearMonth) int {
	n := 0
	for _, in := range s {
		if in.day.month().index() < ym.index() {
			n++
		}
	}
	return n
}

// repaidCapital is the capital the pledge says was repaid.
func repaidCapital(p api.Pledge, amount Cents) (Cents, bool) {
	if c, ok := amountOf(p.RepaidCapital); ok {
		return c, true
	}
	if c, ok := amountOf(p.RemainingCapital); ok && c <= amount {
		return amount - c, true
	}
	return 0, false
}

// nearestCount is the number of leading instalments whose capital adds up
// nearest to repaid (the smaller count on a tie).
func nearestCount(s []Instalment, repaid Cents) int {
	best, bestGap := 0, absCents(repaid)
	var sum Cents
	for i, in := range s {
		sum += in.Capital
		if gap := absCents(repaid - sum); gap < bestGap {
			best, bestGap = i+1, gap
		}
	}
	return best
}

func absCents(c Cents) Cents {
	if c < 0 {
		return -c
	}
	return c
}
