// Package projects is the projects pane: every published project, filtered
// by order, category, type, region and keyword (all sent to the API), loaded
// page by page as the cursor nears the end of what is loaded. A status
// filter and the sorts by rate, duration and end, which the API lacks, are
// applied here to the rows loaded (arrange.go); G and those sorts load
// every page first, with their progress in the title, esc to stop.
package projects

import (
	"context"
	"errors"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/cache"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/export"
	"github.com/miimosa/miimosa/ui/list"
	"github.com/miimosa/miimosa/ui/projectdetail"
)

const (
	// debounce waits for a pause in typing before the keyword goes to the API.
	debounce = 300 * time.Millisecond
	// loadAhead asks for the next page when the cursor is this close to the
	// end of what is loaded, so scrolling rarely waits.
	loadAhead = 10
)

// pageMsg answers a page request; req is the request it answers, first
// whether it asked for the first page of the query.
type pageMsg struct {
	req   int
	first bool
	page  api.Page[api.Project]
	err   error
}

// debounceMsg fires after a pause in typing; seq is the keystroke it follows.
type debounceMsg struct{ seq int }

// Model is the projects pane.
type Model struct {
	env     *common.Env
	client  *api.Client
	focused bool
	privacy bool

	width, height int

	query api.ProjectQuery // what the loaded list answers (keyword included)
	items []api.Project
	list  list.Model // items formatted for display, built as pages arrive
	total api.Int
	next  string // rel="next" of the last page; "" when all is loaded
	// stale: items are the last good answer, kept on screen while r asks
	// for the same list again and after that fails; the reload's first
	// page replaces them.
	stale bool
	// cachedAt is when the list shown was fetched, when it came from the
	// cache (zero once the server answered): the title gives its age.
	cachedAt time.Time
	cache    *cache.Store // nil: no list is kept between runs
	host     string       // the API host the cache is kept for

	// One request in flight at a time: a new query cancels it and bumps req,
	// so its answer, if it still comes, is dropped.
	req     common.Request
	err     error
	initCmd tea.Cmd

	search    textinput.Model
	searching bool
	typed     int // keystrokes in the search box; a debounce tick for an older one is ignored

	menus []menu // the open pickers, innermost last

	// Applied here, to the rows loaded (arrange.go).
	status string     // "" or a project status: only those are shown
	sortBy clientSort // sortNone: the server's order

	// all: every page is being loaded (G, a sort, an export), one after
	// another; then the cursor goes to the last row (toEnd) or the export
	// prompt opens (toExport). esc stops it.
	all, toEnd, toExport bool

	export export.Model
}

// New returns the pane; Init starts loading (projects need no user) when
// there is a client (nil: no key yet, a ClientMsg brings one).
func New(env *common.Env, client *api.Client) Model {
	m := Model{env: env, client: client, query: api.ProjectQuery{Order: api.Orders[0]}, list: list.New(columns)}
	if env == nil {
		return m
	}
	m.search = common.KeywordInput(env.Styles, env.T.T("panes.projects.search_prompt"), env.T.T("panes.projects.search_hint"))
	m.export = export.New(env, "projects")
	m.list = m.list.SetTitles(m.titles())
	m, m.initCmd = m.reload()
	return m
}

// Init returns the first page request prepared by New.
func (m Model) Init() tea.Cmd { return m.initCmd }

// SetSize sets the size the pane renders at and lays the columns out.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	m.search.SetWidth(max(1, m.width-len([]rune(m.search.Prompt))-1))
	m.export = m.export.SetWidth(m.width)
	return m.fit()
}

// fit gives the list the rows left under the headers and above the
// footer, which change with the search box and a further page's error.
func (m Model) fit() Model {
	m.list = m.list.SetSize(m.width, m.bodyHeight())
	return m
}

// SetFocused says whether keys reach the pane.
func (m Model) SetFocused(f bool) Model {
	m.focused = f
	m.list = m.list.SetFocused(f)
	return m
}

