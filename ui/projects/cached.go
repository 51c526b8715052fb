package projects

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/cache"
)

// The last list seen for the same filters, from the cache: shown at once
// while the first page is asked for, marked with its age, and replaced by
// that page when it comes. Only public project data goes there.

// cachedMsg is what the cache held for query, for the request req: once
// that request is answered (or superseded) it is dropped.
type cachedMsg struct {
	req   int
	query api.ProjectQuery
	entry cache.Entry
}

// WithCache makes the pane open each list with the last one seen for the
// same filters on host. A nil store keeps nothing (--no-cache, --demo).
func (m Model) WithCache(st *cache.Store, host string) Model {
	m.cache, m.host = st, host
	if m.env != nil {
		m, m.initCmd = m.reload()
	}
	return m
}

// loadCached reads the cache for the request about to go out; nothing
// comes back when it holds nothing usable.
func (m Model) loadCached() tea.Cmd {
	st, host, q, req := m.cache, m.host, m.query, m.req.Seq()
	if st == nil || !m.req.Busy() {
		return nil
	}
	return func() tea.Msg {
		e, ok, _ := st.Load(host, q) // a refused file is as good as none
		if !ok || len(e.Items) == 0 {
			return nil
		}
		return cachedMsg{req: req, query: q, entry: e}
	}
}

// gotCached shows the cached list while the first page is still on its
// way; afterwards, or for other filters, it is too late and dropped.
func (m Model) gotCached(msg cachedMsg) (Model, tea.Cmd) {
	if msg.req != m.req.Seq() || !m.req.Busy() || msg.query != m.query || len(m.items) > 0 {
		return m, nil
	}
	m.items = msg.entry.Items
	m.total = msg.entry.Total
	m.list = m.list.SetRows(m.buildRows(m.items, nil))
	m = m.arrange()
	m.stale, m.cachedAt = true, msg.entry.FetchedAt // the first page replaces them
	return m.fit(), nil
}

// saveCached keeps a fresh first page for the next start, in a command:
// the store writes and syncs a file.
func (m Model) saveCached(p api.Page[api.Project]) tea.Cmd {
	st, host, q := m.cache, m.host, m.query
	if st == nil || len(p.Items) == 0 {
		return nil
	}
	return func() tea.Msg {
		_ = st.Save(host, q, p.Items, p.Total) // a full disk only costs the next start a wait
		return nil
	}
}

// age says how old the list shown is, "" when it is the server's answer.
func (m Model) age() string {
	if m.cachedAt.IsZero() {
		return ""
	}
	t := m.env.T.T
	d := max(0, m.env.Now().Sub(m.cachedAt))
	switch {
	case d < time.Minute:
		return t("panes.projects.updated_now")
	case d < time.Hour:
		return t("panes.projects.updated_min", int(d/time.Minute))
	case d < 48*time.Hour:
		return t("panes.projects.updated_hours", int(d/time.Hour))
	}
	return t("panes.projects.updated_days", int(d/(24*time.Hour)))
}
