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
	next             *instalment  // the oldest instalment still owed; nil for a defaulted loan
	schedule         []instalment // nil: not sent
	variant          int
}

type instalment struct {
	date              time.Time
	capital, interest int64 // cents
	status            string
}

var pledgeStatuses = []string{"pending", "repaying", "repaid", "late", "defaulted"}

// plan is a user's pledges: a written history, or how many pledges of each
// status, with their sizes and wallet.
type plan struct {
	history        []pledgeSpec // the pledges, in this order; nil: from counts
	counts         map[string]int
	minEUR, maxEUR int
	walletCents    int64 // available balance; -1: no wallet
	// withoutSchedule: every nth repaying pledge made from counts is sent
	// without its repayments; 0: none.
	withoutSchedule int
}

var plans = []plan{
	{history: demoHistory, minEUR: 50, maxEUR: 1500, walletCents: 123456},
	{counts: map[string]int{}, walletCents: 25000},
	{counts: map[string]int{"pending": 1, "repaying": 2, "repaid": 1}, minEUR: 20, maxEUR: 800, walletCents: -1},
	{counts: map[string]int{"pending": 30, "repaying": 220, "repaid": 140, "late": 20, "defaulted": 10}, minEUR: 20, maxEUR: 500, walletCents: 987654, withoutSchedule: 3},
	{counts: map[string]int{"pending": 1, "repaying": 3, "late": 1}, minEUR: 30, maxEUR: 1000, walletCents: 4210},
	{counts: map[string]int{"pending": 1, "repaying": 2, "repaid": 2}, minEUR: 20, maxEUR: 1000, walletCents: 78050},
}

// specs is the plan's pledges: its history, or its counts in the order of
// pledgeStatuses, late ones overdue for one to six months and defaulted
// ones stopped between two months and three years ago.
func (pl plan) specs(rng *rand.Rand) []pledgeSpec {
	if pl.history != nil {
		return pl.history
	}
	var out []pledgeSpec
	repaying := 0
	for _, status := range pledgeStatuses {
		for range pl.counts[status] {
			s := pledgeSpec{status: status}
			switch status {
			case "repaying":
				repaying++
				s.noSchedule = pl.withoutSchedule > 0 && repaying%pl.withoutSchedule == 0
			case "late":
				s.overdue = 1 + rng.IntN(6)
			case "defaulted":
				s.overdue = 2 + rng.IntN(34)
			}
			out = append(out, s)
		}
	}
	return out
}

// buildAccounts generates each user's wallet and pledges on the seed's
// lending projects, each pledge consistent with its project's dates.
func buildAccounts(projects []project, today time.Time) []*account {
	rng := rand.New(rand.NewPCG(1127, 2026))
	lending := lendingProjects(projects)
	nextID := int64(50001)
	var out []*account
	for u, pl := range plans {
		a := &account{user: demoUsers[u]}
		used, cats, regs := map[*project]bool{}, map[string]bool{}, map[string]bool{}
		for _, s := range pl.specs(rng) {
			lp, ok := pickProject(s, lending, used, cats, regs, rng, today)
			if !ok {
				continue
			}
			used[lp.p], cats[lp.p.category], regs[lp.p.region.code] = true, true, true
			amount := int64(pl.minEUR/10+rng.IntN((pl.maxEUR-pl.minEUR)/10+1)) * 10 * 100
			p := newPledge(lp, s, amount, rng, today)
			p.id, p.variant = nextID, int(nextID)
			nextID += int64(1 + rng.IntN(5))
			a.pledges = append(a.pledges, p)
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
