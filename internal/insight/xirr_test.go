package insight

import (
	"math"
	"math/big"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

type dated struct {
	day   string
	cents int64
}

func cashFlows(ds []dated) []CashFlow {
	out := make([]CashFlow, len(ds))
	for i, d := range ds {
		out[i] = CashFlow{Date: date(d.day), Cents: d.cents}
	}
	return out
}

func TestXIRRClosedForm(t *testing.T) {
	y := (500 + math.Sqrt(500*500+4*1000*600)) / 2000 // 1000y² = 500y + 600
	cases := []struct {
		name  string
		flows []dated
		want  float64
	}{
		{"one year, 365 days", []dated{{"2023-01-01", -10000}, {"2024-01-01", 11000}}, 0.10},
		{"two years, 730 days", []dated{{"2022-01-01", -10000}, {"2024-01-01", 12100}}, 0.10},
		{"flows given out of order", []dated{{"2024-01-01", 11000}, {"2023-01-01", -10000}}, 0.10},
		{"a loss", []dated{{"2023-01-01", -10000}, {"2024-01-01", 8000}}, -0.20},
		// 2024 is a leap year: 366 days are 366/365 of a year, as spreadsheets count.
		{"366 days", []dated{{"2024-01-01", -10000}, {"2025-01-01", 11000}}, math.Pow(1.1, 365.0/366) - 1},
		{"quadratic", []dated{{"2022-01-01", -100000}, {"2023-01-01", 50000}, {"2024-01-01", 60000}}, y - 1},
		{"nothing gained", []dated{{"2022-01-01", -100000}, {"2022-07-01", 40000}, {"2023-03-01", 60000}}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := XIRR(cashFlows(c.flows))
			if !got.OK || math.Abs(got.Value-c.want) > 1e-12 {
				t.Errorf("XIRR = %+v, want %.15f", got, c.want)
			}
		})
	}
}

// independentCases were run through LibreOffice Calc 7 (Debian package
// libreoffice-calc, XIRR with its default guess) with
// `soffice --headless --convert-to csv` on a flat ODS holding the flows and
// =TEXT(XIRR(values; dates); "0.000000000000000"); the figures below are its
// output, pasted. Each case is also solved here by bisectIRR, a 256-bit
// bisection unrelated to the solver. Microsoft documents 0.373362535 for the
// first case (the XIRR page of Excel's help).
var independentCases = []struct {
	name        string
	flows       []dated
	libreOffice float64
	lo, hi      float64 // where bisectIRR looks, in x = ln(1+r)
}{
	{"msdocs", []dated{{"2008-01-01", -1000000}, {"2008-03-01", 275000}, {"2008-10-30", 425000}, {"2009-02-15", 325000}, {"2009-04-01", 275000}}, 0.373362533518832, -0.5, 3},
	{"loss", []dated{{"2023-06-10", -500000}, {"2023-09-15", 40000}, {"2023-12-15", 40000}, {"2024-03-15", 40000}}, -0.919758476636827, -5, 3},
	{"portfolio", []dated{{"2024-01-05", -100000}, {"2024-02-11", -250000}, {"2024-03-15", 30000}, {"2024-04-15", 15000}, {"2024-06-30", -50000}, {"2025-12-31", 390000}}, 0.051349211541697, -0.5, 3},
	{"short", []dated{{"2025-01-01", -10000}, {"2025-03-01", 15000}}, 11.285083935376400, -0.5, 3},
	// −, +, −: two roots (11.3 % and about 89 %); the one nearest 0 % is kept,
	// as LibreOffice finds from its 10 % guess.
	{"twosigns", []dated{{"2020-01-01", -100000}, {"2021-01-01", 300000}, {"2022-01-01", -210000}}, 0.113171920028557, -0.5, 0.3},
	{"monthly", append([]dated{{"2024-03-20", -100000}},
		dated{"2024-04-15", 8607}, dated{"2024-05-15", 8607}, dated{"2024-06-15", 8607}, dated{"2024-07-15", 8607},
		dated{"2024-08-15", 8607}, dated{"2024-09-15", 8607}, dated{"2024-10-15", 8607}, dated{"2024-11-15", 8607},
		dated{"2024-12-15", 8607}, dated{"2025-01-15", 8607}, dated{"2025-02-15", 8607}, dated{"2025-03-15", 8607}),
		0.063075042801260, -0.5, 3},
}

func TestXIRRAgainstIndependentFigures(t *testing.T) {
	for _, c := range independentCases {
		t.Run(c.name, func(t *testing.T) {
			got := XIRR(cashFlows(c.flows))
			if !got.OK {
				t.Fatalf("XIRR not OK")
			}
			// LibreOffice stops at its own tolerance, about 1e-10.
			if math.Abs(got.Value-c.libreOffice) > 1e-9*max(1, math.Abs(c.libreOffice)) {
				t.Errorf("XIRR = %.15f, LibreOffice says %.15f", got.Value, c.libreOffice)
			}
			want := bisectIRR(t, c.flows, c.lo, c.hi)
			if math.Abs(got.Value-want) > 1e-12*max(1, math.Abs(want)) {
				t.Errorf("XIRR = %.15f, bisection says %.15f", got.Value, want)
			}
		})
	}
}

