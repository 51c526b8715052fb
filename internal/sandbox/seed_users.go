package sandbox

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"time"
)

// User is a lender of the seed data, for people and tests to look up.
type User struct {
	Email       string
	Birthdate   string // YYYY-MM-DD
	Description string
}

// The seed's users. The birthdates include a day ≤ 12 (day/month ambiguity)
// and a 29 February, which date normalisers get wrong.
var demoUsers = []User{
	{"camille.durand@example.com", "1980-11-27", "rich demo lender: a wallet and pledges in every status"},
	{"louis.petit@example.org", "1992-03-04", "a wallet and no pledges"},
	{"sophie.garnier@example.net", "1975-07-14", "no wallet (404), a few pledges"},
	{"jean-pierre.moreau@example.com", "1958-01-09", "big lender: 420 pledges over many pages"},
	{"elodie.berard@example.fr", "1987-05-21", "Élodie Bérard, accented names: a wallet and a few pledges"},
	{"thomas.lefebvre@example.com", "2000-02-29", "an ordinary lender"},
}

// DemoUsers returns the seed's users; the first is the rich demo user.
func DemoUsers() []User { return slices.Clone(demoUsers) }

// account is a user's wallet (nil: none) and lending pledges.
type account struct {
	user    User
	wallet  *wallet
	pledges []pledge // newest first
}

type wallet struct {
	id                 int64
	available, pending int64 // cents
	updatedAt          time.Time
	quoted             bool
}

type pledge struct {
	id               int64
	project          *project
	amount           int64 // cents
	status           string
	createdAt        time.Time
	repaidCapital    int64
	paidInterest     int64
	remainingCapital int64
	next             *instalment
	schedule         []instalment // nil: not sent
	variant          int
}

type instalment struct {
	date              time.Time
	capital, interest int64 // cents
	status            string
}

var pledgeStatuses = []string{"pending", "repaying", "repaid", "late", "defaulted"}

// plan says how many pledges of each status a user has, and their sizes.
type plan struct {
	counts           map[string]int
	minEUR, maxEUR   int
	walletCents      int64 // available balance; -1: no wallet
	scheduleEveryNth int   // send repayments on every nth pledge (1: all)
}

var plans = []plan{
	{map[string]int{"pending": 3, "repaying": 4, "repaid": 3, "late": 2, "defaulted": 2}, 50, 1500, 123456, 1},
	{map[string]int{}, 0, 0, 25000, 1},
	{map[string]int{"pending": 1, "repaying": 2, "repaid": 1}, 20, 800, -1, 1},
	{map[string]int{"pending": 30, "repaying": 220, "repaid": 140, "late": 20, "defaulted": 10}, 20, 500, 987654, 2},
	{map[string]int{"pending": 1, "repaying": 3, "late": 1}, 30, 1000, 4210, 1},
	{map[string]int{"pending": 1, "repaying": 2, "repaid": 2}, 20, 1000, 78050, 1},
}

// buildAccounts generates each user's wallet and pledges on the seed's
// lending projects, each pledge consistent with its project's dates.
func buildAccounts(projects []project, today time.Time) []*account {
	rng := rand.New(rand.NewPCG(1127, 2026))
	pools := pledgePools(projects, today)
	nextID := int64(50001)
	var out []*account
	for u, pl := range plans {
		a := &account{user: demoUsers[u]}
		for _, status := range pledgeStatuses {
			pool := pools[status]
			for range pl.counts[status] {
				p := newPledge(pool[rng.IntN(len(pool))], status, pl, rng, today)
				p.id, p.variant = nextID, int(nextID)
				nextID += int64(1 + rng.IntN(5))
				if len(a.pledges)%pl.scheduleEveryNth != 0 {
					p.schedule = nil
				}
				a.pledges = append(a.pledges, p)
			}
		}
		slices.SortFunc(a.pledges, func(x, y pledge) int {
			return cmp.Or(y.createdAt.Compare(x.createdAt), cmp.Compare(y.id, x.id))
		})
		if pl.walletCents >= 0 {
			w := &wallet{id: int64(98231 + 17*u), available: pl.walletCents, updatedAt: today.Add(-7*time.Hour + time.Duration(u)*time.Minute), quoted: u%2 == 0}
			for _, p := range a.pledges {
				if p.status == "pending" { // money committed to collects not yet closed
					w.pending += p.amount
				}
			}
			a.wallet = w
		}
		out = append(out, a)
	}
	return out
}

