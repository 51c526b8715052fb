package cli

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
)

func init() { register(newPledgesCmd) }

// pledgesCSVHeader names the CSV columns; scripts rely on them.
var pledgesCSVHeader = []string{
	"id", "project_id", "project_title", "project_category", "amount", "interest_rate",
	"duration_months", "status", "created_at", "repaid_capital", "paid_interest",
	"remaining_capital", "next_repayment_date", "next_repayment_amount",
}

func newPledgesCmd(app *App, g *Globals) *cobra.Command {
	var (
		user      userFlags
		limit     int
		all       bool
		outFormat string
	)
	cmd := &cobra.Command{
		Use:   "pledges --email EMAIL [--birthdate DD/MM/YYYY]",
		Short: "List a lender's lending pledges and what they repay",
		Long: "List the lending pledges of the lender with this email and birthdate, 20 unless --limit " +
			"or --all says otherwise. Without --birthdate, it is asked for on the terminal, so that it " +
			"stays out of the shell's history; without a terminal, pass --birthdate.\n\n" +
			"json prints an array of objects (with the repayment schedule when the server sends it), " +
			"ndjson one object a line; amounts and rates are decimal strings (\"1234.56\"), dates ISO 8601, " +
			"unknown values null. csv has these columns: " + strings.Join(pledgesCSVHeader, ", ") +
			". With --all, ndjson and csv print each page as it arrives.",
		Example: `miimosa pledges --email camille@example.com --all
miimosa pledges --email camille@example.com --birthdate 27/11/1980 --all --format csv > pledges.csv`,
		Args: noArgs(app, g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			p := i18n.New(i18n.Detect(g.Lang, app.Getenv))
			f, err := parseFormat(p, outFormat, listFormats)
			if err != nil {
				return err
			}
			n, err := limitFlag(cmd, p, limit, all)
			if err != nil {
				return err
			}
			if err := user.check(cmd.Context(), app, p, g.Demo); err != nil {
				return err
			}
			s, client, err := openClient(cmd, app, g, p)
			if err != nil {
				return err
			}
			defer s.close()
			u, err := user.resolve(s.Session, s.p)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			o := newOutput(app, s.Lang, f)
			return s.explain(writeList(ctx, o, client.PledgePages(ctx, u, pageSize(n)), n, pledgeListing))
		},
	}
	user.register(cmd)
	cmd.Flags().IntVar(&limit, "limit", 20, "how many pledges to list at most")
	cmd.Flags().BoolVar(&all, "all", false, "list every pledge, page after page")
	_ = cmd.RegisterFlagCompletionFunc("limit", noFileCompletion)
	registerFormatFlag(cmd, &outFormat, listFormats)
	return cmd
}

var pledgeListing = listing[api.Pledge]{
	json:      func(pl api.Pledge) any { return newPledgeJSON(pl) },
	csvHeader: pledgesCSVHeader,
	csvRow: func(pl api.Pledge) []string {
		nextDate, nextAmount := "", ""
		if n := pl.NextRepayment; n != nil {
			nextDate, nextAmount = isoTime(n.Date), n.Amount.String()
		}
		return []string{
			strconv.FormatInt(pl.ID, 10), strconv.FormatInt(pl.Project.ID, 10), pl.Project.Title,
			pl.Project.Category, pl.Amount.String(), pl.InterestRate.String(), intString(pl.DurationMonths),
			pl.Status, isoTime(pl.CreatedAt), pl.RepaidCapital.String(), pl.PaidInterest.String(),
			pl.RemainingCapital.String(), nextDate, nextAmount,
		}
	},
	columns: func(o *output) []column {
		return []column{
			{header: o.p.T("cli.col.id"), right: true},
			{header: o.p.T("cli.col.project"), min: 24},
			{header: o.p.T("cli.col.category"), min: 10, drop: 6},
			{header: o.p.T("cli.col.amount"), right: true},
			{header: o.p.T("cli.col.rate"), right: true, drop: 5},
			{header: o.p.T("cli.col.duration"), right: true, drop: 7},
			{header: o.p.T("cli.col.status"), min: 12},
			{header: o.p.T("cli.col.repaid"), right: true, drop: 4},
			{header: o.p.T("cli.col.next_date"), right: true, drop: 2},
			{header: o.p.T("cli.col.next_amount"), right: true, drop: 3},
		}
	},
	cells: func(o *output, pl api.Pledge) []string {
		nextDate, nextAmount := "", ""
		if n := pl.NextRepayment; n != nil {
			nextDate, nextAmount = o.f.Date(n.Date), o.f.Money(n.Amount)
		}
		return []string{
			strconv.FormatInt(pl.ID, 10),
			clean(pl.Project.Title),
			labels.Category(o.p, pl.Project.Category),
			o.f.Money(pl.Amount),
			o.f.Percent(pl.InterestRate),
			o.f.Months(pl.DurationMonths),
			labels.PledgeStatus(o.p, pl.Status),
			o.f.Share(pl.RepaidCapital, pl.Amount),
			nextDate,
			nextAmount,
		}
	},
	footer: func(o *output, items []api.Pledge, total api.Int, more bool) []string {
		var lent, repaid, interest, outstanding api.Money
		for _, pl := range items {
			lent = addMoney(lent, pl.Amount)
			repaid = addMoney(repaid, pl.RepaidCapital)
			interest = addMoney(interest, pl.PaidInterest)
			outstanding = addMoney(outstanding, pl.RemainingCapital)
		}
		totals := o.p.T("cli.footer.totals", o.f.Money(lent), o.f.Money(repaid), o.f.Money(interest), o.f.Money(outstanding))
		if more {
			totals = o.p.T("cli.footer.totals_shown", totals)
		}
		return []string{"", totals, o.moreHint(len(items), total, more, "cli.noun.pledge", "cli.noun.pledges")}
	},
}

// addMoney sums amounts known to the cent, skipping unknown ones: a total
// of what is known is what a person reading it out needs.
func addMoney(sum, m api.Money) api.Money {
	if !m.Valid {
		return sum
	}
	if !sum.Valid {
		return m
	}
	sum.Cents += m.Cents
	return sum
}
