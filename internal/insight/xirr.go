package insight

import (
	"math"
	"slices"
	"time"

	"github.com/miimosa/miimosa/api"
)

// Rate is an annual rate as a fraction (0.05 is 5 % a year). OK is false when
// it could not be computed (see XIRR); Value is then 0. Value is never NaN or
// infinite.
type Rate struct {
	Value float64
	OK    bool
}

// Percent is the rate in percent, rounded half away from zero to decimals
// places (0–6), as a decimal the formatter prints ("4.87 %"); not Valid when
// the rate is not OK.
func (r Rate) Percent(decimals int) api.Decimal {
	if !r.OK {
		return api.Decimal{}
	}
	decimals = min(max(decimals, 0), 6)
	scaled := math.Round(r.Value * 100 * math.Pow10(decimals))
	// A rate beyond ±9.2e18 in those units is no figure anyone reads.
	if math.IsNaN(scaled) || math.Abs(scaled) >= 9e18 {
		return api.Decimal{}
	}
	return api.Decimal{Value: int64(scaled), Scale: decimals, Valid: true}
}

// CashFlow is an amount paid (negative) or received (positive) on a day.
type CashFlow struct {
	Date  time.Time // its calendar day, in its own location, is what counts
	Cents int64
}

// XIRR is the annual rate r at which the flows' present value is zero, with
// Actual/365 day counting, as spreadsheets compute it:
//
//	Σ cᵢ / (1+r)^((dᵢ − d₀)/365) = 0
//
// OK is false when there are fewer than two flows, no flow of each sign, all
// flows on one day, no root between −100 % and about +2.7e43 %, or when the
// solver does not converge. When the flows change sign more than once (there
// may then be several roots), the root nearest 0 % is returned.
func XIRR(flows []CashFlow) Rate {
	fs := make([]flow, 0, len(flows))
	for _, f := range flows {
		fs = append(fs, flow{day: dayOf(f.Date), amount: float64(f.Cents)})
	}
	return solve(fs)
}

// flow is a cash flow on a day; amounts are float64 here only because the
// solver weighs them, they are never reported as money.
type flow struct {
	day    day
	amount float64
}

// The solver works on x = ln(1+r), where the present value
// f(x) = Σ cᵢ·e^(−x·tᵢ) is smooth for every x and r > −100 % by construction.
const (
	maxX        = 100.0 // r up to e^100 − 1
	maxExponent = 600.0 // |x·tᵢ| bound: e^600 × a normalised amount stays finite
	maxIter     = 200
)

// solve merges the flows by day, then finds a root of the present value:
// Newton's method kept inside a bracket, falling back to bisection whenever
// a Newton step leaves it or does not shrink it fast enough.
func solve(in []flow) Rate {
	fs := mergeByDay(in)
	if len(fs) < 2 {
		return Rate{}
	}
	var hasPos, hasNeg bool
	maxAbs := 0.0
	for _, f := range fs {
		hasPos = hasPos || f.amount > 0
		hasNeg = hasNeg || f.amount < 0
		maxAbs = max(maxAbs, math.Abs(f.amount))
	}
	if !hasPos || !hasNeg || math.IsInf(maxAbs, 0) || math.IsNaN(maxAbs) {
		return Rate{}
	}
	d0 := fs[0].day
	t := make([]float64, len(fs))
	c := make([]float64, len(fs))
	for i, f := range fs {
		t[i] = float64(f.day-d0) / 365
		c[i] = f.amount / maxAbs
	}
	bound := min(maxX, maxExponent/t[len(t)-1])
	pv := func(x float64) (v, dv float64) {
		for i := range c {
			e := math.Exp(-x * t[i])
			v += c[i] * e
			dv -= c[i] * t[i] * e
		}
		return v, dv
	}
	lo, hi, ok := bracket(pv, -bound, bound, signChanges(c))
	if !ok {
		return Rate{}
	}
	x, ok := safeNewton(pv, lo, hi)
	if !ok {
		return Rate{}
	}
	r := math.Expm1(x)
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return Rate{}
	}
	return Rate{Value: r, OK: true}
}

