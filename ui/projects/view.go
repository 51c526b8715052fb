package projects

import (
	"strings"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/list"
)

// The columns, in screen order. Priority says which go first as the pane
// narrows: at 60 cells only the title, the bar and the days left remain;
// narrower, the bar then the days left go too, before the title would
// shrink below its minimum.
const (
	colTitle = iota
	colCategory
	colType
	colPlace
	colCollected
	colProgress
	colTerms
	colDays
	nCols
)

const barWidth = 10

var columns = []common.Column{
	colTitle:     {Width: 24, Flex: true},
	colCategory:  {Width: 14, Priority: 4},
	colType:      {Width: 9, Priority: 6},
	colPlace:     {Width: 22, Priority: 7},
	colCollected: {Width: 29, Right: true, Priority: 3},
	colProgress:  {Width: barWidth + 6, Priority: 2},
	colTerms:     {Width: 17, Priority: 5},
	colDays:      {Width: 14, Right: true, Priority: 1},
}

var columnTitles = [nCols]i18n.Key{
	colTitle:     "panes.col.project",
	colCategory:  "panes.col.category",
	colType:      "panes.col.type",
	colPlace:     "panes.col.place",
	colCollected: "panes.col.collected",
	colProgress:  "panes.col.progress",
	colTerms:     "panes.col.terms",
	colDays:      "panes.col.ends",
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
		cells[colTerms] = common.Terms(env, p)
		cells[colDays] = env.Format.DaysLeft(p.EndsAt, now)
		dst = append(dst, list.NewRow(p.ID, cells))
	}
	return dst
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
	if m.req.Busy() {
		title += " " + s.Subtle.Render(m.env.T.T("panes.loading"))
	}
	c.Line(title)
	c.Line(s.Subtle.Render(m.filtersLine()))
	if len(m.menus) > 0 {
		for _, l := range m.menus[len(m.menus)-1].view(m.env, m.height-c.Len()) {
			c.Line(l)
		}
		return c.String()
	}
	head := make([]string, nCols)
	for i, k := range columnTitles {
		head[i] = m.env.T.T(k)
	}
	c.Line(m.list.Header(s, head))

	body := m.bodyHeight()
	switch {
	case len(m.items) == 0 && m.err != nil:
		c.Line(s.Error.Render(common.ErrorLine(m.env, m.err)))
	case len(m.items) == 0 && m.client == nil:
		c.Line(s.Subtle.Render(m.env.T.T("panes.no_client")))
	case len(m.items) == 0 && m.req.Busy():
		c.Line(s.Subtle.Render(m.env.T.T("panes.loading")))
	case len(m.items) == 0:
		c.Line(s.Subtle.Render(m.env.T.T("panes.projects.empty")))
	default:
		// Only the window around the cursor is drawn.
		for _, line := range m.list.View(s) {
			c.Exact(line)
		}
	}
	for c.Len() < min(headerLines+body, m.height) {
		c.Exact(strings.Repeat(" ", m.width))
	}
	if m.err != nil && len(m.items) > 0 {
		c.Line(s.Error.Render(common.ErrorLine(m.env, m.err)))
	}
	if m.searching {
		c.Line(m.search.View())
	}
	return c.String()
}

// filtersLine names the order and every filter in force.
func (m Model) filtersLine() string {
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
	return strings.Join(parts, " · ")
}

func regionLabel(code string) string {
	if n := api.RegionName(code); n != "" {
		return n + " (" + code + ")"
	}
	return code
}
