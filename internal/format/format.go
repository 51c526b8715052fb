// Package format turns money, rates, dates and counts into text for one
// locale: "1 234,56 €" and "27/11/2026" in French, "€1,234.56" and
// "27 Nov 2026" in English. Unknown values print as Dash, never as 0.
//
// French groups thousands and separates "€" and "%" with a plain space
// (U+0020), not the no-break spaces typographers use: every terminal and
// font gives it one cell, it survives copy and paste into spreadsheets, and
// tests and golden files can spell it. Numbers are formatted by hand with
// integer arithmetic rather than with golang.org/x/text/number, because
// cents must never go through a float and x/text would pick those no-break
// spaces for French.
package format

import (
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

// Dash stands for an unknown value.
const Dash = "—"

// mask replaces the digits of every amount when amounts are hidden. It has
// the same width whatever the amount, so not even its magnitude shows.
const mask = "••••"

// Formatter formats for one language.
type Formatter struct {
	Lang i18n.Lang
	// Loc is the time zone date-times are shown in; nil means time.Local.
	// Dates without a time (api.Time.DateOnly) are never shifted.
	Loc *time.Location
}

// New returns a formatter for lang, showing times in the local zone.
func New(lang i18n.Lang) Formatter { return Formatter{Lang: lang} }

func (f Formatter) fr() bool { return f.Lang == i18n.FR }

func (f Formatter) t(key i18n.Key, args ...any) string { return i18n.New(f.Lang).T(key, args...) }

func (f Formatter) loc() *time.Location {
	if f.Loc == nil {
		return time.Local
	}
	return f.Loc
}

// separators returns the thousands and decimal separators.
func (f Formatter) separators() (group, point string) {
	if f.fr() {
		return " ", ","
	}
	return ",", "."
}

// Money formats an amount with its currency: "€1,234.56" and "-€3.50" in
// English, "1 234,56 €" in French; other currencies by their ISO code
// ("USD 1,234.56", "1 234,56 USD").
func (f Formatter) Money(m api.Money) string {
	if !m.Valid {
		return Dash
	}
	neg := m.Cents < 0
	// uint64 holds the magnitude of math.MinInt64 too.
	abs := uint64(m.Cents)
	if neg {
		abs = -abs
	}
	group, point := f.separators()
	digits := groupDigits(strconv.FormatUint(abs/100, 10), group) + point + twoDigits(abs%100)
	sign := ""
	if neg {
		sign = "-"
	}
	return sign + f.withCurrency(digits, m.Currency)
}

// withCurrency places the currency where the locale puts it.
func (f Formatter) withCurrency(number, currency string) string {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	if currency == "" || currency == "EUR" {
		if f.fr() {
			return number + " €"
		}
		return "€" + number
	}
	if f.fr() {
		return number + " " + currency
	}
	return currency + " " + number
}

// MoneyMasked formats an amount, or, when masked, the same mask for every
// amount, known or not, so nothing about it leaks while a screen is shared.
func (f Formatter) MoneyMasked(m api.Money, masked bool) string {
	if !masked {
		return f.Money(m)
	}
	return f.withCurrency(mask, m.Currency)
}

// Percent formats a rate given in percent: "4.5%", "4,5 %". Trailing zeros
// of the fraction are dropped ("4.50" shows as 4.5).
func (f Formatter) Percent(d api.Decimal) string {
	// A scale beyond ±400 is no rate anyone sends; refusing it bounds the
	// zeros written for a hostile one.
	if !d.Valid || d.Scale > maxScale || d.Scale < -maxScale {
		return Dash
	}
	return f.percent(decimalText(d, f))
}

const maxScale = 400

func (f Formatter) percent(number string) string {
	if f.fr() {
		return number + " %"
	}
	return number + "%"
}

// Decimal formats a number with the locale's separators: "0.115",
// "0,115". Trailing zeros of the fraction are dropped, as in Percent.
func (f Formatter) Decimal(d api.Decimal) string {
	if !d.Valid || d.Scale > maxScale || d.Scale < -maxScale {
		return Dash
	}
	return decimalText(d, f)
}

// PercentFixed is Percent keeping every decimal of d's scale: figures
// computed to the same precision read alike ("1.40%" beside "2.52%").
func (f Formatter) PercentFixed(d api.Decimal) string {
	if !d.Valid || d.Scale > maxScale || d.Scale < -maxScale {
		return Dash
	}
	return f.percent(digitsText(d, f, false))
}

// decimalText writes Value × 10^-Scale exactly, in the locale's separators,
// without trailing zeros; |Scale| must be at most maxScale.
func decimalText(d api.Decimal, f Formatter) string { return digitsText(d, f, true) }

func digitsText(d api.Decimal, f Formatter, trim bool) string {
	neg := d.Value < 0
	abs := uint64(d.Value)
	if neg {
		abs = -abs
	}
	digits := strconv.FormatUint(abs, 10)
	intPart, frac := digits, ""
	switch {
	case d.Scale > 0:
		if len(digits) <= d.Scale {
			digits = strings.Repeat("0", d.Scale-len(digits)+1) + digits
		}
		intPart, frac = digits[:len(digits)-d.Scale], digits[len(digits)-d.Scale:]
		if trim {
			frac = strings.TrimRight(frac, "0")
		}
	case d.Scale < 0 && abs != 0:
		intPart = digits + strings.Repeat("0", -d.Scale)
	}
	group, point := f.separators()
	s := groupDigits(intPart, group)
	if frac != "" {
		s += point + frac
	}
	if neg && (abs != 0) {
		s = "-" + s
	}
	return s
}

// Share formats part/whole as a whole percentage, rounded to the nearest
// (half up), except that a share strictly between none and all stays
// between 1% and 99%: a loan shows 100% repaid only once it is, and 0%
// only before anything came. "42%", "42 %". Dash when either is unknown,
// the currencies differ, or whole is zero.
func (f Formatter) Share(part, whole api.Money) string {
	if !part.Valid || !whole.Valid || whole.Cents == 0 || !sameCurrency(part.Currency, whole.Currency) {
		return Dash
	}
	// big.Int: part×100 overflows int64 for amounts beyond 92 billion euros.
	p, w := big.NewInt(part.Cents), big.NewInt(whole.Cents)
	negative := p.Sign()*w.Sign() < 0
	p.Abs(p)
	w.Abs(w)
	// |part|×100/|whole| half up: (|part|×200 + |whole|) / (2×|whole|).
	q := new(big.Int).Mul(p, big.NewInt(200))
	q.Add(q, w)
	q.Quo(q, new(big.Int).Mul(w, big.NewInt(2)))
	if p.Sign() > 0 && p.Cmp(w) < 0 {
		switch {
		case q.Sign() == 0:
			q.SetInt64(1)
		case q.Cmp(big.NewInt(100)) >= 0:
			q.SetInt64(99)
		}
	}
	group, _ := f.separators()
	s := groupDigits(q.String(), group)
	if negative && q.Sign() != 0 {
		s = "-" + s
	}
	return f.percent(s)
}

// Unbroken joins the words of s with no-break spaces, for a date or an
// amount inside a sentence that a screen wraps: "since 15 Jul" never ends
// a line with "2026" starting the next.
func Unbroken(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// ShareMasked is Share, or, when masked, the mask in the shape of a
// percentage: a share of someone's money says as much as the money.
func (f Formatter) ShareMasked(part, whole api.Money, masked bool) string {
	if !masked {
		return f.Share(part, whole)
	}
	return f.PercentMask()
}

// PercentMask is the mask of a percentage of money, in the locale's shape
// ("••••%", "•••• %").
func (f Formatter) PercentMask() string { return f.percent(mask) }

func sameCurrency(a, b string) bool {
	norm := func(c string) string {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			return "EUR"
		}
		return c
	}
	return norm(a) == norm(b)
}

// Date formats a date: "27 Nov 2026", "27/11/2026". A date-time is shown
// on its day in the formatter's zone.
func (f Formatter) Date(t api.Time) string {
	if !t.Valid {
		return Dash
	}
	d := t.Time
	if !t.DateOnly {
		d = d.In(f.loc())
	}
	if f.fr() {
		return d.Format("02/01/2006")
	}
	return d.Format("2 Jan 2006")
}

// DateTime formats a date and time in the formatter's zone:
// "27 Nov 2026, 14:05", "27/11/2026 14:05". A date alone shows as Date.
func (f Formatter) DateTime(t api.Time) string {
	if !t.Valid {
		return Dash
	}
	if t.DateOnly {
		return f.Date(t)
	}
	d := t.In(f.loc())
	if f.fr() {
		return d.Format("02/01/2006 15:04")
	}
	return d.Format("2 Jan 2006, 15:04")
}

// Int formats a count with grouping: "1,234", "1 234".
func (f Formatter) Int(i api.Int) string {
	if !i.Valid {
		return Dash
	}
	abs := uint64(i.Value)
	if i.Value < 0 {
		abs = -abs
	}
	group, _ := f.separators()
	s := groupDigits(strconv.FormatUint(abs, 10), group)
	if i.Value < 0 {
		s = "-" + s
	}
	return s
}

// Months formats a duration in months: "24 months", "1 month", "24 mois".
func (f Formatter) Months(i api.Int) string {
	if !i.Valid {
		return Dash
	}
	if i.Value == 1 {
		return f.t("fmt.month", f.Int(i))
	}
	return f.t("fmt.months", f.Int(i))
}

// DaysLeft formats the calendar days from now to t: "12 days left",
// "1 day left", "last day" on the day itself, "ended" once t has passed.
// Days are counted between dates in the formatter's zone, so a collect
// ending tonight is on its last day, not "0 days left". A date without a
// time lasts the whole day.
func (f Formatter) DaysLeft(t api.Time, now time.Time) string {
	if !t.Valid {
		return Dash
	}
	now = now.In(f.loc())
	end := t.Time
	if !t.DateOnly {
		if !end.After(now) {
			return f.t("fmt.ended")
		}
		end = end.In(f.loc())
	}
	days := dayNumber(end) - dayNumber(now)
	switch {
	case days < 0:
		return f.t("fmt.ended")
	case days == 0:
		return f.t("fmt.last_day")
	case days == 1:
		return f.t("fmt.day_left", f.Int(api.Int{Value: days, Valid: true}))
	}
	return f.t("fmt.days_left", f.Int(api.Int{Value: days, Valid: true}))
}

// dayNumber counts days since the epoch for t's calendar date in t's own
// zone, immune to daylight-saving days that last 23 or 25 hours.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// groupDigits inserts sep every three digits from the right of a string of
// ASCII digits.
func groupDigits(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3*len(sep))
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteString(sep)
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

func twoDigits(n uint64) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
