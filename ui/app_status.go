package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// statusLine: where we are connected (and "sandbox" in demo), who is looked
// up, then a spinner while anything loads and the last error or notice.
func (m Model) statusLine() string {
	st, t := m.env.Styles, m.env.T
	left := st.StatusBar.Render(" " + textsafe.Clean(m.opts.Host))
	if m.opts.Demo {
		left += " " + st.Warning.Render("["+t.T("ui.status.sandbox")+"]")
	}
	if m.user != (api.User{}) {
		left += st.StatusBar.Render(" · ") + st.Accent.Render(textsafe.Clean(m.user.Email))
	} else {
		left += st.StatusBar.Render(" · ") + st.Muted.Render(t.T("ui.status.nobody"))
	}
	if m.privacy {
		left += st.StatusBar.Render(" · ") + st.Warning.Render(t.T("ui.status.privacy"))
	}
	right := ""
	if m.busy() {
		right = m.spinner.View() + " "
	}
	switch {
	case m.lastErr != nil:
		right += st.Error.Render("⚠ " + common.ErrorText(t, m.lastErr))
	case m.notice != "":
		right += st.StatusBar.Render(textsafe.Clean(m.notice))
	}
	// The right side gives way first: who and where matter more.
	room := m.width - lipgloss.Width(left) - 1
	if room < 4 {
		return common.FitLine(left, m.width)
	}
	if lipgloss.Width(right) > room {
		right = common.FitLine(right, room)
	}
	return left + strings.Repeat(" ", 1+room-lipgloss.Width(right)) + right
}
