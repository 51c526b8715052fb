// Package pledges is the pledges pane: the lending pledges of the person
// looked up, every page of them, with totals, a local filter and a sort.
// enter asks the root for the pledge's detail (ui/pledgedetail); v shows
// the same pledges as their next repayments by date; e exports them.
package pledges

import (
	"context"
	"errors"
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/export"
	"github.com/miimosa/miimosa/ui/list"
	"github.com/miimosa/miimosa/ui/pledgedetail"
)

// limits bound the walk over a person's pledges: far above any real
// lender (the biggest demo one has 420), far below what a server inventing
// pages could make the terminal hold.
var limits = api.Limits{MaxPages: 200, MaxItems: 20_000}

// pageMsg is one step of the walk over a person's pledges: a page, the
// error that ended it (after every page before), or its end. gen is the
// lookup and req the walk it belongs to, so a previous caller's or a
// superseded walk's step is dropped.
type pageMsg struct {
	gen, req int
	page     api.Page[api.Pledge]
	err      error
	end      bool
	feed     <-chan api.PageResult[api.Pledge] // where the next step comes from
}

// Model is the pledges pane.
type Model struct {
	env     *common.Env
	client  *api.Client
	focused bool
	privacy bool

	width, height int

	user api.User
	gen  int

	items []api.Pledge // every pledge loaded, in the server's order
	list  list.Model   // items formatted, in the same order, shown filtered and sorted
	hay   []string     // items' searchable text, parallel to items
	dues  []common.Due // what each item owes next, parallel to items
	owes  []bool       // whether it owes anything, parallel to items
	done  bool         // the last page arrived
	total api.Int      // how many the server has, from the Total header; may be unknown
	// stale: items are the last good answer, kept on screen while r asks
	// for them again and after that fails; the reload's first page
	// replaces them.
	stale bool

	// One request in flight at a time; pages are followed one after another.
	req common.Request
	err error

	// Derived in Update: the totals of the pledges the filter keeps.
	totals totals
	sortBy int // index into sorts; 0 is the server's order

	// upcoming (v): the shown pledges' next repayments, one row per date.
	upcoming     list.Model
	showUpcoming bool

	filter    textinput.Model
	filtering bool

	export export.Model

	// report is the insight pane's report of these pledges, for the
	// pledge detail's schedule and return; nil until one came.
	report    *insight.Report
	reportSeq int

	// announcing: the pledges were announced and the announcement has
	// not come back through the root yet; busy till then, so nothing
	// waiting for the screen to settle sees the gap before the insight
	// pane starts computing.
	announcing bool
}

// New returns an empty pane; it loads once a UserMsg names someone.
func New(env *common.Env, client *api.Client) Model {
	m := Model{env: env, client: client, list: list.New(columns), upcoming: list.New(dueColumns)}
	if env == nil {
		return m
	}
	m.filter = common.KeywordInput(env.Styles, env.T.T("panes.pledges.filter_prompt"), env.T.T("panes.pledges.filter_hint"))
	m.export = export.New(env, "pledges")
	m.upcoming = m.upcoming.SetTitles(m.dueTitles())
	return m.retitle()
}

// Init does nothing: nobody is looked up yet.
func (m Model) Init() tea.Cmd { return nil }

// SetSize sets the size the pane renders at and lays the columns out.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	m.filter.SetWidth(max(1, m.width-len([]rune(m.filter.Prompt))-1))
	m.export = m.export.SetWidth(m.width)
	return m.fit()
}

// fit gives the list the rows left between the header and the footer,
// which changes with the totals, an error and the filter box.
func (m Model) fit() Model {
	m.list = m.list.SetSize(m.width, m.bodyHeight())
	m.upcoming = m.upcoming.SetSize(m.width, m.bodyHeight())
	return m
}

// SetFocused says whether keys reach the pane.
func (m Model) SetFocused(f bool) Model {
	m.focused = f
	m.list = m.list.SetFocused(f)
	m.upcoming = m.upcoming.SetFocused(f)
	return m
}

// Capturing is true while the filter box or the export prompt has the
// keyboard.
func (m Model) Capturing() bool { return m.filtering || m.export.Active() }

// Busy reports pages still loading.
func (m Model) Busy() bool { return m.req.Busy() || m.announcing }

// Pledges is every pledge loaded; Shown the ones the filter keeps, in order.
func (m Model) Pledges() []api.Pledge { return m.items }

