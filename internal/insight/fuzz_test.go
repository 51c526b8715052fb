package insight

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

// FuzzCompute builds random pledges, sane and not (no amount, absurd rates,
// repayments in any order and status, dates from 1900 to 2100), and checks
// that the report never panics, never holds NaN or Inf, and adds up.
func FuzzCompute(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, uint8(seed*7), int64(0))
	}
	f.Add(uint64(99), uint8(200), int64(-40000))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, nowShift int64) {
		rng := rand.New(rand.NewPCG(seed, uint64(n)))
		pledges := make([]api.Pledge, int(n))
		facts := map[int64]ProjectFacts{}
		for i := range pledges {
			pledges[i] = randomPledge(rng, int64(i))
			if rng.IntN(3) > 0 {
				facts[pledges[i].Project.ID] = ProjectFacts{Region: api.Regions[rng.IntN(len(api.Regions))], Frequency: []string{"monthly", "quarterly", "weekly", ""}[rng.IntN(4)]}
			}
		}
		when := now.Add(time.Duration(nowShift%40000) * 24 * time.Hour)
		r := Compute(pledges, facts, when)
		checkReport(t, r)
	})
}

func randomPledge(rng *rand.Rand, id int64) api.Pledge {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	money := func(max int64) api.Money {
		switch rng.IntN(20) {
		case 0:
			return api.Money{}
		case 1:
			return eur(-rng.Int64N(max + 1))
		case 2:
			return eur(rng.Int64N(math.MaxInt64))
		}
		return eur(rng.Int64N(max + 1))
	}
	created := time.Date(1990+rng.IntN(50), time.Month(1+rng.IntN(12)), 1+rng.IntN(31), rng.IntN(24), 0, 0, 0, time.FixedZone("", 3600*(rng.IntN(27)-12)))
	p := api.Pledge{
		ID:             id % 50, // duplicates happen
		Project:        api.PledgeProject{ID: rng.Int64N(30), Title: "p", Category: pick("lait", "sucre", "", "?")},
		Amount:         money(5_000_000),
		InterestRate:   api.Decimal{Value: rng.Int64N(20000) - 1000, Scale: rng.IntN(22) - 2, Valid: rng.IntN(10) > 0},
		DurationMonths: api.Int{Value: rng.Int64N(700) - 50, Valid: rng.IntN(10) > 0},
		Status:         pick("pending", "repaying", "repaid", "late", "defaulted", "weird", ""),
		CreatedAt:      api.Time{Time: created, Valid: rng.IntN(30) > 0},
		RepaidCapital:  money(5_000_000),
	}
	if rng.IntN(10) < 3 {
		p.DurationMonths = api.Int{Value: int64(6 * (1 + rng.IntN(20))), Valid: true}
		p.InterestRate = api.Decimal{Value: int64(rng.IntN(1000)), Scale: 2, Valid: true}
	}
	if rng.IntN(2) == 0 {
		for range rng.IntN(40) {
			d := created.AddDate(0, rng.IntN(150)-10, rng.IntN(40))
			p.Repayments = append(p.Repayments, api.Repayment{
				Date:     api.Time{Time: d, DateOnly: true, Valid: rng.IntN(20) > 0},
				Capital:  money(200_000),
				Interest: money(10_000),
				Status:   pick("paid", "scheduled", "late", "", "other"),
			})
		}
	}
	return p
}

func finite(t *testing.T, what string, r Rate) {
	t.Helper()
	if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) || (!r.OK && r.Value != 0) {
		t.Errorf("%s = %+v", what, r)
	}
}

