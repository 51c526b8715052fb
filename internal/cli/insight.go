package cli

import (
	"context"
	"math"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/records"
)

// insightFormats: the report is nested (sections, lists), so no flat CSV.
var insightFormats = []outputFormat{formatTable, formatJSON}

// insightOptions are `miimosa insight`'s flags.
type insightOptions struct {
	user   userFlags
	format string
}

func newInsightCmd(f *Factory) *cobra.Command {
	var opts insightOptions
	cmd := &cobra.Command{
		Use:     "insight",
		Short:   f.T("cli.short.miimosa.insight"),
		Long:    f.T("cli.long.miimosa.insight"),
		Example: f.T("cli.example.miimosa.insight"),
		Args:    noArgs(f),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runInsight(cmd.Context(), f, &opts)
		},
	}
	opts.user.register(cmd, f)
	registerFormatFlag(cmd, f, &opts.format, insightFormats)
	return cmd
}

func runInsight(ctx context.Context, f *Factory, opts *insightOptions) error {
	outFmt, err := parseFormat(f.Printer, opts.format, insightFormats)
	if err != nil {
		return err
	}
	pf, err := openPortfolio(ctx, f, &opts.user)
	if err != nil {
		return err
	}
	o := newOutput(f, outFmt)
	if outFmt == formatJSON {
		err = writeJSONValue(o.w, newInsightJSON(&pf.report))
	} else {
		err = writeInsightTable(o, &pf.report)
	}
	if ferr := o.flush(); err == nil {
		err = ferr
	}
	return err
}

