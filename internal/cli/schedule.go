package cli

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/ical"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/records"
)

// scheduleFormats: the upcoming repayments as data, or as a calendar a
// calendar app imports.
const formatICS outputFormat = "ics"

var scheduleFormats = []outputFormat{formatTable, formatJSON, formatCSV, formatICS}

// scheduleCSVHeader names the CSV columns; scripts rely on them.
var scheduleCSVHeader = []string{"date", "pledge_id", "project_id", "project_title", "capital", "interest", "total", "estimated"}

// scheduleOptions are `miimosa schedule`'s flags.
type scheduleOptions struct {
	user   userFlags
	months int
	format string
	csvRaw bool
}

func newScheduleCmd(f *Factory) *cobra.Command {
	var opts scheduleOptions
	cmd := &cobra.Command{
		Use:     "schedule",
		Short:   f.T("cli.short.miimosa.schedule"),
		Long:    f.T("cli.long.miimosa.schedule", strings.Join(scheduleCSVHeader, ", ")),
		Example: f.T("cli.example.miimosa.schedule"),
		Args:    noArgs(f),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSchedule(cmd.Context(), f, &opts)
		},
	}
	opts.user.register(cmd, f)
	cmd.Flags().IntVar(&opts.months, "months", 12, f.T("cli.usage.miimosa.schedule.months"))
	_ = cmd.RegisterFlagCompletionFunc("months", noFileCompletion)
	registerFormatFlag(cmd, f, &opts.format, scheduleFormats)
	registerCSVRawFlag(cmd, f, &opts.csvRaw)
	return cmd
}

func runSchedule(ctx context.Context, f *Factory, opts *scheduleOptions) error {
	outFmt, err := parseFormat(f.Printer, opts.format, scheduleFormats)
	if err != nil {
		return err
	}
	if opts.months < 1 || opts.months > 600 {
		return usageErr(f.T("insight.cli.err.months", opts.months))
	}
	pf, err := openPortfolio(ctx, f, &opts.user)
	if err != nil {
		return err
	}
	dues := upcoming(&pf.report, opts.months)
	o := newOutput(f, outFmt)
	o.csvRaw = opts.csvRaw
	switch outFmt {
	case formatJSON:
		out := []scheduleJSON{}
		for _, d := range dues {
			out = append(out, scheduleJSON{Date: records.Time(d.Date), PledgeID: d.PledgeID, ProjectID: d.Project.ID,
				Project: d.Project.Title, Capital: moneyText(d.Capital), Interest: moneyText(d.Interest),
				Total: moneyText(d.Total()), Estimated: d.Estimated})
		}
		err = writeJSONValue(o.w, out)
	case formatCSV:
		cw := newCSVWriter(o)
		err = cw.write(scheduleCSVHeader)
		for _, d := range dues {
			err = errors.Join(err, cw.write([]string{records.Time(d.Date), strconv.FormatInt(d.PledgeID, 10),
				strconv.FormatInt(d.Project.ID, 10), d.Project.Title, moneyText(d.Capital), moneyText(d.Interest),
				moneyText(d.Total()), strconv.FormatBool(d.Estimated)}))
		}
		err = errors.Join(err, cw.flush())
	case formatICS:
		err = writeScheduleICS(o, f, dues)
	default:
		err = writeScheduleTable(o, dues)
	}
	if ferr := o.flush(); err == nil {
		err = ferr
	}
	return err
}

// upcoming is what falls due from today to the same day months later:
// "the next 3 months" on 28 November runs to 28 February, not to the end
// of January (Report.Upcoming counts calendar months from this one).
func upcoming(r *insight.Report, months int) []insight.Due {
	end := r.Now.AddDate(0, months, 0)
	var out []insight.Due
	for _, d := range r.Upcoming(months + 1) {
		if !d.Date.After(end) {
			out = append(out, d)
		}
	}
	return out
}

