package insight

import (
	"slices"
	"time"
)

// The French flat tax (prélèvement forfaitaire unique) on interest, in per
// mille of the interest: 12.8 % income tax plus social charges of 17.2 %
// (30 % in all) until 31 December 2025, 18.6 % (31.4 %) from 1 January 2026.
const (
	incomeTaxPerMille       = 128
	socialPerMilleUntil2025 = 172
	socialPerMilleFrom2026  = 186
)

// socialRise is the first day of the 18.6 % social charges.
var socialRise = civilDay(2026, time.January, 1)

// TaxYear is what a calendar year brings to the tax form: an estimate to
// check against the platform's annual form (IFU).
type TaxYear struct {
	Year int
	// Interest adds up the interest of the instalments paid that year.
	Interest Cents
	// IncomeTax and SocialCharges are the flat-tax withholding at the rates
	// in force on each payment's date, worked out per instalment and rounded
	// half up to the cent, then added up; Withholding is their sum.
	IncomeTax     Cents
	SocialCharges Cents
	Withholding   Cents
	Payments      int
	// Lost is the capital of loans defaulted that year (the losses box
	// candidate). A default has no date of its own: it is dated by the loan's
	// first unpaid instalment, or today if that is later or unknown.
	Lost Cents
	// Estimated is true when some figure comes from a rebuilt schedule.
	Estimated bool
}

// TaxYear returns the figures of one year, zero when nothing happened in it.
func (r *Report) TaxYear(year int) TaxYear {
	for _, t := range r.Tax {
		if t.Year == year {
			return t
		}
	}
	return TaxYear{Year: year}
}

// flatTax is the income tax and social charges withheld on one payment of
// interest made on day d, each rounded half up to the cent.
func flatTax(interest Cents, d day) (income, social Cents) {
	pm := int64(socialPerMilleUntil2025)
	if d >= socialRise {
		pm = socialPerMilleFrom2026
	}
	return perMille(interest, incomeTaxPerMille), perMille(interest, pm)
}

// perMille is c × pm / 1000 rounded half up; c ≤ maxCents keeps it in int64.
func perMille(c Cents, pm int64) Cents { return (c*Cents(pm) + 500) / 1000 }

func taxYears(loans []Loan, today day) []TaxYear {
	years := map[int]*TaxYear{}
	at := func(d day) *TaxYear {
		y, _, _ := d.civil()
		t, ok := years[y]
		if !ok {
			t = &TaxYear{Year: y}
			years[y] = t
		}
		return t
	}
	for i := range loans {
		l := &loans[i]
		for _, in := range l.Schedule {
			if in.State != Paid || in.Interest == 0 {
				continue
			}
			t := at(in.day)
			income, social := flatTax(in.Interest, in.day)
			t.Interest += in.Interest
			t.IncomeTax += income
			t.SocialCharges += social
			t.Payments++
			t.Estimated = t.Estimated || l.Estimated
		}
		if l.Defaulted() && l.Outstanding > 0 {
			when := today
			for _, in := range l.Schedule {
				if in.State == Lost {
					when = min(in.day, today)
					break
				}
			}
			t := at(when)
			t.Lost += l.Outstanding
			t.Estimated = t.Estimated || l.Estimated
		}
	}
	out := make([]TaxYear, 0, len(years))
	for _, t := range years {
		t.Withholding = t.IncomeTax + t.SocialCharges
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b TaxYear) int { return a.Year - b.Year })
	return out
}