// writeInsightTable prints the answers first (what a caller asks), then
// the return, the calendar, the risk, the spread and each loan.
func writeInsightTable(o *output, r *insight.Report) error {
	t, f := o.p.T, o.f
	if len(r.Loans) == 0 {
		_, err := o.w.WriteString(t("insight.cli.none") + "\n")
		return err
	}
	est := func(on bool) string {
		if on {
			return " " + t("insight.cli.estimated")
		}
		return ""
	}
	a := r.Answers
	next := "—"
	if a.NextDate.Valid {
		next = t("insight.cli.next_value", f.Date(a.NextDate), f.Money(a.NextAmount().Money()), labels.Loans(o.p, f, a.NextCount)) + est(a.NextEstimated)
	}
	late := t("insight.cli.late_none")
	if n := len(a.Late); n > 0 {
		var sum insight.Cents
		oldest := a.Late[0].Since
		for _, l := range a.Late {
			sum += l.Total()
			if l.Since.Valid && l.Since.Before(oldest.Time) {
				oldest = l.Since
			}
		}
		late = t("insight.cli.late_value", labels.Loans(o.p, f, n), f.Money(sum.Money()), f.Date(oldest))
	}
	sections := []struct {
		title  string
		fields []field
	}{
		{t("insight.cli.answers"), []field{
			{label: t("insight.cli.next"), value: next},
			{label: t("insight.cli.late"), value: late},
			{label: t("insight.cli.interest_year", r.Now.Year()), value: f.Money(a.InterestThisYear.Money()) + est(a.InterestThisYearEstimated), right: true},
		}},
		{t("insight.cli.return"), []field{
			{label: t("insight.cli.realised"), value: f.PercentFixed(r.Realised.Percent(2)) + est(r.Estimated)},
			{label: t("insight.cli.expected"), value: f.PercentFixed(r.Expected.Percent(2)) + est(r.Estimated)},
			{label: t("insight.cli.lent"), value: f.Money(r.Lent.Money()), right: true},
			{label: t("insight.cli.repaid"), value: f.Money(r.PaidCapital.Money()), right: true},
			{label: t("insight.cli.interest"), value: f.Money(r.PaidInterest.Money()), right: true},
			{label: t("insight.cli.outstanding"), value: f.Money(r.Risk.Outstanding.Money()), right: true},
			{label: t("insight.cli.pending"), value: f.Money(r.Pending.Money()), right: true},
		}},
		{t("insight.cli.risk"), []field{
			{label: labels.PledgeStatus(o.p, "repaying"), value: f.Money(r.Risk.Repaying.Money()), right: true},
			{label: labels.PledgeStatus(o.p, "late"), value: f.Money(r.Risk.Late.Money()), right: true},
			{label: labels.PledgeStatus(o.p, "defaulted"), value: f.Money(r.Risk.Defaulted.Money()), right: true},
			{label: t("insight.cli.at_risk"), value: f.Money(r.Risk.AtRisk.Money()) + " (" + f.Share(r.Risk.AtRisk.Money(), r.Risk.Outstanding.Money()) + ")", right: true},
		}},
	}
	for i, sec := range sections {
		if err := o.heading(sec.title, i > 0); err != nil {
			return err
		}
		if err := o.renderFields(sec.fields); err != nil {
			return err
		}
	}
	if err := o.heading(t("insight.cli.ahead"), true); err != nil {
		return err
	}
	var overdue *insight.MonthFlow
	if ov := r.Calendar.Overdue; ov.Count > 0 {
		overdue = &ov
	}
	if err := writeMonthFlows(o, r.Calendar.Ahead, overdue); err != nil {
		return err
	}
	if err := o.heading(t("insight.cli.behind"), true); err != nil {
		return err
	}
	if err := writeMonthFlows(o, r.Calendar.Behind, nil); err != nil {
		return err
	}
	if err := o.heading(t("insight.cli.spread"), true); err != nil {
		return err
	}
	d := r.Diversification
	spread := []field{
		{label: t("insight.cli.top5"), value: f.Share(d.ByProject.Top5.Money(), d.ByProject.Total.Money())},
		{label: t("insight.cli.hhi"), value: t("insight.cli.hhi_value", f.Decimal(fixed(d.ByProject.HHI, 3)), f.Decimal(fixed(d.ByProject.Effective, 1)))},
	}
	for _, b := range []struct {
		key   i18n.Key
		br    insight.Breakdown
		label func(insight.Slice) string
	}{
		{"insight.cli.by_category", d.ByCategory, func(s insight.Slice) string { return labels.Category(o.p, s.Key) }},
		{"insight.cli.by_region", d.ByRegion, func(s insight.Slice) string { return orDash(clean(s.Label)) }},
	} {
		for i, sl := range b.br.Slices {
			if i == 3 {
				break
			}
			label := ""
			if i == 0 {
				label = t(b.key)
			}
			spread = append(spread, field{label: label, value: b.label(sl) + " " + f.Money(sl.Outstanding.Money()) + " (" + f.Share(sl.Outstanding.Money(), b.br.Total.Money()) + ")"})
		}
	}
	if err := o.renderFields(spread); err != nil {
		return err
	}
	if len(r.Tax) > 0 {
		if err := o.heading(t("insight.cli.tax_years"), true); err != nil {
			return err
		}
		var years [][]string
		for _, y := range r.Tax {
			years = append(years, []string{strconv.Itoa(y.Year), f.Money(y.Interest.Money()) + est(y.Estimated),
				f.Money(y.Withholding.Money()), f.Money(y.Lost.Money())})
		}
		if err := o.renderTable([]column{
			{header: t("insight.cli.col.year")}, {header: t("insight.cli.col.interest"), right: true},
			{header: t("insight.cli.col.withholding"), right: true}, {header: t("insight.cli.col.lost"), right: true},
		}, years); err != nil {
			return err
		}
	}
	if err := o.heading(t("insight.cli.loans"), true); err != nil {
		return err
	}
	var rows [][]string
	for _, l := range r.Loans {
		rows = append(rows, []string{
			strconv.FormatInt(l.ID, 10), clean(l.Project.Title), labels.PledgeStatus(o.p, l.Status),
			f.Money(l.Amount.Money()), f.Percent(l.NominalRate), f.PercentFixed(l.Realised.Percent(2)),
			f.PercentFixed(l.Expected.Percent(2)) + est(l.Estimated),
		})
	}
	return o.renderTable([]column{
		{header: o.p.T("cli.col.id"), right: true}, {header: o.p.T("cli.col.project"), min: 16},
		{header: o.p.T("cli.col.status"), min: 8, drop: 3}, {header: o.p.T("cli.col.amount"), right: true, drop: 2},
		{header: o.p.T("cli.col.rate"), right: true, drop: 1}, {header: t("insight.cli.col.realised"), right: true},
		{header: t("insight.cli.col.expected"), right: true},
	}, rows)
}

