package labels

import (
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