// Capturing is true while the search box or a picker has the keyboard: a
// picker is modal, so tab, 1–3 and q act on it rather than leave it open
// behind another pane or quit with it on screen.
func (m Model) Capturing() bool { return m.searching || len(m.menus) > 0 || m.export.Active() }

// Busy reports a request in flight.
func (m Model) Busy() bool { return m.req.Busy() }

// Title is the pane's title with how many projects are loaded.
func (m Model) Title() string {
	if m.env == nil {
		return ""
	}
	f, t := m.env.Format, m.env.T.T
	n := f.Int(api.Int{Value: int64(len(m.items)), Valid: true})
	if m.status != "" {
		// Filtered here: how many of the rows loaded pass, and whether
		// those are all there are.
		shown := f.Int(api.Int{Value: int64(m.list.Len()), Valid: true})
		if m.next != "" {
			return t("lists.projects.count_local_partial", shown, n)
		}
		return t("panes.projects.count", shown, n)
	}
	switch {
	case m.total.Valid:
		return m.env.T.T("panes.projects.count", n, m.env.Format.Int(m.total))
	case m.next != "":
		return m.env.T.T("panes.projects.count_more", n)
	}
	return m.env.T.T("panes.projects.count_all", n)
}

// Query is the filters the list answers.
func (m Model) Query() api.ProjectQuery { return m.query }

// Selected is the project under the cursor.
func (m Model) Selected() (api.Project, bool) {
	i, ok := m.list.Selected()
	if !ok {
		return api.Project{}, false
	}
	return m.items[i], true
}

// reload drops the list and asks for the first page of the current query.
// A sort done here needs every page again.
func (m Model) reload() (Model, tea.Cmd) {
	m.items, m.next, m.total, m.stale, m.cachedAt = nil, "", api.Int{}, false, time.Time{}
	m.list, m.err = m.list.Clear(), nil
	m.all, m.toEnd, m.toExport = m.sortBy != sortNone, false, false
	m, cmd := m.fit().request(true)
	return m, tea.Batch(cmd, m.loadCached())
}

// refresh asks for the same list again (r) and keeps what is shown until
// the answer replaces it: a failed refresh leaves the last good list, with
// its error, rather than nothing.
func (m Model) refresh() (Model, tea.Cmd) {
	if len(m.items) == 0 {
		return m.reload()
	}
	m.err, m.stale = nil, true
	return m.request(true)
}

// request cancels what is in flight and asks for the first page or the next one.
func (m Model) request(first bool) (Model, tea.Cmd) {
	if m.client == nil {
		m.req.Abandon()
		return m, nil
	}
	ctx, req := m.req.Start()
	c, q, next := m.client, m.query, m.next
	if first {
		return m, func() tea.Msg {
			p, err := c.Projects(ctx, q)
			return pageMsg{req: req, first: true, page: p, err: err}
		}
	}
	return m, func() tea.Msg {
		p, err := c.ProjectsPage(ctx, next)
		return pageMsg{req: req, page: p, err: err}
	}
}

// loadMore asks for the next page when the rows loaded do not reach past
// the visible ones by loadAhead: the cursor nears the end, or the window is
// taller than what is loaded (short pages, a tall terminal). One request at
// a time; none after the last page or a failed one (r retries).
func (m Model) loadMore() (Model, tea.Cmd) {
	if m.req.Busy() || m.next == "" || m.err != nil || !m.all && !m.wantsMore() {
		return m, nil
	}
	return m.request(false)
}

// wantsMore reports whether the rows shown end before the visible window
// plus loadAhead, or before the cursor plus loadAhead. Rows a status
// filter hides do not count: pages keep coming until the window is full
// of rows that pass, or the list ends.
func (m Model) wantsMore() bool {
	need := max(m.list.Offset()+m.bodyHeight(), m.list.Cursor()+1) + loadAhead
	return m.list.Len() < need
}

