package insight

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

func TestRebuiltScheduleIsAnAnnuity(t *testing.T) {
	cases := []struct {
		name      string
		amount    int64
		rate      string
		months    int64
		frequency string
		step      int
	}{
		{"monthly 5 % over 12 months", 100000, "5", 12, "monthly", 1},
		{"monthly 4.75 % over 60 months", 1234567, "4.75", 60, "", 1},
		{"quarterly 6 % over 36 months", 500000, "6", 36, "quarterly", 3},
		{"no interest", 100001, "0", 7, "monthly", 1},
		{"odd cents, 84 months", 9999, "3.333", 84, "monthly", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := pledge(1, "repaying", c.amount, "2025-11-28T18:00:00+01:00", terms(c.rate, c.months))
			r := Compute([]api.Pledge{p}, map[int64]ProjectFacts{p.Project.ID: {Frequency: c.frequency}}, now)
			l := r.Loans[0]
			if !l.Estimated || !r.Estimated {
				t.Fatalf("schedule not marked estimated")
			}
			n := int(c.months) / c.step
			if len(l.Schedule) != n {
				t.Fatalf("%d instalments, want %d", len(l.Schedule), n)
			}
			if got := sumCapital(l.Schedule); got != Cents(c.amount) {
				t.Errorf("capital adds up to %d, want %d", got, c.amount)
			}
			// The annuity formula in float64, independently of the code.
			i := mustFloat(c.rate) / 100 * float64(c.step) / 12
			payment := float64(c.amount) / float64(n)
			if i > 0 {
				payment = float64(c.amount) * i / (1 - math.Pow(1+i, -float64(n)))
			}
			remaining := float64(c.amount)
			for k, in := range l.Schedule {
				wantDate := time.Date(2025, time.November+time.Month(c.step*(k+1)), 15, 0, 0, 0, 0, time.UTC)
				if !in.Date.Equal(wantDate) || !in.Date.DateOnly {
					t.Errorf("instalment %d on %v, want %v", k+1, in.Date.Time, wantDate)
				}
				if k < n-1 && math.Abs(float64(in.Total())-payment) > 1 {
					t.Errorf("instalment %d pays %d, the formula %.2f", k+1, in.Total(), payment)
				}
				if wantInterest := remaining * i; math.Abs(float64(in.Interest)-wantInterest) > 1 {
					t.Errorf("instalment %d: interest %d, want %.2f", k+1, in.Interest, wantInterest)
				}
				remaining -= float64(in.Capital)
			}
			// The last one takes the rounding remainder: within a few cents.
			if last := l.Schedule[n-1]; math.Abs(float64(last.Total())-payment) > float64(n) {
				t.Errorf("last instalment pays %d, the formula %.2f", last.Total(), payment)
			}
		})
	}
}

func mustFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return f
}

