package leadform

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
)

// The server words its field errors in English (Rails); the French form
// says them in French beside the field.
func TestServerErrorsInFrench(t *testing.T) {
	fake := &fakeAPI{answer: func(int) (api.LeadResult, error) {
		return api.LeadResult{}, &api.Error{Kind: api.ErrValidation, Status: 400, Method: "POST", Path: "/leads",
			Fields: map[string][]string{"email": {"is invalid"}, "city": {"can't be blank"}}}
	}}
	store := drafts(t)
	d := sendDraft(t, Config{Submit: fake.submit, Drafts: store, Lang: i18n.FR, Width: 100, Height: 30}, typedLead())
	s := d.wait("back on the form at the refused email", func(s snapshot) bool {
		return s.phase == phaseEditing && s.focused == lead.Email && strings.Contains(s.view, "✗ n'est pas valide")
	})
	if strings.Contains(s.view, "is invalid") {
		t.Errorf("the server's English is shown:\n%s", s.view)
	}
	// The refused lead is kept as the draft (written aside: wait for it).
	d.wait("draft saved", func(snapshot) bool {
		got, ok, _ := store.Load()
		return ok && got.Email == "jeanne@ferme-des-lilas.fr"
	})
}

// A department that is not the post code's is flagged beside the
// department, and the form does not move on.
func TestDepartmentMismatchFlagged(t *testing.T) {
	l := typedLead()
	l.Department = "2A"
	store := drafts(t)
	if err := store.Save(l); err != nil {
		t.Fatal(err)
	}
	d := start(t, Config{Drafts: store, Width: 100, Height: 30})
	d.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	d.key('y')
loop:
	for _, g := range groups {
		for _, f := range g.fields {
			d.waitFocus(f)
			d.key(tea.KeyEnter)
			if f == lead.Department {
				break loop
			}
		}
	}
	d.wait("the mismatch beside the department", func(s snapshot) bool {
		return s.focused == lead.Department && strings.Contains(s.view, "✗ does not match the post code 26400 (department 26)")
	})
}
