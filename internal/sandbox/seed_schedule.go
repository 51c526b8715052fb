package sandbox

import (
	"math/big"
	"time"
)

// periodMonths is how many months one instalment of p covers.
func periodMonths(p *project) int {
	if p.frequency == "quarterly" {
		return 3
	}
	return 1
}

// instalmentDates are the 15th of each month (or each third month) from the
// period after the collect ended.
func instalmentDates(p *project) []time.Time {
	step := periodMonths(p)
	end := p.endsAt.UTC()
	n := p.durationMonths / step
	dates := make([]time.Time, n)
	for k := range n {
		dates[k] = time.Date(end.Year(), end.Month()+time.Month(step*(k+1)), 15, 0, 0, 0, 0, time.UTC)
	}
	return dates
}

// periodRate is the interest rate of one period of p as a fraction num/den:
// the annual rate in hundredths of a percent, over 100 × 100 × 12 months.
func periodRate(p *project) (num, den int64) {
	return p.rate * int64(periodMonths(p)), 120000
}

// annuity is the constant instalment, capital and interest, that repays
// amount cents in n periods at num/den a period, rounded half up to the cent:
// amount × r / (1 − (1+r)^−n), computed on integers so that the seed is the
// same on every machine.
func annuity(amount, num, den int64, n int) int64 {
	if n <= 0 {
		return amount
	}
	if num == 0 {
		return (amount + int64(n)/2) / int64(n)
	}
	// amount × num × (den+num)^n / (den × ((den+num)^n − den^n))
	grown := new(big.Int).Exp(big.NewInt(den+num), big.NewInt(int64(n)), nil)
	base := new(big.Int).Exp(big.NewInt(den), big.NewInt(int64(n)), nil)
	top := new(big.Int).Mul(big.NewInt(amount*num), grown)
	bottom := new(big.Int).Mul(big.NewInt(den), base.Sub(grown, base))
	// Half up: (2 × top + bottom) / (2 × bottom).
	top.Add(top.Lsh(top, 1), bottom)
	return top.Quo(top, bottom.Lsh(bottom, 1)).Int64()
}

// schedule is the repayment plan of amount cents lent to p, in constant
// instalments (the French amortisation table): each period pays the interest
// on the capital still owed, rounded half up to the cent, and the rest of the
// instalment as capital; the last one pays off what is left. Instalments due
// by paidBy are paid, the others due by today are late, the rest scheduled.
func schedule(p *project, amount int64, paidBy, today time.Time) []instalment {
	dates := instalmentDates(p)
	num, den := periodRate(p)
	each := annuity(amount, num, den, len(dates))
	owed := amount
	out := make([]instalment, len(dates))
	for k, d := range dates {
		interest := (owed*num + den/2) / den
		capital := min(max(each-interest, 0), owed)
		if k == len(dates)-1 {
			capital = owed
		}
		owed -= capital
		status := "scheduled"
		switch {
		case !d.After(paidBy):
			status = "paid"
		case !d.After(today):
			status = "late"
		}
		out[k] = instalment{date: d, capital: capital, interest: interest, status: status}
	}
	return out
}
