package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
)

// Shell completion for the filter flags: the shells (bash, zsh, fish) ask
// the program through cobra's hidden __complete command, so the values come
// from api's enums and cannot drift from what the client accepts.

// completeWith offers choices ("value" or "value\tdescription") that start
// with what was typed, and never file names.
func completeWith(choices func() []cobra.Completion) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, c := range choices() {
			value, _, _ := strings.Cut(c, "\t")
			if strings.HasPrefix(strings.ToLower(value), strings.ToLower(toComplete)) {
				out = append(out, c)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func noFileCompletion(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// describedEnum pairs each value with its label in the user's language, which
// zsh and fish show beside it.
func describedEnum(f *Factory, values []string, set i18n.LabelSet) func() []cobra.Completion {
	return func() []cobra.Completion {
		out := make([]cobra.Completion, len(values))
		for i, v := range values {
			out[i] = cobra.CompletionWithDesc(v, labels.Of(f.Printer, set, v))
		}
		return out
	}
}

func regionCompletions() []cobra.Completion {
	out := make([]cobra.Completion, len(api.Regions))
	for i, r := range api.Regions {
		out[i] = cobra.CompletionWithDesc(r.Code, r.Name)
	}
	return out
}

func formatCompletions(formats []outputFormat) func() []cobra.Completion {
	return func() []cobra.Completion { return formatNames(formats) }
}

// registerFormatFlag adds --format with its completion.
func registerFormatFlag(cmd *cobra.Command, f *Factory, dst *string, formats []outputFormat) {
	cmd.Flags().StringVarP(dst, "format", "o", string(formatTable),
		f.T("cli.usage.format", strings.Join(formatNames(formats), ", ")))
	_ = cmd.RegisterFlagCompletionFunc("format", completeWith(formatCompletions(formats)))
}

// registerCSVRawFlag adds --csv-raw, for the commands that print CSV.
func registerCSVRawFlag(cmd *cobra.Command, f *Factory, dst *bool) {
	cmd.Flags().BoolVar(dst, "csv-raw", false, f.T("cli.usage.csv-raw"))
}
