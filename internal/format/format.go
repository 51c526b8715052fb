// Package format turns money, rates, dates and counts into text for one
// locale: "1 234,56 €" and "27/11/2026" in French, "€1,234.56" and
// "27 Nov 2026" in English. Unknown values print as Dash, never as 0.
package format

import (
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

// Dash stands for an unknown value.
const Dash = "—"

// Formatter formats for one language.
type Formatter struct {
	Lang i18n.Lang
}

// New returns a formatter for lang.
func New(lang i18n.Lang) Formatter { return Formatter{Lang: lang} }

// Money formats an amount with its currency.
func (f Formatter) Money(m api.Money) string { return Dash }

// MoneyMasked formats an amount, or a mask of fixed width when masked.
func (f Formatter) MoneyMasked(m api.Money, masked bool) string { return Dash }

// Percent formats a rate given in percent.
func (f Formatter) Percent(d api.Decimal) string { return Dash }

// Share formats part/whole as a whole percentage.
func (f Formatter) Share(part, whole api.Money) string { return Dash }

// Date formats a date.
func (f Formatter) Date(t api.Time) string { return Dash }

// DateTime formats a date and time in the local zone.
func (f Formatter) DateTime(t api.Time) string { return Dash }

// Int formats a count with grouping.
func (f Formatter) Int(i api.Int) string { return Dash }

// Months formats a duration in months.
func (f Formatter) Months(i api.Int) string { return Dash }

// DaysLeft formats the days from now to t ("12 days left", "ended").
func (f Formatter) DaysLeft(t api.Time, now time.Time) string { return Dash }
