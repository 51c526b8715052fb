package cli

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/records"
)

// pledgesCSVHeader names the CSV columns; scripts rely on them.
var pledgesCSVHeader = records.PledgeHeader

// pledgesOptions are `miimosa pledges`' flags.
type pledgesOptions struct {
	user   userFlags
	limit  int
	all    bool
	format string
	csvRaw bool
}

func newPledgesCmd(f *Factory) *cobra.Command {
	var opts pledgesOptions
	cmd := &cobra.Command{
		Use:     "pledges",
		Short:   f.T("cli.short.miimosa.pledges"),
		Long:    f.T("cli.long.miimosa.pledges", strings.Join(pledgesCSVHeader, ", ")),
		Example: f.T("cli.example.miimosa.pledges"),
		Args:    noArgs(f),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runPledges(cmd, f, &opts)
		},
	}
	opts.user.register(cmd, f)
	cmd.Flags().IntVar(&opts.limit, "limit", 20, f.T("cli.usage.miimosa.pledges.limit"))
	cmd.Flags().BoolVar(&opts.all, "all", false, f.T("cli.usage.miimosa.pledges.all"))
	_ = cmd.RegisterFlagCompletionFunc("limit", noFileCompletion)
	registerFormatFlag(cmd, f, &opts.format, listFormats)
	registerCSVRawFlag(cmd, f, &opts.csvRaw)
	return cmd
}

func runPledges(cmd *cobra.Command, f *Factory, opts *pledgesOptions) error {
	ctx := cmd.Context()
	outFmt, err := parseFormat(f.Printer, opts.format, listFormats)
	if err != nil {
		return err
	}
	n, err := limitFlag(cmd, f.Printer, opts.limit, opts.all)
	if err != nil {
		return err
	}
	s, client, u, err := opts.user.open(ctx, f)
	if err != nil {
		return err
	}
	defer s.close()
	o := newOutput(f, outFmt)
	o.csvRaw = opts.csvRaw
	return s.explain(writeList(ctx, o, client.PledgePages(ctx, u, pageSize(n)), n, pledgeListing))
}

var pledgeListing = listing[api.Pledge]{
	json:      func(pl api.Pledge) any { return newPledgeJSON(pl) },
	csvHeader: pledgesCSVHeader,
	csvRow:    records.Pledge,
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
	newFooter: func(o *output) footer[api.Pledge] { return &pledgeTotals{o: o} },
}

// pledgeTotals sums the pledges a table shows, as they are printed.
type pledgeTotals struct {
	o                                 *output
	lent, repaid, interest, remaining api.Money
}

func (t *pledgeTotals) add(pl api.Pledge) {
	t.lent = addMoney(t.lent, pl.Amount)
	t.repaid = addMoney(t.repaid, pl.RepaidCapital)
	t.interest = addMoney(t.interest, pl.PaidInterest)
	t.remaining = addMoney(t.remaining, pl.RemainingCapital)
}

func (t *pledgeTotals) lines(shown int, total api.Int, more bool) []string {
	o := t.o
	totals := o.p.T("cli.footer.totals", o.f.Money(t.lent), o.f.Money(t.repaid), o.f.Money(t.interest), o.f.Money(t.remaining))
	if more {
		totals = o.p.T("cli.footer.totals_shown", totals)
	}
	return []string{"", totals, o.moreHint(shown, total, more, "cli.noun.pledge", "cli.noun.pledges")}
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
