package insight

import (
	"math/big"
	"math/bits"

	"github.com/miimosa/miimosa/api"
)

// Bounds of the terms a schedule is rebuilt from; outside them the pledge
// keeps no schedule rather than an absurd one.
const (
	maxDurationMonths = 600
	maxRateScale      = 18
)

// instalmentDay is the day of the month repayments reach lenders.
const instalmentDay = 15

// annuity rebuilds the schedule of a loan of amount at rate (percent a year)
// over months, repaid every step months (1 monthly, 3 quarterly) in constant
// instalments ("échéances constantes"):
//
//	payment = amount × i / (1 − (1+i)^−n),   i = rate/100 × step/12,   n = months/step
//
// The payment is rounded half up to the cent. Each instalment's interest is
// the capital still owed × i, rounded half up to the cent, and its capital
// the payment minus that interest; the last instalment takes all the capital
// left, so the capital adds up to the amount exactly. Instalments fall on the
// 15th, the first one step months after the month of created (the month
// after, for a monthly loan). ok is false when the terms are missing or out
// of bounds (amount ≤ 0, rate < 0 or > 100 %, duration outside 1–600).
func annuity(amount Cents, rate api.Decimal, months int64, step int64, created day) ([]Instalment, bool) {
	if amount <= 0 || !rate.Valid || rate.Value < 0 || rate.Scale < 0 || rate.Scale > maxRateScale ||
		months < 1 || months > maxDurationMonths {
		return nil, false
	}
	// 10^Scale and the 1200 of "percent a year, per month" as one divisor.
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(rate.Scale)), nil)
	if new(big.Int).Mul(big.NewInt(100), den).Cmp(big.NewInt(rate.Value)) < 0 {
		return nil, false // above 100 % a year
	}
	den.Mul(den, big.NewInt(1200))
	num := new(big.Int).Mul(big.NewInt(rate.Value), big.NewInt(step)) // i = num/den
	n := max(months/step, 1)

	payment := annuityPayment(int64(amount), num, den, n)
	first := created.month()
	out := make([]Instalment, n)
	remaining := int64(amount)
	interestOf := interestFunc(num, den)
	for k := range n {
		i := interestOf(remaining)
		capital := payment - i
		if k == n-1 {
			capital = remaining
		}
		capital = min(max(capital, 0), remaining)
		remaining -= capital
		ym := first.Add(int(step * (k + 1)))
		d := civilDay(ym.Year, ym.Month, instalmentDay)
		out[k] = Instalment{Date: d.apiTime(), Capital: Cents(capital), Interest: Cents(i), day: d}
	}
	return out, true
}

// interestFunc returns capital × num/den rounded half up, in 128-bit integer
// arithmetic when num and den fit in 64 bits (every real rate), else in
// big.Int.
func interestFunc(num, den *big.Int) func(capital int64) int64 {
	if num.IsUint64() && den.IsUint64() {
		n, d := num.Uint64(), den.Uint64()
		return func(capital int64) int64 {
			hi, lo := bits.Mul64(uint64(capital), n)
			lo, carry := bits.Add64(lo, d/2, 0)
			hi += carry
			if hi >= d { // the quotient would not fit: never for capital ≤ maxCents
				return bigInterest(capital, num, den)
			}
			q, _ := bits.Div64(hi, lo, d)
			return int64(q)
		}
	}
	return func(capital int64) int64 { return bigInterest(capital, num, den) }
}

func bigInterest(capital int64, num, den *big.Int) int64 {
	var x, scratch big.Int
	x.SetInt64(capital)
	x.Mul(&x, num)
	return divHalfUp(&x, den, &scratch)
}

// annuityPayment is amount × i × q / (q − 1) with q = (1+i)^n, i = num/den,
// rounded half up to the cent; amount/n when i is 0. It is worked out in
// 256-bit binary floating point, which holds cents exactly for any amount
// below 2^200: money is rounded once, at the end.
func annuityPayment(amount int64, num, den *big.Int, n int64) int64 {
	if num.Sign() == 0 {
		var q, scratch big.Int
		return divHalfUp(q.SetInt64(amount), big.NewInt(n), &scratch)
	}
	const prec = 256
	i := new(big.Float).SetPrec(prec).SetInt(num)
	i.Quo(i, new(big.Float).SetPrec(prec).SetInt(den))
	onePlus := new(big.Float).SetPrec(prec).SetInt64(1)
	onePlus.Add(onePlus, i)
	q := new(big.Float).SetPrec(prec).SetInt64(1)
	for e, b := n, onePlus; e > 0; e >>= 1 { // q = (1+i)^n by squaring
		if e&1 == 1 {
			q.Mul(q, b)
		}
		b = new(big.Float).SetPrec(prec).Mul(b, b)
	}
	p := new(big.Float).SetPrec(prec).SetInt64(amount)
	p.Mul(p, i)
	p.Mul(p, q)
	qm1 := new(big.Float).SetPrec(prec).Sub(q, big.NewFloat(1))
	p.Quo(p, qm1)
	p.Add(p, big.NewFloat(0.5)) // half up, then floor: p > 0
	c, _ := p.Int64()
	return c
}

// divHalfUp is x/d rounded half up, for x ≥ 0 and d > 0 (it reuses x).
func divHalfUp(x, d, scratch *big.Int) int64 {
	scratch.Rsh(d, 1)
	x.Add(x, scratch)
	x.Quo(x, d)
	return x.Int64()
}
