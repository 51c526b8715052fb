package sandbox

import (
	"maps"
	"math/rand/v2"
	"testing"
	"time"
)

// history is what a portfolio view would find in a user's pledges.
type history struct {
	pledges                      int
	statuses                     map[string]int
	createdYears, paidYears      map[int]bool
	lateSince, stoppedSince      map[string]bool // oldest unpaid instalment of late, of defaulted pledges
	categories, regions, projIDs map[string]bool
	steps                        map[int]bool // months between instalments
	sent, notSent                map[string]int
	lost                         int64 // remaining capital of defaulted pledges
	dueNextYear, receivedLastYr  int   // instalments
}

// historyOf reads u's pledges as a client does, rebuilding the schedules the
// server did not send.
func historyOf(t *testing.T, u User) history {
	t.Helper()
	day := today.Truncate(24 * time.Hour)
	h := history{
		statuses: map[string]int{}, createdYears: map[int]bool{}, paidYears: map[int]bool{},
		lateSince: map[string]bool{}, stoppedSince: map[string]bool{},
		categories: map[string]bool{}, regions: map[string]bool{}, projIDs: map[string]bool{},
		steps: map[int]bool{}, sent: map[string]int{}, notSent: map[string]int{},
	}
	listed, projects := listedProjects(t), map[string]map[string]any{}
	for _, p := range allPledges(t, u) {
		c := readPledge(t, p, listed, projects)
		h.pledges++
		h.statuses[c.status]++
		h.createdYears[parseTime(t, p["created_at"]).Year()] = true
		h.categories[c.category], h.regions[c.region], h.projIDs[c.projectID] = true, true, true
		h.steps[c.step] = true
		if c.status == "pending" {
			continue
		}
		reps := c.repayments
		if reps == nil {
			h.notSent[c.status]++
			reps = rebuild(c, day)
		} else {
			h.sent[c.status]++
		}
		if c.status == "defaulted" {
			h.lost += c.remains
		}
		since := ""
		for _, r := range reps {
			switch {
			case r.status == "paid":
				h.paidYears[r.date.Year()] = true
				if r.date.After(day.AddDate(-1, 0, 0)) {
					h.receivedLastYr++
				}
			case r.status == "late" && since == "":
				since = r.date.Format(time.DateOnly)
			case r.status == "scheduled" && c.status != "defaulted" && !r.date.After(day.AddDate(1, 0, 0)):
				h.dueNextYear++
			}
		}
		switch c.status {
		case "late":
			h.lateSince[since] = true
		case "defaulted":
			h.stoppedSince[since] = true
		}
	}
	return h
}

// TestDemoUserHistory: the demo user's pledges give every figure of a
// portfolio view something to show on the tests' day, 27 November 2026.
func TestDemoUserHistory(t *testing.T) {
	h := historyOf(t, DemoUsers()[0])
	y := today.Year()
	for _, want := range []struct {
		what    string
		got, at int
	}{
		{"pending pledges (collects open)", h.statuses["pending"], 2},
		{"repaying pledges", h.statuses["repaying"], 5},
		{"repaid pledges", h.statuses["repaid"], 2},
		{"late pledges", h.statuses["late"], 2},
		{"late pledges overdue since different dates", len(h.lateSince), 2},
		{"defaulted pledges", h.statuses["defaulted"], 1},
		{"categories", len(h.categories), 5},
		{"regions", len(h.regions), 5},
		{"projects", len(h.projIDs), 10},
		{"repaying pledges sent without their repayments", h.notSent["repaying"], 2},
		{"instalments received in the last 12 months", h.receivedLastYr, 12},
		{"instalments due in the next 12 months", h.dueNextYear, 12},
	} {
		if want.got < want.at {
			t.Errorf("the demo user has %d %s, want %d or more", want.got, want.what, want.at)
		}
	}
	for year := y - 3; year <= y; year++ {
		if !h.createdYears[year] {
			t.Errorf("the demo user made no pledge in %d", year)
		}
	}
	for year := y - 2; year <= y; year++ { // the tax years, either side of the 2026 rate
		if !h.paidYears[year] {
			t.Errorf("the demo user received no repayment in %d", year)
		}
	}
	if h.lost <= 0 {
		t.Error("the demo user's defaulted pledges lose no capital")
	}
	if !h.steps[1] || !h.steps[3] {
		t.Errorf("the demo user's loans repay every %v months, want monthly and quarterly", h.steps)
	}
	sent := 0
	for _, n := range h.sent {
		sent += n
	}
	if sent <= 2*h.notSent["repaying"] {
		t.Errorf("%d pledges with their repayments, %d without: most should come with them", sent, h.notSent["repaying"])
	}
}

// TestBigLenderHistory: the 420 pledges have the same variety at scale.
func TestBigLenderHistory(t *testing.T) {
	h := historyOf(t, DemoUsers()[3])
	if h.pledges != 420 {
		t.Errorf("the big lender has %d pledges, the README says 420", h.pledges)
	}
	for _, s := range pledgeStatuses {
		if h.statuses[s] < 10 {
			t.Errorf("the big lender has %d %s pledges, want 10 or more", h.statuses[s], s)
		}
	}
	for _, want := range []struct {
		what    string
		got, at int
	}{
		{"dates late pledges are overdue since", len(h.lateSince), 4},
		{"dates defaulted pledges stopped paying", len(h.stoppedSince), 4},
		{"categories", len(h.categories), len(categories)},
		{"regions", len(h.regions), 12},
		{"projects", len(h.projIDs), 50},
		{"repaying pledges without their repayments", h.notSent["repaying"], 20},
		{"repaying pledges with their repayments", h.sent["repaying"], 100},
	} {
		if want.got < want.at {
			t.Errorf("the big lender has %d %s, want %d or more", want.got, want.what, want.at)
		}
	}
	for year := today.Year() - 5; year <= today.Year(); year++ {
		if !h.createdYears[year] || !h.paidYears[year] {
			t.Errorf("the big lender: pledges made in %d %v, repayments received %v", year, h.createdYears[year], h.paidYears[year])
		}
	}
	if h.lost <= 0 || !h.steps[1] || !h.steps[3] {
		t.Errorf("the big lender: %d cents lost, instalments every %v months", h.lost, h.steps)
	}
}

// TestHistoriesOnAnyDay: the sandbox runs on the real clock, so on any day
// of the next two years every user keeps every pledge of their plan, and
// the demo user's late pledges stay overdue since different dates.
func TestHistoriesOnAnyDay(t *testing.T) {
	for k := range 24 {
		day := today.AddDate(0, k, 3*k) // a month apart, on days 27 to 30, 1 to 20 …
		d := buildSeed(day)
		for u, pl := range plans {
			want := map[string]int{}
			for _, s := range pl.specs(rand.New(rand.NewPCG(1, 1))) {
				want[s.status]++
			}
			got := map[string]int{}
			since := map[time.Time]bool{}
			for _, p := range d.accounts[demoUsers[u].Email].pledges {
				got[p.status]++
				for _, in := range p.schedule {
					if in.status == "late" && p.status == "late" {
						since[in.date] = true
						break
					}
				}
			}
			if !maps.Equal(got, want) {
				t.Errorf("%s, %s: pledges %v, want %v", day.Format(time.DateOnly), demoUsers[u].Email, got, want)
			}
			if pl.history != nil && len(since) < 2 {
				t.Errorf("%s: the demo user's late pledges are overdue since %v", day.Format(time.DateOnly), since)
			}
		}
	}
}