// pledgePools sorts the lending projects by the pledge statuses they can
// carry: open collects take pending pledges; closed successful ones take the
// others, by how far their repayment schedule has run.
func pledgePools(projects []project, today time.Time) map[string][]*project {
	pools := map[string][]*project{}
	for i := range projects {
		p := &projects[i]
		if p.collectType != "lending" {
			continue
		}
		if p.status == "in_progress" {
			pools["pending"] = append(pools["pending"], p)
			continue
		}
		if p.status != "success" {
			continue
		}
		dates := instalmentDates(p)
		past := 0
		for _, d := range dates {
			if !d.After(today) {
				past++
			}
		}
		switch {
		case past == len(dates):
			pools["repaid"] = append(pools["repaid"], p)
		case past >= 3:
			pools["repaying"] = append(pools["repaying"], p)
			pools["late"] = append(pools["late"], p)
			pools["defaulted"] = append(pools["defaulted"], p)
		case past >= 1:
			pools["repaying"] = append(pools["repaying"], p)
		}
	}
	return pools
}

// instalmentDates are the 15th of each month (or each third month) from the
// period after the collect ended.
func instalmentDates(p *project) []time.Time {
	step := 1
	if p.frequency == "quarterly" {
		step = 3
	}
	end := p.endsAt.UTC()
	n := p.durationMonths / step
	dates := make([]time.Time, n)
	for k := range n {
		dates[k] = time.Date(end.Year(), end.Month()+time.Month(step*(k+1)), 15, 0, 0, 0, 0, time.UTC)
	}
	return dates
}

// newPledge lends a random amount to p with the given status. Repayments
// amortise the capital linearly; interest is on the capital still owed, in
// integer cents rounded half up.
func newPledge(p *project, status string, pl plan, rng *rand.Rand, today time.Time) pledge {
	amount := int64(pl.minEUR/10+rng.IntN((pl.maxEUR-pl.minEUR)/10+1)) * 10 * 100
	end := p.endsAt
	if end.After(today) { // an open collect: the pledge was made before today
		end = today
	}
	span := max(end.Sub(p.publishedAt), time.Hour)
	pg := pledge{
		project: p, amount: amount, status: status, remainingCapital: amount,
		createdAt: p.publishedAt.Add(time.Duration(rng.Int64N(int64(span)))).Truncate(time.Second),
	}
	if status == "pending" {
		return pg
	}
	step := int64(1)
	if p.frequency == "quarterly" {
		step = 3
	}
	dates := instalmentDates(p)
	past := 0
	for _, d := range dates {
		if !d.After(today) {
			past++
		}
	}
	paid := past // instalments paid on time; the rest of the past ones are late
	switch status {
	case "late":
		paid = past - 1 - rng.IntN(min(3, past-1))
	case "defaulted":
		paid = past / 2
	}
	remaining := amount
	base := amount / int64(len(dates))
	for k, d := range dates {
		capital := base
		if k == len(dates)-1 {
			capital = remaining
		}
		in := instalment{date: d, capital: capital, interest: (remaining*p.rate*step + 60000) / 120000}
		remaining -= capital
		switch {
		case k < paid:
			in.status = "paid"
			pg.repaidCapital += in.capital
			pg.paidInterest += in.interest
		case k < past:
			in.status = "late"
		default:
			in.status = "scheduled"
			if pg.next == nil && status != "defaulted" {
				next := in
				pg.next = &next
			}
		}
		pg.schedule = append(pg.schedule, in)
	}
	pg.remainingCapital = amount - pg.repaidCapital
	return pg
}
