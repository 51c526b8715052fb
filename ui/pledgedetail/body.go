package pledgedetail

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// body is every line below the title: the pledge's facts, its schedule and
// the fields the client does not know. With the report's loan the schedule
// is the loan's, instalment by instalment with where each stands, and the
// pledge's own return is shown.
func body(env *common.Env, p api.Pledge, loan *insight.Loan, w int, private bool) []string {
	f, s, t := env.Format, env.Styles, env.T.T
	money := func(m api.Money) string { return f.MoneyMasked(m, private) }
	// What the list's Next due says: the oldest unpaid instalment when one
	// is late, marked so.
	next := "—"
	today, loc := common.Today(env)
	if d, ok := common.NextDue(p, today, loc); ok {
		date := f.Date(d.Date)
		if d.Late {
			date = t("lists.pledges.late_date", date)
		}
		next = date + " · " + money(d.Amount)
	}
	project := textsafe.Clean(p.Project.Title)
	if p.Project.ID != 0 {
		project += fmt.Sprintf(" (#%d)", p.Project.ID)
	}
	url := "—"
	if p.Project.Slug != "" {
		url = labels.SlugURL(p.Project.Slug)
	}
	fl := func(label, value string) common.Field { return common.Field{Label: label, Value: value} }
	rows := []common.Field{
		fl(t("panes.pledge.id"), fmt.Sprint(p.ID)),
		fl(t("panes.pledge.project"), project),
		fl(t("panes.detail.category"), labels.Category(env.T, p.Project.Category)),
		fl(t("panes.detail.url"), url),
		fl(t("panes.pledge.amount"), money(p.Amount)),
		fl(t("panes.detail.rate"), f.Percent(p.InterestRate)),
		fl(t("panes.detail.duration"), f.Months(p.DurationMonths)),
		fl(t("panes.pledge.status"), labels.PledgeStatus(env.T, p.Status)),
		fl(t("panes.pledge.created"), f.Date(p.CreatedAt)),
		fl(t("panes.pledge.repaid"), money(p.RepaidCapital)+" ("+common.RepaidShare(env, p, private)+")"),
		fl(t("panes.pledge.interest"), money(p.PaidInterest)),
		fl(t("panes.pledge.remaining"), money(p.RemainingCapital)),
		fl(t("panes.pledge.next"), next),
	}
	if loan != nil {
		rows = append(rows, fl(t("panes.pledge.return"), returns(env, loan, private)))
	}
	out := common.Fields(s, rows, w)

	out = append(out, "", s.Header.Render(t("panes.pledge.schedule")))
	switch {
	case loan != nil && len(loan.Schedule) > 0:
		if loan.Estimated {
			out = append(out, wrapped(s.Warning, t("panes.pledge.estimated"), w)...)
		}
		out = append(out, loanSchedule(env, loan, w, private)...)
	case len(p.Repayments) == 0:
		out = append(out, s.Subtle.Render(t("panes.pledge.no_schedule")))
	default:
		out = append(out, schedule(env, p.Repayments, w, private)...)
	}

	var other []string
	other = append(other, common.ExtraLines(p.Extra, "", w, private)...)
	other = append(other, common.ExtraLines(p.Project.Extra, "project.", w, private)...)
	if p.NextRepayment != nil {
		other = append(other, common.ExtraLines(p.NextRepayment.Extra, "next_repayment.", w, private)...)
	}
	for i, r := range p.Repayments {
		other = append(other, common.ExtraLines(r.Extra, fmt.Sprintf("repayments[%d].", i), w, private)...)
	}
	if len(other) > 0 {
		out = append(out, "", s.Header.Render(t("panes.detail.other")))
		out = append(out, other...)
	}
	return out
}

var scheduleColumns = []common.Column{
	{Width: 12},
	{Width: 13, Right: true},
	{Width: 13, Right: true},
	{Width: 12, Priority: 1},
}

