package sandbox

import (
	"math/rand/v2"
	"sort"
	"time"
)

// pledgeSpec is the history a seed pledge should have; pickProject finds a
// lending project on which it can happen by today.
type pledgeSpec struct {
	status string
	// endedIn: the collect ended between endedIn[0] (included) and
	// endedIn[1] (excluded) months before today; zero means any time.
	endedIn   [2]int
	frequency string // "monthly", "quarterly"; "" either
	// overdue, for a late pledge: the instalments due in the last overdue
	// months are unpaid; for a defaulted one: payments stopped overdue
	// months ago.
	overdue int
	// noSchedule: the repayments are not sent, and a client rebuilds them
	// from the amount and the project's terms.
	noSchedule bool
}

// paidBy is the day up to which the pledge's instalments were paid.
func (s pledgeSpec) paidBy(today time.Time) time.Time {
	if s.status == "late" || s.status == "defaulted" {
		return today.AddDate(0, -s.overdue, 0)
	}
	return today
}

// lendingProject is a lending project with its instalment dates, worked out
// once for all the users.
type lendingProject struct {
	p     *project
	dates []time.Time
}

func lendingProjects(projects []project) []lendingProject {
	var out []lendingProject
	for i := range projects {
		p := &projects[i]
		if p.collectType == "lending" && (p.status == "in_progress" || p.status == "success") {
			out = append(out, lendingProject{p: p, dates: instalmentDates(p)})
		}
	}
	return out
}

// fits says whether the pledge s describes can be on lp by today: open
// collects take pending pledges; closed successful ones the others, by how
// far their schedule has run.
func (s pledgeSpec) fits(lp lendingProject, today time.Time) bool {
	p := lp.p
	if s.status == "pending" {
		return p.status == "in_progress"
	}
	if p.status != "success" || s.frequency != "" && p.frequency != s.frequency {
		return false
	}
	if s.endedIn != [2]int{} {
		end := p.endsAt.UTC()
		ago := (today.Year()-end.Year())*12 + int(today.Month()-end.Month())
		if ago < s.endedIn[0] || ago >= s.endedIn[1] {
			return false
		}
	}
	past, paid := dueBy(lp.dates, today), dueBy(lp.dates, s.paidBy(today))
	switch s.status {
	case "repaid":
		return past == len(lp.dates)
	case "repaying":
		return past >= 1 && past < len(lp.dates)
	case "late": // something paid, then something overdue, on a loan still running
		return paid >= 1 && paid < past && past < len(lp.dates)
	case "defaulted":
		return paid >= 1 && paid < past
	}
	return false
}

// dueBy counts the dates (in order) on or before day.
func dueBy(dates []time.Time, day time.Time) int {
	return sort.Search(len(dates), func(i int) bool { return dates[i].After(day) })
}

// pickProject finds a project for s, preferring one the user has not lent
// to yet, then a new category, then a new region, so that a history spreads
// as a lender's would. When nothing fits, the ending and the frequency are
// let go; ok is false when even that finds nothing.
func pickProject(s pledgeSpec, all []lendingProject, used map[*project]bool, cats, regs map[string]bool, rng *rand.Rand, today time.Time) (lendingProject, bool) {
	for _, spec := range []pledgeSpec{s, {status: s.status, overdue: s.overdue}} {
		var best []lendingProject
		bestScore := -1
		for _, lp := range all {
			if !spec.fits(lp, today) {
				continue
			}
			score := 0
			if !used[lp.p] {
				score += 4
			}
			if !cats[lp.p.category] {
				score += 2
			}
			if !regs[lp.p.region.code] {
				score++
			}
			switch {
			case score > bestScore:
				best, bestScore = append(best[:0], lp), score
			case score == bestScore:
				best = append(best, lp)
			}
		}
		if len(best) > 0 {
			return best[rng.IntN(len(best))], true
		}
	}
	return lendingProject{}, false
}

// newPledge lends amount cents to lp's project with the history s
// describes, made while the collect was open (and before today).
func newPledge(lp lendingProject, s pledgeSpec, amount int64, rng *rand.Rand, today time.Time) pledge {
	p := lp.p
	end := p.endsAt
	if end.After(today) { // an open collect
		end = today
	}
	span := max(end.Sub(p.publishedAt), time.Hour)
	pg := pledge{
		project: p, amount: amount, status: s.status, remainingCapital: amount,
		createdAt: p.publishedAt.Add(time.Duration(rng.Int64N(int64(span)))).Truncate(time.Second),
	}
	if s.status == "pending" {
		return pg
	}
	pg.schedule = schedule(p, amount, s.paidBy(today), today)
	for _, in := range pg.schedule {
		if in.status == "paid" {
			pg.repaidCapital += in.capital
			pg.paidInterest += in.interest
		} else if pg.next == nil && s.status != "defaulted" {
			next := in // the oldest instalment still owed
			pg.next = &next
		}
	}
	pg.remainingCapital = amount - pg.repaidCapital
	if s.noSchedule {
		pg.schedule = nil
	}
	return pg
}
