package cli

import (
	"context"
	"errors"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/insight"
)

// taxCSVHeader names the CSV columns; scripts rely on them.
var taxCSVHeader = []string{"year", "interest", "income_tax", "social_charges", "withholding", "payments", "capital_lost", "estimated"}

// taxOptions are `miimosa tax`'s flags.
type taxOptions struct {
	user   userFlags
	year   int
	format string
	csvRaw bool
}

func newTaxCmd(f *Factory) *cobra.Command {
	var opts taxOptions
	cmd := &cobra.Command{
		Use:     "tax",
		Short:   f.T("cli.short.miimosa.tax"),
		Long:    f.T("cli.long.miimosa.tax", taxRates(f.Format)...),
		Example: f.T("cli.example.miimosa.tax"),
		Args:    noArgs(f),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTax(cmd.Context(), f, &opts)
		},
	}
	opts.user.register(cmd, f)
	cmd.Flags().IntVar(&opts.year, "year", 0, f.T("cli.usage.miimosa.tax.year"))
	_ = cmd.RegisterFlagCompletionFunc("year", noFileCompletion)
	registerFormatFlag(cmd, f, &opts.format, walletFormats)
	registerCSVRawFlag(cmd, f, &opts.csvRaw)
	return cmd
}

func runTax(ctx context.Context, f *Factory, opts *taxOptions) error {
	outFmt, err := parseFormat(f.Printer, opts.format, walletFormats)
	if err != nil {
		return err
	}
	year := opts.year
	if year == 0 {
		year = f.Now().Year() - 1 // the year being declared
	}
	if year < 2000 || year > f.Now().Year() {
		return usageErr(f.T("insight.cli.err.year", opts.year, f.Now().Year()))
	}
	pf, err := openPortfolio(ctx, f, &opts.user)
	if err != nil {
		return err
	}
	y := pf.report.TaxYear(year)
	o := newOutput(f, outFmt)
	o.csvRaw = opts.csvRaw
	switch outFmt {
	case formatJSON:
		err = writeJSONValue(o.w, newTaxJSON(y))
	case formatCSV:
		cw := newCSVWriter(o)
		err = errors.Join(cw.write(taxCSVHeader), cw.write([]string{
			strconv.Itoa(y.Year), moneyText(y.Interest), moneyText(y.IncomeTax), moneyText(y.SocialCharges),
			moneyText(y.Withholding), strconv.Itoa(y.Payments), moneyText(y.Lost), strconv.FormatBool(y.Estimated),
		}), cw.flush())
	default:
		err = writeTaxTable(o, y)
	}
	if ferr := o.flush(); err == nil {
		err = ferr
	}
	if err == nil && outFmt == formatTable {
		// What the platform's tax form says wins; the person is told so
		// where they read, not in the data.
		_, err = f.IO.ErrOut.Write([]byte(f.T("insight.cli.tax_estimate") + "\n"))
	}
	return err
}

func writeTaxTable(o *output, y insight.TaxYear) error {
	t, f := o.p.T, o.f
	m := func(c insight.Cents) string { return f.Money(c.Money()) }
	pct := func(s string) string { return f.Percent(decimalOf(s)) }
	rate := func(y int) string {
		if y >= 2026 {
			return "18.6"
		}
		return "17.2"
	}
	est := ""
	if y.Estimated {
		est = " " + t("insight.cli.estimated")
	}
	if err := o.heading(t("insight.cli.tax_title", y.Year), false); err != nil {
		return err
	}
	// The rate changed on 1 January 2026: a calendar year has one rate.
	social := t("insight.cli.social", pct(rate(y.Year)))
	return o.renderFields([]field{
		{label: t("insight.cli.tax_interest"), value: m(y.Interest) + est, right: true},
		{label: t("insight.cli.income_tax", pct("12.8")), value: m(y.IncomeTax), right: true},
		{label: social, value: m(y.SocialCharges), right: true},
		{label: t("insight.cli.withholding"), value: m(y.Withholding), right: true},
		{label: t("insight.cli.payments"), value: strconv.Itoa(y.Payments)},
		{label: t("insight.cli.lost"), value: m(y.Lost), right: true},
	})
}

// taxJSON is one calendar year's figures.
type taxJSON struct {
	Year          int    `json:"year"`
	Interest      string `json:"interest"`
	IncomeTax     string `json:"income_tax"`
	SocialCharges string `json:"social_charges"`
	Withholding   string `json:"withholding"`
	Payments      int    `json:"payments"`
	Lost          string `json:"capital_lost"`
	Estimated     bool   `json:"estimated"`
	// Note is for scripts, in English like every value of the JSON: the
	// figures are an estimate, the platform's tax form is what counts.
	Note string `json:"note"`
}

func newTaxJSON(y insight.TaxYear) taxJSON {
	return taxJSON{Year: y.Year, Interest: moneyText(y.Interest), IncomeTax: moneyText(y.IncomeTax),
		SocialCharges: moneyText(y.SocialCharges), Withholding: moneyText(y.Withholding), Payments: y.Payments,
		Lost: moneyText(y.Lost), Estimated: y.Estimated,
		Note: "an estimate: check it against the platform's annual tax form (IFU)"}
}

// decimalOf is a rate written in the code, as the formatter prints rates.
func decimalOf(s string) api.Decimal {
	d, _ := api.ParseDecimal(s)
	return d
}

// taxRates are the flat tax's rates as the help states them: the total and
// its parts until 2025, then from 2026, in the person's number format.
func taxRates(f format.Formatter) []any {
	var out []any
	for _, r := range []string{"30", "12.8", "17.2", "31.4", "18.6"} {
		out = append(out, f.Percent(decimalOf(r)))
	}
	return out
}
