package cli

import (
	"encoding/csv"

	"github.com/miimosa/miimosa/internal/records"
)

// csvWriter writes CSV rows whose cells are cleaned (no control or escape
// sequences, see clean) and, unless --csv-raw, defused for spreadsheets.
type csvWriter struct {
	w   *csv.Writer
	raw bool // --csv-raw: no formula defused
	// exact: --csv-raw into a file or a pipe, where nothing is cleaned
	// either; on a terminal the cells are still cleaned of escapes.
	exact bool
}

func newCSVWriter(o *output) *csvWriter {
	return &csvWriter{w: csv.NewWriter(o.w), raw: o.csvRaw, exact: o.csvRaw && !o.toTerminal}
}

func (c *csvWriter) write(row []string) error {
	out := make([]string, len(row))
	for i, s := range row {
		switch {
		case c.exact:
			out[i] = s // --csv-raw into a file or a pipe: every byte as sent
		case c.raw:
			out[i] = clean(s)
		default:
			out[i] = csvCell(clean(s))
		}
	}
	return c.w.Write(out)
}

// flush writes what is buffered and reports any write error.
func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// csvCell defuses a cell a spreadsheet would run as a formula; --csv-raw
// skips it. encoding/csv quotes the cell where it needs to (a comma, a
// quote, a line break).
func csvCell(s string) string { return records.Defuse(s) }
