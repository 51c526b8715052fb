package common

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"charm.land/bubbles/v2/viewport"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// The parts every detail view (a project, a pledge) draws alike: fields in
// two columns, wrapped text, the fields the client does not know, and a
// title line that says where the window is in a long body.

// Field is one "label  value" line of a detail.
type Field struct{ Label, Value string }

// Fields lays fields out with the labels in one column and long values
// wrapped under their own column, w cells wide in all.
func Fields(st Styles, fs []Field, w int) []string {
	lw := 0
	for _, f := range fs {
		lw = max(lw, ansi.StringWidth(f.Label))
	}
	lw = min(lw, max(4, w/3))
	vw := max(1, w-lw-2)
	var out []string
	for _, f := range fs {
		for j, v := range Wrap(f.Value, vw) {
			head := strings.Repeat(" ", lw)
			if j == 0 {
				head = st.Subtle.Render(Cell(f.Label, lw, false))
			}
			out = append(out, head+"  "+v)
		}
	}
	return out
}

// Wrap wraps text at words to w cells, cutting words longer than a line,
// and keeps the text's own line breaks.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for para := range strings.SplitSeq(s, "\n") {
		para = strings.TrimRight(para, " \t")
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(para, w, ""), "\n")...)
	}
	return out
}

// ExtraLines shows fields the client does not know, sorted, each value
// compacted and cleaned, so nothing the server sent is hidden; amounts
// written in them are masked when private.
func ExtraLines(e api.Extra, prefix string, w int, private bool) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(e)) {
		line := textsafe.Clean(prefix+k) + ": " + compact(e[k])
		if private {
			line = format.MaskAmounts(line)
		}
		out = append(out, Wrap(line, w)...)
	}
	return out
}

// maxExtraValue keeps one odd field from flooding the detail.
const maxExtraValue = 400

func compact(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return truncate(textsafe.Clean(s))
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return truncate(textsafe.Clean(string(raw)))
	}
	return truncate(textsafe.Clean(b.String()))
}

func truncate(s string) string {
	if ansi.StringWidth(s) > maxExtraValue {
		return ansi.Truncate(s, maxExtraValue, "…")
	}
	return s
}

// ErrorLine says in one line what went wrong and that r retries.
func ErrorLine(env *Env, err error) string {
	return env.T.T("panes.err.retry", ErrorText(env.T, err))
}

// DetailTitle is a detail's title line: the title, then tail (such as
// "loading…") and the window's position in the body ("[1–11/33]") when
// the body does not fit. The title gives way first: the position must stay
// readable.
func DetailTitle(st Styles, title, tail string, vp viewport.Model, width int) string {
	if tail != "" {
		tail = " " + st.Subtle.Render(tail)
	}
	if n, h := vp.TotalLineCount(), vp.Height(); n > h && h > 0 {
		top := vp.YOffset() + 1
		tail += " " + st.Muted.Render(fmt.Sprintf("[%d–%d/%d]", top, min(n, top+h-1), n))
	}
	room := max(1, width-ansi.StringWidth(tail))
	return st.Title.Render(FitLine(title, room)) + tail
}
