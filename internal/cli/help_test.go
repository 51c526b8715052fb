package cli

import (
	"context"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/miimosa/miimosa/internal/i18n"
)

// helpRoot is the command tree as Main builds it for args, never run.
func helpRoot(env map[string]string, args ...string) *cobra.Command {
	return newRootCmd(testFactory(env, Globals{}, args...))
}

// visible walks every command a person can ask help for.
func visible(c *cobra.Command, do func(c *cobra.Command)) {
	if c.Hidden {
		return
	}
	do(c)
	for _, sub := range c.Commands() {
		visible(sub, do)
	}
}

var (
	fmtVerb    = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)
	whitespace = regexp.MustCompile(`\s+`)
)

// unwrap undoes the layout of help (wrapped lines, examples continued
// after a backslash), leaving the words.
func unwrap(s string) string {
	s = strings.ReplaceAll(s, " \\\n", " ")
	return strings.TrimSpace(whitespace.ReplaceAllString(s, " "))
}

// fromCatalogue reports whether got is key's message in lang, whatever
// its arguments were.
func fromCatalogue(key i18n.Key, lang i18n.Lang, got string) bool {
	m, ok := i18n.All()[key]
	if !ok {
		return false
	}
	text := m.EN
	if lang == i18n.FR {
		text = m.FR
	}
	var b strings.Builder
	b.WriteString(`^(?s)`)
	for i, part := range fmtVerb.Split(text, -1) {
		if i > 0 {
			b.WriteString(`.*?`)
		}
		b.WriteString(regexp.QuoteMeta(whitespace.ReplaceAllString(part, " ")))
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String()).MatchString(unwrap(got))
}

// pathKey is a command's path as catalogue keys spell it: miimosa.auth.login.
func pathKey(c *cobra.Command) string { return strings.ReplaceAll(c.CommandPath(), " ", ".") }

// usageKeys are the keys a flag's description may come from: the command's
// own, an ancestor's (a flag cobra gives each shell), else the shared one.
func usageKeys(c *cobra.Command, name string) []i18n.Key {
	var keys []i18n.Key
	for p := c; p != nil; p = p.Parent() {
		keys = append(keys, i18n.Key("cli.usage."+pathKey(p)+"."+name))
	}
	return append(keys, i18n.Key("cli.usage."+name))
}

// Every word of every command's help is the catalogue's, in both
// languages: the one-line and long descriptions, the examples and every
// flag's description, ours and cobra's (help, completion, --help,
// --version). And the French is not the English.
func TestHelpTextsComeFromTheCatalogue(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	type texts struct{ short, long string }
	english := map[string]texts{}
	englishFlags := map[string]string{}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		commands := 0
		visible(helpRoot(env, "--lang", lang.String()), func(c *cobra.Command) {
			commands++
			path := pathKey(c)
			for _, field := range []struct {
				name, got string
				key       i18n.Key
			}{
				{"Short", c.Short, i18n.Key("cli.short." + path)},
				{"Long", c.Long, i18n.Key("cli.long." + path)},
				{"Example", c.Example, i18n.Key("cli.example." + path)},
			} {
				if field.got == "" && field.name == "Example" {
					continue
				}
				if !fromCatalogue(field.key, lang, field.got) {
					t.Errorf("%s %s (%s): %q is not %s", path, field.name, lang, field.got, field.key)
				}
			}
			c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
				found := false
				for _, k := range usageKeys(c, fl.Name) {
					found = found || fromCatalogue(k, lang, fl.Usage)
				}
				if !found {
					t.Errorf("%s --%s (%s): %q is none of %v", path, fl.Name, lang, fl.Usage, usageKeys(c, fl.Name))
				}
				id := path + " --" + fl.Name
				if lang == i18n.EN {
					englishFlags[id] = fl.Usage
				} else if englishFlags[id] == fl.Usage {
					t.Errorf("%s: the French description is the English one: %q", id, fl.Usage)
				}
			})
			if lang == i18n.EN {
				english[path] = texts{c.Short, c.Long}
			} else if en := english[path]; en.short == c.Short || en.long == c.Long {
				t.Errorf("%s: French help has English text: %q / %q", path, c.Short, c.Long)
			}
		})
		// miimosa, 7 commands, auth's 3, help, completion and its 4 shells.
		if commands < 16 {
			t.Errorf("%s: only %d commands walked", lang, commands)
		}
	}
}

// LANG=fr_FR.UTF-8 miimosa projects --help is French, as a person reads it.
func TestProjectsHelpInFrench(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir(), "LANG": "fr_FR.UTF-8", "COLUMNS": "80"}
	r := run(t, env, "projects", "--help").expectCode(t, ExitOK)
	golden(t, "projects_help_fr", trimLines(r.stdout))
	for _, english := range []string{"List the", "Output format", "How many", "Show this help", "USAGE", "EXAMPLES", "FLAGS"} {
		if strings.Contains(r.stdout, english) {
			t.Errorf("French help says %q:\n%s", english, r.stdout)
		}
	}
	for _, heading := range []string{"UTILISATION", "EXEMPLES", "OPTIONS"} {
		if !strings.Contains(r.stdout, heading) {
			t.Errorf("French help lacks the heading %q:\n%s", heading, r.stdout)
		}
	}
}

// trimLines drops the spaces fang pads lines with to its own width.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// flagToken is a word of help that starts like a flag.
var flagToken = regexp.MustCompile(`(^|[\s(\[«"'])(-[^\s,;.)\]»"']*)`)