// scheduleJSON is one upcoming instalment.
type scheduleJSON struct {
	Date      string `json:"date"`
	PledgeID  int64  `json:"pledge_id"`
	ProjectID int64  `json:"project_id"`
	Project   string `json:"project_title"`
	Capital   string `json:"capital"`
	Interest  string `json:"interest"`
	Total     string `json:"total"`
	Estimated bool   `json:"estimated"`
}

// writeScheduleTable lists each instalment, then the total of each month.
func writeScheduleTable(o *output, dues []insight.Due) error {
	t, f := o.p.T, o.f
	if len(dues) == 0 {
		_, err := o.w.WriteString(t("insight.cli.schedule_none") + "\n")
		return err
	}
	var rows [][]string
	estimated := false
	for _, d := range dues {
		mark := ""
		if d.Estimated {
			mark, estimated = "*", true
		}
		rows = append(rows, []string{f.Date(d.Date), strconv.FormatInt(d.PledgeID, 10), clean(d.Project.Title),
			f.Money(d.Capital.Money()), f.Money(d.Interest.Money()), f.Money(d.Total().Money()) + mark})
	}
	if err := o.renderTable([]column{
		{header: t("insight.cli.col.date"), right: true}, {header: o.p.T("cli.col.id"), right: true, drop: 2},
		{header: o.p.T("cli.col.project"), min: 16}, {header: t("insight.cli.col.capital"), right: true, drop: 1},
		{header: t("insight.cli.col.interest"), right: true, drop: 1}, {header: t("insight.cli.col.total"), right: true},
	}, rows); err != nil {
		return err
	}
	if err := o.heading(t("insight.cli.by_month"), true); err != nil {
		return err
	}
	rows = rows[:0]
	var all insight.Cents
	for _, day := range insight.ByDay(dues) {
		month := f.Month(day.Date)
		if n := len(rows); n > 0 && rows[n-1][0] == month {
			continue
		}
		var sum insight.Cents
		for _, d := range dues {
			if f.Month(d.Date) == month {
				sum += d.Total()
			}
		}
		all += sum
		rows = append(rows, []string{month, f.Money(sum.Money())})
	}
	rows = append(rows, []string{t("insight.cli.col.total"), f.Money(all.Money())})
	if err := o.renderTable([]column{{header: t("insight.cli.col.month"), min: 8}, {header: t("insight.cli.col.total"), right: true}}, rows); err != nil {
		return err
	}
	if estimated {
		_, err := o.w.WriteString("\n" + t("insight.cli.estimated_note") + "\n")
		return err
	}
	return nil
}

// writeScheduleICS writes one all-day event per repayment date: the total
// in the summary, the loans in the description, in the person's words.
// Nothing identifies the person: no email, no birthdate.
func writeScheduleICS(o *output, f *Factory, dues []insight.Due) error {
	t, fm := o.p.T, o.f
	cal := ical.Calendar{ProdID: "-//MiiMOSA//miimosa " + Version + "//" + strings.ToUpper(f.Lang.String()), Name: t("insight.cli.ics_name")}
	for _, day := range insight.ByDay(dues) {
		var lines []string
		ids := fnv.New64a()
		for _, d := range day.Items {
			line := t("insight.cli.ics_line", clean(d.Project.Title), d.PledgeID,
				fm.Money(d.Capital.Money()), fm.Money(d.Interest.Money()))
			if d.Estimated {
				line += " *" // the note below says what it means
			}
			lines = append(lines, line)
			fmt.Fprintf(ids, "%d,", d.PledgeID)
		}
		if day.Estimated {
			lines = append(lines, t("insight.cli.estimated_note"))
		}
		cal.Events = append(cal.Events, ical.Event{
			// The day and its pledges: two lenders' calendars imported into
			// one app keep their events apart, and a newer export of the same
			// one replaces them. Nothing in it says who the lender is.
			UID:         fmt.Sprintf("repayment-%s-%016x@miimosa", day.Date.Format("20060102"), ids.Sum64()),
			Date:        day.Date.Time,
			Summary:     t("insight.cli.ics_summary", fm.Money(day.Total().Money())),
			Description: strings.Join(lines, "\n"),
		})
	}
	return ical.Write(o.w, cal, f.Now())
}
