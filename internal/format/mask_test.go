package format

import (
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

func TestMaskAmounts(t *testing.T) {
	cases := []struct{ in, want string }{
		{"un pressoir pneumatique : 10 850 €", "un pressoir pneumatique : •••• €"},
		{"un pressoir : 10\u00a0850\u00a0€ et une cuve", "un pressoir : ••••\u00a0€ et une cuve"},
		{"thin spaces 12\u202f000,50\u202f€", "thin spaces ••••\u202f€"},
		{"a press for €10,850.50 and a tank", "a press for €•••• and a tank"},
		{"€ 300", "€ ••••"},
		{"budget 1.234,56€", "budget ••••€"},
		{"40 euros par mois, 2 Euros", "•••• euros par mois, •••• Euros"},
		{"EUR 1 000 ou 1000 EUR", "EUR •••• ou •••• EUR"},
		{"1 euro symbolique", "•••• euro symbolique"},
		{"15 k€ de matériel, 2 M€ de chiffre", "••••€ de matériel, ••••€ de chiffre"},
		{"20 k euros", "•••• euros"},
		{"10€50 le kilo", "••••€•••• le kilo"},
		{"de 5 à 10 € (prix 2024)", "de 5 à •••• € (prix 2024)"},
		// Numbers that are not amounts stay.
		{"120 ruches en 2024, 3 salariés", "120 ruches en 2024, 3 salariés"},
		{"leur 30 ruches en Europe 2", "leur 30 ruches en Europe 2"},
		{"tout en euros", "tout en euros"},
		{"", ""},
		{"€", "€"},
		{"１２ €", "•••• €"}, // fullwidth digits are digits too
	}
	for _, c := range cases {
		if got := MaskAmounts(c.in); got != c.want {
			t.Errorf("MaskAmounts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The mask in text is the one MoneyMasked shows, so privacy mode looks the
// same in a figure and in a sentence.
func TestMaskAmountsUsesTheMoneyMask(t *testing.T) {
	masked := New(i18n.FR).MoneyMasked(api.Money{Cents: 1085000, Currency: "EUR", Valid: true}, true)
	if got := MaskAmounts(New(i18n.FR).Money(api.Money{Cents: 1085000, Currency: "EUR", Valid: true})); got != masked {
		t.Errorf("masked French amount %q, MoneyMasked %q", got, masked)
	}
	masked = New(i18n.EN).MoneyMasked(api.Money{Cents: 1085000, Currency: "EUR", Valid: true}, true)
	if got := MaskAmounts(New(i18n.EN).Money(api.Money{Cents: 1085000, Currency: "EUR", Valid: true})); got != masked {
		t.Errorf("masked English amount %q, MoneyMasked %q", got, masked)
	}
}

// No digit stays next to a euro sign, masking twice changes nothing, and
// what is not an amount is kept byte for byte.
var digitByEuro = regexp.MustCompile(`\p{Nd}[ \x{00A0}\x{2007}\x{2009}\x{202F}]*[kKM]?[ \x{00A0}\x{2007}\x{2009}\x{202F}]*€|€[ \x{00A0}\x{2007}\x{2009}\x{202F}]*\p{Nd}`)

func FuzzMaskAmounts(f *testing.F) {
	for _, s := range []string{
		"un pressoir pneumatique : 10 850 €", "€10,850.50", "15 k€", "EUR 1 000", "40 euros", "10€50",
		"2024 €€ 3", "€ \u00a0 \u202f 7", "1.€", "a\xff€1", "5 kk€", "１２ €", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := MaskAmounts(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("MaskAmounts(%q) = %q is not UTF-8", s, out)
		}
		if utf8.ValidString(s) && digitByEuro.MatchString(out) {
			t.Fatalf("MaskAmounts(%q) = %q leaves an amount", s, out)
		}
		if again := MaskAmounts(out); again != out {
			t.Fatalf("masking twice: %q then %q", out, again)
		}
		if !digitByEuro.MatchString(s) && !euro.MatchString(s) && out != s {
			t.Fatalf("no currency in %q, yet it became %q", s, out)
		}
	})
}