// loadAll asks for every page left, one after another; then lands on the
// last row (G) or opens the export prompt.
func (m Model) loadAll(toEnd, toExport bool) (Model, tea.Cmd) {
	m.all, m.toEnd, m.toExport = true, toEnd, toExport
	if m.err != nil && len(m.items) > 0 {
		m.err = nil // a further page failed: this asks for it again
	}
	return m.loaded()
}

// loaded ends a load of every page once the last one is in.
func (m Model) loaded() (Model, tea.Cmd) {
	if !m.all || m.next != "" || m.stale || m.req.Busy() {
		return m.loadMore()
	}
	toEnd, toExport := m.toEnd, m.toExport
	m.all, m.toEnd, m.toExport = false, false, false
	if toEnd {
		m.list = m.list.MoveTo(m.list.Len() - 1)
	}
	if toExport {
		return m.startExport()
	}
	return m, nil
}

// stopLoading is esc while every page is loading: what is loaded stays,
// the cursor where it is.
func (m Model) stopLoading() Model {
	m.all, m.toEnd, m.toExport = false, false, false
	if !m.stale {
		m.req.Abandon()
	}
	return m
}

// setQuery applies new filters: the list reloads from the first page.
func (m Model) setQuery(q api.ProjectQuery) (Model, tea.Cmd) {
	m.query = q
	return m.reload()
}

// Update handles answers, the root's messages and, when focused, keys.
// After any of them it asks for the next page if the window is not full:
// SetSize returns no command, so a pane made taller fills on the next
// message it gets.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	m, cmd := m.update(msg)
	m = m.fit() // the search box and a further page's error take rows
	if m.env == nil || m.req.Busy() {
		return m, cmd
	}
	m, more := m.loadMore()
	return m, tea.Batch(cmd, more)
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	if m.env == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case pageMsg:
		return m.gotPage(msg)
	case cachedMsg:
		return m.gotCached(msg)
	case debounceMsg:
		if msg.seq != m.typed || m.search.Value() == m.query.Keyword {
			return m, nil // more typing followed, or nothing changed
		}
		q := m.query
		q.Keyword = m.search.Value()
		return m.setQuery(q)
	case common.ClientMsg:
		m.client = msg.Client
		return m.reload()
	case common.EnvMsg:
		m.env = msg.Env
		m.search.SetStyles(common.InputStyles(m.env.Styles))
		m.export = m.export.Restyle(m.env)
		return m, nil
	case common.PrivacyMsg:
		m.privacy = msg.On
		m.list = m.list.SetRows(m.buildRows(m.items, nil))
		return m.arrange(), nil
	case common.ClickMsg:
		return m.click(msg), nil
	case common.WheelMsg:
		return m.wheel(msg.Lines), nil
	case tea.KeyPressMsg:
		if !m.focused {
			return m, nil
		}
		return m.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case m.export.Active():
			return m.updateExport(msg)
		case len(m.menus) > 0:
			return m.menuPaste(msg.Content), nil
		}
	}
	if m.export.Active() {
		return m.updateExport(msg) // the write's answer
	}
	return m, nil
}

func (m Model) updateExport(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.export, cmd = m.export.Update(msg)
	return m, cmd
}

// click selects the row, or the picker's choice, under the pointer; y
// counts from the pane's top (the title, the filters, then the header or
// the picker).
func (m Model) click(msg common.ClickMsg) Model {
	if len(m.menus) > 0 {
		menus := append([]menu(nil), m.menus...)
		top := &menus[len(menus)-1]
		*top = top.clickAt(msg.Y-1-len(m.filtersLines()), m.height-1-len(m.filtersLines()))
		m.menus = menus
		return m
	}
	if len(m.items) == 0 {
		return m
	}
	m.list, _ = m.list.Click(msg.Y - m.headerLines())
	return m
}

