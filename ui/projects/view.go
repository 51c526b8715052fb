package projects

import (
	"strings"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/list"
)

// The columns, in screen order. Each is as wide as its content; as the
// pane narrows the optional ones go by priority: the place, the type, the
// category, the duration, the rate, the amounts, then the progress bar.
// The title and the status (days left while a collect is open) stay; the
// column a sort follows stays too (list.SetPinned).
const (
	colTitle = iota
	colCategory
	colType
	colPlace
	colCollected
	colProgress
	colRate
	colDuration
	colStatus
	nCols
)

const barWidth = 10

var columns = []common.Column{
	colTitle:     {Width: 20, Flex: true, Share: 32},
	colCategory:  {Width: 14, Priority: 6},
	colType:      {Width: 9, Priority: 7},
	colPlace:     {Width: 22, Max: 28, Priority: 8},
	colCollected: {Width: 29, Right: true, Priority: 3},
	colProgress:  {Width: barWidth + 6, Priority: 2},
	colRate:      {Width: 6, Right: true, Priority: 4},
	colDuration:  {Width: 10, Right: true, Priority: 5},
	colStatus:    {Width: 14, Right: true, Priority: 1},
}

var columnTitles = [nCols]i18n.Key{
	colTitle:     "panes.col.project",
	colCategory:  "panes.col.category",
	colType:      "panes.col.type",
	colPlace:     "panes.col.place",
	colCollected: "panes.col.collected",
	colProgress:  "panes.col.progress",
	colRate:      "panes.col.rate",
	colDuration:  "panes.col.duration",
	colStatus:    "panes.col.status",
}

func (m Model) titles() []string {
	head := make([]string, nCols)
	for i, k := range columnTitles {
		head[i] = m.env.T.T(k)
	}
	return head
}

// buildRows formats projects for the list.
func (m Model) buildRows(ps []api.Project, dst []list.Row) []list.Row {
	env := m.env
	now := env.Now()
	for _, p := range ps {
		cells := make([]string, nCols)
		cells[colTitle] = textsafe.Clean(p.Title)
		cells[colCategory] = labels.Category(env.T, p.Category)
		cells[colType] = labels.CollectType(env.T, p.CollectType)
		cells[colPlace] = labels.Place(p)
		cells[colCollected] = common.CollectedOf(env, p, m.privacy)
		cells[colProgress] = common.Progress(env, p, barWidth)
		if p.CollectType != "donation" {
			// A rate and a duration mean nothing for a donation: blank,
			// not a column of dashes.
			cells[colRate] = orEmpty(p.InterestRate.Valid, env.Format.Percent(p.InterestRate))
			cells[colDuration] = orEmpty(p.DurationMonths.Valid, env.Format.Months(p.DurationMonths))
		}
		cells[colStatus] = statusCell(env, p, now)
		dst = append(dst, list.NewRow(p.ID, cells))
	}
	return dst
}

func orEmpty(ok bool, s string) string {
	if !ok {
		return ""
	}
	return s
}

// statusCell is the days left while a collect is open, else its status
// (Funded, Upcoming…), as the commands' Ends column says.
func statusCell(env *common.Env, p api.Project, now time.Time) string {
	if p.Status == "in_progress" && p.EndsAt.Valid {
		return env.Format.DaysLeft(p.EndsAt, now)
	}
	return labels.ProjectStatus(env.T, p.Status)
}

