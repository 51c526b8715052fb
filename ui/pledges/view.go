package pledges

import (
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/list"
)

// The columns, in screen order. Each is as wide as its content; as the
// pane narrows the optional ones go by priority: duration, category, rate,
// the share repaid, the status, then the next amount and the next date.
// The project's title, its amount and what comes back next stay, the
// title keeping over a quarter of the width while its content needs it.
const (
	colProject = iota
	colCategory
	colAmount
	colRate
	colDuration
	colStatus
	colRepaid
	colNextDate
	colNextAmount
	nCols
)

var columns = []common.Column{
	colProject:    {Width: 15, Flex: true, Share: 28},
	colCategory:   {Width: 16, Priority: 7},
	colAmount:     {Width: 12, Right: true},
	colRate:       {Width: 7, Right: true, Priority: 5},
	colDuration:   {Width: 10, Priority: 8},
	colStatus:     {Width: 16, Priority: 3},
	colRepaid:     {Width: 7, Right: true, Priority: 4},
	colNextDate:   {Width: 12, Priority: 1},
	colNextAmount: {Width: 12, Right: true, Priority: 2},
}

var columnTitles = [nCols]i18n.Key{
	colProject:    "panes.col.project",
	colCategory:   "panes.col.category",
	colAmount:     "panes.col.amount",
	colRate:       "panes.col.rate",
	colDuration:   "panes.col.duration",
	colStatus:     "panes.col.status",
	colRepaid:     "panes.col.repaid",
	colNextDate:   "panes.col.next_date",
	colNextAmount: "panes.col.next_amount",
}

// The upcoming view (v): one row per date the shown pledges owe something.
const (
	colDueDate = iota
	colDuePledges
	colDueAmount
)

var dueColumns = []common.Column{
	colDueDate:    {Width: 12},
	colDuePledges: {Width: 8, Right: true},
	colDueAmount:  {Width: 12, Right: true},
}

// retitle sets the column headers, the sorted one marked with its direction.
func (m Model) retitle() Model {
	if m.env == nil {
		return m
	}
	head := make([]string, nCols)
	for i, k := range columnTitles {
		head[i] = m.env.T.T(k)
		if sp := sorts[m.sortBy]; sp.col == i {
			head[i] += arrow(sp.desc)
		}
	}
	m.list = m.list.SetTitles(head)
	return m
}

func (m Model) dueTitles() []string {
	t := m.env.T.T
	return []string{t("panes.col.next_date"), t("lists.pledges.col.pledges"), t("lists.pledges.col.due")}
}

// buildRows formats pledges for the list: once per page, and again when
// privacy changes, so View only pads and cuts.
func (m Model) buildRows(ps []api.Pledge, dst []list.Row) []list.Row {
	env, f := m.env, m.env.Format
	today, loc := m.today()
	for _, p := range ps {
		r := make([]string, nCols)
		r[colProject] = textsafe.Clean(p.Project.Title)
		r[colCategory] = labels.Category(env.T, p.Project.Category)
		r[colAmount] = f.MoneyMasked(p.Amount, m.privacy)
		r[colRate] = f.Percent(p.InterestRate)
		r[colDuration] = f.Months(p.DurationMonths)
		r[colStatus] = labels.PledgeStatus(env.T, p.Status)
		r[colRepaid] = common.RepaidShare(env, p, m.privacy)
		r[colNextDate], r[colNextAmount] = "—", "—"
		if d, ok := common.NextDue(p, today, loc); ok {
			r[colNextDate] = m.dueDateCell(d.Date, d.Late)
			r[colNextAmount] = f.MoneyMasked(d.Amount, m.privacy)
		}
		dst = append(dst, list.NewRow(p.ID, r))
	}
	return dst
}

// dueDateCell is a due date, marked in words when it is past and unpaid:
// the mark reads without colour.
func (m Model) dueDateCell(d api.Time, late bool) string {
	s := m.env.Format.Date(d)
	if late {
		return m.env.T.T("lists.pledges.late_date", s)
	}
	return s
}

// buildDues works out what each pledge owes next, once, as pages arrive.
func (m Model) buildDues(ps []api.Pledge, dues []common.Due, owes []bool) ([]common.Due, []bool) {
	today, loc := m.today()
	for _, p := range ps {
		d, ok := common.NextDue(p, today, loc)
		dues, owes = append(dues, d), append(owes, ok)
	}
	return dues, owes
}

// upcomingRows formats the dates the shown pledges owe something on.
func (m Model) upcomingRows() []list.Row {
	_, loc := m.today()
	f := m.env.Format
	groups := byDate(m.list.Shown(), m.dues, m.owes, loc)
	rows := make([]list.Row, len(groups))
	for i, g := range groups {
		rows[i] = list.NewRow(common.DayOf(g.date, loc), []string{
			m.dueDateCell(g.date, g.late),
			f.Int(api.Int{Value: int64(g.pledges), Valid: true}),
			f.MoneyMasked(g.amount, m.privacy),
		})
	}
	return rows
}

