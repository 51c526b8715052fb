package lead

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

// good is a lead the API accepts, as an agent would type it.
func good() api.Lead {
	return api.Lead{
		Email:                "Jeanne.Martin@Ferme-Des-Lilas.FR",
		Firstname:            " Jeanne ",
		Lastname:             "Martin",
		Phone:                "06 12 34 56 78",
		CollectType:          "lending",
		ProjectDescription:   "Un séchoir solaire pour le foin.\nÉconomie d'énergie.",
		ProjectTotalBudget:   "45 000 €",
		PublicationTimeframe: "next_months",
		Siret:                "732 829 320 00074",
		PostCode:             "26 400",
		Department:           "26",
		Category:             "elevage",
		Turnover:             "120000,50",
	}
}

func TestCheckAcceptsGoodLead(t *testing.T) {
	if errs := Check(good(), i18n.New(i18n.EN)); errs != nil {
		t.Fatalf("good lead refused: %v", errs)
	}
}

func TestCheckReportsEveryRequiredField(t *testing.T) {
	errs := Check(api.Lead{}, i18n.New(i18n.EN))
	want := []string{Email, Firstname, Lastname, Phone, CollectType, ProjectDescription, ProjectTotalBudget, PublicationTimeframe}
	if len(errs) != len(want) {
		t.Errorf("got %d fields in error, want %d: %v", len(errs), len(want), errs)
	}
	for _, f := range want {
		if got := errs[f]; len(got) != 1 || got[0] != "is required" {
			t.Errorf("%s: got %q, want [is required]", f, got)
		}
	}
}

func TestCheckSpeaksFrench(t *testing.T) {
	l := good()
	l.Phone = "12345"
	errs := Check(l, i18n.New(i18n.FR))
	if got := errs[Phone]; len(got) != 1 || !strings.Contains(got[0], "numéro français") {
		t.Fatalf("phone: %q", got)
	}
}

