package insight

import "github.com/miimosa/miimosa/api"

// Cents is an amount of euros in integer cents. MiiMOSA lends in euros only.
type Cents int64

// Money is the amount as the formatter takes it.
func (c Cents) Money() api.Money {
	return api.Money{Cents: int64(c), Currency: api.DefaultCurrency, Valid: true}
}

// maxCents bounds every amount taken from a pledge (100 billion euros): a
// larger one is no loan, and the bound keeps sums over millions of pledges
// inside int64.
const maxCents = 10_000_000_000_000

// amountOf is a known amount within [0, maxCents].
func amountOf(m api.Money) (Cents, bool) {
	if !m.Valid || m.Cents < 0 || m.Cents > maxCents {
		return 0, false
	}
	return Cents(m.Cents), true
}