// Shown returns the pledges the filter keeps, sorted.
func (m Model) Shown() []api.Pledge {
	shown := m.list.Shown()
	out := make([]api.Pledge, len(shown))
	for i, j := range shown {
		out[i] = m.items[j]
	}
	return out
}

// Title is the pane's title with the count. Until every page is in it
// says how many of how many are loaded, so a list cut short by a failed
// page never passes for the whole.
func (m Model) Title() string {
	if m.env == nil {
		return ""
	}
	f, t := m.env.Format, m.env.T.T
	n := f.Int(api.Int{Value: int64(len(m.items)), Valid: true})
	partial := m.partial()
	switch {
	case m.filter.Value() != "" && partial:
		return t("panes.pledges.count_filtered_partial", f.Int(api.Int{Value: int64(m.list.Len()), Valid: true}), n)
	case m.filter.Value() != "":
		return t("panes.pledges.count_filtered", f.Int(api.Int{Value: int64(m.list.Len()), Valid: true}), n)
	case partial && m.total.Valid && m.total.Value > int64(len(m.items)):
		return t("panes.pledges.count_partial", n, f.Int(m.total))
	case partial && !m.req.Busy():
		return t("panes.pledges.count_more", n)
	}
	return t("panes.pledges.count", n)
}

// partial is true while some pledges are loaded but not every page is:
// the list and its totals are not the whole yet.
func (m Model) partial() bool { return !m.done && len(m.items) > 0 }

// clear forgets the person: data leaves memory and screen.
func (m Model) clear() Model {
	m.req.Abandon()
	m.user = api.User{}
	m.items, m.hay, m.dues, m.owes, m.list = nil, nil, nil, nil, m.list.Clear()
	m.upcoming = m.upcoming.Clear()
	m.totals, m.done, m.err, m.total, m.stale = totals{}, false, nil, api.Int{}, false
	m.export = m.export.Close() // the previous caller's table goes with them
	m.report, m.reportSeq, m.announcing = nil, 0, false
	return m
}

// unfiltered drops the filter and the sort: a new person's pledges start
// as the server orders them, not narrowed by what the last caller needed.
func (m Model) unfiltered() Model {
	m.filtering = false
	m.filter.Blur()
	m.filter.SetValue("")
	m.sortBy, m.showUpcoming = 0, false
	return m.retitle()
}

// reload asks for the first page again, for the same person.
func (m Model) reload() (Model, tea.Cmd) {
	user := m.user
	m = m.clear()
	m.user = user
	if user == (api.User{}) {
		return m, nil
	}
	return m.walk(nil)
}

// refresh asks for the same person's pledges again (r) and keeps what is
// shown until the answer replaces it: a failed refresh leaves the last
// good list, with its error, rather than nothing.
func (m Model) refresh() (Model, tea.Cmd) {
	if len(m.items) == 0 || m.client == nil {
		return m.reload()
	}
	m.stale = true
	return m.walk(nil)
}

// walk starts the one bounded walk over the person's pledges (api.Feed):
// pages come in order, several fetched at once once the first says how
// many there are, and it stops on a loop or past the limits with what was
// loaded kept. first is the first page when the lookup already fetched it.
func (m Model) walk(first *api.Page[api.Pledge]) (Model, tea.Cmd) {
	if m.client == nil {
		m.req.Abandon()
		return m, nil
	}
	ctx, req := m.req.Start()
	m.err = nil
	c, u, gen := m.client, m.user, m.gen
	return m, func() tea.Msg {
		pages := c.PledgePages(ctx, u, common.PledgesPerPage, api.WithLimits(limits))
		if first != nil {
			pages = c.PledgePagesAfter(ctx, u, *first, common.PledgesPerPage, api.WithLimits(limits))
		}
		return nextStep(api.Feed(ctx, pages), gen, req)()
	}
}

// nextStep waits for the walk's next step.
func nextStep(feed <-chan api.PageResult[api.Pledge], gen, req int) tea.Cmd {
	return func() tea.Msg {
		r, ok := <-feed
		if !ok {
			return pageMsg{gen: gen, req: req, end: true, feed: feed}
		}
		return pageMsg{gen: gen, req: req, page: r.Page, err: r.Err, feed: feed}
	}
}

