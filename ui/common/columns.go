package common

import (
	"math/big"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Column describes one column of a list pane. Panes lay their columns out
// with FitColumns (or FitContent, once their rows are measured) when their
// size or their rows change, so View only pads and cuts.
type Column struct {
	// Width is the column's width when its content is not measured; for
	// the Flex column, the minimum it keeps before optional columns are
	// shown.
	Width int
	// Max caps a measured width (0: no cap), so one long cell does not
	// take the row.
	Max   int
	Flex  bool // takes the room the other columns leave: what a row is about (a title)
	Right bool // right-aligned (numbers, amounts)
	// Priority orders the optional columns: the highest goes first when
	// the pane narrows; 0 is never dropped.
	Priority int
	// Share (Flex only) is the percentage of the width the flex column
	// keeps, as far as its content needs, before optional columns are
	// shown: on a wide pane titles read whole before a sixth column comes.
	Share int
}

// flexShare is the percentage of the width the flex column keeps, up to its
// minimum, when the columns that cannot be dropped do not fit.
const flexShare = 40

// FitColumns returns the width of each column for a pane w cells wide, one
// space between columns, each column at its Width (see FitContent).
func FitColumns(cols []Column, w int) []int { return FitContent(cols, nil, w) }

// FitContent returns the width of each column for a pane w cells wide, one
// space between columns. natural[i] is the width column i's content needs
// (its header and its widest cell; nil or 0: its Width), so padding goes
// before content: a column is as wide as what it shows, not a fixed guess.
//
// Optional columns are dropped (width 0) from the highest Priority down
// until the rest fit with the Flex column at its minimum (Width, or its
// Share of w as far as its content needs); the Flex column then takes what
// is left.
func FitContent(cols []Column, natural []int, w int) []int {
	want := make([]int, len(cols))
	flex := -1
	for i, c := range cols {
		want[i] = c.Width
		if natural != nil && natural[i] > 0 {
			want[i] = natural[i]
		}
		if c.Max > 0 {
			want[i] = min(want[i], c.Max)
		}
		if c.Flex && flex < 0 {
			flex = i
			// The flex column's minimum: its Width, raised to its share
			// of the pane when its content needs that much.
			want[i] = max(c.Width, min(w*c.Share/100, want[i]))
		}
	}
	kept := make([]bool, len(cols))
	for i := range cols {
		kept[i] = true
	}
	need := func() int {
		n, total := 0, 0
		for i := range cols {
			if kept[i] {
				total += want[i]
				n++
			}
		}
		if n > 1 {
			total += n - 1
		}
		return total
	}
	for need() > w {
		drop := -1
		for i, c := range cols {
			if kept[i] && c.Priority > 0 && (drop < 0 || c.Priority >= cols[drop].Priority) {
				drop = i
			}
		}
		if drop < 0 {
			break // only the essential columns are left: they get cut, not dropped
		}
		kept[drop] = false
	}
	widths := make([]int, len(cols))
	fixed, n := 0, 0
	for i := range cols {
		if !kept[i] {
			continue
		}
		n++
		if i == flex {
			continue
		}
		widths[i] = want[i]
		fixed += want[i]
	}
	if n > 1 {
		fixed += n - 1
	}
	if flex >= 0 {
		// The flex column is what a row is about (a title): when even the
		// essentials overflow it keeps a share of the width and the columns
		// after it are cut instead, so it never collapses to nothing.
		widths[flex] = max(0, w-fixed, min(cols[flex].Width, w*flexShare/100))
	}
	// Too narrow even for the essentials: cut from the right.
	room := w
	for i := range widths {
		if widths[i] == 0 {
			continue
		}
		if widths[i] > room {
			widths[i] = max(0, room)
		}
		room -= widths[i] + 1
	}
	return widths
}

// Cell pads or cuts s to exactly w cells. s must be plain text (no escapes):
// server strings are cleaned before they get here.
func Cell(s string, w int, right bool) string { return cellMeasured(s, -1, w, right) }

// cellMeasured is Cell with s's width given (sw < 0: measure it).
func cellMeasured(s string, sw, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	if sw < 0 {
		sw = ansi.StringWidth(s)
	}
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s)
	}
	pad := strings.Repeat(" ", w-sw)
	if right {
		return pad + s
	}
	return s + pad
}