// mergeByDay sorts the flows and adds up those of one day.
func mergeByDay(in []flow) []flow {
	fs := slices.Clone(in)
	slices.SortFunc(fs, func(a, b flow) int {
		switch {
		case a.day < b.day:
			return -1
		case a.day > b.day:
			return 1
		}
		return 0
	})
	out := fs[:0]
	for _, f := range fs {
		if n := len(out); n > 0 && out[n-1].day == f.day {
			out[n-1].amount += f.amount
			continue
		}
		out = append(out, f)
	}
	// Days whose flows cancel out weigh nothing; dropping them keeps the
	// sign-change count honest.
	return slices.DeleteFunc(out, func(f flow) bool { return f.amount == 0 })
}

// signChanges counts the sign changes of the amounts in time order. By
// Descartes' rule of signs (which holds for real exponents) the present value
// has at most that many roots.
func signChanges(c []float64) int {
	n := 0
	for i := 1; i < len(c); i++ {
		if (c[i] > 0) != (c[i-1] > 0) {
			n++
		}
	}
	return n
}

// bracket finds [lo, hi] holding one root. With one sign change the root is
// unique, so the ends of the range decide. Otherwise the search walks out
// from x = 0 (r = 0 %) both ways in steps growing by half each time and
// keeps the first sign change met, the root nearest 0 %: a few dozen
// evaluations where a fine grid would take hundreds (a portfolio has
// thousands of flows and changes sign often).
func bracket(pv func(float64) (float64, float64), lo, hi float64, changes int) (float64, float64, bool) {
	flo, _ := pv(lo)
	fhi, _ := pv(hi)
	if changes <= 1 {
		if flo == 0 {
			return lo, lo, true
		}
		if fhi == 0 {
			return hi, hi, true
		}
		return lo, hi, (flo < 0) != (fhi < 0)
	}
	f0, _ := pv(0)
	if f0 == 0 {
		return 0, 0, true
	}
	down, up := 0.0, 0.0 // the last points reached each way
	fdown, fup := f0, f0
	for step := firstStep; down > lo || up < hi; step *= 1.5 {
		if up < hi {
			next := min(step, hi)
			fnext, _ := pv(next)
			if (fnext < 0) != (fup < 0) || fnext == 0 {
				return up, next, true
			}
			up, fup = next, fnext
		}
		if down > lo {
			next := max(-step, lo)
			fnext, _ := pv(next)
			if (fnext < 0) != (fdown < 0) || fnext == 0 {
				return next, down, true
			}
			down, fdown = next, fnext
		}
	}
	return 0, 0, false
}

// firstStep is the first point of the outward search, about ±0.5 %.
const firstStep = 0.005

// safeNewton finds the root inside [lo, hi], where pv changes sign.
func safeNewton(pv func(float64) (float64, float64), lo, hi float64) (float64, bool) {
	if lo == hi {
		return lo, true
	}
	flo, _ := pv(lo)
	if flo > 0 { // orient so that pv(lo) < 0 < pv(hi)
		lo, hi = hi, lo
	}
	x := 0.0953101798043249 // ln(1.1): 10 %, the spreadsheets' default guess
	if x <= min(lo, hi) || x >= max(lo, hi) {
		x = (lo + hi) / 2
	}
	dxOld := math.Abs(hi - lo)
	dx := dxOld
	v, dv := pv(x)
	for range maxIter {
		newtonOut := ((x-hi)*dv-v)*((x-lo)*dv-v) > 0
		slow := math.Abs(2*v) > math.Abs(dxOld*dv)
		if newtonOut || slow || dv == 0 {
			dxOld = dx
			dx = (hi - lo) / 2
			x = lo + dx
		} else {
			dxOld = dx
			dx = v / dv
			x -= dx
		}
		if math.Abs(dx) <= 1e-15*max(1, math.Abs(x)) {
			return x, true
		}
		v, dv = pv(x)
		if v == 0 {
			return x, true
		}
		if v < 0 {
			lo = x
		} else {
			hi = x
		}
		if math.Abs(hi-lo) <= 1e-15*max(1, math.Abs(x)) {
			return x, true
		}
	}
	return 0, false
}
