package leadform

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// The help line under the form lists the keys that work now, each with a
// key and what it does. huh's own footer is off: it shows every enabled
// binding, help text or not, which left a blank entry for a select's
// right arrow ("←/→ choose •   • shift+tab back").

// helpBindings are the keys the help line shows in the current phase.
func (m Model) helpBindings() []key.Binding {
	esc := key.NewBinding(key.WithKeys("esc"), key.WithHelp(m.t.T("lead.keys.esc"), m.t.T("lead.form.help")))
	var out []key.Binding
	switch m.phase {
	case phaseEditing:
		if f := m.form.GetFocusedField(); f != nil {
			out = append(out, f.KeyBinds()...)
		}
	case phaseReview:
		rk := reviewKeys(m.t)
		out = append(out, rk.send, rk.move, rk.edit, rk.back)
	case phaseConfirm:
		ck := confirmKeys(m.t)
		out = append(out, ck.yes, ck.no)
	default:
		return nil
	}
	return shown(append(out, esc))
}

// shown keeps the bindings that are enabled and have both a key and words.
func shown(bindings []key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bindings {
		if b.Enabled() && b.Help().Key != "" && b.Help().Desc != "" {
			out = append(out, b)
		}
	}
	return out
}

// helpLine renders the bindings on one line, cut at the width.
func (m Model) helpLine() string {
	h := help.New()
	h.SetWidth(m.width)
	h.Styles.ShortKey = m.styles.HelpBar.Bold(true)
	h.Styles.ShortDesc = m.styles.HelpBar
	h.Styles.ShortSeparator = m.styles.HelpBar
	h.Styles.Ellipsis = m.styles.HelpBar
	return h.ShortHelpView(m.helpBindings())
}
