package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// projectOptions are `miimosa project`'s flags.
type projectOptions struct {
	format string
}

func newProjectCmd(f *Factory) *cobra.Command {
	var opts projectOptions
	cmd := &cobra.Command{
		Use:     "project ID",
		Short:   f.T("cli.short.miimosa.project"),
		Long:    f.T("cli.long.miimosa.project"),
		Example: f.T("cli.example.miimosa.project"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr(f.T("cli.err.project_id_missing"))
			}
			return nil
		},
		ValidArgsFunction: noFileCompletion,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProject(cmd.Context(), f, args[0], opts)
		},
	}
	registerFormatFlag(cmd, f, &opts.format, projectFormats)
	return cmd
}

func runProject(ctx context.Context, f *Factory, arg string, opts projectOptions) error {
	outFmt, err := parseFormat(f.Printer, opts.format, projectFormats)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(arg), "#"), 10, 64)
	if err != nil || id <= 0 {
		return usageErr(f.T("cli.err.project_id", arg))
	}

	s, client, err := openClient(ctx, f)
	if err != nil {
		return err
	}
	defer s.close()
	pr, err := client.Project(ctx, id)
	if errors.Is(err, api.ErrNotFound) {
		return &userError{msg: f.T("cli.err.no_project", id), err: err}
	}
	if err != nil {
		return s.explain(err)
	}
	o := newOutput(f, outFmt)
	if outFmt == formatJSON {
		err = writeJSONValue(o.w, newProjectJSON(pr, true))
	} else {
		err = o.renderFields(projectFields(o, pr))
	}
	if ferr := o.flush(); err == nil {
		err = ferr
	}
	return err
}

// projectFields is the detail as label/value lines, in the order a person
// reads a project: what, where, who, how much, when, then everything else.
func projectFields(o *output, pr api.Project) []field {
	t := o.p.T
	fl := []field{
		{label: t("cli.field.id"), value: strconv.FormatInt(pr.ID, 10)},
		{label: t("cli.field.title"), value: clean(pr.Title)},
		{label: t("cli.field.status"), value: labels.ProjectStatus(o.p, pr.Status)},
		{label: t("cli.field.type"), value: labels.CollectType(o.p, pr.CollectType)},
		{label: t("cli.field.category"), value: labels.Category(o.p, pr.Category)},
		{label: t("cli.field.region"), value: regionValue(pr.Region)},
		{label: t("cli.field.department"), value: orDash(clean(pr.Department))},
		{label: t("cli.field.city"), value: orDash(clean(pr.City))},
		{label: t("cli.field.owner"), value: orDash(labels.Owner(pr.Owner))},
		{label: t("cli.field.collected"), value: o.f.Money(pr.Collected), right: true},
		{label: t("cli.field.target"), value: o.f.Money(pr.Target), right: true},
		{label: t("cli.field.progress"), value: o.f.Share(pr.Collected, pr.Target)},
		{label: t("cli.field.backers"), value: o.f.Int(pr.BackersCount)},
	}
	if pr.CollectType != "donation" {
		fl = append(fl,
			field{label: t("cli.field.rate"), value: o.f.Percent(pr.InterestRate)},
			field{label: t("cli.field.duration"), value: o.f.Months(pr.DurationMonths)},
			field{label: t("cli.field.frequency"), value: labels.Frequency(o.p, pr.RepaymentFrequency)},
		)
	}
	ends := o.f.Date(pr.EndsAt)
	if pr.Status == "in_progress" && pr.EndsAt.Valid {
		ends += " (" + o.f.DaysLeft(pr.EndsAt, o.now()) + ")"
	}
	fl = append(fl,
		field{label: t("cli.field.published"), value: o.f.Date(pr.PublishedAt)},
		field{label: t("cli.field.ends"), value: ends},
		field{label: t("cli.field.url"), value: orDash(labels.ProjectURL(pr)), noWrap: true},
		field{label: t("cli.field.image"), value: orDash(webURL(pr.ImageURL)), noWrap: true},
		field{label: t("cli.field.description"), value: orDash(clean(pr.Description))},
	)
	if pr.LongDescription != "" {
		fl = append(fl, field{label: t("cli.field.long_description"), value: textsafe.CleanMultiline(pr.LongDescription)})
	}
	amounts := make([]string, len(pr.Rewards))
	amountWidth := 0
	for i, r := range pr.Rewards {
		amounts[i] = o.f.Money(r.Amount)
		amountWidth = max(amountWidth, ansi.StringWidth(amounts[i]))
	}
	for i, r := range pr.Rewards {
		lbl := ""
		if i == 0 {
			lbl = t("cli.field.rewards")
		}
		fl = append(fl, field{label: lbl, value: pad(amounts[i], amountWidth, true) + "  " + clean(r.Description)})
	}
	// Every field this version does not know, so that nothing the server
	// sent is hidden; the object's own, then its nested objects'.
	fl = append(fl, extraFields(pr.Extra, "")...)
	fl = append(fl, extraFields(pr.Owner.Extra, "owner.")...)
	return fl
}

// extraFields lists unknown fields by name, their values as compact JSON,
// cleaned like any server string.
func extraFields(extra api.Extra, prefix string) []field {
	var fl []field
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		var b bytes.Buffer
		v := string(extra[k])
		if json.Compact(&b, extra[k]) == nil {
			v = b.String()
		}
		// A JSON string shows as its text, without quotes.
		var s string
		if json.Unmarshal(extra[k], &s) == nil {
			v = s
		}
		fl = append(fl, field{label: clean(prefix + k), value: orDash(clean(v))})
	}
	return fl
}

func regionValue(r api.Region) string {
	name, code := clean(r.Name), clean(r.Code)
	switch {
	case name != "" && code != "":
		return fmt.Sprintf("%s (%s)", name, code)
	case name != "":
		return name
	case code != "":
		return code
	}
	return format.Dash
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return format.Dash
	}
	return s
}

// webURL is s when it is an http(s) address, else "".
func webURL(s string) string {
	u, _ := textsafe.WebURL(s)
	return u
}
