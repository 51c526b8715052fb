package pledges

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/projectdetail"
)

// detail is one pledge with its repayment schedule, scrollable. Its body
// is built when it opens or the size or privacy changes; view only slices.
type detail struct {
	pledge api.Pledge
	vp     viewport.Model
}

func newDetail(p api.Pledge) detail {
	return detail{pledge: p, vp: viewport.New()}
}

func (d detail) setSize(env *common.Env, w, h int, private bool) detail {
	d.vp.SetWidth(w)
	d.vp.SetHeight(max(0, h-1))
	d.vp.SetContentLines(body(env, d.pledge, max(1, w), private))
	return d
}

func (d detail) view(env *common.Env, w, h int) string {
	title := env.Styles.Title.Render(env.T.T("panes.pledge.title", d.pledge.ID, textsafe.Clean(d.pledge.Project.Title)))
	lines := []string{title}
	if h > 1 {
		lines = append(lines, strings.Split(d.vp.View(), "\n")...)
	}
	return common.Block(lines, w, h)
}

func body(env *common.Env, p api.Pledge, w int, private bool) []string {
	f, s, t := env.Format, env.Styles, env.T.T
	money := func(m api.Money) string { return f.MoneyMasked(m, private) }
	next := "—"
	if n := p.NextRepayment; n != nil {
		next = f.Date(n.Date) + " · " + money(n.Amount)
	}
	project := textsafe.Clean(p.Project.Title)
	if p.Project.ID != 0 {
		project += fmt.Sprintf(" (#%d)", p.Project.ID)
	}
	url := "—"
	if p.Project.Slug != "" {
		url = labels.SlugURL(p.Project.Slug)
	}
	fl := func(label, value string) projectdetail.Field { return projectdetail.Field{Label: label, Value: value} }
	rows := []projectdetail.Field{
		fl(t("panes.pledge.id"), fmt.Sprint(p.ID)),
		fl(t("panes.pledge.project"), project),
		fl(t("panes.detail.category"), labels.Category(env.T, p.Project.Category)),
		fl(t("panes.detail.url"), url),
		fl(t("panes.pledge.amount"), money(p.Amount)),
		fl(t("panes.detail.rate"), f.Percent(p.InterestRate)),
		fl(t("panes.detail.duration"), f.Months(p.DurationMonths)),
		fl(t("panes.pledge.status"), labels.PledgeStatus(env.T, p.Status)),
		fl(t("panes.pledge.created"), f.Date(p.CreatedAt)),
		fl(t("panes.pledge.repaid"), money(p.RepaidCapital)+" ("+repaidShare(env, p)+")"),
		fl(t("panes.pledge.interest"), money(p.PaidInterest)),
		fl(t("panes.pledge.remaining"), money(p.RemainingCapital)),
		fl(t("panes.pledge.next"), next),
	}
	out := projectdetail.Fields(s, rows, w)

	out = append(out, "", s.Header.Render(t("panes.pledge.schedule")))
	if len(p.Repayments) == 0 {
		out = append(out, s.Subtle.Render(t("panes.pledge.no_schedule")))
	} else {
		out = append(out, schedule(env, p.Repayments, w, private)...)
	}

	var other []string
	other = append(other, projectdetail.ExtraLines(p.Extra, "", w, private)...)
	other = append(other, projectdetail.ExtraLines(p.Project.Extra, "project.", w, private)...)
	if p.NextRepayment != nil {
		other = append(other, projectdetail.ExtraLines(p.NextRepayment.Extra, "next_repayment.", w, private)...)
	}
	for i, r := range p.Repayments {
		other = append(other, projectdetail.ExtraLines(r.Extra, fmt.Sprintf("repayments[%d].", i), w, private)...)
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
