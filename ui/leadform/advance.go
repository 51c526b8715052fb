package leadform

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/miimosa/miimosa/internal/lead"
)

// huh moves the cursor to the next field with a command (NextField), whose
// message comes back through the program after any key already queued: a
// key typed right after enter reached the field being left ("a@b.fr⏎Jean"
// gave "a@b.frJ"). The form moves the cursor itself instead, in the same
// Update as the enter, so the next key finds the next field; huh's own
// move message, arriving later, is dropped (isHuhMove).

// isHuhMove reports whether msg is huh's "next field" or "previous field",
// which the form has already applied.
func isHuhMove(msg tea.Msg) bool {
	return msg == huh.NextField() || msg == huh.PrevField()
}

// moveDir says where key k asks the focused field to go: +1 next, -1
// previous, 0 nowhere. It follows huh's bindings as the form sets them:
// tab is no "next" on the form's last field, shift+tab no "back" on its
// first, and enter on the last field submits (a move past the end).
func (m Model) moveDir(k tea.KeyPressMsg, field string) int {
	km := keyMap(m.t).Input
	first, last := field == firstField(), field == lastField()
	switch {
	case key.Matches(k, km.Prev) && !first:
		return -1
	case key.Matches(k, km.Submit) && last, key.Matches(k, km.Next) && !last:
		return 1
	}
	return 0
}

// formKey gives a key to the form and, when the key moves the cursor and
// the field accepted its value (huh checks it first), moves it at once.
func (m Model) formKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	name := m.focused()
	dir := m.moveDir(k, name)
	field := m.form.GetFocusedField()
	cmd := m.sendForm(k)
	if dir == 0 || field == nil || field.Error() != nil {
		return m, cmd // no move asked, or the value was refused: stay
	}
	return m, tea.Batch(cmd, m.move(name, dir))
}

// move moves the cursor from field one step in dir, now. huh goes from
// page to page with a further command; the form asks for the page itself
// and drops that command.
func (m Model) move(field string, dir int) tea.Cmd {
	g := groups[groupOf(field)].fields
	before := m.form.GetFocusedField()
	var cmd tea.Cmd
	switch {
	case dir > 0 && field == g[len(g)-1]:
		_ = m.form.NextField() // blurs the field; its page command is the one dropped
		cmd = m.form.NextGroup()
	case dir > 0:
		cmd = m.form.NextField()
	case field == g[0]:
		_ = m.form.PrevField()
		cmd = m.form.PrevGroup()
	default:
		cmd = m.form.PrevField()
	}
	if m.form.State == huh.StateNormal && m.form.GetFocusedField() == before {
		// huh refused to change pages (a field of this one is in error): it
		// has blurred the field all the same; give it the cursor back.
		cmd = tea.Batch(cmd, before.Focus())
	}
	return cmd
}

// sendForm passes msg to huh, which updates the form in place (its Update
// returns the same pointer).
func (m Model) sendForm(msg tea.Msg) tea.Cmd {
	_, cmd := m.form.Update(msg)
	return cmd
}

// paste types pasted text as keys would: each line break moves to the next
// field, so a paste of "a@b.fr⏎Jean" fills the email and the first name.
// The description keeps its line breaks.
func (m Model) paste(p tea.PasteMsg) (Model, tea.Cmd) {
	if m.focused() == lead.ProjectDescription {
		return m.updateForm(p)
	}
	text := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(p.Content)
	var cmds []tea.Cmd
	for i, line := range strings.Split(text, "\n") {
		if m.phase != phaseEditing {
			break // the last field sent the form to its review: the rest is dropped
		}
		var cmd tea.Cmd
		if i > 0 {
			m, cmd = m.updateForm(tea.KeyPressMsg{Code: tea.KeyEnter})
			cmds = append(cmds, cmd)
		}
		if line != "" && m.phase == phaseEditing {
			m, cmd = m.updateForm(tea.PasteMsg{Content: line})
			cmds = append(cmds, cmd)
		}
	}
	return m, tea.Batch(cmds...)
}

func firstField() string { return groups[0].fields[0] }
