package insight

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	figures "github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// The longest lists the body shows whole; past them, a line says how many
// more. They bound the body's length, whatever the number of pledges.
const (
	topSlices  = 5
	topOverdue = 5
)

// painter writes the figures for one width, masked when private.
type painter struct {
	env     *common.Env
	private bool
	w       int
}

func (p painter) t(k i18n.Key, args ...any) string { return p.env.T.T(k, args...) }

// money is an amount, or the mask.
func (p painter) money(c figures.Cents) string {
	return p.env.Format.MoneyMasked(c.Money(), p.private)
}

// estimated marks a figure that comes from a rebuilt schedule.
func estimated(s string, est bool) string {
	if est {
		return "≈" + s
	}
	return s
}

// percentMask is the mask of a percentage of money, in the locale's shape.
func (p painter) percentMask() string {
	return p.env.Format.PercentMask()
}

// rate is an annual return, or the mask; a dash when it could not be computed.
func (p painter) rate(r figures.Rate) string {
	switch {
	case !r.OK:
		return format.Dash
	case p.private:
		return p.percentMask()
	}
	return p.env.Format.PercentFixed(r.Percent(2))
}

// share is part of whole as a whole percentage, or the mask.
func (p painter) share(part, whole figures.Cents) string {
	if p.private {
		return p.percentMask()
	}
	return p.env.Format.Share(part.Money(), whole.Money())
}

// count is a whole number, or the mask when it is a figure of money.
func (p painter) count(n int64, ofMoney bool) string {
	if ofMoney && p.private {
		return "••••"
	}
	return p.env.Format.Int(api.Int{Value: n, Valid: true})
}

func (p painter) heading(s string) string { return p.env.Styles.Header.Render(s) }

