package projects

import (
	"cmp"
	"slices"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

// The API filters by category, type, region and keyword and orders three
// ways; it has no status filter and no order by rate, duration or end.
// Those are done here, on the rows loaded: a status filter keeps loading
// pages until the window is full, a sort loads every page first, since
// the best rate may be on the last one.

// statusOrder is the status picker's order: what people look for first.
var statusOrder = []string{"in_progress", "upcoming", "success", "failed"}

// clientSort is an order the terminal computes.
type clientSort int

const (
	sortNone     clientSort = iota // as the server orders them
	sortRate                       // best rate first; donations last
	sortDuration                   // shortest loan first
	sortEnding                     // the open collect ending soonest first
)

var clientSorts = []clientSort{sortNone, sortRate, sortDuration, sortEnding}

var sortLabels = map[clientSort]i18n.Key{
	sortNone:     "lists.sort.none",
	sortRate:     "lists.sort.rate",
	sortDuration: "lists.sort.duration",
	sortEnding:   "lists.sort.ending",
}

// sortColumn is the column a sort follows, kept on screen while it is on;
// sortArrow its direction, for the title line.
var (
	sortColumn = map[clientSort]int{sortRate: colRate, sortDuration: colDuration, sortEnding: colStatus}
	sortArrow  = map[clientSort]string{sortRate: "↓", sortDuration: "↑", sortEnding: "↑"}
)

// sortName is what the title line says the list is sorted by: the
// column's name ("sorted by Rate ↓"), the end for the days left.
func (m Model) sortName() string {
	if m.sortBy == sortEnding {
		return m.env.T.T("panes.col.ends")
	}
	return m.env.T.T(columnTitles[sortColumn[m.sortBy]])
}

// local reports whether the list shown is narrowed or ordered here rather
// than by the server.
func (m Model) local() bool { return m.status != "" || m.sortBy != sortNone }

// arrange shows the loaded projects the status filter keeps, in the
// client sort's order.
func (m Model) arrange() Model { return m.arrangeFrom(0) }

// arrangeFrom is arrange when the items before from are already shown in
// order (a page was appended): only the new ones are filtered and sorted,
// then merged in, so a page costs its own rows plus one pass, not a sort
// of everything loaded.
func (m Model) arrangeFrom(from int) Model {
	if !m.local() {
		m.list = m.list.SetOrder(nil).SetPinned(-1)
		return m
	}
	var old []int
	if from > 0 {
		old = m.list.Shown()
	}
	fresh := make([]int, 0, len(m.items)-from)
	for i := from; i < len(m.items); i++ {
		if m.status == "" || m.items[i].Status == m.status {
			fresh = append(fresh, i)
		}
	}
	shown := fresh
	if m.sortBy != sortNone {
		now := m.env.Now()
		cmpIdx := func(a, b int) int { return compareBy(m.sortBy, &m.items[a], &m.items[b], now) }
		slices.SortStableFunc(fresh, cmpIdx)
		shown = merge(old, fresh, cmpIdx)
	} else {
		shown = append(old, fresh...)
	}
	top := m.list.Cursor() == 0
	m.list = m.list.SetOrder(shown)
	if top {
		m.list = m.list.MoveTo(0) // a better row arrived: the top stays the top
	}
	pin, ok := sortColumn[m.sortBy]
	if !ok {
		pin = -1
	}
	m.list = m.list.SetPinned(pin)
	return m
}

// merge merges two sorted runs, a's first on ties (a stable sort's order).
func merge(a, b []int, cmpIdx func(int, int) int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if cmpIdx(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// compareBy orders two projects for sort s; what the sort cannot place
// (no rate, no end) goes last.
func compareBy(s clientSort, a, b *api.Project, now time.Time) int {
	switch s {
	case sortRate:
		return cmp.Or(known(a.InterestRate.Valid, b.InterestRate.Valid), -compareDecimal(a.InterestRate, b.InterestRate))
	case sortDuration:
		return cmp.Or(known(a.DurationMonths.Valid, b.DurationMonths.Valid), cmp.Compare(a.DurationMonths.Value, b.DurationMonths.Value))
	case sortEnding:
		return cmp.Or(known(open(a, now), open(b, now)), a.EndsAt.Compare(b.EndsAt.Time))
	}
	return 0
}

// open reports a collect still open at now: in progress, its end not
// passed (an end given as a date lasts that whole day).
func open(p *api.Project, now time.Time) bool {
	if p.Status != "in_progress" || !p.EndsAt.Valid {
		return false
	}
	end := p.EndsAt.Time
	if p.EndsAt.DateOnly {
		end = end.AddDate(0, 0, 1)
	}
	return end.After(now)
}

// known puts what is known before what is not.
func known(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// compareDecimal compares exact decimals without floats; both must be valid.
func compareDecimal(a, b api.Decimal) int {
	if !a.Valid || !b.Valid {
		return 0
	}
	// Bring both to the larger scale; a scale difference beyond what an
	// int64 holds is no rate a server sends: compare the values as sent.
	av, bv := a.Value, b.Value
	for s := a.Scale; s < b.Scale && s-a.Scale < 18; s++ {
		av *= 10
	}
	for s := b.Scale; s < a.Scale && s-b.Scale < 18; s++ {
		bv *= 10
	}
	return cmp.Compare(av, bv)
}
