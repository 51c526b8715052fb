package pledges

import (
	"slices"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/ui/common"
)

// today is the current calendar day in the pane's zone.
func (m Model) today() (int64, *time.Location) { return common.Today(m.env) }

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
func byDate(shown []int, dues []common.Due, has []bool, loc *time.Location) []dueDate {
	at := map[int64]*dueDate{}
	var days []int64
	add := func(d common.Due) {
		k := common.DayOf(d.Date, loc)
		g, ok := at[k]
		if !ok {
			g = &dueDate{date: d.Date}
			at[k] = g
			days = append(days, k)
		}
		g.pledges++
		g.amount = common.AddMoney(g.amount, d.Amount)
		g.late = g.late || d.Late
	}
	for _, i := range shown {
		if !has[i] || !dues[i].Date.Valid {
			continue
		}
		add(dues[i])
		if t := dues[i].Then; t != nil {
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
