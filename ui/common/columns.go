package common

import (
	"math/big"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Column describes one column of a list pane. Panes lay their columns out
// with FitColumns when their size changes, so View only pads and cuts.
type Column struct {
	Width    int  // cells; for the Flex column, its minimum
	Flex     bool // takes the room the other columns leave
	Right    bool // right-aligned (numbers, amounts)
	Priority int  // columns with the highest Priority go first when the pane narrows; 0 is never dropped
}

// flexShare is the percentage of the width the flex column keeps, up to its
// minimum, when the columns that cannot be dropped do not fit.
const flexShare = 40

// FitColumns returns the width of each column for a pane w cells wide, one
// space between columns. Columns are dropped (width 0) from the highest
// Priority down until the rest fit, the Flex column counted at its minimum
// Width; it then takes what is left.
func FitColumns(cols []Column, w int) []int {
	widths := make([]int, len(cols))
	kept := make([]bool, len(cols))
	for i := range cols {
		kept[i] = true
	}
	need := func() int {
		n, total := 0, 0
		for i, c := range cols {
			if kept[i] {
				total += c.Width
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
	flex, fixed, n := -1, 0, 0
	for i, c := range cols {
		if !kept[i] {
			continue
		}
		n++
		if c.Flex && flex < 0 {
			flex = i
			continue
		}
		widths[i] = c.Width
		fixed += c.Width
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