// wrap breaks text over the width, styled.
func (p painter) wrap(style lipgloss.Style, s string) []string {
	lines := common.Wrap(s, p.w)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// parts joins figures into lines, breaking only between them.
func (p painter) parts(parts ...string) []string { return common.JoinParts(parts, " · ", p.w) }

// month names a month of the calendar: "Dec 2026", "déc. 2026".
func (p painter) month(ym figures.YearMonth) string {
	return fmt.Sprintf("%s %d", p.t(i18n.Key(fmt.Sprintf("ui.insight.month.%d", int(ym.Month)))), ym.Year)
}

// body is every line under the title: a state while nothing is computed,
// then the sections, the three answers first; marks are the lines where
// the sections begin.
func (m Model) body(w int) (lines []string, marks []int) {
	p := painter{env: m.env, private: m.privacy, w: w}
	st := m.env.Styles
	r := m.sum.report
	switch {
	case !m.person:
		return p.wrap(st.Muted, p.t("ui.insight.nobody")), nil
	case !m.got:
		return p.wrap(st.Muted, p.t("ui.insight.waiting")), nil
	case r == nil:
		return p.wrap(st.Muted, p.t("ui.insight.computing")), nil
	case len(r.Loans) == 0:
		return p.wrap(st.Muted, p.t("ui.insight.no_pledges")), nil
	}
	var out []string
	if m.partial {
		out = append(out, p.wrap(st.Warning, p.t("ui.insight.partial_note"))...)
	}
	if m.factsErr != nil {
		out = append(out, p.wrap(st.Warning, p.t("ui.insight.facts_failed", common.ErrorText(m.env.T, m.factsErr)))...)
	}
	sections := [][]string{
		p.answers(r),
		p.returns(r, m.sum.nominal),
		p.calendar(r),
		p.risk(r),
		p.diversification(r),
		p.tax(r),
	}
	for i, s := range sections {
		if i > 0 {
			out = append(out, "")
		}
		marks = append(marks, len(out))
		out = append(out, s...)
	}
	return out, marks
}

// answers are the support desk's three questions, in plain words.
func (p painter) answers(r *figures.Report) []string {
	f, a := p.env.Format, r.Answers
	next := p.t("ui.insight.next_none")
	if a.NextDate.Valid {
		next = p.t("ui.insight.next_value", format.Unbroken(f.Date(a.NextDate)), estimated(p.money(a.NextAmount()), a.NextEstimated), p.loans(a.NextCount))
	}
	late := p.t("ui.insight.late_none")
	if n := len(a.Late); n > 0 {
		var overdue, outstanding figures.Cents
		est := false
		for _, o := range a.Late {
			overdue += o.Total()
			est = est || o.Estimated
			if l, ok := r.Loan(o.PledgeID); ok {
				outstanding += l.Outstanding
			}
		}
		amount := estimated(p.money(overdue), est)
		if since := a.Late[0].Since; since.Valid { // the oldest first
			late = p.t("ui.insight.late_value", p.loans(n), amount, p.money(outstanding), format.Unbroken(f.Date(since)))
		} else {
			late = p.t("ui.insight.late_undated", p.loans(n), amount, p.money(outstanding))
		}
	}
	year := r.Today.Time.Year()
	fields := []common.Field{
		{Label: p.t("ui.insight.next"), Value: next},
		{Label: p.t("ui.insight.late"), Value: late},
		{Label: p.t("ui.insight.interest_year", year), Value: p.t("ui.insight.interest_value", estimated(p.money(a.InterestThisYear), a.InterestThisYearEstimated))},
	}
	return append([]string{p.heading(p.t("ui.insight.answers"))}, common.Fields(p.env.Styles, fields, p.w)...)
}

func (p painter) loans(n int) string { return labels.Loans(p.env.T, p.env.Format, n) }

// returns are the portfolio's realised and expected return beside the
// average nominal rate, and what was lent and received.
func (p painter) returns(r *figures.Report, nominal api.Decimal) []string {
	nom := format.Dash
	if nominal.Valid {
		nom = p.env.Format.Percent(nominal)
		if p.private {
			nom = p.percentMask()
		}
	}
	out := []string{p.heading(p.t("ui.insight.return"))}
	out = append(out, p.parts(
		p.t("ui.insight.realised", estimated(p.rate(r.Realised), r.Estimated && r.Realised.OK)),
		p.t("ui.insight.expected", estimated(p.rate(r.Expected), r.Estimated && r.Expected.OK)),
		p.t("ui.insight.nominal", nom),
	)...)
	out = append(out, p.parts(
		p.t("ui.insight.lent", p.money(r.Lent)),
		p.t("ui.insight.received", estimated(p.money(r.PaidCapital), r.Estimated), estimated(p.money(r.PaidInterest), r.Estimated)),
	)...)
	if r.Estimated {
		out = append(out, p.wrap(p.env.Styles.Muted, p.t("ui.insight.estimated"))...)
	}
	return out
}

// calendar is the next 12 months due and the last 12 received, as bars of
// capital and interest on one scale, and the late amount apart.
func (p painter) calendar(r *figures.Report) []string {
	c := r.Calendar
	top := 0.0
	for _, flows := range [][]figures.MonthFlow{c.Ahead, c.Behind} {
		for _, mf := range flows {
			top = max(top, float64(mf.Total()))
		}
	}
	months := func(flows []figures.MonthFlow) chart {
		ch := chart{
			head:  []string{p.t("ui.insight.col_month"), p.t("ui.insight.col_capital"), p.t("ui.insight.col_interest"), p.t("ui.insight.col_total")},
			cells: []common.Column{{Right: true, Priority: 2}, {Right: true, Priority: 1}, {Right: true}},
			max:   top,
		}
		for _, mf := range flows {
			ch.rows = append(ch.rows, barRow{
				label:  p.month(mf.Month),
				values: []float64{float64(mf.Capital), float64(mf.Interest)},
				cells:  []string{p.money(mf.Capital), p.money(mf.Interest), estimated(p.money(mf.Total()), mf.Estimated)},
			})
		}
		return ch
	}
	out := []string{p.heading(p.t("ui.insight.calendar")), p.env.Styles.Subtle.Render(p.t("ui.insight.ahead"))}
	out = append(out, p.draw(months(c.Ahead))...)
	out = append(out, p.env.Styles.Subtle.Render(p.t("ui.insight.behind")))
	out = append(out, p.draw(months(c.Behind))...)
	if o := c.Overdue; o.Count > 0 {
		out = append(out, p.wrap(p.env.Styles.Warning, p.t("ui.insight.overdue", estimated(p.money(o.Total()), o.Estimated), p.instalments(o.Count)))...)
	} else {
		out = append(out, p.t("ui.insight.overdue_none"))
	}
	return out
}

func (p painter) instalments(n int) string {
	if n == 1 {
		return p.t("ui.insight.instalments_one")
	}
	return p.t("ui.insight.instalments_many", p.count(int64(n), false))
}

// risk is the outstanding capital by status, the share in trouble, and the
// overdue loans, the oldest first.
func (p painter) risk(r *figures.Report) []string {
	k := r.Risk
	parts := []string{
		p.t("ui.insight.outstanding", p.money(k.Outstanding)),
		p.t("ui.insight.st_repaying", p.money(k.Repaying)),
		p.t("ui.insight.st_late", p.money(k.Late)),
		p.t("ui.insight.st_defaulted", p.money(k.Defaulted)),
	}
	if k.Other != 0 {
		parts = append(parts, p.t("ui.insight.st_other", p.money(k.Other)))
	}
	out := []string{p.heading(p.t("ui.insight.risk"))}
	out = append(out, p.parts(parts...)...)
	out = append(out, p.wrap(p.env.Styles.Cell, p.t("ui.insight.at_risk", p.share(k.AtRisk, k.Outstanding)))...)
	if len(k.Overdue) == 0 {
		return out
	}
	out = append(out, p.env.Styles.Subtle.Render(p.t("ui.insight.overdue_loans")))
	cols := []common.Column{{Width: 12, Flex: true}, {Right: true}, {}, {Right: true, Priority: 1}}
	cells := [][]string{{p.t("ui.insight.col_project"), p.t("ui.insight.col_overdue"), p.t("ui.insight.col_since"), p.t("ui.insight.col_instalments")}}
	for _, o := range k.Overdue[:min(len(k.Overdue), topOverdue)] {
		since := p.t("ui.insight.since_unknown")
		if o.Since.Valid {
			since = p.env.Format.Date(o.Since)
		}
		cells = append(cells, []string{textsafe.Clean(o.Project.Title), estimated(p.money(o.Total()), o.Estimated), since, p.count(int64(o.Instalments), false)})
	}
	out = append(out, p.table(cols, cells)...)
	if more := len(k.Overdue) - topOverdue; more > 0 {
		out = append(out, p.env.Styles.Muted.Render(p.t("ui.insight.more", p.count(int64(more), false))))
	}
	return out
}

// table lays rows of cells out at the pane's width, the first row as the header.
func (p painter) table(cols []common.Column, rows [][]string) []string {
	natural := make([]int, len(cols))
	for _, r := range rows {
		for i, c := range r {
			natural[i] = max(natural[i], lipgloss.Width(c))
		}
	}
	widths := common.FitContent(cols, natural, p.w)
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = common.Row(r, widths, cols)
		if i == 0 {
			out[i] = p.heading(out[i])
		}
	}
	return out
}

