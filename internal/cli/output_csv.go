package cli

import (
	"encoding/csv"
	"strings"
)

// csvWriter writes CSV rows whose cells are cleaned (no control or escape
// sequences, see clean) and, unless --csv-raw, defused for spreadsheets.
type csvWriter struct {
	w   *csv.Writer
	raw bool
}

func newCSVWriter(o *output) *csvWriter {
	return &csvWriter{w: csv.NewWriter(o.w), raw: o.csvRaw}
}

func (c *csvWriter) write(row []string) error {
	out := make([]string, len(row))
	for i, s := range row {
		out[i] = clean(s)
		if !c.raw {
			out[i] = csvCell(out[i])
		}
	}
	return c.w.Write(out)
}

// flush writes what is buffered and reports any write error.
func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// csvFormulaStart are the characters with which a spreadsheet (Excel,
// LibreOffice, Google Sheets) starts a formula, or which it skips before
// one: OWASP's list for CSV injection.
const csvFormulaStart = "=+-@\t\r"

// csvCell defuses a cell a spreadsheet would run as a formula (a server
// string "=HYPERLINK(…)" or "@SUM(…)") by putting a single quote before it,
// as OWASP recommends: the spreadsheet shows the text, quote hidden.
// Negative numbers are defused too ("'-5"): the API has none (amounts,
// rates and counts are never negative), and a script that wants every
// value exactly as the server sent it passes --csv-raw. encoding/csv
// quotes the cell where it needs to (a comma, a quote, a line break).
func csvCell(s string) string {
	if s != "" && strings.ContainsRune(csvFormulaStart, rune(s[0])) {
		return "'" + s
	}
	return s
}