// wheel scrolls the picker or the list by lines.
func (m Model) wheel(lines int) Model {
	if len(m.menus) > 0 {
		menus := append([]menu(nil), m.menus...)
		top := &menus[len(menus)-1]
		top.cursor = max(0, min(top.cursor+lines, len(top.shown)-1))
		m.menus = menus
		return m
	}
	m.list = m.list.Wheel(lines)
	return m
}

func (m Model) gotPage(msg pageMsg) (Model, tea.Cmd) {
	if !m.req.Answered(msg.req) {
		return m, nil // superseded by a newer query, or already answered
	}
	if msg.err != nil {
		if !errors.Is(msg.err, context.Canceled) {
			m.err = msg.err
		}
		return m, nil
	}
	m.err = nil
	var save tea.Cmd
	if msg.first {
		save = m.saveCached(msg.page)
	}
	if m.stale {
		// The refresh's first page replaces the list kept on screen; the
		// cursor stays on its project, or on the same row as far as the
		// new list goes.
		m.items, m.total, m.stale, m.cachedAt = nil, api.Int{}, false, time.Time{}
		m.items = append(m.items, msg.page.Items...)
		m.list = m.list.SetRows(m.buildRows(msg.page.Items, nil))
		m = m.arrange()
	} else {
		from := len(m.items)
		m.items = append(m.items, msg.page.Items...)
		m.list = m.list.Append(m.buildRows(msg.page.Items, nil)...)
		m = m.arrangeFrom(from)
	}
	m.next = msg.page.Next
	if msg.page.Total.Valid {
		m.total = msg.page.Total
	}
	m, cmd := m.fit().loaded()
	return m, tea.Batch(save, cmd)
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.env.Keys
	switch {
	case m.export.Active():
		return m.updateExport(msg)
	case m.searching:
		return m.searchKey(msg)
	case len(m.menus) > 0:
		return m.menuKey(msg)
	case m.all && key.Matches(msg, k.Back):
		return m.stopLoading(), nil
	case key.Matches(msg, k.Bottom) && m.next != "":
		// The real last row is further than what is loaded: load it all,
		// then go there.
		return m.loadAll(true, false)
	}
	if l, ok := m.list.HandleKey(k, msg); ok {
		m.list = l
		m.toEnd = false // moved elsewhere: the load goes on, the jump does not
		return m.loadMore()
	}
	switch {
	case key.Matches(msg, k.Open):
		p, ok := m.Selected()
		if !ok {
			return m, nil
		}
		return m, func() tea.Msg { return common.OpenProjectMsg{Project: p} }
	case key.Matches(msg, k.Search):
		m.searching = true
		m.search.SetValue(m.query.Keyword)
		m.search.CursorEnd()
		focus := m.search.Focus()
		return m, focus
	case key.Matches(msg, k.Sort):
		return m.nextSort()
	case key.Matches(msg, k.Type):
		q := m.query
		q.Type = cycle(api.CollectTypes, q.Type, true)
		return m.setQuery(q)
	case key.Matches(msg, k.Category):
		m.menus = []menu{m.newMenu(fieldCategory)}
		return m, nil
	case key.Matches(msg, k.Filters):
		m.menus = []menu{m.newMenu(fieldAll)}
		return m, nil
	case key.Matches(msg, k.Clear):
		if m.query == (api.ProjectQuery{Order: m.query.Order}) && !m.local() {
			return m, nil
		}
		m.search.SetValue("")
		m.status, m.sortBy = "", sortNone
		return m.setQuery(api.ProjectQuery{Order: m.query.Order})
	case key.Matches(msg, k.Export):
		if m.next != "" && !m.privacy {
			return m.loadAll(false, true) // the whole list, not the pages seen
		}
		return m.startExport()
	case key.Matches(msg, k.Reload):
		if m.err != nil && !m.stale && len(m.items) > 0 && m.next != "" {
			// A further page failed: ask for it again, keep what is loaded.
			m.err = nil
			return m.request(false)
		}
		return m.refresh()
	case key.Matches(msg, k.Browser):
		if p, ok := m.Selected(); ok {
			return m, projectdetail.BrowseCmd(m.env, p)
		}
	case key.Matches(msg, k.Copy):
		if p, ok := m.Selected(); ok {
			return m, projectdetail.CopyURLCmd(m.env, p)
		}
	}
	return m, nil
}