// Update handles answers, the root's messages and, when focused, keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	m, cmd := m.update(msg)
	return m.fit(), cmd // the totals, an error and the filter box take rows
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	if m.env == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case common.UserMsg:
		if msg.Gen < m.gen {
			return m, nil // an older lookup overtaken by a newer one
		}
		m = m.clear().unfiltered()
		m.gen, m.user = msg.Gen, msg.User
		if m.user == (api.User{}) {
			return m, nil
		}
		return m.walk(msg.First)
	case pageMsg:
		return m.gotPage(msg)
	case common.InsightMsg:
		return m.takeReport(msg), nil
	case common.PledgesMsg:
		if msg.Gen == m.gen {
			m.announcing = false // heard: the insight pane has it too
		}
		return m, nil
	case common.ClientMsg:
		m.client = msg.Client
		return m.reload()
	case common.EnvMsg:
		m.env = msg.Env
		m.filter.SetStyles(common.InputStyles(m.env.Styles))
		m.export = m.export.Restyle(m.env)
		return m, nil
	case common.PrivacyMsg:
		m.privacy = msg.On
		order := m.list.Shown()
		m.list = m.list.SetRows(m.buildRows(m.items, nil)).SetOrder(order)
		return m.derive(), nil
	case common.ClickMsg:
		return m.click(msg), nil
	case common.WheelMsg:
		if m.showUpcoming {
			m.upcoming = m.upcoming.Wheel(msg.Lines)
		} else {
			m.list = m.list.Wheel(msg.Lines)
		}
		return m, nil
	case tea.KeyPressMsg:
		if !m.focused {
			return m, nil
		}
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.export.Active() {
			return m.updateExport(msg)
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

// click selects the row under the pointer (y counts from the pane's top:
// the title, then the header, then the rows).
func (m Model) click(msg common.ClickMsg) Model {
	y := msg.Y - 2
	if m.showUpcoming {
		m.upcoming, _ = m.upcoming.Click(y)
	} else if len(m.items) > 0 {
		m.list, _ = m.list.Click(y)
	}
	return m
}

func (m Model) gotPage(msg pageMsg) (Model, tea.Cmd) {
	if msg.gen != m.gen || msg.req != m.req.Seq() || !m.req.Busy() {
		return m, nil // another person's, or a superseded walk's
	}
	if msg.end {
		m.req.Answered(msg.req)
		m.done = m.err == nil
		return m.announce()
	}
	if msg.err != nil {
		// The walk ends on it: what was loaded stays, with what stopped it
		// (a failed page, or a server that pages in circles or forever).
		m.req.Answered(msg.req)
		if errors.Is(msg.err, context.Canceled) {
			return m, nil
		}
		m.err = msg.err
		return m.announce()
	}
	items := msg.page.Items
	if m.stale {
		// The refresh's first page replaces the list kept on screen; the
		// cursor follows its pledge when that is in this page.
		m.items, m.hay, m.dues, m.owes = nil, nil, nil, nil
		m.list = m.list.SetRows(m.buildRows(items, nil))
		m.done, m.total, m.stale = false, api.Int{}, false
	} else {
		m.list = m.list.Append(m.buildRows(items, nil)...)
	}
	if msg.page.Total.Valid {
		m.total = msg.page.Total
	}
	m.items = append(m.items, items...)
	m.hay = m.buildHay(items, m.hay)
	m.dues, m.owes = m.buildDues(items, m.dues, m.owes)
	m = m.derive()
	// Rows show as pages arrive; the walk brings the next one.
	return m, nextStep(msg.feed, msg.gen, msg.req)
}

// announce tells every pane the pledges once the walk is over, whole or
// cut short: the insight pane computes its figures from them. The slice is
// clipped, so that no later append writes into what the others read.
func (m Model) announce() (Model, tea.Cmd) {
	m.announcing = true
	msg := common.PledgesMsg{Gen: m.gen, Pledges: slices.Clip(m.items), Partial: !m.done}
	return m, func() tea.Msg { return msg }
}

// takeReport keeps the newest report of this person's pledges.
func (m Model) takeReport(msg common.InsightMsg) Model {
	if msg.Gen != m.gen || msg.Seq <= m.reportSeq {
		return m
	}
	m.report, m.reportSeq = msg.Report, msg.Seq
	return m
}

// loan is the report's view of pledge p, nil when there is no report yet.
func (m Model) loan(p api.Pledge) *insight.Loan {
	if m.report == nil {
		return nil
	}
	if l, ok := m.report.Loan(p.ID); ok {
		return l
	}
	return nil
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.env.Keys
	if m.export.Active() {
		return m.updateExport(msg)
	}
	if m.filtering {
		switch {
		case key.Matches(msg, k.Back):
			m.filtering = false
			m.filter.Blur()
			m.filter.SetValue("")
			return m.derive(), nil
		case key.Matches(msg, k.Open):
			m.filtering = false
			m.filter.Blur()
			return m, nil
		}
		before := m.filter.Value()
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(msg)
		if m.filter.Value() != before {
			m = m.derive()
		}
		return m, cmd
	}
	if m.showUpcoming {
		if l, ok := m.upcoming.HandleKey(k, msg); ok {
			m.upcoming = l
			return m, nil
		}
	} else if l, ok := m.list.HandleKey(k, msg); ok {
		m.list = l
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Search):
		m.filtering = true
		m.filter.CursorEnd()
		return m, m.filter.Focus()
	case key.Matches(msg, k.Back), key.Matches(msg, k.Clear):
		if m.filter.Value() != "" {
			m.filter.SetValue("")
			return m.derive(), nil
		}
	case key.Matches(msg, k.View):
		m.showUpcoming = !m.showUpcoming
		if m.showUpcoming {
			m.upcoming = m.upcoming.MoveTo(0) // read from the soonest date
		}
		return m, nil
	case key.Matches(msg, k.Export):
		return m.startExport()
	case key.Matches(msg, k.Sort):
		if m.showUpcoming {
			return m, nil // one row per date, in date order
		}
		m.sortBy = m.nextSort()
		m = m.derive()
		m.list = m.list.MoveTo(0) // a new order is read from its top
		return m, nil
	case key.Matches(msg, k.Reload):
		return m.refresh() // the list stays until the new walk's first page
	case key.Matches(msg, k.Open):
		if m.showUpcoming {
			return m.openDate(), nil
		}
		if p, ok := m.Selected(); ok {
			open := common.OpenPledgeMsg{Pledge: p, Loan: m.loan(p), LoanSeq: m.reportSeq}
			return m, func() tea.Msg { return open }
		}
	case key.Matches(msg, k.Copy):
		if p, ok := m.Selected(); ok && !m.showUpcoming {
			return m, pledgedetail.CopyID(m.env, p)
		}
	case key.Matches(msg, k.Browser):
		if p, ok := m.Selected(); ok && !m.showUpcoming && p.Project.Slug != "" {
			return m, common.OpenInBrowser(labels.SlugURL(p.Project.Slug), m.env.T.T("panes.opened"))
		}
	}
	return m, nil
}