// checkReport checks what must hold of any report.
func checkReport(t *testing.T, r Report) {
	t.Helper()
	finite(t, "portfolio realised", r.Realised)
	finite(t, "portfolio expected", r.Expected)
	var outstanding, defaulted, atWork, paidInterest, paidCapital, lent Cents
	for i := range r.Loans {
		l := &r.Loans[i]
		finite(t, "loan realised", l.Realised)
		finite(t, "loan expected", l.Expected)
		if l.Outstanding < 0 || l.Outstanding > l.Amount {
			t.Errorf("loan %d: outstanding %d of %d", l.ID, l.Outstanding, l.Amount)
		}
		if l.Pending() {
			if l.Outstanding != 0 || len(l.Schedule) != 0 || l.Realised.OK {
				t.Errorf("pending loan %d: %+v", l.ID, l)
			}
			continue
		}
		lent += l.Amount
		if len(l.Schedule) > 0 && l.Outstanding != max(l.Amount-l.PaidCapital, 0) {
			t.Errorf("loan %d: outstanding %d, amount %d − paid %d", l.ID, l.Outstanding, l.Amount, l.PaidCapital)
		}
		if l.Estimated && sumCapital(l.Schedule) != l.Amount {
			t.Errorf("loan %d: rebuilt capital %d, amount %d", l.ID, sumCapital(l.Schedule), l.Amount)
		}
		for k, in := range l.Schedule {
			if k > 0 && in.day < l.Schedule[k-1].day {
				t.Errorf("loan %d: schedule out of order", l.ID)
			}
			if in.State == Lost && !l.Defaulted() || in.State == Upcoming && in.day < r.today {
				t.Errorf("loan %d: instalment %d is %v on %v", l.ID, k, in.State, in.Date)
			}
		}
		outstanding += l.Outstanding
		paidInterest += l.PaidInterest
		paidCapital += l.PaidCapital
		if l.Defaulted() {
			defaulted += l.Outstanding
		} else {
			atWork += l.Outstanding
		}
	}
	if lent != r.Lent || paidInterest != r.PaidInterest || paidCapital != r.PaidCapital {
		t.Errorf("totals: lent %d/%d, interest %d/%d, capital %d/%d", lent, r.Lent, paidInterest, r.PaidInterest, paidCapital, r.PaidCapital)
	}
	rk := r.Risk
	if rk.Outstanding != outstanding || rk.Repaying+rk.Late+rk.Defaulted+rk.Other != rk.Outstanding || rk.AtRisk != rk.Late+rk.Defaulted || rk.Defaulted != defaulted {
		t.Errorf("risk %+v, outstanding %d, defaulted %d", rk, outstanding, defaulted)
	}
	for _, b := range []Breakdown{r.Diversification.ByCategory, r.Diversification.ByRegion, r.Diversification.ByProject} {
		var sum Cents
		for k, s := range b.Slices {
			sum += s.Outstanding
			if k > 0 && s.Outstanding > b.Slices[k-1].Outstanding {
				t.Errorf("slices out of order: %+v", b.Slices)
			}
		}
		if sum != b.Total || b.Total != atWork || b.Top5 > b.Total || math.IsNaN(b.HHI) || b.HHI < 0 || b.HHI > 1+1e-9 || math.IsInf(b.Effective, 0) {
			t.Errorf("breakdown %+v, at work %d", b, atWork)
		}
	}
	var ahead, upcoming Cents
	for _, m := range r.Calendar.Ahead {
		ahead += m.Total()
	}
	for _, d := range r.Upcoming(12) {
		upcoming += d.Total()
	}
	if ahead != upcoming {
		t.Errorf("calendar ahead %d, upcoming %d", ahead, upcoming)
	}
	var taxed, lost Cents
	for _, y := range r.Tax {
		taxed += y.Interest
		lost += y.Lost
		if y.Withholding != y.IncomeTax+y.SocialCharges || y.IncomeTax > y.Interest || y.SocialCharges > y.Interest {
			t.Errorf("tax year %+v", y)
		}
	}
	if taxed != r.PaidInterest || lost != defaulted {
		t.Errorf("tax: interest %d of %d paid, lost %d of %d defaulted", taxed, r.PaidInterest, lost, defaulted)
	}
	if a := r.Answers; a.NextDate.Valid && a.NextDate.Before(r.Today.Time) {
		t.Errorf("next repayment %v before today %v", a.NextDate, r.Today)
	}
}
