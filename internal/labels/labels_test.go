package labels

import (
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

func TestOfKnownUnknownAndEmpty(t *testing.T) {
	en, fr := i18n.New(i18n.EN), i18n.New(i18n.FR)
	if got := Category(en, "elevage"); got != "Livestock" {
		t.Errorf("Category(en, elevage) = %q, want Livestock", got)
	}
	if got := Category(fr, "elevage"); got != "Élevage" {
		t.Errorf("Category(fr, elevage) = %q, want Élevage", got)
	}
	// A code the server added is shown, cleaned of escape sequences.
	if got := PledgeStatus(en, "frozen\x1b[31m"); got != "frozen" {
		t.Errorf("unknown code = %q, want it shown cleaned", got)
	}
	if got := Order(en, ""); got != "—" {
		t.Errorf("empty code = %q, want a dash", got)
	}
}

func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		p    api.Project
		want string
	}{
		{api.Project{City: "Rennes", Region: api.Region{Code: "53", Name: "Bretagne"}}, "Rennes, Bretagne"},
		{api.Project{City: "Rennes", Region: api.Region{Code: "53"}}, "Rennes, Bretagne"}, // the INSEE table fills the name in
		{api.Project{Region: api.Region{Name: "Bretagne"}}, "Bretagne"},
		{api.Project{City: "Rennes"}, "Rennes"},
		{api.Project{}, ""},
	} {
		if got := Place(tc.p); got != tc.want {
			t.Errorf("Place(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestProjectURL(t *testing.T) {
	for _, tc := range []struct {
		p    api.Project
		want string
	}{
		{api.Project{URL: "https://www.miimosa.com/fr/projects/x", Slug: "y"}, "https://www.miimosa.com/fr/projects/x"},
		{api.Project{URL: "javascript:alert(1)", Slug: "ferme du bois"}, "https://www.miimosa.com/fr/projects/ferme%20du%20bois"},
		{api.Project{URL: "file:///etc/passwd"}, ""},
		{api.Project{Slug: "  "}, ""},
	} {
		if got := ProjectURL(tc.p); got != tc.want {
			t.Errorf("ProjectURL(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

// Every reason the client can refuse an answer for is in the catalogue,
// in English as the api says it, and in French with the same arguments.
func TestEveryRefusalIsInBothLanguages(t *testing.T) {
	en, fr := i18n.New(i18n.EN), i18n.New(i18n.FR)
	verbs := func(s string) string {
		var out []rune
		for i := 0; i < len(s)-1; i++ {
			if s[i] == '%' {
				out = append(out, rune(s[i+1]))
				i++
			}
		}
		return string(out)
	}
	for _, r := range api.Reasons() {
		key := i18n.Key("refusal." + string(r))
		if got := en.T(key); got != r.English() {
			t.Errorf("%s: catalogue %q, api %q", r, got, r.English())
		}
		if got := fr.T(key); got == en.T(key) || verbs(got) != verbs(r.English()) {
			t.Errorf("%s: French %q (verbs %q, want %q)", r, got, verbs(got), verbs(r.English()))
		}
	}
	got := Refusal(fr, &api.Error{Message: "ignored", Reason: api.ReasonRedirectOrigin, Args: []any{"https://evil.example:8443\x1b[2J"}})
	if !strings.Contains(got, "redirigé vers un autre serveur (https://evil.example:8443") || strings.Contains(got, "\x1b") {
		t.Errorf("French refusal %q", got)
	}
	if got := Refusal(fr, &api.Error{Message: "a reason from elsewhere"}); got != "a reason from elsewhere" {
		t.Errorf("without a reason: %q", got)
	}
}
