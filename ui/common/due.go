package common

import (
	"time"

	"github.com/miimosa/miimosa/api"
)

// Due is what a pledge owes next: its oldest unpaid instalment when one is
// late, else the next repayment the server announces.
type Due struct {
	Date   api.Time
	Amount api.Money
	Late   bool
	// Then is, for a late pledge, the instalment still to come after it
	// (dated today or later): the upcoming view counts it on its date too,
	// as the insight pane's next repayment does.
	Then *Due
}

// NextDue is what pledge p owes next on day today (a calendar day, see
// DayOf). From the schedule when the server sent one: an instalment is late
// when marked so, or still scheduled on a date already past. A late one
// comes before next_repayment, which names the next date to come and would
// hide that an older one was never paid.
func NextDue(p api.Pledge, today int64, loc *time.Location) (Due, bool) {
	if p.Status == "defaulted" {
		// Repayments stopped: nothing is due any more, the capital left is
		// lost (the insight pane counts it), and listing its unpaid
		// instalments as due would promise money that will not come.
		return Due{}, false
	}
	var oldest *api.Repayment
	for i := range p.Repayments {
		r := &p.Repayments[i]
		if !r.Date.Valid {
			continue
		}
		late := r.Status == "late" || r.Status == "scheduled" && DayOf(r.Date, loc) < today
		if late && (oldest == nil || r.Date.Before(oldest.Date.Time)) {
			oldest = r
		}
	}
	if oldest != nil {
		d := Due{Date: oldest.Date, Amount: instalment(*oldest), Late: true}
		d.Then = comingDue(p, today, loc)
		return d, true
	}
	if n := p.NextRepayment; n != nil && (n.Date.Valid || n.Amount.Valid) {
		return Due{Date: n.Date, Amount: n.Amount}, true
	}
	return Due{}, false
}

// On reports whether the pledge owes an instalment on day k: its
// next one, or the one to come after a late one.
func (d Due) On(k int64, loc *time.Location) bool {
	if d.Date.Valid && DayOf(d.Date, loc) == k {
		return true
	}
	return d.Then != nil && d.Then.Date.Valid && DayOf(d.Then.Date, loc) == k
}

// comingDue is the first instalment of p dated today or later: from the
// schedule when the server sent one, else its next repayment; nil when
// none is known.
func comingDue(p api.Pledge, today int64, loc *time.Location) *Due {
	var next *api.Repayment
	for i := range p.Repayments {
		r := &p.Repayments[i]
		if !r.Date.Valid || r.Status == "paid" || DayOf(r.Date, loc) < today {
			continue
		}
		if next == nil || r.Date.Before(next.Date.Time) {
			next = r
		}
	}
	if next != nil {
		return &Due{Date: next.Date, Amount: instalment(*next)}
	}
	if n := p.NextRepayment; n != nil && n.Date.Valid && DayOf(n.Date, loc) >= today {
		return &Due{Date: n.Date, Amount: n.Amount}
	}
	return nil
}

// instalment is what one instalment asks: capital and interest, or its
// amount when that is all the server sent.
func instalment(r api.Repayment) api.Money {
	if !r.Capital.Valid && !r.Interest.Valid {
		return r.Amount
	}
	return AddMoney(r.Capital, r.Interest)
}

// AddMoney adds two amounts; an unknown one counts for nothing, both
// unknown stay unknown.
func AddMoney(a, b api.Money) api.Money {
	switch {
	case !a.Valid:
		return b
	case !b.Valid:
		return a
	}
	a.Cents += b.Cents
	return a
}

// DayOf numbers t's calendar day (days since 1970-01-01): a date as sent,
// a date-time on its day in loc.
func DayOf(t api.Time, loc *time.Location) int64 {
	d := t.Time
	if !t.DateOnly {
		d = d.In(loc)
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Today is the current calendar day (see DayOf) in the environment's zone,
// and that zone.
func Today(env *Env) (int64, *time.Location) {
	loc := env.Format.Loc
	if loc == nil {
		loc = time.Local
	}
	return DayOf(api.Time{Time: env.Now(), Valid: true}, loc), loc
}