func TestXIRRNotComputable(t *testing.T) {
	cases := map[string][]dated{
		"no flow":          nil,
		"one flow":         {{"2024-01-01", -100}},
		"only outflows":    {{"2024-01-01", -100}, {"2024-06-01", -100}},
		"only inflows":     {{"2024-01-01", 100}, {"2024-06-01", 100}},
		"one day":          {{"2024-01-01", -100}, {"2024-01-01", 110}},
		"flows cancel out": {{"2024-01-01", -100}, {"2024-01-01", 100}, {"2024-02-01", 0}},
		"no root":          {{"2020-01-01", 100}, {"2021-01-01", -300}, {"2022-01-01", 300}},
		"all lost":         {{"2024-01-01", -100}, {"2024-01-01", 0}},
	}
	for name, ds := range cases {
		if got := XIRR(cashFlows(ds)); got.OK || got.Value != 0 {
			t.Errorf("%s: XIRR = %+v, want not OK", name, got)
		}
	}
}

func TestXIRRExtremes(t *testing.T) {
	// Ten times the money in a day, and almost nothing back after years:
	// finite rates, or not OK, never NaN or Inf.
	for _, ds := range [][]dated{
		{{"2024-01-01", -100}, {"2024-01-02", 1000}},
		{{"2024-01-01", -1}, {"2024-01-02", 1 << 62}},
		{{"2000-01-01", -1 << 62}, {"2060-01-01", 1}},
		{{"0001-01-01", -100}, {"9999-12-31", 200}},
	} {
		got := XIRR(cashFlows(ds))
		if math.IsNaN(got.Value) || math.IsInf(got.Value, 0) || (!got.OK && got.Value != 0) {
			t.Errorf("%v: XIRR = %+v", ds, got)
		}
		if got.OK {
			pv := presentValue(ds, got.Value)
			if math.Abs(pv) > 1e-6 {
				t.Errorf("%v: XIRR = %v leaves a present value of %g (normalised)", ds, got.Value, pv)
			}
		}
	}
}

func TestRatePercent(t *testing.T) {
	cases := []struct {
		r        Rate
		decimals int
		want     string
	}{
		{Rate{0.0487654, true}, 2, "4.88"},
		{Rate{-0.0487654, true}, 1, "-4.9"},
		{Rate{0.1, true}, 0, "10"},
		{Rate{0.1, false}, 2, ""},
		{Rate{1e300, true}, 2, ""},
	}
	for _, c := range cases {
		if got := c.r.Percent(c.decimals).String(); got != c.want {
			t.Errorf("%+v.Percent(%d) = %q, want %q", c.r, c.decimals, got, c.want)
		}
	}
}

// presentValue is Σ cᵢ/(1+r)^(tᵢ/365) divided by the largest |cᵢ|.
func presentValue(ds []dated, r float64) float64 {
	d0 := date(ds[0].day)
	for _, d := range ds {
		d0 = minTime(d0, date(d.day))
	}
	pv, scale := 0.0, 0.0
	for _, d := range ds {
		years := float64(daysBetween(d0, date(d.day))) / 365
		pv += float64(d.cents) * math.Exp(-years*math.Log1p(r))
		scale = max(scale, math.Abs(float64(d.cents)))
	}
	return pv / scale
}

// daysBetween counts with Unix seconds: time.Sub saturates at 292 years.
func daysBetween(a, b time.Time) int64 { return (b.Unix() - a.Unix()) / 86400 }

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// bisectIRR solves the same equation by bisection on x = ln(1+r) in 256-bit
// arithmetic, with its own exponential: a check that shares no code with the
// solver. The root must lie in [lo, hi] with the present value changing sign.
func bisectIRR(t *testing.T, ds []dated, lo, hi float64) float64 {
	t.Helper()
	const prec = 256
	d0 := date(ds[0].day)
	for _, d := range ds {
		d0 = minTime(d0, date(d.day))
	}
	pv := func(x *big.Float) *big.Float {
		sum := new(big.Float).SetPrec(prec)
		for _, d := range ds {
			days := daysBetween(d0, date(d.day))
			e := new(big.Float).SetPrec(prec).Mul(x, big.NewFloat(float64(-days)))
			e.Quo(e, big.NewFloat(365))
			term := bigExp(e, prec)
			term.Mul(term, new(big.Float).SetInt64(d.cents))
			sum.Add(sum, term)
		}
		return sum
	}
	a := new(big.Float).SetPrec(prec).SetFloat64(lo)
	b := new(big.Float).SetPrec(prec).SetFloat64(hi)
	sa := pv(a).Sign()
	if sa == pv(b).Sign() {
		t.Fatalf("bisection: no sign change in [%v, %v]", lo, hi)
	}
	half := big.NewFloat(0.5)
	for range 120 { // 2^-120 of the range: far below float64's precision
		m := new(big.Float).SetPrec(prec).Add(a, b)
		m.Mul(m, half)
		if pv(m).Sign() == sa {
			a = m
		} else {
			b = m
		}
	}
	r := bigExp(a, prec)
	r.Sub(r, big.NewFloat(1))
	f, _ := r.Float64()
	return f
}

// bigExp is e^x by halving x until it is small, summing the Taylor series,
// and squaring back.
func bigExp(x *big.Float, prec uint) *big.Float {
	y := new(big.Float).SetPrec(prec).Set(x)
	k := 0
	limit := big.NewFloat(1.0 / 1024)
	for new(big.Float).Abs(y).Cmp(limit) > 0 {
		y.Quo(y, big.NewFloat(2))
		k++
	}
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for n := int64(1); n < 30; n++ { // |y| ≤ 2^-10: 30 terms reach 2^-256
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetInt64(n))
		sum.Add(sum, term)
	}
	for range k {
		sum.Mul(sum, sum)
	}
	return sum
}
