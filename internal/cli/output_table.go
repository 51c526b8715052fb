package cli

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/internal/textsafe"
)

// column describes one column of a table.
type column struct {
	header string
	right  bool // amounts, rates, counts and dates align right
	// min > 0 marks a column of free text that may be cut (with "…") down
	// to min cells before any column is dropped, and further, down to
	// hardMin, once nothing is left to drop.
	min int
	// drop orders which columns go when the terminal is too narrow even with
	// free text cut: the highest goes first; 0 never goes.
	drop int
}

// hardMin is the narrowest free text is ever cut to: "Un p…".
const hardMin = 5

// columnGap is the space between two columns.
const columnGap = 2

const ellipsis = "…"

// Bold for headers, the only escape code a table ever carries, and only on a
// terminal (see colorAllowed).
const (
	sgrBold  = "\x1b[1m"
	sgrReset = "\x1b[0m"
)

// truncate cuts s to width cells, ending with "…" when it had to cut.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, ellipsis)
}

func pad(s string, width int, right bool) string {
	n := width - ansi.StringWidth(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// fitColumns chooses which columns to show and how wide, so that the table
// fits width: free text is cut to its comfortable minimum first, then
// columns are dropped by their drop rank, and free text is cut further only
// when nothing is left to drop (the line may then run over). It returns the
// widths, 0 for a dropped column.
func fitColumns(cols []column, rows [][]string, width int) []int {
	natural := make([]int, len(cols))
	for i, c := range cols {
		natural[i] = ansi.StringWidth(c.header)
		for _, r := range rows {
			if i < len(r) {
				natural[i] = max(natural[i], ansi.StringWidth(r[i]))
			}
		}
	}
	shown := make([]bool, len(cols))
	for i := range shown {
		shown[i] = true
	}
	for {
		widths, fits := cutToFit(cols, natural, shown, width, func(c column) int { return c.min })
		if fits {
			return widths
		}
		drop := -1
		for i, c := range cols {
			if shown[i] && c.drop > 0 && (drop < 0 || c.drop > cols[drop].drop) {
				drop = i
			}
		}
		if drop < 0 {
			widths, _ = cutToFit(cols, natural, shown, width, func(c column) int { return min(c.min, hardMin) })
			return widths
		}
		shown[drop] = false
	}
}

// cutToFit cuts the shown free-text columns, the widest first a cell at a
// time so that the cuts are shared fairly, down to floor, until the table
// fits width. It reports whether it fits.
func cutToFit(cols []column, natural []int, shown []bool, width int, floor func(column) int) ([]int, bool) {
	widths := make([]int, len(cols))
	used, n := 0, 0
	for i := range cols {
		if shown[i] {
			widths[i] = natural[i]
			used += natural[i]
			n++
		}
	}
	used += columnGap * max(n-1, 0)
	for used > width {
		widest := -1
		for i, c := range cols {
			if widths[i] > 0 && c.min > 0 && widths[i] > floor(c) && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return widths, false
		}
		widths[widest]--
		used--
	}
	return widths, true
}

// renderTable writes a header line and one line per row. Cells must already
// be clean (textsafe.Clean) and formatted for the locale.
func (o *output) renderTable(cols []column, rows [][]string) error {
	tw := newTableWriter(o, cols)
	for _, r := range rows {
		if err := tw.add(r); err != nil {
			return err
		}
	}
	return tw.close()
}

// tableSizingRows is how many rows a table holds to size its columns; the
// rows after them are cut to those widths as they come, so that a table of
// every project needs no more memory than one of a hundred.
const tableSizingRows = perPageMax

// tableWriter prints a table whose rows arrive one at a time.
type tableWriter struct {
	o       *output
	cols    []column
	pending [][]string // held until the widths are chosen
	widths  []int      // nil until then
}

func newTableWriter(o *output, cols []column) *tableWriter {
	return &tableWriter{o: o, cols: cols}
}

// add prints a row, or holds it while the widths are not chosen yet.
func (t *tableWriter) add(cells []string) error {
	if t.widths != nil {
		return t.writeRow(cells, false)
	}
	t.pending = append(t.pending, cells)
	if len(t.pending) < tableSizingRows {
		return nil
	}
	return t.start()
}

// close prints what is still held.
func (t *tableWriter) close() error {
	if t.widths != nil {
		return nil
	}
	return t.start()
}

// start chooses the widths from the rows held, and prints the header and
// them.
func (t *tableWriter) start() error {
	t.widths = fitColumns(t.cols, t.pending, t.o.width)
	headers := make([]string, len(t.cols))
	for i, c := range t.cols {
		headers[i] = strings.ToUpper(c.header)
	}
	if err := t.writeRow(headers, true); err != nil {
		return err
	}
	for _, r := range t.pending {
		if err := t.writeRow(r, false); err != nil {
			return err
		}
	}
	t.pending = nil
	return nil
}

// writeRow writes one line at the chosen widths. Text wider than its
// column is cut with "…"; an amount or a count (a right-aligned column)
// never is: a row after the sizing rows may then run over, but no figure
// is ever shown cut.
func (t *tableWriter) writeRow(cells []string, header bool) error {
	var b strings.Builder
	last := -1
	for i := range t.cols {
		if t.widths[i] > 0 {
			last = i
		}
	}
	first := true
	for i, c := range t.cols {
		w := t.widths[i]
		if w == 0 {
			continue
		}
		if !first {
			b.WriteString(strings.Repeat(" ", columnGap))
		}
		first = false
		cell := ""
		if i < len(cells) {
			cell = cells[i]
			if !c.right {
				cell = truncate(cell, w)
			}
		}
		// The last column is not padded on the left-aligned side, so
		// that lines carry no trailing spaces.
		if i != last || c.right {
			cell = pad(cell, w, c.right)
		}
		if header && t.o.color {
			cell = sgrBold + cell + sgrReset
		}
		b.WriteString(cell)
	}
	_, err := t.o.w.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	return err
}

// field is one line of a key/value listing (a wallet, a project).
type field struct {
	label string
	value string // clean, formatted; may hold "\n" for long text
	right bool   // an amount: aligned right with the other amounts
	// noWrap keeps a URL whole, even past the width: a URL cut over two
	// lines cannot be copied.
	noWrap bool
}

// renderFields writes a key/value listing: labels in a column, amounts
// aligned right among themselves, long values wrapped under the width.
func (o *output) renderFields(fields []field) error {
	labelWidth, amountWidth := 0, 0
	for _, f := range fields {
		labelWidth = max(labelWidth, ansi.StringWidth(f.label))
		if f.right {
			amountWidth = max(amountWidth, ansi.StringWidth(f.value))
		}
	}
	valueWidth := max(o.width-labelWidth-columnGap, 20)
	indent := strings.Repeat(" ", labelWidth+columnGap)
	for _, f := range fields {
		label := pad(f.label, labelWidth, false)
		if o.color {
			label = sgrBold + label + sgrReset
		}
		value := f.value
		if f.right {
			value = pad(value, amountWidth, true)
		}
		var lines []string
		for _, para := range strings.Split(value, "\n") {
			if !f.noWrap {
				para = ansi.Wrap(para, valueWidth, "")
			}
			lines = append(lines, strings.Split(para, "\n")...)
		}
		for i, l := range lines {
			prefix := indent
			if i == 0 {
				prefix = label + strings.Repeat(" ", columnGap)
			}
			if _, err := o.w.WriteString(strings.TrimRight(prefix+l, " ") + "\n"); err != nil {
				return err
			}
		}
	}
	return nil
}

// clean makes a server string safe for a terminal or a CSV cell: no control
// or escape sequences, no line breaks.
func clean(s string) string { return textsafe.Clean(s) }

// heading prints a section title in capitals (bold on a colour terminal),
// after a blank line when it is not the first.
func (o *output) heading(title string, blankBefore bool) error {
	if blankBefore {
		if err := o.w.WriteByte('\n'); err != nil {
			return err
		}
	}
	title = strings.ToUpper(title)
	if o.color {
		title = sgrBold + title + sgrReset
	}
	_, err := o.w.WriteString(title + "\n")
	return err
}
