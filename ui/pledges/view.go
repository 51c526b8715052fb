package pledges

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/list"
)

// The columns, in screen order. At 60 cells the project, amount, status
// and next repayment date remain; narrower, the next date then the status
// go too, so that the project's title keeps its minimum width.
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
	colProject:    {Width: 15, Flex: true},
	colCategory:   {Width: 16, Priority: 6},
	colAmount:     {Width: 12, Right: true},
	colRate:       {Width: 7, Right: true, Priority: 5},
	colDuration:   {Width: 10, Priority: 7},
	colStatus:     {Width: 16, Priority: 1},
	colRepaid:     {Width: 7, Right: true, Priority: 3},
	colNextDate:   {Width: 12, Priority: 2},
	colNextAmount: {Width: 12, Right: true, Priority: 4},
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

// buildRows formats pledges for the list: once per page, and again when
// privacy changes, so View only pads and cuts.
func (m Model) buildRows(ps []api.Pledge, dst []list.Row) []list.Row {
	env, f := m.env, m.env.Format
	for _, p := range ps {
		r := make([]string, nCols)
		r[colProject] = textsafe.Clean(p.Project.Title)
		r[colCategory] = labels.Category(env.T, p.Project.Category)
		r[colAmount] = f.MoneyMasked(p.Amount, m.privacy)
		r[colRate] = f.Percent(p.InterestRate)
		r[colDuration] = f.Months(p.DurationMonths)
		r[colStatus] = labels.PledgeStatus(env.T, p.Status)
		r[colRepaid] = common.RepaidShare(env, p)
		r[colNextDate], r[colNextAmount] = "—", "—"
		if n := p.NextRepayment; n != nil {
			r[colNextDate] = f.Date(n.Date)
			r[colNextAmount] = f.MoneyMasked(n.Amount, m.privacy)
		}
		dst = append(dst, list.NewRow(p.ID, r))
	}
	return dst
}

// View renders the pane at exactly its size, drawing only the visible rows.
func (m Model) View() string {
	if m.env == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	s := m.env.Styles
	title := s.Title.Render(m.Title())
	if m.req.Busy() {
		title += " " + s.Subtle.Render(m.env.T.T("panes.loading"))
	}
	if sp := sorts[m.sortBy]; sp.col >= 0 {
		title += " " + s.Subtle.Render(m.env.T.T("panes.pledges.sorted", m.env.T.T(columnTitles[sp.col]), arrow(sp.desc)))
	}
	lines := []string{title}
	switch {
	case m.user == (api.User{}):
		lines = append(lines, s.Subtle.Render(m.env.T.T("panes.pledges.no_user")))
		return common.Block(lines, m.width, m.height)
	case m.client == nil:
		lines = append(lines, s.Subtle.Render(m.env.T.T("panes.no_client")))
		return common.Block(lines, m.width, m.height)
	case len(m.items) == 0 && m.err != nil:
		lines = append(lines, s.Error.Render(common.ErrorLine(m.env, m.err)))
		return common.Block(lines, m.width, m.height)
	case len(m.items) == 0 && m.req.Busy():
		return common.Block(lines, m.width, m.height)
	case len(m.items) == 0:
		lines = append(lines, s.Subtle.Render(m.env.T.T("panes.pledges.empty")))
		return common.Block(lines, m.width, m.height)
	}

	head := make([]string, nCols)
	for i, k := range columnTitles {
		head[i] = m.env.T.T(k)
		if sp := sorts[m.sortBy]; sp.col == i {
			head[i] += arrow(sp.desc)
		}
	}
	lines = append(lines, m.list.Header(s, head))
	body := m.bodyHeight()
	lines = append(lines, m.list.View(s)...)
	if m.list.Len() == 0 && body > 0 {
		lines = append(lines, s.Subtle.Render(m.env.T.T("panes.pledges.no_match", textsafe.Clean(m.filter.Value()))))
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
	return out
}

// totalsLines is one line when it fits, else two. Until every page is
// loaded they say they are the totals of what is loaded only.
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
	one := strings.Join(parts, " · ")
	if ansi.StringWidth(one) <= m.width || m.height < 6 {
		return []string{s.Header.Render(one)}
	}
	return []string{
		s.Header.Render(parts[0] + " · " + parts[1]),
		s.Header.Render(parts[2] + " · " + parts[3]),
	}
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
	return max(0, h)
}

func arrow(desc bool) string {
	if desc {
		return "↓"
	}
	return "↑"
}