// writeMonthFlows is a table of months, capital, interest and total, with
// the overdue instalments last when there are any.
func writeMonthFlows(o *output, months []insight.MonthFlow, overdue *insight.MonthFlow) error {
	t, f := o.p.T, o.f
	row := func(label string, m insight.MonthFlow) []string {
		return []string{label, f.Money(m.Capital.Money()), f.Money(m.Interest.Money()), f.Money(m.Total().Money())}
	}
	var rows [][]string
	for _, m := range months {
		rows = append(rows, row(f.Month(m.Month.First()), m))
	}
	if overdue != nil {
		rows = append(rows, row(t("insight.cli.overdue"), *overdue))
	}
	return o.renderTable([]column{
		{header: t("insight.cli.col.month"), min: 8}, {header: t("insight.cli.col.capital"), right: true},
		{header: t("insight.cli.col.interest"), right: true}, {header: t("insight.cli.col.total"), right: true},
	}, rows)
}

// fixed is x rounded half up to digits decimals, for display only.
func fixed(x float64, digits int) api.Decimal {
	scale := math.Pow10(digits)
	return api.Decimal{Value: int64(math.Floor(x*scale + 0.5)), Scale: digits, Valid: true}
}

// insightJSON is the report for scripts: stable English names, money and
// rates as decimal strings (rates in percent), dates ISO, null when unknown.
type insightJSON struct {
	Now          string             `json:"as_of"`
	Lent         string             `json:"lent"`
	Pending      string             `json:"pending"`
	PaidCapital  string             `json:"repaid_capital"`
	PaidInterest string             `json:"paid_interest"`
	Outstanding  string             `json:"outstanding"`
	Realised     *string            `json:"realised_return"`
	Expected     *string            `json:"expected_return"`
	Estimated    bool               `json:"estimated"`
	Next         *insightNextJSON   `json:"next_repayment"`
	Late         []insightLateJSON  `json:"late"`
	InterestYear string             `json:"interest_this_year"`
	Ahead        []insightMonthJSON `json:"next_12_months"`
	Behind       []insightMonthJSON `json:"last_12_months"`
	Overdue      insightMonthJSON   `json:"overdue"`
	Risk         insightRiskJSON    `json:"risk"`
	Spread       insightSpreadJSON  `json:"diversification"`
	Tax          []taxJSON          `json:"tax_years"`
	Loans        []insightLoanJSON  `json:"loans"`
}

type insightNextJSON struct {
	Date      string `json:"date"`
	Amount    string `json:"amount"`
	Loans     int    `json:"loans"`
	Estimated bool   `json:"estimated"`
}

type insightLateJSON struct {
	PledgeID    int64  `json:"pledge_id"`
	Project     string `json:"project_title"`
	Since       string `json:"since"`
	Instalments int    `json:"instalments"`
	Amount      string `json:"amount"`
}

type insightMonthJSON struct {
	Month    string `json:"month,omitempty"`
	Capital  string `json:"capital"`
	Interest string `json:"interest"`
	Count    int    `json:"instalments"`
}

type insightRiskJSON struct {
	Repaying  string `json:"repaying"`
	Late      string `json:"late"`
	Defaulted string `json:"defaulted"`
	AtRisk    string `json:"at_risk"`
}

type insightSliceJSON struct {
	Key         string `json:"key"`
	Label       string `json:"label,omitempty"`
	Outstanding string `json:"outstanding"`
	Loans       int    `json:"loans"`
}

type insightSpreadJSON struct {
	ByCategory []insightSliceJSON `json:"by_category"`
	ByRegion   []insightSliceJSON `json:"by_region"`
	ByProject  []insightSliceJSON `json:"by_project"`
	Top5       string             `json:"top5_projects"`
	HHI        string             `json:"hhi"`
	Effective  string             `json:"effective_projects"`
}

