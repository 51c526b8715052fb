package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/help"
)

// The host and the email give way to the message down to this many cells
// each (the ellipsis included): enough to tell two apart at a glance.
const (
	minHostCells  = 8
	minEmailCells = 8
	// minMessageCells is the least of the message shown before where and
	// who are cut further.
	minMessageCells = 24
	// statusGap keeps the message apart from who is looked up when the
	// line is full: one space read as one phrase.
	statusGap = 2
)

// statusLine: where we are connected (and "sandbox" in demo), who is looked
// up, then a spinner while anything loads and the newest error or notice.
// On a narrow terminal the message has priority: the host and the email
// are shortened first, the message is cut last.
func (m Model) statusLine() string {
	st, t := m.env.Styles, m.env.T
	right := ""
	if m.busy() {
		right = m.spinner.View() + " "
	}
	switch text, err := m.statusMessage(); {
	case err != nil:
		right += st.Error.Render("⚠ " + common.ErrorText(t, err))
	case text != "":
		right += st.StatusBar.Render(textsafe.Clean(text))
	}
	host := textsafe.Clean(m.opts.Host)
	who, whoStyle := t.T("ui.status.nobody"), st.Muted
	if m.user != (api.User{}) {
		who, whoStyle = textsafe.Clean(m.user.Email), st.Accent
		if m.privacy {
			who = maskEmail(who)
		}
	}
	left := func(hostW, whoW int) string {
		s := st.StatusBar.Render(" " + ansi.Truncate(host, hostW, "…"))
		if m.opts.Demo {
			s += " " + st.Warning.Render("["+t.T("ui.status.sandbox")+"]")
		}
		s += st.StatusBar.Render(" · ") + whoStyle.Render(ansi.Truncate(who, whoW, "…"))
		if m.privacy {
			s += st.StatusBar.Render(" · ") + st.Warning.Render(t.T("ui.status.privacy"))
		}
		return s
	}
	hostW, whoW := ansi.StringWidth(host), ansi.StringWidth(who)
	l := left(hostW, whoW)
	rightW := lipgloss.Width(right)
	if rightW == 0 {
		return common.FitLine(l, m.width)
	}
	// Shorten who, then where, as far as their minimums, to make room.
	if over := lipgloss.Width(l) + statusGap + rightW - m.width; over > 0 {
		cut := min(over, max(0, whoW-minEmailCells))
		whoW -= cut
		over -= cut
		hostW -= min(over, max(0, hostW-minHostCells))
		l = left(hostW, whoW)
	}
	// Still too narrow: the message is cut. Only when it would be left
	// with less than a few words does it take half the line from the rest.
	room := m.width - lipgloss.Width(l) - statusGap
	if room < minMessageCells {
		room = min(rightW, m.width/2)
	}
	if rightW > room {
		right = ansi.Truncate(right, room, "…")
		rightW = lipgloss.Width(right)
	}
	l = common.FitLine(l, max(0, m.width-rightW-statusGap))
	return common.FitLine(l+strings.Repeat(" ", statusGap)+right, m.width)
}

// helpBar lists the keys of what has the keyboard. The modals have their
// own hints in their cards: the bar is left empty under them.
func (m Model) helpBar() string {
	if m.modal != modalNone {
		return ""
	}
	keys := m.env.Keys
	bindings := keys.ShortHelp()
	front := m.panes[m.focus]
	if top := len(m.details) - 1; top >= 0 {
		front = m.details[top].slot
	}
	if b, ok := front.help(); ok {
		bindings = b
	}
	return help.Bar(m.env, m.width, bindings)
}

// maskEmail hides who is on the line while the screen is shared: the
// first letter of the name and of the domain, and the top-level domain,
// are enough for the agent to know it is the right caller; the bullets
// are as many for every address, so they do not give its length away.
func maskEmail(email string) string {
	const hidden = "•••••"
	first := func(s string) string {
		for _, r := range s {
			return string(r)
		}
		return ""
	}
	at := strings.LastIndex(email, "@")
	if at < 0 {
		return hidden
	}
	local, domain := email[:at], email[at+1:]
	tld := ""
	if dot := strings.LastIndex(domain, "."); dot > 0 {
		domain, tld = domain[:dot], domain[dot:]
	}
	return first(local) + hidden + "@" + first(domain) + hidden + tld
}