// Row joins cells laid out by FitColumns; dropped columns leave no gap.
func Row(cells []string, widths []int, cols []Column) string {
	return RowMeasured(cells, nil, widths, cols)
}

// RowMeasured is Row for cells whose display widths were measured once,
// when the data arrived (cellWidths[i] for cells[i]; nil: measure now).
// Measuring graphemes is most of a row's cost, and a long list redraws
// the same rows on every keystroke.
func RowMeasured(cells []string, cellWidths []int, widths []int, cols []Column) string {
	var b strings.Builder
	n := 0
	for _, w := range widths {
		n += w + 1
	}
	b.Grow(n * 2) // most cells are ASCII or 2-byte accents; a bar is 3 bytes a cell
	first := true
	for i, w := range widths {
		if w == 0 {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		sw := -1
		if cellWidths != nil {
			sw = cellWidths[i]
		}
		b.WriteString(cellMeasured(cells[i], sw, w, cols[i].Right))
	}
	return b.String()
}

// FitLine pads or cuts a line, which may hold styles, to exactly w cells.
func FitLine(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s) // a wide character that did not fit leaves a cell to pad
	}
	return s + strings.Repeat(" ", max(0, w-sw))
}

// JoinParts joins parts with sep into lines at most w cells wide, breaking
// only between parts, so "capital repaid €5,178.60" never splits; a part
// wider than w has a line of its own (cut where it is drawn).
func JoinParts(parts []string, sep string, w int) []string {
	var out []string
	line, lw := "", 0
	sw := ansi.StringWidth(sep)
	for _, p := range parts {
		pw := ansi.StringWidth(p)
		switch {
		case line == "":
			line, lw = p, pw
		case lw+sw+pw <= w:
			line, lw = line+sep+p, lw+sw+pw
		default:
			out = append(out, line)
			line, lw = p, pw
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// Block pads or cuts lines to exactly w×h, so a pane renders the size it was given.
func Block(lines []string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = FitLine(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return strings.Join(out, "\n")
}

// Canvas collects a pane's lines at exactly W×H. Lines the pane knows to be
// W cells wide (Exact) are not measured again, which keeps long lists cheap.
type Canvas struct {
	W, H  int
	lines []string
}

// Line adds a line, padded or cut to W.
func (c *Canvas) Line(s string) {
	if len(c.lines) < c.H {
		c.lines = append(c.lines, FitLine(s, c.W))
	}
}

// Exact adds a line the caller guarantees is W cells wide.
func (c *Canvas) Exact(s string) {
	if len(c.lines) < c.H {
		c.lines = append(c.lines, s)
	}
}

// Len is the number of lines so far.
func (c *Canvas) Len() int { return len(c.lines) }

// String pads to H lines and joins them.
func (c *Canvas) String() string {
	if c.W <= 0 || c.H <= 0 {
		return ""
	}
	blank := strings.Repeat(" ", c.W)
	for len(c.lines) < c.H {
		c.lines = append(c.lines, blank)
	}
	return strings.Join(c.lines, "\n")
}

// Bar draws a progress bar w cells wide for part/whole (filled share capped at 100%).
func Bar(part, whole int64, w int) string {
	if w <= 0 {
		return ""
	}
	filled := 0
	if whole > 0 && part > 0 {
		// big.Int: part×w overflows int64 for amounts a server may still send.
		q := new(big.Int).Mul(big.NewInt(min(part, whole)), big.NewInt(int64(w)))
		filled = int(q.Div(q, big.NewInt(whole)).Int64()) // ≤ w, as part ≤ whole
	}
	return strings.Repeat("█", filled) + strings.Repeat("░", w-filled)
}
