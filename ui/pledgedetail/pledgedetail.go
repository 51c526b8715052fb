// Package pledgedetail shows one pledge: what was lent, at what rate, what
// has come back, and its repayment schedule instalment by instalment. The
// root model owns it: the pledges pane asks for it with
// common.OpenPledgeMsg, and enter opens the pledge's project in turn.
package pledgedetail

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// Model is one pledge with its schedule, scrollable. Its body is built when
// it opens or the size, palette, privacy or report changes; View only
// slices it.
type Model struct {
	env           *common.Env
	pledge        api.Pledge
	width, height int
	privacy       bool
	vp            viewport.Model

	// loan is the pledge as the insight report sees it: its whole
	// schedule (rebuilt from the terms when the server sent none) and its
	// return; nil until a report came. loanSeq is that report's Seq.
	loan    *insight.Loan
	loanSeq int
}

// New returns the detail of p.
func New(env *common.Env, p api.Pledge) Model {
	return Model{env: env, pledge: p, vp: viewport.New()}
}

// WithLoan gives the detail the pledge's loan from the report numbered seq
// (common.InsightMsg.Seq); nil leaves the server's schedule.
func (m Model) WithLoan(l *insight.Loan, seq int) Model {
	if l == nil || l.ID != m.pledge.ID {
		return m
	}
	m.loan, m.loanSeq = l, seq
	return m.refresh()
}

// Init does nothing: everything shown came with the pledge.
func (m Model) Init() tea.Cmd { return nil }

// Pledge is the pledge shown.
func (m Model) Pledge() api.Pledge { return m.pledge }

// SetSize sets the size the detail renders at.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	return m.refresh()
}

// SetFocused is part of the pane contract; a detail is only ever shown in
// front, with the keyboard.
func (m Model) SetFocused(bool) Model { return m }

// SetPrivacy masks every amount.
func (m Model) SetPrivacy(on bool) Model {
	m.privacy = on
	return m.refresh()
}

// Capturing is false: the detail has no text input.
func (m Model) Capturing() bool { return false }

// Busy is false: nothing loads.
func (m Model) Busy() bool { return false }

// Update handles the root's messages and keys: enter opens the project.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.env == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case common.PrivacyMsg:
		return m.SetPrivacy(msg.On), nil
	case common.InsightMsg:
		// A newer report (the projects' facts came): its schedule and
		// return replace what was shown.
		if msg.Seq > m.loanSeq && msg.Report != nil {
			if l, ok := msg.Report.Loan(m.pledge.ID); ok {
				return m.WithLoan(l, msg.Seq), nil
			}
		}
		return m, nil
	case common.EnvMsg:
		m.env = msg.Env
		return m.refresh(), nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case common.WheelMsg:
		if msg.Lines > 0 {
			m.vp.ScrollDown(msg.Lines)
		} else {
			m.vp.ScrollUp(-msg.Lines)
		}
		return m, nil
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k, p := m.env.Keys, m.pledge
	switch {
	case key.Matches(msg, k.Open):
		if p.Project.ID == 0 {
			return m, nil
		}
		known := api.Project{ID: p.Project.ID, Title: p.Project.Title, Slug: p.Project.Slug, Category: p.Project.Category, CollectType: "lending"}
		return m, func() tea.Msg { return common.OpenProjectMsg{Project: known} }
	case key.Matches(msg, k.Copy):
		return m, CopyID(m.env, p)
	case key.Matches(msg, k.Browser):
		if u := labels.SlugURL(p.Project.Slug); u != "" {
			return m, common.OpenInBrowser(u, m.env.T.T("panes.opened"))
		}
		return m, nil
	}
	k.Scroll(&m.vp, msg)
	return m, nil
}

// CopyID copies a pledge's id, which support agents quote.
func CopyID(env *common.Env, p api.Pledge) tea.Cmd {
	id := fmt.Sprint(p.ID)
	return common.CopyAndTell(env.T, id, env.T.T("panes.pledges.id_copied", id))
}

// Help is the help bar's keys over a pledge: enter opens its project.
func (m Model) Help() []key.Binding { return m.env.Keys.PledgeDetailHelp() }

// View renders the title line and the scrolled body at exactly the size given.
func (m Model) View() string {
	if m.env == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	title := m.env.T.T("panes.pledge.title", m.pledge.ID, textsafe.Clean(m.pledge.Project.Title))
	lines := []string{common.DetailTitle(m.env.Styles, title, "", m.vp, m.width)}
	if m.height > 1 {
		lines = append(lines, strings.Split(m.vp.View(), "\n")...)
	}
	return common.Block(lines, m.width, m.height)
}

func (m Model) refresh() Model {
	if m.env == nil {
		return m
	}
	m.vp.SetWidth(m.width)
	m.vp.SetHeight(max(0, m.height-1))
	m.vp.SetContentLines(body(m.env, m.pledge, m.loan, max(1, m.width), m.privacy))
	return m
}
