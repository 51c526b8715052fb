package cli

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// scanLang finds --lang's value in args before cobra parses them, so that
// an error in parsing (or the help) can already speak the chosen language.
// The last one counts, as it does for cobra. It stops at "--", after which
// nothing is a flag.
func scanLang(args []string) string {
	lang := ""
	for i, a := range args {
		switch {
		case a == "--":
			return lang
		case strings.HasPrefix(a, "--lang="):
			lang = strings.TrimPrefix(a, "--lang=")
		case a == "--lang" && i+1 < len(args):
			lang = args[i+1]
		}
	}
	return lang
}

// noArgs refuses positional arguments with a localized usage error.
func noArgs(f *Factory) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageErr(f.T("cli.err.no_args", cmd.Name(), args[0]))
		}
		return nil
	}
}

// concurrencyValue is --concurrency: a number, remembered as given, so
// that 0 is refused rather than taken for "not given".
type concurrencyValue struct {
	n   *int
	set *bool
}

func (v *concurrencyValue) String() string {
	if v.n == nil || v.set == nil || !*v.set {
		return ""
	}
	return strconv.Itoa(*v.n)
}
func (v *concurrencyValue) Type() string { return "int" }
func (v *concurrencyValue) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return err
	}
	*v.n, *v.set = n, true
	return nil
}

// langValue is --lang: a language the program speaks, or a usage error.
type langValue string

func (v *langValue) String() string { return string(*v) }
func (v *langValue) Type() string   { return "lang" }
func (v *langValue) Set(s string) error {
	if _, ok := i18n.Parse(s); !ok {
		return errUnknownLang
	}
	*v = langValue(s)
	return nil
}

var errUnknownLang = errors.New("unknown language")

// flagError turns pflag's errors ("invalid argument "abc" for "--limit"
// flag: strconv.ParseInt: …") into one localized sentence, a usage error
// (exit 2) that names the flag and what it takes.
func flagError(p i18n.Printer) func(*cobra.Command, error) error {
	return func(cmd *cobra.Command, err error) error {
		path := cmd.CommandPath()
		var (
			notExist *pflag.NotExistError
			required *pflag.ValueRequiredError
			invalid  *pflag.InvalidValueError
			syntax   *pflag.InvalidSyntaxError
		)
		msg := ""
		switch {
		case errors.As(err, &notExist):
			msg = p.T("cli.flag.unknown", typedName(notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()), path)
		case errors.As(err, &required):
			msg = p.T("cli.flag.needs_value", typedName(required.GetSpecifiedName(), required.GetSpecifiedShortnames()), path)
		case errors.As(err, &invalid):
			msg = invalidValue(p, invalid, path)
		case errors.As(err, &syntax):
			msg = p.T("cli.flag.syntax", shorten(textsafe.Clean(syntax.GetSpecifiedFlag()), 40), path)
		default:
			msg = p.T("cli.flag.other", textsafe.Clean(err.Error()), path)
		}
		return &UsageError{Err: &userError{msg: msg, err: err}}
	}
}

// typedName is the flag as it was typed: --name, or -x for a shorthand.
func typedName(name, shorthands string) string {
	name = shorten(textsafe.Clean(name), 40)
	if shorthands != "" {
		return "-" + name
	}
	return "--" + name
}

// invalidValue says what the flag takes, by its type.
func invalidValue(p i18n.Printer, e *pflag.InvalidValueError, path string) string {
	f := e.GetFlag()
	name, value := "--"+f.Name, shorten(textsafe.Clean(e.GetValue()), 40)
	typ := f.Value.Type()
	switch {
	case typ == "lang":
		return p.T("cli.flag.lang", value)
	case strings.HasPrefix(typ, "int"), strings.HasPrefix(typ, "uint"):
		return p.T("cli.flag.int", name, value)
	case strings.HasPrefix(typ, "float"):
		return p.T("cli.flag.float", name, value)
	case typ == "bool":
		return p.T("cli.flag.bool", name, value)
	case typ == "duration":
		return p.T("cli.flag.duration", name, value)
	}
	return p.T("cli.flag.invalid", name, value, path)
}
