package pledges

import (
	"slices"
	"time"

	"github.com/miimosa/miimosa/api"
)

// due is what a pledge owes next: its oldest unpaid instalment when one is
// late, else the next repayment the server announces.
type due struct {
	date   api.Time
	amount api.Money
	late   bool
	// then is, for a late pledge, the instalment still to come after it
	// (dated today or later): the upcoming view counts it on its date too,
	// as the insight pane's next repayment does.
	then *due
}

// nextDue is what pledge p owes next on day today (a calendar day, see
// dayOf). From the schedule when the server sent one: an instalment is late
// when marked so, or still scheduled on a date already past. A late one
// comes before next_repayment, which names the next date to come and would
// hide that an older one was never paid.
func nextDue(p api.Pledge, today int64, loc *time.Location) (due, bool) {
	if p.Status == "defaulted" {
		// Repayments stopped: nothing is due any more, the capital left is
		// lost (the insight pane counts it), and listing its unpaid
		// instalments as due would promise money that will not come.
		return due{}, false
	}
	var oldest *api.Repayment
	for i := range p.Repayments {
		r := &p.Repayments[i]
		if !r.Date.Valid {
			continue
		}
		late := r.Status == "late" || r.Status == "scheduled" && dayOf(r.Date, loc) < today
		if late && (oldest == nil || r.Date.Before(oldest.Date.Time)) {
			oldest = r
		}
	}
	if oldest != nil {
		d := due{date: oldest.Date, amount: instalment(*oldest), late: true}
		d.then = comingDue(p, today, loc)
		return d, true
	}
	if n := p.NextRepayment; n != nil && (n.Date.Valid || n.Amount.Valid) {
		return due{date: n.Date, amount: n.Amount}, true
	}
	return due{}, false
}

// dueOn reports whether the pledge owes an instalment on day k: its
// next one, or the one to come after a late one.
func (d due) dueOn(k int64, loc *time.Location) bool {
	if d.date.Valid && dayOf(d.date, loc) == k {
		return true
	}
	return d.then != nil && d.then.date.Valid && dayOf(d.then.date, loc) == k
}

// comingDue is the first instalment of p dated today or later: from the
// schedule when the server sent one, else its next repayment; nil when
// none is known.
func comingDue(p api.Pledge, today int64, loc *time.Location) *due {
	var next *api.Repayment
	for i := range p.Repayments {
		r := &p.Repayments[i]
		if !r.Date.Valid || r.Status == "paid" || dayOf(r.Date, loc) < today {
			continue
		}
		if next == nil || r.Date.Before(next.Date.Time) {
			next = r
		}
	}
	if next != nil {
		return &due{date: next.Date, amount: instalment(*next)}
	}
	if n := p.NextRepayment; n != nil && n.Date.Valid && dayOf(n.Date, loc) >= today {
		return &due{date: n.Date, amount: n.Amount}
	}
	return nil
}

// instalment is what one instalment asks: capital and interest, or its
// amount when that is all the server sent.
func instalment(r api.Repayment) api.Money {
	if !r.Capital.Valid && !r.Interest.Valid {
		return r.Amount
	}
	return addMoney(r.Capital, r.Interest)
}

// addMoney adds two amounts; an unknown one counts for nothing, both
// unknown stay unknown.
func addMoney(a, b api.Money) api.Money {
	switch {
	case !a.Valid:
		return b
	case !b.Valid:
		return a
	}
	a.Cents += b.Cents
	return a
}

// dayOf numbers t's calendar day (days since 1970-01-01): a date as sent,
// a date-time on its day in loc.
func dayOf(t api.Time, loc *time.Location) int64 {
	d := t.Time
	if !t.DateOnly {
		d = d.In(loc)
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// today is the current calendar day in the pane's zone.
func (m Model) today() (int64, *time.Location) {
	loc := m.env.Format.Loc
	if loc == nil {
		loc = time.Local
	}
	now := m.env.Now()
	return dayOf(api.Time{Time: now, Valid: true}, loc), loc
}

// dueDate groups what the shown pledges owe next on one day: the upcoming
// view is one row per date.
type dueDate struct {
	date    api.Time
	pledges int
	amount  api.Money
	late    bool // at least one of them is a late instalment
}

// byDate groups the dues of the pledges shown (indices into dues) by
// calendar day, soonest first: late instalments come first, being the
// oldest. A late pledge counts on its late date and on the date of its
// instalment to come.
func byDate(shown []int, dues []due, has []bool, loc *time.Location) []dueDate {
	at := map[int64]*dueDate{}
	var days []int64
	add := func(d due) {
		k := dayOf(d.date, loc)
		g, ok := at[k]
		if !ok {
			g = &dueDate{date: d.date}
			at[k] = g
			days = append(days, k)
		}
		g.pledges++
		g.amount = addMoney(g.amount, d.amount)
		g.late = g.late || d.late
	}
	for _, i := range shown {
		if !has[i] || !dues[i].date.Valid {
			continue
		}
		add(dues[i])
		if t := dues[i].then; t != nil {
			add(*t)
		}
	}
	slices.Sort(days)
	out := make([]dueDate, len(days))
	for i, k := range days {
		out[i] = *at[k]
	}
	return out
}