// diversification is the capital at work by category, region and project:
// the largest slices as bars, the rest in one row, then how concentrated.
func (p painter) diversification(r *figures.Report) []string {
	d := r.Diversification
	out := []string{p.heading(p.t("ui.insight.diversification"))}
	if d.ByProject.Total <= 0 {
		return append(out, p.t("ui.insight.nothing_at_work"))
	}
	ways := []struct {
		title i18n.Key
		b     figures.Breakdown
		name  func(figures.Slice) string
	}{
		{"ui.insight.by_category", d.ByCategory, func(s figures.Slice) string { return labels.Category(p.env.T, s.Key) }},
		{"ui.insight.by_region", d.ByRegion, func(s figures.Slice) string {
			if s.Key == "" || s.Label == "" {
				return p.t("ui.insight.region_unknown")
			}
			return textsafe.Clean(s.Label)
		}},
		{"ui.insight.by_project", d.ByProject, func(s figures.Slice) string { return textsafe.Clean(s.Label) }},
	}
	for _, way := range ways {
		b := way.b
		ch := chart{cells: []common.Column{{Right: true}, {Right: true}}, max: float64(b.Total)}
		shown := b.Slices[:min(len(b.Slices), topSlices)]
		for _, s := range shown {
			ch.rows = append(ch.rows, barRow{label: way.name(s), values: []float64{float64(s.Outstanding)}, cells: []string{p.money(s.Outstanding), p.share(s.Outstanding, b.Total)}})
		}
		if rest := b.Slices[len(shown):]; len(rest) > 0 {
			var sum figures.Cents
			for _, s := range rest {
				sum += s.Outstanding
			}
			ch.rows = append(ch.rows, barRow{label: p.t("ui.insight.others", p.count(int64(len(rest)), false)), values: []float64{float64(sum)}, cells: []string{p.money(sum), p.share(sum, b.Total)}})
		}
		out = append(out, p.env.Styles.Subtle.Render(p.t(way.title)))
		out = append(out, p.draw(ch)...)
		out = append(out, p.parts(
			p.t("ui.insight.top5", p.share(b.Top5, b.Total)),
			p.t("ui.insight.hhi", p.count(int64(b.HHI*10000+0.5), true)),
			p.t("ui.insight.effective", p.count(int64(b.Effective+0.5), true)),
		)...)
	}
	return out
}

// tax is each calendar year's interest, the flat tax it implies (income
// tax and social charges apart) and the capital lost, with what to check
// it against.
func (p painter) tax(r *figures.Report) []string {
	out := []string{p.heading(p.t("ui.insight.tax"))}
	if len(r.Tax) == 0 {
		out = append(out, p.t("ui.insight.tax_none"))
	} else {
		cols := []common.Column{{Width: 4}, {Right: true}, {Right: true, Priority: 2}, {Right: true, Priority: 2}, {Right: true, Priority: 1}, {Right: true}}
		rows := [][]string{{
			p.t("ui.insight.col_year"), p.t("ui.insight.col_interest"), p.t("ui.insight.col_income"),
			p.t("ui.insight.col_social"), p.t("ui.insight.col_withheld"), p.t("ui.insight.col_lost"),
		}}
		for _, y := range r.Tax {
			rows = append(rows, []string{
				fmt.Sprint(y.Year),
				estimated(p.money(y.Interest), y.Estimated),
				p.money(y.IncomeTax), p.money(y.SocialCharges), p.money(y.Withholding), p.money(y.Lost),
			})
		}
		out = append(out, p.table(cols, rows)...)
	}
	// The rates are the law's, not the person's: still, under privacy the
	// screen shows no number next to a percent sign at all.
	pct := func(perMille int64) string {
		return p.env.Format.Percent(api.Decimal{Value: perMille, Scale: 1, Valid: true})
	}
	rule := p.t("ui.insight.tax_rates", pct(128), pct(172), pct(186))
	if p.private {
		rule = p.t("ui.insight.tax_rule")
	}
	out = append(out, p.wrap(p.env.Styles.Subtle, rule)...)
	return append(out, p.wrap(p.env.Styles.Warning, p.t("ui.insight.tax_note"))...)
}