type insightLoanJSON struct {
	PledgeID    int64   `json:"pledge_id"`
	ProjectID   int64   `json:"project_id"`
	Project     string  `json:"project_title"`
	Status      string  `json:"status"`
	Amount      string  `json:"amount"`
	NominalRate *string `json:"interest_rate"`
	Realised    *string `json:"realised_return"`
	Expected    *string `json:"expected_return"`
	Outstanding string  `json:"outstanding"`
	Estimated   bool    `json:"estimated_schedule"`
}

func newInsightJSON(r *insight.Report) insightJSON {
	month := func(m insight.MonthFlow, named bool) insightMonthJSON {
		j := insightMonthJSON{Capital: moneyText(m.Capital), Interest: moneyText(m.Interest), Count: m.Count}
		if named {
			j.Month = m.Month.First().Format("2006-01")
		}
		return j
	}
	slices := func(b insight.Breakdown) []insightSliceJSON {
		out := []insightSliceJSON{}
		for _, s := range b.Slices {
			out = append(out, insightSliceJSON{Key: s.Key, Label: s.Label, Outstanding: moneyText(s.Outstanding), Loans: s.Loans})
		}
		return out
	}
	j := insightJSON{
		Now: r.Now.Format("2006-01-02T15:04:05Z07:00"), Lent: moneyText(r.Lent), Pending: moneyText(r.Pending),
		PaidCapital: moneyText(r.PaidCapital), PaidInterest: moneyText(r.PaidInterest), Outstanding: moneyText(r.Risk.Outstanding),
		Realised: rateText(r.Realised), Expected: rateText(r.Expected), Estimated: r.Estimated,
		Late: []insightLateJSON{}, InterestYear: moneyText(r.Answers.InterestThisYear),
		Overdue: month(r.Calendar.Overdue, false),
		Risk: insightRiskJSON{Repaying: moneyText(r.Risk.Repaying), Late: moneyText(r.Risk.Late),
			Defaulted: moneyText(r.Risk.Defaulted), AtRisk: moneyText(r.Risk.AtRisk)},
		Tax: []taxJSON{}, Loans: []insightLoanJSON{},
	}
	if a := r.Answers; a.NextDate.Valid {
		j.Next = &insightNextJSON{Date: records.Time(a.NextDate), Amount: moneyText(a.NextAmount()), Loans: a.NextCount, Estimated: a.NextEstimated}
	}
	for _, l := range r.Answers.Late {
		j.Late = append(j.Late, insightLateJSON{PledgeID: l.PledgeID, Project: l.Project.Title, Since: records.Time(l.Since), Instalments: l.Instalments, Amount: moneyText(l.Total())})
	}
	for _, m := range r.Calendar.Ahead {
		j.Ahead = append(j.Ahead, month(m, true))
	}
	for _, m := range r.Calendar.Behind {
		j.Behind = append(j.Behind, month(m, true))
	}
	d := r.Diversification
	j.Spread = insightSpreadJSON{ByCategory: slices(d.ByCategory), ByRegion: slices(d.ByRegion), ByProject: slices(d.ByProject),
		Top5: moneyText(d.ByProject.Top5), HHI: strconv.FormatFloat(d.ByProject.HHI, 'f', 4, 64), Effective: strconv.FormatFloat(d.ByProject.Effective, 'f', 2, 64)}
	for _, y := range r.Tax {
		j.Tax = append(j.Tax, newTaxJSON(y))
	}
	for _, l := range r.Loans {
		var nominal *string
		if l.NominalRate.Valid {
			s := l.NominalRate.String()
			nominal = &s
		}
		j.Loans = append(j.Loans, insightLoanJSON{PledgeID: l.ID, ProjectID: l.Project.ID, Project: l.Project.Title, Status: l.Status,
			Amount: moneyText(l.Amount), NominalRate: nominal, Realised: rateText(l.Realised), Expected: rateText(l.Expected),
			Outstanding: moneyText(l.Outstanding), Estimated: l.Estimated})
	}
	return j
}
