package format

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

var (
	en = Formatter{Lang: i18n.EN, Loc: time.UTC}
	fr = Formatter{Lang: i18n.FR, Loc: time.UTC}
)

func eur(cents int64) api.Money { return api.Money{Cents: cents, Currency: "EUR", Valid: true} }

func TestMoney(t *testing.T) {
	cases := []struct {
		m      api.Money
		en, fr string
	}{
		{eur(123456), "€1,234.56", "1 234,56 €"},
		{eur(0), "€0.00", "0,00 €"},
		{eur(5), "€0.05", "0,05 €"},
		{eur(100), "€1.00", "1,00 €"},
		{eur(99999), "€999.99", "999,99 €"},
		{eur(100000), "€1,000.00", "1 000,00 €"},
		{eur(123456789012), "€1,234,567,890.12", "1 234 567 890,12 €"},
		{eur(-350), "-€3.50", "-3,50 €"},
		{eur(-123456), "-€1,234.56", "-1 234,56 €"},
		{eur(math.MinInt64), "-€92,233,720,368,547,758.08", "-92 233 720 368 547 758,08 €"},
		{api.Money{Cents: 123456, Valid: true}, "€1,234.56", "1 234,56 €"}, // no currency: euros
		{api.Money{Cents: 123456, Currency: "USD", Valid: true}, "USD 1,234.56", "1 234,56 USD"},
		{api.Money{Cents: 123456, Currency: "chf", Valid: true}, "CHF 1,234.56", "1 234,56 CHF"},
		{api.Money{}, Dash, Dash},
		{api.Money{Currency: "EUR"}, Dash, Dash}, // unknown is not 0 €
	}
	for _, c := range cases {
		if got := en.Money(c.m); got != c.en {
			t.Errorf("EN Money(%+v) = %q, want %q", c.m, got, c.en)
		}
		if got := fr.Money(c.m); got != c.fr {
			t.Errorf("FR Money(%+v) = %q, want %q", c.m, got, c.fr)
		}
	}
}

// Every amount masks to the same text: neither the value, its sign, its
// magnitude nor whether it is known shows while a screen is shared.
func TestMoneyMasked(t *testing.T) {
	amounts := []api.Money{eur(1), eur(123456), eur(-5), eur(123456789012), {Currency: "EUR"}}
	for _, f := range []struct {
		f    Formatter
		want string
	}{{en, "€••••"}, {fr, "•••• €"}} {
		for _, m := range amounts {
			if got := f.f.MoneyMasked(m, true); got != f.want {
				t.Errorf("%v MoneyMasked(%+v) = %q, want %q", f.f.Lang, m, got, f.want)
			}
		}
	}
	if got := fr.MoneyMasked(eur(123456), false); got != "1 234,56 €" {
		t.Errorf("unmasked = %q", got)
	}
	if got := fr.MoneyMasked(api.Money{Cents: 1, Currency: "USD", Valid: true}, true); got != "•••• USD" {
		t.Errorf("masked USD = %q", got)
	}
}

// A share of money masks like money, in the locale's shape of a percentage.
func TestShareMasked(t *testing.T) {
	if got := en.ShareMasked(eur(50), eur(200), false); got != "25%" {
		t.Errorf("unmasked = %q", got)
	}
	for _, c := range []struct {
		f    Formatter
		want string
	}{{en, "••••%"}, {fr, "•••• %"}} {
		for _, part := range []api.Money{eur(0), eur(199), {}} {
			if got := c.f.ShareMasked(part, eur(200), true); got != c.want {
				t.Errorf("%v ShareMasked(%+v) = %q, want %q", c.f.Lang, part, got, c.want)
			}
		}
	}
}

// Returns computed to two decimals keep both, so that they read alike.
func TestPercentFixed(t *testing.T) {
	for _, c := range []struct {
		d      api.Decimal
		en, fr string
	}{
		{dec(140, 2), "1.40%", "1,40 %"}, {dec(-347, 2), "-3.47%", "-3,47 %"}, {dec(0, 2), "0.00%", "0,00 %"},
		{dec(123456, 2), "1,234.56%", "1 234,56 %"}, {api.Decimal{}, Dash, Dash},
	} {
		if got := en.PercentFixed(c.d); got != c.en {
			t.Errorf("EN PercentFixed(%+v) = %q, want %q", c.d, got, c.en)
		}
		if got := fr.PercentFixed(c.d); got != c.fr {
			t.Errorf("FR PercentFixed(%+v) = %q, want %q", c.d, got, c.fr)
		}
	}
}

