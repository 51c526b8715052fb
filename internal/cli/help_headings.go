package cli

import (
	"bytes"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/internal/i18n"
)

// fang writes the headings of every help page ("usage", "examples",
// "flags", upper-cased by its style) in English, with no option to change
// them. headingWriter is cobra's output (help, usage, versions) in another
// language: a line that holds nothing but one of those headings gets the
// catalogue's word instead, its styling and padding kept. Commands write
// their data to the IO streams directly, never through it.
type headingWriter struct {
	w     io.Writer
	words map[string]string // fang's heading, upper-cased → the reader's
}

// helpOutput is w, translating fang's headings when the reader's language
// is not English.
func helpOutput(w io.Writer, p i18n.Printer) io.Writer {
	if p.Lang == i18n.EN {
		return w
	}
	words := map[string]string{}
	for en, key := range map[string]i18n.Key{"USAGE": "cli.help.usage", "EXAMPLES": "cli.help.examples", "FLAGS": "cli.help.flags"} {
		words[en] = strings.ToUpper(p.T(key))
	}
	return &headingWriter{w: w, words: words}
}

func (h *headingWriter) Write(b []byte) (int, error) {
	lines := bytes.SplitAfter(b, []byte("\n"))
	var out bytes.Buffer
	for _, l := range lines {
		word := strings.TrimSpace(ansi.Strip(string(l)))
		if to, ok := h.words[word]; ok {
			l = bytes.Replace(l, []byte(word), []byte(to), 1)
		}
		out.Write(l)
	}
	if _, err := h.w.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return len(b), nil
}