func TestRebuiltScheduleStates(t *testing.T) {
	// created 2025-06-20, monthly over 12: instalments 15 Jul 2025 … 15 Jun
	// 2026. Before 10 Mar 2026: Jul–Feb, eight of them.
	const created = "2025-06-20T10:00:00Z"
	base := Compute([]api.Pledge{pledge(1, "repaying", 120000, created)}, nil, now).Loans[0].Schedule
	capitalOf := func(k int) int64 { return int64(sumCapital(base[:k])) }
	P, U, O, L := Paid, Upcoming, Overdue, Lost
	rep := func(k int, s ...State) []State { return slices.Concat(slices.Repeat([]State{P}, k), s) }
	cases := []struct {
		name string
		p    api.Pledge
		want []State
	}{
		{"repaying, nothing known: the past is paid", pledge(1, "repaying", 120000, created), rep(8, U, U, U, U)},
		{"repaying with 5 paid: the status says not late", pledge(1, "repaying", 120000, created, repaid(capitalOf(5))), rep(8, U, U, U, U)},
		{"repaying, paid ahead", pledge(1, "repaying", 120000, created, repaid(capitalOf(9))), rep(9, U, U, U)},
		{"late, nothing known: the last past one is late", pledge(1, "late", 120000, created), rep(7, O, U, U, U, U)},
		{"late with 5 paid", pledge(1, "late", 120000, created, repaid(capitalOf(5)+300)), rep(5, O, O, O, U, U, U, U)},
		{"late, capital says all past paid", pledge(1, "late", 120000, created, repaid(capitalOf(8))), rep(7, O, U, U, U, U)},
		{"defaulted with 4 paid", pledge(1, "defaulted", 120000, created, repaid(capitalOf(4))), rep(4, L, L, L, L, L, L, L, L)},
		{"repaid", pledge(1, "repaid", 120000, created), rep(12)},
		{"remaining capital instead of repaid", pledge(1, "defaulted", 120000, created, func(p *api.Pledge) { p.RemainingCapital = eur(120000 - capitalOf(3)) }), rep(3, L, L, L, L, L, L, L, L, L)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := Compute([]api.Pledge{c.p}, nil, now).Loans[0]
			if got := states(l.Schedule); !slices.Equal(got, c.want) {
				t.Errorf("states %v, want %v", got, c.want)
			}
			if l.Outstanding != l.Amount-l.PaidCapital {
				t.Errorf("outstanding %d, want amount − paid capital %d", l.Outstanding, l.Amount-l.PaidCapital)
			}
		})
	}
}

func TestGivenScheduleStates(t *testing.T) {
	p := pledge(1, "late", 30000, "2025-10-01T10:00:00Z", repayments(
		rep("2026-04-15", 10000, 100, "scheduled"), // given out of order
		rep("2025-12-15", 10000, 100, "paid"),
		rep("2026-02-15", 10000, 100, "scheduled"), // before today: overdue
		rep("2026-03-10", 0, 0, "scheduled"),       // today: not yet overdue
		rep("2026-01-15", 0, 0, "late"),
		api.Repayment{Capital: eur(5)},        // no date: left out
		rep("2026-05-15", -1, 0, "scheduled"), // negative: left out
	))
	l := Compute([]api.Pledge{p}, nil, now).Loans[0]
	want := []State{Paid, Overdue, Overdue, Upcoming, Upcoming}
	if got := states(l.Schedule); !slices.Equal(got, want) || l.Estimated {
		t.Errorf("states %v (estimated %v), want %v", got, l.Estimated, want)
	}
	if l.Outstanding != 20000 || l.PaidCapital != 10000 || l.PaidInterest != 100 {
		t.Errorf("outstanding %d, paid %d + %d", l.Outstanding, l.PaidCapital, l.PaidInterest)
	}
}

func TestNoScheduleFromBadTerms(t *testing.T) {
	for name, opt := range map[string]func(*api.Pledge){
		"no rate":       func(p *api.Pledge) { p.InterestRate = api.Decimal{} },
		"above 100 %":   terms("100.5", 12),
		"no duration":   func(p *api.Pledge) { p.DurationMonths = api.Int{} },
		"zero duration": terms("5", 0),
		"negative rate": terms("-1", 12),
		"huge duration": terms("5", 601),
	} {
		l := Compute([]api.Pledge{pledge(1, "repaying", 100000, "2025-06-01T10:00:00Z", opt, repaid(40000))}, nil, now).Loans[0]
		if len(l.Schedule) != 0 || l.Estimated || l.Realised.OK || l.Expected.OK || l.Outstanding != 60000 {
			t.Errorf("%s: %d instalments, estimated %v, returns %+v %+v, outstanding %d", name, len(l.Schedule), l.Estimated, l.Realised, l.Expected, l.Outstanding)
		}
	}
}

func TestInterestFastPathAgreesWithBigInt(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		scale := rng.IntN(16)
		num := big.NewInt(rng.Int64N(1 << 40))
		den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)
		den.Mul(den, big.NewInt(1200))
		capital := rng.Int64N(maxCents + 1)
		if got, want := interestFunc(num, den)(capital), bigInterest(capital, num, den); got != want {
			t.Fatalf("interest of %d × %v/%v: %d, big.Int says %d", capital, num, den, got, want)
		}
	}
}