// View renders the pane at exactly its size. Its cost follows the visible
// rows, not the loaded ones: only the window around the cursor is drawn.
func (m Model) View() string {
	if m.env == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	s := m.env.Styles
	c := common.Canvas{W: m.width, H: m.height}
	title := s.Title.Render(m.Title())
	if age := m.age(); age != "" {
		title += " " + s.Muted.Render("· "+age)
	}
	if m.req.Busy() {
		title += " " + s.Subtle.Render(m.loadingText())
	}
	if m.sortBy != sortNone {
		title += " " + s.Subtle.Render(m.env.T.T("panes.pledges.sorted", m.sortName(), sortArrow[m.sortBy]))
	}
	c.Line(title)
	for _, l := range m.filtersLines() {
		c.Line(s.Subtle.Render(l))
	}
	if len(m.menus) > 0 {
		for _, l := range m.menus[len(m.menus)-1].view(m.env, m.height-c.Len()) {
			c.Line(l)
		}
		return c.String()
	}
	c.Line(m.list.Header(s))

	body := m.bodyHeight()
	switch {
	case len(m.items) == 0 && m.err != nil:
		c.Line(s.Error.Render(common.ErrorLine(m.env, m.err)))
	case len(m.items) == 0 && m.client == nil:
		c.Line(s.Subtle.Render(m.env.T.T("panes.no_client")))
	case m.list.Len() == 0 && m.req.Busy():
		c.Line(s.Subtle.Render(m.env.T.T("panes.loading")))
	case len(m.items) == 0:
		c.Line(s.Subtle.Render(m.env.T.T("panes.projects.empty")))
	case m.list.Len() == 0:
		c.Line(s.Subtle.Render(m.env.T.T("lists.projects.none_local")))
	default:
		// Only the window around the cursor is drawn.
		for _, line := range m.list.View(s) {
			c.Exact(line)
		}
	}
	for c.Len() < min(m.headerLines()+body, m.height) {
		c.Exact(strings.Repeat(" ", m.width))
	}
	if m.err != nil && len(m.items) > 0 {
		c.Line(s.Error.Render(common.ErrorLine(m.env, m.err)))
	}
	if m.searching {
		c.Line(m.search.View())
	}
	for _, l := range m.export.Lines() {
		c.Line(l)
	}
	return c.String()
}

// loadingText is what the title says while a page loads: that every page
// is on its way (the title's count says how far it has come; without a
// total, this says it) and that esc stops it.
func (m Model) loadingText() string {
	t, f := m.env.T.T, m.env.Format
	if !m.all {
		return t("panes.loading")
	}
	if m.total.Valid {
		return t("lists.projects.loading_all") // the title counts: "Projects 60 of 360"
	}
	return t("lists.projects.loading_more", f.Int(api.Int{Value: int64(len(m.items)), Valid: true}))
}

// filtersLines names the order and every filter in force, on one line,
// or two when they do not fit and the pane has the room; what the
// terminal filters or sorts itself says so.
func (m Model) filtersLines() []string {
	if m.env == nil {
		return nil
	}
	env, q := m.env, m.query
	parts := []string{env.T.T("panes.filter.order") + " " + labels.Order(env.T, q.Order)}
	if q.Category != "" {
		parts = append(parts, env.T.T("panes.filter.category")+" "+labels.Category(env.T, q.Category))
	}
	if q.Type != "" {
		parts = append(parts, env.T.T("panes.filter.type")+" "+labels.CollectType(env.T, q.Type))
	}
	if q.Region != "" {
		parts = append(parts, env.T.T("panes.filter.region")+" "+regionLabel(q.Region))
	}
	if q.Keyword != "" {
		parts = append(parts, env.T.T("panes.filter.keyword", textsafe.Clean(q.Keyword)))
	}
	if m.status != "" {
		parts = append(parts, m.fieldLine(fieldStatus))
	}
	switch {
	case m.status != "" && m.sortBy != sortNone:
		parts = append(parts, env.T.T("lists.projects.on_device_both"))
	case m.status != "":
		parts = append(parts, env.T.T("lists.projects.on_device_filter"))
	case m.sortBy != sortNone:
		parts = append(parts, env.T.T("lists.projects.on_device_sort"))
	}
	lines := common.JoinParts(parts, " · ", m.width)
	if len(lines) > 1 && m.height >= 12 {
		return []string{lines[0], strings.Join(lines[1:], " · ")}
	}
	return []string{strings.Join(parts, " · ")}
}

func regionLabel(code string) string {
	if n := api.RegionName(code); n != "" {
		return n + " (" + code + ")"
	}
	return code
}
