package leadform

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/internal/i18n"
)

// helpLineOf is the last line of the form's screen: its help.
func helpLineOf(m Model) string {
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	return strings.TrimRight(lines[len(lines)-1], " ")
}

// checkHelp fails when a binding shown lacks a key or words, or when the
// line has an empty entry, or misses a binding.
func checkHelp(t *testing.T, where string, m Model) {
	t.Helper()
	bindings := m.helpBindings()
	if len(bindings) == 0 {
		t.Fatalf("%s: no help at all", where)
	}
	line := helpLineOf(m)
	for _, b := range bindings {
		h := b.Help()
		if strings.TrimSpace(h.Key) == "" || strings.TrimSpace(h.Desc) == "" {
			t.Errorf("%s: a binding without a key or words: %+v", where, h)
		}
		if !strings.Contains(line, h.Key+" "+h.Desc) {
			t.Errorf("%s: %q is not on the help line %q", where, h.Key+" "+h.Desc, line)
		}
	}
	for _, entry := range strings.Split(line, "•") {
		if len(strings.Fields(entry)) < 2 {
			t.Errorf("%s: an entry without a key and words (%q) in %q", where, entry, line)
		}
	}
}

// Every field, the review and the "send again?" question: each key shown
// has a key and words; none is blank ("←/→ choose •   • shift+tab back").
func TestHelpLineHasNoEmptyEntry(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		m := New(Config{Lang: lang, Width: 160, Height: 30})
		m.ff = newFormFields(typedLead())
		m.form = m.build()
		m.form.Init()
		for _, g := range groups {
			for _, f := range g.fields {
				if m.focused() != f {
					t.Fatalf("%v: the cursor is on %q, want %q", lang, m.focused(), f)
				}
				checkHelp(t, lang.String()+" "+f, m)
				m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
			}
		}
		if m.phase != phaseReview {
			t.Fatalf("%v: phase %v after the last field, want the review", lang, m.phase)
		}
		checkHelp(t, lang.String()+" review", m)
		m.phase = phaseConfirm
		checkHelp(t, lang.String()+" confirm", m)
	}
}

// The select that showed the blank entry in the issue.
func TestSelectHelpLine(t *testing.T) {
	m := New(Config{Width: 100, Height: 30})
	m.ff = newFormFields(typedLead())
	m.form = m.build()
	m.form.Init()
	m = typeKeys(m, "\r\r\r\r\r\r\r") // to the category
	if got, want := helpLineOf(m), "←/→ choose • shift+tab back • enter next • esc close (draft kept)"; got != want {
		t.Errorf("help line\n got %q\nwant %q", got, want)
	}
}
