package leadform

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
)

// The review lists every field with its value, in the person's language,
// choices by their labels, before anything is sent.
func TestReviewGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(lang.String(), func(t *testing.T) {
			fake := &fakeAPI{}
			l := typedLead()
			l.ProjectDescription = "Un séchoir solaire pour le foin, monté sur le hangar de la ferme, qui sèche 40 tonnes par saison sans fioul."
			d := restoreDraft(t, Config{Submit: fake.submit, Lang: lang, Width: 100, Height: 30}, l)
			d.toReview()
			s := d.wait("the review drawn", func(s snapshot) bool { return strings.Contains(s.view, "Siret") || strings.Contains(s.view, "SIRET") })
			golden.RequireEqual(t, s.view)
			if n := fake.calls.Load(); n != 0 {
				t.Fatalf("%d sends before the review was confirmed", n)
			}
		})
	}
}

// e on the review goes back to the field under the cursor; passing the
// remaining fields comes back to the review.
func TestReviewEditsTheFieldUnderTheCursor(t *testing.T) {
	d := restoreDraft(t, Config{}, typedLead())
	d.toReview()
	d.key(tea.KeyDown)
	d.key(tea.KeyDown)
	d.wait("cursor on the last name", func(s snapshot) bool { return strings.Contains(s.view, "› Last name") })
	d.key('e')
	d.waitFocus(lead.Lastname)
	d.tm.Type("-Durand")
	s := d.wait("typed", func(s snapshot) bool { return s.lead.Lastname == "Martin-Durand" })
	if s.phase != phaseEditing {
		t.Fatalf("phase %v", s.phase)
	}
	passing := false
	for _, g := range groups {
		for _, f := range g.fields {
			if passing = passing || f == lead.Lastname; passing {
				d.waitFocus(f)
				d.key(tea.KeyEnter)
			}
		}
	}
	s = d.wait("the review again", func(s snapshot) bool { return s.phase == phaseReview })
	if !strings.Contains(s.view, "Martin-Durand") {
		t.Errorf("the review does not show the edit:\n%s", s.view)
	}
}

// The review scrolls: at a small size the cursor's row stays in sight, and
// the title says where it is.
func TestReviewScrollsToTheCursor(t *testing.T) {
	m := New(Config{Width: 60, Height: 15})
	m.ff = newFormFields(typedLead())
	m = m.toReview()
	for range len(lead.Fields()) - 1 {
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "› Campaign id") || !strings.Contains(v, fmt.Sprintf("%d/%d", len(lead.Fields()), len(lead.Fields()))) {
		t.Fatalf("the last row is not in sight:\n%s", v)
	}
	if lines := strings.Split(v, "\n"); len(lines) != 15 {
		t.Fatalf("%d lines, want 15", len(lines))
	}
}

// shift+tab on the review goes back to the last field, as it goes back
// from any field.
func TestReviewShiftTabGoesBack(t *testing.T) {
	m := New(Config{Width: 100, Height: 30})
	m.ff = newFormFields(typedLead())
	m.form = m.build()
	m.form.Init()
	m = typeKeys(m, strings.Repeat("\r", len(lead.Fields())))
	if m.phase != phaseReview {
		t.Fatalf("phase %v, want the review", m.phase)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if m.phase != phaseEditing || m.focused() != lead.CampaignID {
		t.Fatalf("phase %v on %q, want the last field", m.phase, m.focused())
	}
}
