package lead

import (
	"regexp"
	"strconv"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// railsMessages are the server's field errors, as Rails words them in
// English whatever the user's language, and the catalogue messages that say
// the same. A message not listed is shown as the server sent it.
var railsMessages = []struct {
	re  *regexp.Regexp
	key i18n.Key
	num bool // the first group is a number passed to the message
}{
	{regexp.MustCompile(`^can't be blank$`), keyRequired, false},
	{regexp.MustCompile(`^is invalid$`), "lead.err.invalid", false},
	{regexp.MustCompile(`^is not included in the list$`), "lead.err.not_in_list", false},
	{regexp.MustCompile(`^is reserved$`), "lead.err.not_in_list", false},
	{regexp.MustCompile(`^is too long \(maximum is (\d+) characters?\)$`), keyTooLong, true},
	{regexp.MustCompile(`^is too short \(minimum is (\d+) characters?\)$`), "lead.err.too_short", true},
	{regexp.MustCompile(`^is the wrong length \(should be (\d+) characters?\)$`), "lead.err.wrong_length", true},
	{regexp.MustCompile(`^has already been taken$`), "lead.err.taken", false},
	{regexp.MustCompile(`^is not a number$`), "lead.err.not_number", false},
	{regexp.MustCompile(`^must be an integer$`), "lead.err.not_integer", false},
	{regexp.MustCompile(`^must be greater than 0$`), keyAmountZero, false},
}

// ServerMessage words one of the server's field errors in t's language,
// cleaned for the terminal; an unknown message keeps the server's words.
func ServerMessage(t i18n.Printer, msg string) string {
	clean := trimSpace(textsafe.Clean(msg))
	for _, m := range railsMessages {
		g := m.re.FindStringSubmatch(clean)
		if g == nil {
			continue
		}
		if m.num {
			n, err := strconv.Atoi(g[1])
			if err != nil {
				break
			}
			return t.T(m.key, n)
		}
		return t.T(m.key)
	}
	return clean
}

// ServerMessages words a field's server errors, joined for one line.
func ServerMessages(t i18n.Printer, msgs []string) string {
	out := ""
	for i, m := range msgs {
		if i > 0 {
			out += ", "
		}
		out += ServerMessage(t, m)
	}
	return out
}
