package cli

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// fang draws help with lipgloss, which wraps at hyphens: "--discard-draft"
// came out as "--discard-" and "draft" on the next line, and flag
// descriptions, which fang does not wrap at all, were cut anywhere by the
// terminal. So help is laid out here, for the width of the run, breaking
// lines at spaces only; fang then finds every line short enough and leaves
// it whole. The widths below are fang's layout (fang v2 help.go).
const (
	fangLongIndent  = 2  // the description's left padding
	fangBlockExtra  = 8  // a code block's margin and padding, both sides, and its slack
	fangFlagIndent  = 4  // before a flag's or a command's name
	fangMinNameCol  = 10 // the narrowest name column
	fangNameGap     = 2  // between the name column and the description
	fangContinuedBy = 2  // the indent fang gives the line after a trailing "\"
)

// fitHelp lays out every command's help for width cells. A flag's
// description is wrapped for the name column of the page it shows on: its
// command's, or, for the global flags every page lists, the page args ask
// for (miimosa projects --help, miimosa help projects).
func fitHelp(root *cobra.Command, width int, args []string) {
	target := helpTarget(root, args)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Long = wrapWords(c.Long, width-fangLongIndent)
		c.Example = wrapExample(c.Example, width-fangBlockExtra)
		own := max(width-fangFlagIndent-nameColumn(c), 20)
		shared := max(width-fangFlagIndent-nameColumn(target), 20)
		c.LocalNonPersistentFlags().VisitAll(func(fl *pflag.Flag) {
			fl.Usage = wrapFlagUsage(fl.Usage, fl.DefValue, own)
		})
		c.PersistentFlags().VisitAll(func(fl *pflag.Flag) {
			fl.Usage = wrapFlagUsage(fl.Usage, fl.DefValue, shared)
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// helpTarget is the command whose help args would show: the one they name,
// or, for `help …`, the one after it.
func helpTarget(root *cobra.Command, args []string) *cobra.Command {
	c, rest, err := root.Find(args)
	if err != nil || c == nil {
		return root
	}
	if c.Name() == "help" && c.Parent() == root {
		if t, _, err := root.Find(rest); err == nil && t != nil {
			return t
		}
	}
	return c
}

// nameColumn is the width of the name column on c's help page, as fang
// draws it: the widest of its flags' names (its own and the global ones)
// and of its commands' use lines.
func nameColumn(c *cobra.Command) int {
	widest := 0
	c.Flags().VisitAll(func(fl *pflag.Flag) {
		if !fl.Hidden {
			widest = max(widest, ansi.StringWidth(fangFlagName(fl)))
		}
	})
	c.InheritedFlags().VisitAll(func(fl *pflag.Flag) {
		if !fl.Hidden {
			widest = max(widest, ansi.StringWidth(fangFlagName(fl)))
		}
	})
	for _, sub := range c.Commands() {
		if !sub.Hidden {
			widest = max(widest, ansi.StringWidth(fangCommandName(sub)))
		}
	}
	return max(fangMinNameCol, widest+fangNameGap)
}

func fangFlagName(fl *pflag.Flag) string {
	if fl.Shorthand != "" {
		return "-" + fl.Shorthand + " --" + fl.Name
	}
	return "--" + fl.Name
}

var bracketed = regexp.MustCompile(`(\[.*\])`)

// fangCommandName is how fang names a command in a list: its use line with
// [command] when it has commands and [--flags] when it has flags.
func fangCommandName(c *cobra.Command) string {
	u := c.Use
	hasArgs := strings.Contains(u, "[args]")
	hasFlags := strings.Contains(u, "[flags]") || strings.Contains(u, "[--flags]") || c.HasFlags() || c.HasPersistentFlags() || c.HasAvailableFlags()
	hasCommands := strings.Contains(u, "[command]") || c.HasAvailableSubCommands()
	for _, k := range []string{"[args]", "[flags]", "[--flags]", "[command]"} {
		u = strings.ReplaceAll(u, k, "")
	}
	others := bracketed.FindAllString(u, -1)
	for _, o := range others {
		u = strings.ReplaceAll(u, o, "")
	}
	parts := []string{strings.TrimSpace(u)}
	if hasCommands {
		parts = append(parts, "[command]")
	}
	if hasArgs {
		parts = append(parts, "[args]")
	}
	parts = append(parts, others...)
	if hasFlags {
		parts = append(parts, "[--flags]")
	}
	return strings.Join(parts, " ")
}

// wrapWords breaks every line of s into lines of at most width cells, at
// spaces only: a word (a flag name, a path, a URL) is never cut, and one
// longer than width stands alone on its line.
func wrapWords(s string, width int) string {
	if s == "" {
		return s
	}
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		out = append(out, wrapUnits(indent, units(line, false), width, width)...)
	}
	return strings.Join(out, "\n")
}

// units splits a line into what a line break may come between: words, but
// a space before French high punctuation (; : ! ? ») or after « never
// breaks, nor, in a command (shell), one between a redirection or a pipe
// and what follows it.
func units(line string, shell bool) []string {
	var out []string
	glueNext := false
	for _, w := range strings.Fields(line) {
		switch {
		case len(out) > 0 && glueNext:
			out[len(out)-1] += " " + w
		case len(out) > 0 && strings.ContainsAny(w[:1], ";:!?»") && len(w) <= len("»"):
			out[len(out)-1] += " " + w
		default:
			out = append(out, w)
		}
		glueNext = w == "«" || shell && isShellOperator(w)
	}
	return out
}

func isShellOperator(w string) bool {
	switch w {
	case ">", ">>", "<", "2>", "2>>", "&>", "|", "||", "&&":
		return true
	}
	return false
}

// wrapUnits fills lines with units: the first at most width cells (after
// indent), the next at most next cells.
func wrapUnits(indent string, us []string, width, next int) []string {
	if len(us) == 0 {
		return []string{indent}
	}
	var out []string
	cur, limit := indent+us[0], width
	for _, u := range us[1:] {
		if ansi.StringWidth(cur)+1+ansi.StringWidth(u) > limit {
			out = append(out, cur)
			cur, limit = u, next
			continue
		}
		cur += " " + u
	}
	return append(out, cur)
}

// wrapExample breaks example lines longer than width: a comment goes on as
// another comment, a command goes on after a trailing backslash (fang
// indents the line after it), so that every line still runs as it reads.
func wrapExample(s string, width int) string {
	if s == "" {
		return s
	}
	var out []string
	comment := func(text string) {
		for _, l := range wrapUnits("", units(text, false), width-2, width-2) {
			out = append(out, "# "+l)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		cmd, note, hasNote := strings.Cut(line, " # ")
		switch {
		case ansi.StringWidth(line) <= width:
			out = append(out, line)
		case strings.HasPrefix(line, "# "):
			comment(strings.TrimPrefix(line, "# "))
		case hasNote:
			// A comment after a command goes above it: continued after a
			// backslash, its words would run as a command.
			comment(strings.TrimSpace(note))
			out = append(out, strings.Split(wrapExample(strings.TrimSpace(cmd), width), "\n")...)
		default:
			// Room for " \" on every line but the last.
			parts := wrapUnits("", units(line, true), width-2, width-2-fangContinuedBy)
			for i, p := range parts {
				if i < len(parts)-1 {
					p += ` \`
				}
				out = append(out, p)
			}
		}
	}
	return strings.Join(out, "\n")
}

// wrapFlagUsage breaks a flag's description for the description column.
// fang adds the default value, " (value)", after the last line: room is
// kept for it, on a line of its own when the last is full.
func wrapFlagUsage(usage, def string, width int) string {
	suffix := ""
	if def != "" && def != "false" && def != "0" && def != "[]" {
		suffix = " (" + def + ")"
	}
	lines := strings.Split(wrapWords(usage, width), "\n")
	last := lines[len(lines)-1]
	if suffix != "" && ansi.StringWidth(last)+ansi.StringWidth(suffix) > width {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
