package leadform

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
)

// typeKeys gives the model one key per rune, "\r" being enter, and throws
// away the commands: nothing huh would do later (its move to the next
// field comes as a command) can help the keys land right.
func typeKeys(m Model, s string) Model {
	for _, r := range s {
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\r' {
			k = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		m, _ = m.Update(k)
	}
	return m
}

func editing(t *testing.T) Model {
	t.Helper()
	m := New(Config{Width: 100, Height: 30})
	m.form.Init()
	if m.focused() != lead.Email {
		t.Fatalf("the form opens on %q", m.focused())
	}
	return m
}

// Keys typed right after enter go to the next field, across pages too,
// even when no command has run in between.
func TestTypedAheadKeysReachTheNextField(t *testing.T) {
	m := typeKeys(editing(t), "a@b.fr\rJean\rMartin\r06 12 34 56 78\r\rSéchoir")
	got := m.ff.lead
	want := api.Lead{Email: "a@b.fr", Firstname: "Jean", Lastname: "Martin", Phone: "06 12 34 56 78", ProjectName: "Séchoir"}
	if got != want {
		t.Fatalf("typed ahead:\n got %+v\nwant %+v", got, want)
	}
	if f := m.focused(); f != lead.ProjectName {
		t.Errorf("the cursor is on %q, want %q", f, lead.ProjectName)
	}
	// Back with shift+tab, and on at once.
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	m = typeKeys(m, "27/11/1980\r!")
	if m.ff.lead.Birthdate != "27/11/1980" || m.ff.lead.ProjectName != "Séchoir!" {
		t.Errorf("after shift+tab: %+v", m.ff.lead)
	}
}

// A refused value keeps the cursor: what is typed next fixes that field.
func TestTypedAheadAfterARefusedValueStays(t *testing.T) {
	m := typeKeys(editing(t), "a@b\rx.fr")
	if m.ff.lead.Email != "a@bx.fr" || m.focused() != lead.Email {
		t.Fatalf("%+v on %q", m.ff.lead, m.focused())
	}
	m = typeKeys(m, "\rJean")
	if m.ff.lead.Firstname != "Jean" || m.focused() != lead.Firstname {
		t.Fatalf("%+v on %q", m.ff.lead, m.focused())
	}
}

// A paste with line breaks fills field after field, as typing does; the
// description keeps its line breaks.
func TestPasteAcrossFields(t *testing.T) {
	m := editing(t)
	m, _ = m.Update(tea.PasteMsg{Content: "a@b.fr\r\nJean\nMartin"})
	if l := m.ff.lead; l.Email != "a@b.fr" || l.Firstname != "Jean" || l.Lastname != "Martin" || m.focused() != lead.Lastname {
		t.Fatalf("pasted: %+v, cursor on %q", l, m.focused())
	}
	m = typeKeys(m, "\r06 12 34 56 78\r\r\r") // phone, no birthdate, no project name
	if m.focused() != lead.ProjectDescription {
		t.Fatalf("cursor on %q", m.focused())
	}
	m, _ = m.Update(tea.PasteMsg{Content: "Un séchoir\npour le foin"})
	if m.ff.lead.ProjectDescription != "Un séchoir\npour le foin" || m.focused() != lead.ProjectDescription {
		t.Fatalf("description %q, cursor on %q", m.ff.lead.ProjectDescription, m.focused())
	}
}

// Through a running program, keys sent without waiting land where they
// were meant to.
func TestTypedAheadInAProgram(t *testing.T) {
	d := start(t, Config{})
	d.waitFocus(lead.Email)
	d.tm.Type("a@b.fr")
	d.key(tea.KeyEnter)
	d.tm.Type("Jean")
	d.key(tea.KeyEnter)
	d.tm.Type("Martin")
	s := d.wait("the last name typed", func(s snapshot) bool { return s.lead.Lastname == "Martin" })
	if s.lead.Email != "a@b.fr" || s.lead.Firstname != "Jean" {
		t.Fatalf("typed ahead: %+v", s.lead)
	}
}
