package leadform

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
)

// The server words its field errors in English (Rails); the French form
// says them in French beside the field, and keeps the refused lead as the
// draft.
func TestServerErrorsInFrench(t *testing.T) {
	fake := &fakeAPI{answer: func(int) (api.LeadResult, error) {
		return api.LeadResult{}, &api.Error{Kind: api.ErrValidation, Status: 400, Method: "POST", Path: "/leads",
			Fields: map[string][]string{"email": {"is invalid"}, "city": {"can't be blank"}}}
	}}
	store := drafts(t)
	typed := typedLead()
	d := restoreDraft(t, Config{Submit: fake.submit, Drafts: store, Lang: i18n.FR, Width: 100, Height: 30}, typed)
	d.waitFocus(lead.Email)
	// The form holds the lead now: delete its file, so that only the save
	// after the refusal can bring it back.
	if err := store.Discard(); err != nil {
		t.Fatal(err)
	}
	d.toReview()
	d.key(tea.KeyEnter)
	s := d.wait("back on the form at the refused email", func(s snapshot) bool {
		return s.phase == phaseEditing && s.focused == lead.Email && strings.Contains(s.view, "✗ n'est pas valide")
	})
	if strings.Contains(s.view, "is invalid") {
		t.Errorf("the server's English is shown:\n%s", s.view)
	}
	if n := fake.calls.Load(); n != 1 {
		t.Fatalf("%d sends, want 1", n)
	}
	// The form's own word that the refused lead was written, then the file.
	d.waitSaved(typed)
	got, ok, err := store.LoadDraft()
	if err != nil || !ok {
		t.Fatalf("no draft after the refusal: ok=%v err=%v", ok, err)
	}
	if got.Lead != typed {
		t.Errorf("the draft is not the refused lead:\n got %+v\nwant %+v", got.Lead, typed)
	}
	if fi, err := os.Stat(store.Path()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("draft file: %v, %v", fi, err)
	}
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
