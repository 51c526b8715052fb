package insight

import (
	"slices"

	"github.com/miimosa/miimosa/api"
)

// Due is one upcoming instalment of one loan.
type Due struct {
	Date      api.Time
	PledgeID  int64
	Project   api.PledgeProject
	Capital   Cents
	Interest  Cents
	Estimated bool // from a rebuilt schedule
}

// Total is capital plus interest.
func (d Due) Total() Cents { return d.Capital + d.Interest }

// Upcoming lists the upcoming instalments (due today or later, loans not in
// default) of this month and the months−1 after it, by date then pledge id:
// Upcoming(12) adds up to Calendar.Ahead. months below 1 gives none.
func (r *Report) Upcoming(months int) []Due {
	if months < 1 {
		return nil
	}
	first := r.today.month().index()
	var out []Due
	for i := range r.Loans {
		l := &r.Loans[i]
		for _, in := range l.Schedule {
			if in.State != Upcoming {
				continue
			}
			if k := in.day.month().index() - first; k < 0 || k >= months {
				continue
			}
			out = append(out, Due{Date: in.Date, PledgeID: l.ID, Project: l.Project, Capital: in.Capital, Interest: in.Interest, Estimated: l.Estimated})
		}
	}
	slices.SortStableFunc(out, func(a, b Due) int {
		if c := a.Date.Compare(b.Date.Time); c != 0 {
			return c
		}
		return cmpInt64(a.PledgeID, b.PledgeID)
	})
	return out
}

// DueDay is what falls due on one day: one calendar event.
type DueDay struct {
	Date      api.Time
	Capital   Cents
	Interest  Cents
	Estimated bool
	Items     []Due
}

// Total is capital plus interest.
func (d DueDay) Total() Cents { return d.Capital + d.Interest }

// ByDay groups instalments in date order (as Upcoming returns them) by day.
func ByDay(dues []Due) []DueDay {
	var out []DueDay
	for _, d := range dues {
		n := len(out)
		if n == 0 || !out[n-1].Date.Equal(d.Date.Time) {
			out = append(out, DueDay{Date: d.Date})
			n++
		}
		g := &out[n-1]
		g.Capital += d.Capital
		g.Interest += d.Interest
		g.Estimated = g.Estimated || d.Estimated
		g.Items = append(g.Items, d)
	}
	return out
}