func dec(v int64, scale int) api.Decimal { return api.Decimal{Value: v, Scale: scale, Valid: true} }

func TestPercent(t *testing.T) {
	cases := []struct {
		d      api.Decimal
		en, fr string
	}{
		{dec(45, 1), "4.5%", "4,5 %"},
		{dec(450, 2), "4.5%", "4,5 %"},
		{dec(4, 0), "4%", "4 %"},
		{dec(400, 2), "4%", "4 %"},
		{dec(5, 2), "0.05%", "0,05 %"},
		{dec(0, 0), "0%", "0 %"},
		{dec(-25, 1), "-2.5%", "-2,5 %"},
		{dec(12, -2), "1,200%", "1 200 %"},
		{dec(123456, 2), "1,234.56%", "1 234,56 %"},
		{dec(1, 1000), Dash, Dash},
		{api.Decimal{}, Dash, Dash},
	}
	for _, c := range cases {
		if got := en.Percent(c.d); got != c.en {
			t.Errorf("EN Percent(%+v) = %q, want %q", c.d, got, c.en)
		}
		if got := fr.Percent(c.d); got != c.fr {
			t.Errorf("FR Percent(%+v) = %q, want %q", c.d, got, c.fr)
		}
	}
}

func TestShare(t *testing.T) {
	cases := []struct {
		part, whole api.Money
		en, fr      string
	}{
		{eur(42000), eur(100000), "42%", "42 %"},
		{eur(99999), eur(100000), "99%", "99 %"}, // not 100% until fully repaid
		{eur(2998), eur(10000), "30%", "30 %"},   // nearest: 29.98% reads 30%
		{eur(4249), eur(10000), "42%", "42 %"},
		{eur(4250), eur(10000), "43%", "43 %"}, // half up
		{eur(1), eur(100000), "1%", "1 %"},     // something came: not 0%
		{eur(-2998), eur(10000), "-30%", "-30 %"},
		{eur(150), eur(100), "150%", "150 %"},
		{eur(100000), eur(100000), "100%", "100 %"},
		{eur(0), eur(100000), "0%", "0 %"},
		{eur(math.MaxInt64), eur(math.MaxInt64), "100%", "100 %"}, // no overflow
		{eur(1), eur(0), Dash, Dash},
		{api.Money{}, eur(100), Dash, Dash},
		{eur(1), api.Money{}, Dash, Dash},
		{eur(1), api.Money{Cents: 2, Currency: "USD", Valid: true}, Dash, Dash},
	}
	for _, c := range cases {
		if got := en.Share(c.part, c.whole); got != c.en {
			t.Errorf("EN Share(%v, %v) = %q, want %q", c.part.Cents, c.whole.Cents, got, c.en)
		}
		if got := fr.Share(c.part, c.whole); got != c.fr {
			t.Errorf("FR Share(%v, %v) = %q, want %q", c.part.Cents, c.whole.Cents, got, c.fr)
		}
	}
}

func at(s string) api.Time {
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return api.Time{Time: tm, Valid: true}
}

func day(s string) api.Time {
	tm, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return api.Time{Time: tm, DateOnly: true, Valid: true}
}

func TestDates(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	cases := []struct {
		f              Formatter
		t              api.Time
		date, dateTime string
	}{
		{en, at("2026-11-27T14:05:00Z"), "27 Nov 2026", "27 Nov 2026, 14:05"},
		{fr, at("2026-11-27T14:05:00Z"), "27/11/2026", "27/11/2026 14:05"},
		{en, at("2026-01-05T09:00:00Z"), "5 Jan 2026", "5 Jan 2026, 09:00"},
		{fr, at("2026-01-05T09:00:00Z"), "05/01/2026", "05/01/2026 09:00"},
		// A date-time is shown in the reader's zone: 23:30 UTC is the next day in Paris.
		{Formatter{Lang: i18n.FR, Loc: paris}, at("2026-11-27T23:30:00Z"), "28/11/2026", "28/11/2026 00:30"},
		// A date alone never shifts with the zone.
		{Formatter{Lang: i18n.FR, Loc: paris}, day("2026-12-15"), "15/12/2026", "15/12/2026"},
		{Formatter{Lang: i18n.EN, Loc: time.FixedZone("X", -10*3600)}, day("2026-12-15"), "15 Dec 2026", "15 Dec 2026"},
		{en, api.Time{}, Dash, Dash},
		{fr, api.Time{}, Dash, Dash},
	}
	for _, c := range cases {
		if got := c.f.Date(c.t); got != c.date {
			t.Errorf("%v Date(%v) = %q, want %q", c.f.Lang, c.t.Time, got, c.date)
		}
		if got := c.f.DateTime(c.t); got != c.dateTime {
			t.Errorf("%v DateTime(%v) = %q, want %q", c.f.Lang, c.t.Time, got, c.dateTime)
		}
	}
}

