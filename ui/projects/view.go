package projects

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/projectdetail"
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

// The cursor row is marked in text, not only in colour, so it shows with
// NO_COLOR and in a plain capture.
const (
	gutter     = "  "
	cursorMark = "› "
)

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

// row is a project formatted for the list, built once in Update, with
// each cell's display width measured then, so View only pads the rows it shows.
type row struct {
	cells  [nCols]string
	widths [nCols]int
}

// buildRows formats projects and appends them to dst.
func (m Model) buildRows(ps []api.Project, dst []row) []row {
	env := m.env
	now := env.Now()
	for _, p := range ps {
		var r row
		r.cells[colTitle] = textsafe.Clean(p.Title)
		r.cells[colCategory] = labels.Category(env.T, p.Category)
		r.cells[colType] = labels.CollectType(env.T, p.CollectType)
		r.cells[colPlace] = labels.Place(p)
		r.cells[colCollected] = projectdetail.CollectedOf(env, p, m.privacy)
		r.cells[colProgress] = projectdetail.Progress(env, p, barWidth)
		r.cells[colTerms] = projectdetail.Terms(env, p)
		r.cells[colDays] = env.Format.DaysLeft(p.EndsAt, now)
		for i, c := range r.cells {
			r.widths[i] = ansi.StringWidth(c)
		}
		dst = append(dst, r)
	}
	return dst
}

// View renders the pane at exactly its size. Its cost follows the visible
// rows, not the loaded ones: only the window around the cursor is drawn.
func (m Model) View() string {
	if m.env == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.detailOpen {
		return m.detail.View()
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
	var head [nCols]string
	for i, k := range columnTitles {
		head[i] = m.env.T.T(k)
	}
	c.Line(s.Header.Render(gutter + common.Row(head[:], m.widths, columns)))

	body := m.bodyHeight()
	switch {
	case len(m.items) == 0 && m.err != nil:
		c.Line(s.Error.Render(projectdetail.ErrorLine(m.env, m.err)))
	case len(m.items) == 0 && m.client == nil:
		c.Line(s.Subtle.Render(m.env.T.T("panes.no_client")))
	case len(m.items) == 0 && m.req.Busy():
		c.Line(s.Subtle.Render(m.env.T.T("panes.loading")))
	case len(m.items) == 0:
		c.Line(s.Subtle.Render(m.env.T.T("panes.projects.empty")))
	default:
		// Only the window around the cursor is drawn.
		exact := m.lineWidth == m.width
		end := min(len(m.rows), m.offset+body)
		for i := m.offset; i < end; i++ {
			r := &m.rows[i]
			line := common.RowMeasured(r.cells[:], r.widths[:], m.widths, columns)
			switch {
			case i == m.cursor && m.focused:
				line = s.Selected.Render(cursorMark + line)
			case i == m.cursor:
				line = s.Accent.Render(cursorMark + line)
			default:
				line = gutter + line
			}
			if exact {
				c.Exact(line)
			} else {
				c.Line(line)
			}
		}
	}
	for c.Len() < min(headerLines+body, m.height) {
		c.Exact(strings.Repeat(" ", m.width))
	}
	if m.err != nil && len(m.items) > 0 {
		c.Line(s.Error.Render(projectdetail.ErrorLine(m.env, m.err)))
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
