// Package projectdetail shows one project: every field the client knows,
// the long description wrapped to the pane, rewards or lending terms, and
// every other field the server sent, in a scrollable view.
//
// The root opens it for a pledge's project (common.OpenProjectMsg); the
// projects pane opens it in place on enter. On esc it emits CloseMsg.
package projectdetail

import (
	"context"
	"errors"
	"sync/atomic"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/ui/common"
)

// CloseMsg is emitted when the person leaves the detail (esc). Whoever
// opened the detail closes it.
type CloseMsg struct{ ID int64 }

// loadedMsg answers a load; req tells which detail (and which load) asked,
// since several details may live at once (the root's and the projects pane's).
type loadedMsg struct {
	req     uint64
	project api.Project
	err     error
}

// requests numbers loads across every detail, so answers never cross.
var requests atomic.Uint64

// Model is the project detail.
type Model struct {
	env     *common.Env
	client  *api.Client
	id      int64
	project api.Project
	known   bool // project holds at least the list's fields
	full    bool // the detail endpoint answered
	gone    bool // 404
	err     error
	loading bool
	req     uint64
	cancel  context.CancelFunc

	initCmd tea.Cmd // the first load, prepared by New so Init can stay a pure getter

	width, height int
	focused       bool
	privacy       bool
	vp            viewport.Model
}

// New returns a detail for project id; Init returns the command that loads
// it. It starts focused: it is opened by a keystroke and shown in front.
func New(env *common.Env, id int64) Model {
	var c *api.Client
	if env != nil {
		c = env.Client
	}
	return newModel(env, c, id, api.Project{}, false)
}

// NewFromProject shows what the list already knows at once; Init then loads
// the full detail (long description, rewards).
func NewFromProject(env *common.Env, p api.Project) Model {
	var c *api.Client
	if env != nil {
		c = env.Client
	}
	return newModel(env, c, p.ID, p, true)
}

// NewWithClient is NewFromProject with the client the caller holds (a pane
// that got a ClientMsg after env was built).
func NewWithClient(env *common.Env, c *api.Client, p api.Project) Model {
	return newModel(env, c, p.ID, p, true)
}

func newModel(env *common.Env, c *api.Client, id int64, p api.Project, known bool) Model {
	m := Model{env: env, client: c, id: id, project: p, known: known, focused: true, vp: viewport.New()}
	m, m.initCmd = m.load()
	return m
}

// Init returns the first load prepared by New.
func (m Model) Init() tea.Cmd { return m.initCmd }

func (m Model) load() (Model, tea.Cmd) {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel = nil
	if m.client == nil {
		m.loading = false
		return m.refresh(), nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.req = requests.Add(1)
	m.cancel, m.loading, m.err = cancel, true, nil
	c, id, req := m.client, m.id, m.req
	return m.refresh(), func() tea.Msg {
		p, err := c.Project(ctx, id)
		return loadedMsg{req: req, project: p, err: err}
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

// SetFocused says whether keys reach the detail.
func (m Model) SetFocused(f bool) Model { m.focused = f; return m }

// SetPrivacy masks every amount; a detail opened while privacy is on
// must be told, as it missed the PrivacyMsg.
func (m Model) SetPrivacy(on bool) Model {
	m.privacy = on
	return m.refresh()
}

// Capturing is false: the detail has no text input.
func (m Model) Capturing() bool { return false }

// Busy reports a load in flight.
func (m Model) Busy() bool { return m.loading }

// Close cancels a load in flight; call it when dropping the model.
func (m Model) Close() {
	if m.cancel != nil {
		m.cancel()
	}
}

// Update handles the detail's answers, the root's messages and, when
// focused, keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.env == nil {
		return m, nil // the zero Model: nothing to show or load
	}
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.req != m.req {
			return m, nil // another detail's answer, or a superseded load
		}
		if m.cancel != nil {
			m.cancel() // the request is over: release its context
		}
		m.loading, m.cancel = false, nil
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
	case common.ClientMsg:
		m.client = msg.Client
		if !m.full {
			return m.load()
		}
		return m, nil
	case tea.KeyPressMsg:
		if !m.focused {
			return m, nil
		}
		return m.handleKey(msg)
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.env.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.Close()
		m.loading = false
		return m, func() tea.Msg { return CloseMsg{ID: m.id} }
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
	return common.CopyText(u, env.T.T("panes.url_copied"))
}
