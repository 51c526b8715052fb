package cli

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/records"
)

// projectsCSVHeader names the CSV columns; scripts rely on them, so they are
// English, stable, and listed in --help.
var projectsCSVHeader = records.ProjectHeader

// projectsOptions are `miimosa projects`' flags.
type projectsOptions struct {
	order, category, collectType, region, keyword string
	limit                                         int
	all                                           bool
	format                                        string
	csvRaw                                        bool
}

func newProjectsCmd(f *Factory) *cobra.Command {
	var opts projectsOptions
	cmd := &cobra.Command{
		Use:   "projects",
		Short: f.T("cli.short.miimosa.projects"),
		Long: f.T("cli.long.miimosa.projects",
			strings.Join(api.Orders, ", "), strings.Join(api.Categories, ", "),
			strings.Join(api.CollectTypes, ", "), regionList(), strings.Join(projectsCSVHeader, ", ")),
		Example: f.T("cli.example.miimosa.projects"),
		Args:    noArgs(f),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runProjects(cmd, f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.order, "order", "", f.T("cli.usage.miimosa.projects.order", strings.Join(api.Orders, ", ")))
	fl.StringVar(&opts.category, "category", "", f.T("cli.usage.miimosa.projects.category", strings.Join(api.Categories, ", ")))
	fl.StringVar(&opts.collectType, "type", "", f.T("cli.usage.miimosa.projects.type", strings.Join(api.CollectTypes, ", ")))
	fl.StringVar(&opts.region, "region", "", f.T("cli.usage.miimosa.projects.region"))
	fl.StringVar(&opts.keyword, "keyword", "", f.T("cli.usage.miimosa.projects.keyword"))
	fl.IntVar(&opts.limit, "limit", 20, f.T("cli.usage.miimosa.projects.limit"))
	fl.BoolVar(&opts.all, "all", false, f.T("cli.usage.miimosa.projects.all"))
	registerFormatFlag(cmd, f, &opts.format, listFormats)
	registerCSVRawFlag(cmd, f, &opts.csvRaw)
	_ = cmd.RegisterFlagCompletionFunc("order", completeWith(describedEnum(f, api.Orders, i18n.LabelOrder)))
	_ = cmd.RegisterFlagCompletionFunc("category", completeWith(describedEnum(f, api.Categories, i18n.LabelCategory)))
	_ = cmd.RegisterFlagCompletionFunc("type", completeWith(describedEnum(f, api.CollectTypes, i18n.LabelCollectType)))
	_ = cmd.RegisterFlagCompletionFunc("region", completeWith(regionCompletions))
	_ = cmd.RegisterFlagCompletionFunc("keyword", noFileCompletion)
	_ = cmd.RegisterFlagCompletionFunc("limit", noFileCompletion)
	return cmd
}

func regionList() string {
	parts := make([]string, len(api.Regions))
	for i, r := range api.Regions {
		parts[i] = r.Code + " " + r.Name
	}
	return strings.Join(parts, ", ")
}

func runProjects(cmd *cobra.Command, f *Factory, opts projectsOptions) error {
	ctx := cmd.Context()
	p := f.Printer
	// Every flag is checked before the first request: a typo costs nothing.
	outFmt, err := parseFormat(p, opts.format, listFormats)
	if err != nil {
		return err
	}
	q, err := projectQuery(p, opts)
	if err != nil {
		return err
	}
	limit, err := limitFlag(cmd, p, opts.limit, opts.all)
	if err != nil {
		return err
	}
	q.PerPage = pageSize(limit)

	s, client, err := openClient(ctx, f)
	if err != nil {
		return err
	}
	defer s.close()
	o := newOutput(f, outFmt)
	o.csvRaw = opts.csvRaw
	err = writeList(ctx, o, client.ProjectPages(ctx, q), limit, projectListing)
	return s.explain(err)
}

// projectQuery checks the filters against the API's enums, naming the
// allowed values when one is wrong.
func projectQuery(p i18n.Printer, fl projectsOptions) (api.ProjectQuery, error) {
	q := api.ProjectQuery{
		Order:    strings.TrimSpace(fl.order),
		Category: strings.ToLower(strings.TrimSpace(fl.category)),
		Type:     strings.ToLower(strings.TrimSpace(fl.collectType)),
		Keyword:  strings.TrimSpace(fl.keyword),
	}
	if q.Order != "" && !api.Valid(api.Orders, q.Order) {
		return q, usageErr(p.T("cli.err.enum", "--order", fl.order, strings.Join(api.Orders, ", ")))
	}
	if q.Category != "" && !api.Valid(api.Categories, q.Category) {
		return q, usageErr(p.T("cli.err.enum", "--category", fl.category, strings.Join(api.Categories, ", ")))
	}
	if q.Type != "" && !api.Valid(api.CollectTypes, q.Type) {
		return q, usageErr(p.T("cli.err.enum", "--type", fl.collectType, strings.Join(api.CollectTypes, ", ")))
	}
	if r := strings.TrimSpace(fl.region); r != "" {
		code, ok := regionCode(r)
		if !ok {
			return q, usageErr(p.T("cli.err.enum", "--region", fl.region, strings.Join(api.RegionCodes(), ", ")))
		}
		q.Region = code
	}
	return q, nil
}

// regionCode accepts an INSEE code ("53", or "1" for "01") or a region's name
// in any case ("bretagne").
func regionCode(s string) (string, bool) {
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n < 10 && len(s) == 1 {
		s = "0" + s
	}
	for _, r := range api.Regions {
		if r.Code == s || strings.EqualFold(r.Name, s) {
			return r.Code, true
		}
	}
	return "", false
}

// limitFlag is how many items to print: 0 for --all.
func limitFlag(cmd *cobra.Command, p i18n.Printer, limit int, all bool) (int, error) {
	switch {
	case all && cmd.Flags().Changed("limit"):
		return 0, usageErr(p.T("cli.err.limit_all"))
	case all:
		return 0, nil
	case limit < 1:
		return 0, usageErr(p.T("cli.err.limit"))
	}
	return limit, nil
}

var projectListing = listing[api.Project]{
	json:      func(pr api.Project) any { return newProjectJSON(pr, false) },
	csvHeader: projectsCSVHeader,
	csvRow:    records.Project,
	columns: func(o *output) []column {
		return []column{
			{header: o.p.T("cli.col.id"), right: true},
			{header: o.p.T("cli.col.title"), min: 24},
			{header: o.p.T("cli.col.category"), min: 10, drop: 5},
			{header: o.p.T("cli.col.type"), drop: 6},
			{header: o.p.T("cli.col.place"), min: 14, drop: 7},
			{header: o.p.T("cli.col.collected"), right: true},
			{header: o.p.T("cli.col.target"), right: true, drop: 3},
			{header: o.p.T("cli.col.rate"), right: true, drop: 4},
			{header: o.p.T("cli.col.duration"), right: true, drop: 8},
			{header: o.p.T("cli.col.ends"), right: true, drop: 2},
		}
	},
	cells: func(o *output, pr api.Project) []string {
		return []string{
			strconv.FormatInt(pr.ID, 10),
			clean(pr.Title),
			labels.Category(o.p, pr.Category),
			labels.CollectType(o.p, pr.CollectType),
			orDash(labels.Place(pr)),
			o.f.Money(pr.Collected),
			o.f.Money(pr.Target),
			lendingOnly(pr, o.f.Percent(pr.InterestRate)),
			lendingOnly(pr, o.f.Months(pr.DurationMonths)),
			endsCell(o, pr),
		}
	},
	newFooter: func(o *output) footer[api.Project] {
		return countFooter[api.Project]{o: o, one: "cli.noun.project", many: "cli.noun.projects"}
	},
}

// endsCell is the days left while a project collects, else its status.
func endsCell(o *output, pr api.Project) string {
	if pr.Status == "in_progress" && pr.EndsAt.Valid {
		return o.f.DaysLeft(pr.EndsAt, o.now())
	}
	return labels.ProjectStatus(o.p, pr.Status)
}

// lendingOnly leaves rate and duration blank for donations, where they have
// no meaning, rather than filling the table with dashes.
func lendingOnly(pr api.Project, s string) string {
	if pr.CollectType == "donation" {
		return ""
	}
	return s
}