// nextSort is the step of the s cycle after the current one, skipping the
// columns the pane is too narrow to show: s never sorts by what cannot be
// seen (the title line names the column it sorts by).
func (m Model) nextSort() int {
	for step := 1; step < len(sorts); step++ {
		i := (m.sortBy + step) % len(sorts)
		if c := sorts[i].col; c < 0 || m.list.Shows(c) {
			return i
		}
	}
	return 0
}

// openDate leaves the upcoming view for the list sorted by next
// repayment, the cursor on the first pledge due on the chosen date.
func (m Model) openDate() Model {
	key, ok := m.upcoming.SelectedKey()
	m.showUpcoming = false
	m.sortBy = slices.IndexFunc(sorts, func(s sortSpec) bool { return s.col == colNextDate && !s.desc })
	m = m.derive()
	m.list = m.list.MoveTo(0)
	if !ok {
		return m
	}
	_, loc := m.today()
	for pos, i := range m.list.Shown() {
		if m.owes[i] && m.dues[i].On(key, loc) {
			m.list = m.list.MoveTo(pos)
			break
		}
	}
	return m
}

// Selected is the pledge under the cursor.
func (m Model) Selected() (api.Pledge, bool) {
	i, ok := m.list.Selected()
	if !ok {
		return api.Pledge{}, false
	}
	return m.items[i], true
}

// Err is the pane's error while it is failing, nil once it recovers: the
// root shows it on the status line.
func (m Model) Err() error { return m.err }

// Help is the help bar's keys for what the pane shows now.
func (m Model) Help() []key.Binding {
	switch k := m.env.Keys; {
	case m.filtering, m.export.Active():
		return k.SearchHelp()
	default:
		return k.PledgesHelp()
	}
}