func TestIntAndMonths(t *testing.T) {
	cases := []struct {
		i                  api.Int
		enInt, frInt       string
		enMonths, frMonths string
	}{
		{api.Int{Value: 24, Valid: true}, "24", "24", "24 months", "24 mois"},
		{api.Int{Value: 1, Valid: true}, "1", "1", "1 month", "1 mois"},
		{api.Int{Value: 1234, Valid: true}, "1,234", "1 234", "1,234 months", "1 234 mois"},
		{api.Int{Value: -1234567, Valid: true}, "-1,234,567", "-1 234 567", "-1,234,567 months", "-1 234 567 mois"},
		{api.Int{Value: math.MinInt64, Valid: true}, "-9,223,372,036,854,775,808", "-9 223 372 036 854 775 808", "", ""},
		{api.Int{}, Dash, Dash, Dash, Dash},
	}
	for _, c := range cases {
		if got := en.Int(c.i); got != c.enInt {
			t.Errorf("EN Int(%v) = %q, want %q", c.i, got, c.enInt)
		}
		if got := fr.Int(c.i); got != c.frInt {
			t.Errorf("FR Int(%v) = %q, want %q", c.i, got, c.frInt)
		}
		if c.enMonths == "" {
			continue
		}
		if got := en.Months(c.i); got != c.enMonths {
			t.Errorf("EN Months(%v) = %q, want %q", c.i, got, c.enMonths)
		}
		if got := fr.Months(c.i); got != c.frMonths {
			t.Errorf("FR Months(%v) = %q, want %q", c.i, got, c.frMonths)
		}
	}
}

func TestDaysLeft(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		end    api.Time
		en, fr string
	}{
		{at("2026-12-09T18:00:00Z"), "12 days left", "12 j restants"},
		{at("2026-12-09T08:00:00Z"), "12 days left", "12 j restants"}, // calendar days, not 24-hour slices
		{at("2026-11-28T09:00:00Z"), "1 day left", "1 j restant"},
		{at("2026-11-27T23:59:00Z"), "last day", "dernier jour"},
		{at("2026-11-27T10:00:00Z"), "ended", "terminé"}, // ends the instant it ends
		{at("2026-11-27T09:59:00Z"), "ended", "terminé"},
		{at("2025-01-01T00:00:00Z"), "ended", "terminé"},
		{day("2026-11-27"), "last day", "dernier jour"}, // a date alone lasts all day
		{day("2026-11-26"), "ended", "terminé"},
		{day("2030-11-27"), "1,461 days left", "1 461 j restants"},
		{api.Time{}, Dash, Dash},
	}
	for _, c := range cases {
		if got := en.DaysLeft(c.end, now); got != c.en {
			t.Errorf("EN DaysLeft(%v) = %q, want %q", c.end.Time, got, c.en)
		}
		if got := fr.DaysLeft(c.end, now); got != c.fr {
			t.Errorf("FR DaysLeft(%v) = %q, want %q", c.end.Time, got, c.fr)
		}
	}
}

// The days are counted in the reader's zone: in Paris, a collect ending at
// 23:30 UTC on the 27th ends on the 28th.
func TestDaysLeftInZone(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	f := Formatter{Lang: i18n.EN, Loc: paris}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	if got := f.DaysLeft(at("2026-11-27T23:30:00Z"), now); got != "1 day left" {
		t.Errorf("got %q, want %q", got, "1 day left")
	}
}

// Nothing this package prints in French contains a separator other than the
// plain space: a no-break space would slip into CSV and golden files unseen.
func TestFrenchUsesPlainSpaces(t *testing.T) {
	outs := []string{
		fr.Money(eur(123456789)), fr.Percent(dec(45, 1)), fr.Share(eur(1), eur(2)),
		fr.Int(api.Int{Value: 1234567, Valid: true}), fr.MoneyMasked(eur(1), true),
	}
	for _, s := range outs {
		if strings.ContainsAny(s, "\u00a0\u202f") {
			t.Errorf("%q holds a no-break space", s)
		}
	}
}