// schedule is the repayment table with its totals in cents.
func schedule(env *common.Env, rs []api.Repayment, w int, private bool) []string {
	f, s, t := env.Format, env.Styles, env.T.T
	widths := common.FitColumns(scheduleColumns, w)
	out := []string{s.Header.Render(common.Row([]string{
		t("panes.pledge.date"), t("panes.pledge.capital"), t("panes.pledge.interest_col"), t("panes.col.status"),
	}, widths, scheduleColumns))}
	capital := api.Money{Currency: "EUR"}
	interest := api.Money{Currency: "EUR"}
	for _, r := range rs {
		out = append(out, common.Row([]string{
			f.Date(r.Date), f.MoneyMasked(r.Capital, private), f.MoneyMasked(r.Interest, private),
			labels.RepaymentStatus(env.T, r.Status),
		}, widths, scheduleColumns))
		if r.Capital.Valid {
			capital.Cents, capital.Valid, capital.Currency = capital.Cents+r.Capital.Cents, true, r.Capital.Currency
		}
		if r.Interest.Valid {
			interest.Cents, interest.Valid, interest.Currency = interest.Cents+r.Interest.Cents, true, r.Interest.Currency
		}
	}
	out = append(out, s.Header.Render(common.Row([]string{
		t("panes.pledge.total"), f.MoneyMasked(capital, private), f.MoneyMasked(interest, private), "",
	}, widths, scheduleColumns)))
	return out
}

// returns is the loan's realised and expected return beside its nominal
// rate; rates of money are masked when private.
func returns(env *common.Env, l *insight.Loan, private bool) string {
	f := env.Format
	rate := func(r insight.Rate) string {
		switch {
		case !r.OK:
			return format.Dash
		case private:
			return f.PercentMask()
		}
		s := f.PercentFixed(r.Percent(2))
		if l.Estimated {
			s = "≈" + s
		}
		return s
	}
	return env.T.T("panes.pledge.return_value", rate(l.Realised), rate(l.Expected), f.Percent(l.NominalRate))
}

// loanSchedule is the loan's schedule, each instalment paid, due, late or
// lost, with its totals in cents.
func loanSchedule(env *common.Env, l *insight.Loan, w int, private bool) []string {
	f, s, t := env.Format, env.Styles, env.T.T
	widths := common.FitColumns(scheduleColumns, w)
	out := []string{s.Header.Render(common.Row([]string{
		t("panes.pledge.date"), t("panes.pledge.capital"), t("panes.pledge.interest_col"), t("panes.col.status"),
	}, widths, scheduleColumns))}
	var capital, interest insight.Cents
	for _, in := range l.Schedule {
		state, style := stateText(env, in.State)
		out = append(out, common.Row([]string{
			f.Date(in.Date), f.MoneyMasked(in.Capital.Money(), private), f.MoneyMasked(in.Interest.Money(), private), state,
		}, widths, scheduleColumns))
		if style != nil {
			out[len(out)-1] = style.Render(out[len(out)-1])
		}
		capital += in.Capital
		interest += in.Interest
	}
	out = append(out, s.Header.Render(common.Row([]string{
		t("panes.pledge.total"), f.MoneyMasked(capital.Money(), private), f.MoneyMasked(interest.Money(), private), "",
	}, widths, scheduleColumns)))
	return out
}

// stateText names where an instalment stands, and the style that makes a
// late or lost one stand out (nil: plain).
func stateText(env *common.Env, st insight.State) (string, *lipgloss.Style) {
	t, s := env.T.T, env.Styles
	switch st {
	case insight.Paid:
		return t("panes.pledge.state_paid"), &s.Subtle
	case insight.Overdue:
		return t("panes.pledge.state_late"), &s.Warning
	case insight.Lost:
		return t("panes.pledge.state_lost"), &s.Error
	}
	return t("panes.pledge.state_due"), nil
}

// wrapped breaks a note over the width, styled.
func wrapped(style lipgloss.Style, text string, w int) []string {
	lines := common.Wrap(text, w)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}