// View renders the pane at exactly its size, drawing only the visible rows.
func (m Model) View() string {
	if m.env == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	s, t := m.env.Styles, m.env.T.T
	title := s.Title.Render(m.Title())
	if m.req.Busy() {
		title += " " + s.Subtle.Render(t("panes.loading"))
	}
	switch sp := sorts[m.sortBy]; {
	case m.showUpcoming:
		title += " " + s.Subtle.Render(t("lists.pledges.upcoming"))
	case sp.col >= 0:
		title += " " + s.Subtle.Render(t("panes.pledges.sorted", t(columnTitles[sp.col]), arrow(sp.desc)))
	}
	lines := []string{title}
	switch {
	case m.user == (api.User{}):
		lines = append(lines, s.Subtle.Render(t("panes.pledges.no_user")))
		return common.Block(lines, m.width, m.height)
	case m.client == nil:
		lines = append(lines, s.Subtle.Render(t("panes.no_client")))
		return common.Block(lines, m.width, m.height)
	case len(m.items) == 0 && m.err != nil:
		lines = append(lines, s.Error.Render(common.ErrorLine(m.env, m.err)))
		return common.Block(lines, m.width, m.height)
	case len(m.items) == 0 && m.req.Busy():
		return common.Block(lines, m.width, m.height)
	case len(m.items) == 0:
		lines = append(lines, s.Subtle.Render(t("panes.pledges.empty")))
		return common.Block(lines, m.width, m.height)
	}

	body := m.bodyHeight()
	if m.showUpcoming {
		lines = append(lines, m.upcoming.Header(s))
		lines = append(lines, m.upcoming.View(s)...)
		if m.upcoming.Len() == 0 && body > 0 {
			lines = append(lines, s.Subtle.Render(t("lists.pledges.nothing_due")))
		}
	} else {
		lines = append(lines, m.list.Header(s))
		lines = append(lines, m.list.View(s)...)
		if m.list.Len() == 0 && body > 0 {
			lines = append(lines, s.Subtle.Render(t("panes.pledges.no_match", textsafe.Clean(m.filter.Value()))))
		}
	}
	for len(lines) < 2+body {
		lines = append(lines, "")
	}
	lines = append(lines, m.footer()...)
	return common.Block(lines, m.width, m.height)
}

// footer is the totals, an error of a further page, and the filter.
func (m Model) footer() []string {
	s := m.env.Styles
	var out []string
	out = append(out, m.totalsLines()...)
	if m.err != nil {
		out = append(out, s.Error.Render(common.ErrorLine(m.env, m.err)))
	}
	if m.filtering || m.filter.Value() != "" {
		out = append(out, m.filter.View())
	}
	return append(out, m.export.Lines()...)
}

// totalsLines is the totals on as few lines as the width allows, broken
// only between parts: "capital repaid €5,178.60" never splits. Until every
// page is loaded they say they are the totals of what is loaded only.
func (m Model) totalsLines() []string {
	f, t, s := m.env.Format, m.totals, m.env.Styles
	parts := []string{
		m.env.T.T("panes.pledges.total_lent", f.MoneyMasked(t.lent, m.privacy)),
		m.env.T.T("panes.pledges.total_repaid", f.MoneyMasked(t.repaid, m.privacy)),
		m.env.T.T("panes.pledges.total_interest", f.MoneyMasked(t.interest, m.privacy)),
		m.env.T.T("panes.pledges.total_outstanding", f.MoneyMasked(t.outstanding, m.privacy)),
	}
	if m.partial() {
		n := f.Int(api.Int{Value: int64(len(m.items)), Valid: true})
		parts[0] = m.env.T.T("panes.pledges.totals_partial", n) + " " + parts[0]
	}
	width := m.width
	if m.height < 6 {
		width = 1 << 30 // no room for a second line: one, cut at the edge
	}
	var out []string
	for _, l := range common.JoinParts(parts, " · ", width) {
		out = append(out, s.Header.Render(l))
	}
	return out
}

// bodyHeight is the rows that fit between the header and the footer.
func (m Model) bodyHeight() int {
	if m.env == nil {
		return 0
	}
	h := m.height - 2 - len(m.totalsLines())
	if m.err != nil {
		h--
	}
	if m.filtering || m.filter.Value() != "" {
		h--
	}
	h -= m.export.Height()
	return max(0, h)
}

func arrow(desc bool) string {
	if desc {
		return "↓"
	}
	return "↑"
}
