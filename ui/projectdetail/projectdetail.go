// Package projectdetail shows one project: every field the client knows,
// the long description wrapped to the area, rewards or lending terms, and
// every other field the server sent, in a scrollable view.
//
// The root model owns it: a pane asks for a project with
// common.OpenProjectMsg, the root opens the detail over the whole main area
// and closes it on esc, cancelling its load.
package projectdetail

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/ui/common"
)

// loadedMsg answers a load. tag tells which detail asked (the root numbers
// the details it opens), seq which of its loads: an answer for a detail
// closed since, or for a superseded load, is dropped.
type loadedMsg struct {
	tag, seq int
	project  api.Project
	err      error
}

// Model is the project detail.
type Model struct {
	env     *common.Env
	client  *api.Client
	tag     int
	id      int64
	project api.Project
	known   bool // project holds at least the list's fields
	full    bool // the detail endpoint answered
	gone    bool // 404
	err     error
	req     common.Request

	initCmd tea.Cmd // the first load, prepared by New so Init can stay a pure getter

	width, height int
	privacy       bool
	vp            viewport.Model
}

// New returns a detail for p, showing at once what is known of it (at
// least p.ID; a list row knows most fields); Init loads the full detail.
// tag must differ between the details alive at once: their answers carry it.
func New(env *common.Env, client *api.Client, p api.Project, tag int) Model {
	m := Model{env: env, client: client, tag: tag, id: p.ID, project: p, known: p.Title != "", vp: viewport.New()}
	m, m.initCmd = m.load()
	return m
}

// Init returns the first load prepared by New.
func (m Model) Init() tea.Cmd { return m.initCmd }

func (m Model) load() (Model, tea.Cmd) {
	if m.client == nil {
		m.req.Abandon()
		return m.refresh(), nil
	}
	ctx, seq := m.req.Start()
	m.err = nil
	c, id, tag := m.client, m.id, m.tag
	return m.refresh(), func() tea.Msg {
		p, err := c.Project(ctx, id)
		return loadedMsg{tag: tag, seq: seq, project: p, err: err}
	}
}

// ID is the project shown.
func (m Model) ID() int64 { return m.id }

// Project is what is known of the project so far.
func (m Model) Project() api.Project { return m.project }

// SetSize sets the size the detail renders at.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	return m.refresh()
}

// SetFocused is part of the pane contract; a detail is only ever shown in
// front, with the keyboard.
func (m Model) SetFocused(bool) Model { return m }

// SetPrivacy masks every amount; a detail opened while privacy is on
// must be told, as it missed the PrivacyMsg.
func (m Model) SetPrivacy(on bool) Model {
	m.privacy = on
	return m.refresh()
}

// Capturing is false: the detail has no text input.
func (m Model) Capturing() bool { return false }

// Busy reports a load in flight.
func (m Model) Busy() bool { return m.req.Busy() }

// Close cancels a load in flight; the root calls it when the detail closes.
func (m Model) Close() Model {
	m.req.Abandon()
	return m
}

// Update handles the detail's answers, the root's messages and keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.env == nil {
		return m, nil // the zero Model: nothing to show or load
	}
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.tag != m.tag || !m.req.Answered(msg.seq) {
			return m, nil // another detail's answer, or a superseded load
		}
		switch {
		case msg.err == nil:
			m.project, m.known, m.full, m.err, m.gone = msg.project, true, true, nil, false
		case errors.Is(msg.err, context.Canceled):
		case errors.Is(msg.err, api.ErrNotFound):
			m.gone, m.err = true, nil
		default:
			m.err = msg.err
		}
		return m.refresh(), nil
	case common.PrivacyMsg:
		return m.SetPrivacy(msg.On), nil
	case common.EnvMsg:
		m.env = msg.Env
		return m.refresh(), nil
	case common.ClientMsg:
		m.client = msg.Client
		if !m.full {
			return m.load()
		}
		return m, nil
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
	k := m.env.Keys
	switch {
	case key.Matches(msg, k.Reload):
		return m.load()
	case key.Matches(msg, k.Browser):
		return m, BrowseCmd(m.env, m.project)
	case key.Matches(msg, k.Copy):
		return m, CopyURLCmd(m.env, m.project)
	}
	k.Scroll(&m.vp, msg)
	return m, nil
}

// Help is the help bar's keys over a project's detail.
func (m Model) Help() []key.Binding { return m.env.Keys.DetailHelp() }

// BrowseCmd opens the project's page in the browser.
func BrowseCmd(env *common.Env, p api.Project) tea.Cmd {
	u := labels.ProjectURL(p)
	if u == "" {
		return func() tea.Msg { return common.StatusMsg{Text: env.T.T("panes.no_url")} }
	}
	return common.OpenInBrowser(u, env.T.T("panes.opened"))
}

// CopyURLCmd copies the project's page address.
func CopyURLCmd(env *common.Env, p api.Project) tea.Cmd {
	u := labels.ProjectURL(p)
	if u == "" {
		return func() tea.Msg { return common.StatusMsg{Text: env.T.T("panes.no_url")} }
	}
	return common.CopyAndTell(env.T, u, env.T.T("panes.url_copied"))
}