func TestCheckField(t *testing.T) {
	cases := []struct {
		field, value string
		want         i18n.Key // "" = accepted
	}{
		{Email, "jeanne@ferme.fr", ""},
		{Email, "jeanne+lead@ferme.example.org", ""},
		{Email, "jeanne@ferme", keyEmail},
		// The server's rule (Ruby's URI::MailTo regexp): an ASCII local
		// part and domain; anything else comes back as a 400.
		{Email, "élise@ferme.fr", keyEmail},
		{Email, "elise@fermé.fr", keyEmail},
		{Email, "o'brien.j+lead@ferme-des-lilas.fr", ""},
		{Email, "jeanne@-ferme.fr", keyEmail},
		{Email, "jeanne@ferme.fr.", keyEmail},
		{Email, "Jeanne <jeanne@ferme.fr>", keyEmail},
		{Email, "jeanne@@ferme.fr", keyEmail},
		{Email, "jeanne@.fr", keyEmail},
		{Email, "jeanne ferme.fr", keyEmail},
		{Email, "", keyRequired},
		{Email, "   ", keyRequired},
		{Firstname, "\x1b[31m", keyRequired}, // an escape sequence alone is nothing typed
		{Firstname, strings.Repeat("é", 256), keyTooLong},
		{Phone, "06 12 34 56 78", ""},
		{Phone, "0612345678", ""},
		{Phone, "06.12.34.56.78", ""},
		{Phone, "06-12-34-56-78", ""},
		{Phone, "+33 6 12 34 56 78", ""},
		{Phone, "+33612345678", ""},
		{Phone, "+33 (0)6 12 34 56 78", ""},
		{Phone, "0033 6 12 34 56 78", ""},
		{Phone, "+262 692 12 34 56", ""},
		{Phone, "01 23 45 67 8", keyPhone},
		{Phone, "00 12 34 56 78", keyPhone},
		{Phone, "+44 20 7946 0958", keyPhone},
		{Phone, "+33 6 12 34 56 78 9", keyPhone},
		{Phone, "+33 0 1 23 45 67 89", ""},
		{Phone, "06 12 34 56 7a", keyPhone},
		{Birthdate, "", ""},
		{Birthdate, "27/11/1980", ""},
		{Birthdate, "1980-11-27", ""},
		{Birthdate, "31/02/1980", keyBirthdate},
		{Birthdate, "27/11/2999", keyBirthdate},
		{CollectType, "donation", ""},
		{CollectType, "lending", ""},
		{CollectType, "equity", keyEnum},
		{PublicationTimeframe, "within_month", ""},
		{PublicationTimeframe, "another_quarter", ""},
		{PublicationTimeframe, "next_year", keyEnum},
		{Category, "", ""},
		{Category, "viticulture", ""},
		{Category, "Viticulture", keyEnum},
		{ProjectTotalBudget, "12 000", ""},
		{ProjectTotalBudget, "12000,50", ""},
		{ProjectTotalBudget, "12000.50", ""},
		{ProjectTotalBudget, "12 000 €", ""},
		{ProjectTotalBudget, "12\u202f000\u00a0€", ""},
		{ProjectTotalBudget, "12.000,50", ""},
		{ProjectTotalBudget, "12,000.50", ""},
		{ProjectTotalBudget, "1,000,000", ""},
		{ProjectTotalBudget, "12000 EUR", ""},
		{ProjectTotalBudget, "12,000", keyAmountAmbig},
		{ProjectTotalBudget, "12.000", keyAmountAmbig},
		{ProjectTotalBudget, "0", keyAmountZero},
		{ProjectTotalBudget, "0,00", keyAmountZero},
		{ProjectTotalBudget, "-12", keyAmount},
		{ProjectTotalBudget, "12,345.678", keyAmount},
		{ProjectTotalBudget, "douze mille", keyAmount},
		{ProjectTotalBudget, "99999999999999999999999", keyAmount},
		{Turnover, "", ""},
		{PostCode, "26400", ""},
		{PostCode, "26 400", ""},
		{PostCode, "2640", keyPostCode},
		{PostCode, "2640A", keyPostCode},
		{Department, "26", ""},
		{Department, "2a", ""},
		{Department, "1", ""},
		{Department, "974", ""},
		{Department, "20", keyDepartment},
		{Department, "96", keyDepartment},
		{Department, "977", keyDepartment},
		{Siret, "73282932000074", ""},
		{Siret, "732 829 320 00074", ""},
		{Siret, "35600000000048", ""}, // La Poste, head office
		{Siret, "35600000049837", ""}, // La Poste: fails Luhn, digit sum divisible by 5
		{Siret, "73282932000075", keySiretLuhn},
		{Siret, "7328293200007", keySiretDigits},
		{Siret, "732829320000744", keySiretDigits},
		{Siret, "7328293200007A", keySiretDigits},
		{SocialLink, "https://facebook.com/fermedeslilas", ""},
		{SocialLink, "instagram.com/fermedeslilas", ""},
		{SocialLink, "@fermedeslilas", ""},
		{SocialLink, "javascript:alert(1)", keyLink},
		{SocialLink, "ferme des lilas", keyLink},
		{SocialLink, "https://user:pw@facebook.com/x", keyLink},
		{"not_a_field", "anything", ""},
	}
	for _, c := range cases {
		err := CheckField(c.field, c.value)
		var p *Problem
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s %q refused: %v", c.field, c.value, err)
		case c.want != "" && (!errors.As(err, &p) || p.Key != c.want):
			t.Errorf("%s %q: got %v, want %s", c.field, c.value, err, c.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	n := Normalize(good())
	want := map[string]string{
		Email:              "Jeanne.Martin@ferme-des-lilas.fr",
		Firstname:          "Jeanne",
		Phone:              "0612345678",
		ProjectTotalBudget: "45000.00",
		Turnover:           "120000.50",
		Siret:              "73282932000074",
		PostCode:           "26400",
		ProjectDescription: "Un séchoir solaire pour le foin.\nÉconomie d'énergie.",
	}
	for f, v := range want {
		if got := Get(n, f); got != v {
			t.Errorf("%s = %q, want %q", f, got, v)
		}
	}
	if Check(n, i18n.New(i18n.EN)) != nil {
		t.Error("a normalised good lead must pass the checks")
	}
	// A bad value is only trimmed, so that Check still names it.
	l := good()
	l.Phone = "  12  "
	if got := Normalize(l).Phone; got != "12" {
		t.Errorf("bad phone normalised to %q", got)
	}
}

func TestNormalizePhoneForms(t *testing.T) {
	for in, want := range map[string]string{
		"+33 6 12 34 56 78":  "0612345678",
		"+33 06 12 34 56 78": "0612345678",
		"0033612345678":      "0612345678",
		"+262 692 12 34 56":  "+262692123456",
		"05 90 12 34 56":     "0590123456",
	} {
		got, err := NormalizePhone(in)
		if err != nil || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestFieldsCoverTheLead(t *testing.T) {
	var l api.Lead
	seen := map[*string]bool{}
	for _, f := range Fields() {
		p := Ptr(&l, f)
		if p == nil || seen[p] {
			t.Fatalf("%s: no field or shared field", f)
		}
		seen[p] = true
	}
	if len(seen) != 22 {
		t.Fatalf("the seed's POST /leads has 22 fields, Fields has %d", len(seen))
	}
	if Ptr(&l, "nope") != nil || Known("nope") || !Known(Siret) {
		t.Fatal("unknown names must be unknown")
	}
}

func TestLuhn(t *testing.T) {
	for _, s := range []string{"79927398713", "73282932000074", "0"} {
		if !luhn(s) {
			t.Errorf("luhn(%s) = false", s)
		}
	}
	for _, s := range []string{"79927398710", "73282932000075"} {
		if luhn(s) {
			t.Errorf("luhn(%s) = true", s)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("jeanne@ferme.fr", "06 12 34 56 78", "12 000 €", "732 829 320 00074", "2A", "27/11/1980")
	f.Add("", "", "", "", "", "")
	f.Add("a@b.c", "+33(0)", "1,000.", "\xff\xfe", "０１", "\x1b]8;;x\x07")
	f.Fuzz(func(t *testing.T, email, phone, amount, siret, dept, birth string) {
		l := api.Lead{Email: email, Phone: phone, ProjectTotalBudget: amount, Turnover: amount,
			Siret: siret, Department: dept, Birthdate: birth, Firstname: email, ProjectDescription: birth,
			SocialLink: amount, PostCode: siret, CollectType: dept, Category: phone}
		errs := Check(l, i18n.New(i18n.FR))
		n := Normalize(l)
		// Normalising twice changes nothing, and never turns a refused
		// value into an accepted one or back.
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize is not idempotent: %+v then %+v", n, n2)
		}
		errsN := Check(n, i18n.New(i18n.FR))
		for _, f := range Fields() {
			if (errs[f] == nil) != (errsN[f] == nil) {
				t.Fatalf("%s: checks differ before (%v) and after (%v) Normalize of %q", f, errs[f], errsN[f], Get(l, f))
			}
			if !utf8.ValidString(Get(n, f)) {
				t.Fatalf("%s: normalised value is not UTF-8", f)
			}
		}
	})
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"06 12 34 56 78", "+33 6 12 34 56 78", "0033612345678", "+262692123456", "+33 (0)6", "+", "00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizePhone(s)
		if err != nil {
			return
		}
		// An accepted number is 10 national digits or + and 11–12 digits,
		// and is accepted again as it is.
		national := len(n) == 10 && n[0] == '0' && allDigits(n)
		intl := strings.HasPrefix(n, "+") && (len(n) == 12 || len(n) == 13) && allDigits(n[1:])
		if !national && !intl {
			t.Fatalf("NormalizePhone(%q) = %q", s, n)
		}
		if again, err := NormalizePhone(n); err != nil || again != n {
			t.Fatalf("%q does not normalise to itself: %q, %v", n, again, err)
		}
	})
}

func FuzzSiret(f *testing.F) {
	for _, s := range []string{"73282932000074", "732 829 320 00074", "35600000049837", "1", "", "７３２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeSiret(s)
		if err != nil {
			return
		}
		if len(n) != 14 || !allDigits(n) || !(luhn(n) || strings.HasPrefix(n, laPosteSiren)) {
			t.Fatalf("NormalizeSiret(%q) = %q", s, n)
		}
	})
}

func FuzzAmount(f *testing.F) {
	for _, s := range []string{"12 000", "12000,50", "12.000,50", "1,000,000", "12,000", "€", "0.001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeAmount(s)
		if err != nil {
			return
		}
		m, err := api.ParseMoney(n, "EUR")
		if err != nil || m.Cents <= 0 || m.String() != n {
			t.Fatalf("NormalizeAmount(%q) = %q, which parses to %+v, %v", s, n, m, err)
		}
	})
}