// No help page, at any width, cuts a flag name over two lines (lipgloss
// wraps at hyphens: "--discard-" then "draft"), and a command's help
// without a list of commands fits the width.
func TestHelpNeverSplitsAFlagName(t *testing.T) {
	root := helpRoot(map[string]string{"HOME": t.TempDir()})
	// "-" is standard input, "--flags" fang's placeholder, "-U" zsh's
	// autoload option in completion zsh's help.
	known := map[string]bool{"-": true, "--flags": true, "-U": true}
	var paths [][]string
	visible(root, func(c *cobra.Command) {
		c.Flags().VisitAll(func(fl *pflag.Flag) {
			known["--"+fl.Name] = true
			if fl.Shorthand != "" {
				known["-"+fl.Shorthand] = true
			}
		})
		c.InheritedFlags().VisitAll(func(fl *pflag.Flag) { known["--"+fl.Name] = true })
		path := strings.Fields(c.CommandPath())[1:]
		if !c.HasAvailableSubCommands() {
			paths = append(paths, path)
		}
	})
	for _, lang := range []string{"C.UTF-8", "fr_FR.UTF-8"} {
		for _, width := range []int{50, 60, 80, 100} {
			for _, path := range append(paths, nil, []string{"auth"}) {
				env := map[string]string{"HOME": t.TempDir(), "LANG": lang, "COLUMNS": strconv.Itoa(width)}
				r := run(t, env, append(path, "--help")...).expectCode(t, ExitOK)
				for _, m := range flagToken.FindAllStringSubmatch(r.stdout, -1) {
					if !known[m[2]] {
						t.Errorf("%s at %d, %v --help: %q is not a flag: cut over two lines?\n%s", lang, width, path, m[2], r.stdout)
					}
				}
				if len(path) == 0 || path[0] == "auth" && len(path) == 1 {
					continue // lists commands, whose one-line descriptions are not wrapped
				}
				for _, line := range strings.Split(trimLines(r.stdout), "\n") {
					if !strings.Contains(strings.TrimSpace(line), " ") {
						continue // one word longer than the width stands whole
					}
					if w := ansi.StringWidth(line); w > width {
						t.Errorf("%s at %d, %v --help: a line is %d wide: %q", lang, width, path, w, line)
					}
				}
			}
		}
	}
}

func TestHelpLayout(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
	}{
		{"never inside a word", wrapWords("then --discard-draft deletes it", 12), "then\n--discard-draft\ndeletes it"},
		{"paragraphs kept", wrapWords("a b\n\nc d", 3), "a b\n\nc d"},
		{"French punctuation stays", wrapWords("vaut recent ; --category elevage", 14), "vaut recent ;\n--category\nelevage"},
		{"guillemets stay", wrapWords("la forme « champ : problème »", 12), "la forme\n« champ :\nproblème »"},
		{"example fits", wrapExample("miimosa lead", 20), "miimosa lead"},
		{"example continued", wrapExample("miimosa projects --all --format csv > out.csv", 28),
			"miimosa projects --all \\\n--format csv > out.csv"},
		{"redirection kept with its file", wrapExample("miimosa projects --format csv > apiculture.csv", 34),
			"miimosa projects --format csv \\\n> apiculture.csv"},
		{"comment continued as comment", wrapExample("# The 5 most backed lending projects", 20),
			"# The 5 most backed\n# lending projects"},
		{"inline comment goes above", wrapExample("ACCESSIBLE=1 miimosa lead   # the form, as plain prompts", 30),
			"# the form, as plain prompts\nACCESSIBLE=1 miimosa lead"},
		{"room for the default", wrapFlagUsage("Output format: table, json", "table", 26), "Output format: table, json\n"},
		{"no default, no room", wrapFlagUsage("Output format: table, json", "", 26), "Output format: table, json"},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, c.got, c.want)
		}
	}
}

// `miimosa help X` is `miimosa X --help`; an unknown X is a usage error.
func TestHelpCommand(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir(), "LANG": "fr_FR.UTF-8"}
	viaFlag := run(t, env, "auth", "login", "--help").expectCode(t, ExitOK)
	viaCmd := run(t, env, "help", "auth", "login").expectCode(t, ExitOK)
	if viaFlag.stdout != viaCmd.stdout || !strings.Contains(viaCmd.stdout, "Demande la clé") {
		t.Errorf("help auth login:\n%s\nauth login --help:\n%s", viaCmd.stdout, viaFlag.stdout)
	}
	for _, args := range [][]string{{"help", "nope"}, {"help", "auth", "nope"}} {
		run(t, env, args...).expectCode(t, ExitUsage).expectOneLineError(t, "pas de commande", "miimosa --help")
	}
}

// Help opens nothing: no session (keyring, sandbox, network) is asked for
// by `auth --help` or any other command's help.
func TestHelpOpensNoSession(t *testing.T) {
	var paths [][]string
	visible(helpRoot(map[string]string{"HOME": t.TempDir()}), func(c *cobra.Command) {
		paths = append(paths, strings.Fields(c.CommandPath())[1:])
	})
	for _, path := range paths {
		args := append(append([]string{}, path...), "--help")
		var out strings.Builder
		f := testFactory(map[string]string{"HOME": t.TempDir()}, Globals{}, args...)
		f.IO.Out = &out
		f.OpenSession = func(context.Context, io.Writer) (*Session, error) {
			t.Errorf("%v opened a session", args)
			return nil, errors.New("no session in help")
		}
		root := newRootCmd(f)
		root.SetArgs(args)
		root.SetOut(&out)
		if err := root.ExecuteContext(t.Context()); err != nil || out.Len() == 0 {
			t.Errorf("%v: %v, %d bytes of help", args, err, out.Len())
		}
	}
}