// nextSort is s: the API's orders, then the sorts done here (best rate,
// shortest duration, ending soonest) over the last API order, then back.
func (m Model) nextSort() (Model, tea.Cmd) {
	if m.sortBy != sortNone {
		i := slices.Index(clientSorts, m.sortBy) + 1
		if i < len(clientSorts) {
			return m.setSort(clientSorts[i])
		}
		m.sortBy = sortNone
		q := m.query
		q.Order = api.Orders[0]
		if q == m.query {
			return m.arrange(), nil
		}
		return m.setQuery(q)
	}
	if m.query.Order == api.Orders[len(api.Orders)-1] {
		return m.setSort(clientSorts[1])
	}
	q := m.query
	q.Order = cycle(api.Orders, q.Order, false)
	return m.setQuery(q)
}

// setSort orders the rows here by s, from the top; every page is loaded
// first, since the best rate may be on the last one.
func (m Model) setSort(s clientSort) (Model, tea.Cmd) {
	m.sortBy = s
	m = m.arrange()
	m.list = m.list.MoveTo(0)
	if s == sortNone || m.next == "" {
		return m, nil
	}
	return m.loadAll(false, false)
}

// setStatus shows only the projects in status ("": all).
func (m Model) setStatus(status string) (Model, tea.Cmd) {
	m.status = status
	m = m.arrange()
	m.list = m.list.MoveTo(0)
	return m.loadMore()
}

// searchKey types into the search box. The keyword goes to the API after
// a pause (debounce) or at once on enter; esc drops it.
func (m Model) searchKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.env.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.searching = false
		m.search.Blur()
		m.search.SetValue("")
		m.typed++ // a pending tick must not apply what was typed
		if m.query.Keyword == "" {
			return m, nil
		}
		q := m.query
		q.Keyword = ""
		return m.setQuery(q)
	case key.Matches(msg, k.Open):
		m.searching = false
		m.search.Blur()
		m.typed++
		if m.search.Value() == m.query.Keyword {
			return m, nil
		}
		q := m.query
		q.Keyword = m.search.Value()
		return m.setQuery(q)
	}
	before := m.search.Value()
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	if m.search.Value() == before {
		return m, cmd
	}
	m.typed++
	seq := m.typed
	return m, tea.Batch(cmd, tea.Tick(debounce, func(time.Time) tea.Msg { return debounceMsg{seq: seq} }))
}

// headerLines are the title, the filters (one line, two when many are
// set) and the column headers.
func (m Model) headerLines() int { return 2 + len(m.filtersLines()) }

// bodyHeight is how many rows fit under the headers and above the footer.
func (m Model) bodyHeight() int {
	h := m.height - m.headerLines()
	if m.searching {
		h-- // the search box
	}
	if m.err != nil && len(m.items) > 0 {
		h-- // the error of a failed further page, under the rows
	}
	h -= m.export.Height()
	return max(0, h)
}

// cycle steps through values; withAll puts "" (no filter) before the first.
func cycle(values []string, cur string, withAll bool) string {
	all := values
	if withAll {
		all = append([]string{""}, values...)
	}
	for i, v := range all {
		if v == cur {
			return all[(i+1)%len(all)]
		}
	}
	return all[0]
}

// Err is the pane's error while it is failing, nil once it recovers: the
// root shows it on the status line.
func (m Model) Err() error { return m.err }

// Help is the help bar's keys for what the pane shows now.
func (m Model) Help() []key.Binding {
	switch k := m.env.Keys; {
	case m.searching, m.export.Active():
		return k.SearchHelp()
	case len(m.menus) > 0:
		return k.PickerHelp()
	default:
		return k.ProjectsHelp()
	}
}
