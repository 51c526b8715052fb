package insight

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

// lenderPledges makes n pledges shaped like the sandbox's heavy user: every
// status, monthly and quarterly loans of 12 to 84 months at 2.5–6 %, made
// over 2021–2026, two thirds with their repayments and one third without
// (their schedule is rebuilt), over 120 projects.
func lenderPledges(n int, seed uint64) ([]api.Pledge, map[int64]ProjectFacts) {
	rng := rand.New(rand.NewPCG(seed, 1))
	facts := map[int64]ProjectFacts{}
	for id := range int64(120) {
		f := ProjectFacts{Region: api.Regions[rng.IntN(len(api.Regions))], Frequency: "monthly"}
		if id%4 == 0 {
			f.Frequency = "quarterly"
		}
		facts[id] = f
	}
	today := dayOf(now)
	ps := make([]api.Pledge, n)
	for i := range ps {
		pid := rng.Int64N(120)
		step := 1
		if facts[pid].Frequency == "quarterly" {
			step = 3
		}
		months := 12 * (1 + rng.IntN(7))
		created := time.Date(2021+rng.IntN(6), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 10, 0, 0, 0, time.UTC)
		amount := int64(50+rng.IntN(1500)) * 1000
		rate := int64(250 + 25*rng.IntN(15))
		p := api.Pledge{
			ID: int64(i + 1), Project: api.PledgeProject{ID: pid, Title: fmt.Sprintf("Projet %d", pid), Category: api.Categories[pid%12]},
			Amount: eur(amount), InterestRate: api.Decimal{Value: rate, Scale: 2, Valid: true},
			DurationMonths: api.Int{Value: int64(months), Valid: true}, CreatedAt: api.Time{Time: created, Valid: true},
		}
		n := months / step
		past := 0
		var sched []api.Repayment
		remaining := amount
		for k := range n {
			d := time.Date(created.Year(), created.Month()+time.Month(step*(k+1)), 15, 0, 0, 0, 0, time.UTC)
			capital := amount / int64(n)
			if k == n-1 {
				capital = remaining
			}
			sched = append(sched, api.Repayment{Date: api.Time{Time: d, DateOnly: true, Valid: true}, Capital: eur(capital), Interest: eur(remaining * rate * int64(step) / 120000)})
			remaining -= capital
			if dayOf(d) < today {
				past++
			}
		}
		status := []string{"repaying", "repaying", "repaying", "late", "defaulted", "repaid", "pending"}[rng.IntN(7)]
		switch {
		case status == "pending" && created.Year() < 2026:
			status = "repaying"
		case past == n:
			status = "repaid"
		}
		p.Status = status
		paid := past
		switch status {
		case "late":
			paid = max(past-1-rng.IntN(3), 0)
		case "defaulted":
			paid = past / 2
		}
		var repaidCapital int64
		for k := range sched {
			switch {
			case k < paid:
				sched[k].Status = "paid"
				repaidCapital += sched[k].Capital.Cents
			case k < past:
				sched[k].Status = "late"
			default:
				sched[k].Status = "scheduled"
			}
		}
		p.RepaidCapital = eur(repaidCapital)
		p.RemainingCapital = eur(amount - repaidCapital)
		if status != "pending" && i%3 != 0 {
			p.Repayments = sched
		}
		ps[i] = p
	}
	return ps, facts
}

func TestLenderPledgesReport(t *testing.T) {
	ps, facts := lenderPledges(420, 1)
	r := Compute(ps, facts, now)
	checkReport(t, r)
	if !r.Realised.OK || !r.Expected.OK || r.Realised.Value < -0.5 || r.Expected.Value > 0.07 {
		t.Errorf("portfolio returns %+v %+v", r.Realised, r.Expected)
	}
	if len(r.Risk.Overdue) == 0 || r.Risk.Defaulted == 0 || len(r.Tax) < 3 || !r.Answers.NextDate.Valid {
		t.Errorf("a 420-pledge history shows no late loan, loss, tax years or next repayment: %+v", r.Answers)
	}
}

func BenchmarkCompute(b *testing.B) {
	for _, n := range []int{420, 10_000} {
		ps, facts := lenderPledges(n, 1)
		b.Run(fmt.Sprintf("pledges=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compute(ps, facts, now)
			}
		})
	}
}
