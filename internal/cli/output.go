package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
)

// outputFormat is a value of --format.
type outputFormat string

const (
	formatTable  outputFormat = "table"
	formatJSON   outputFormat = "json"
	formatNDJSON outputFormat = "ndjson"
	formatCSV    outputFormat = "csv"
)

// The formats each kind of output supports: a single object has no ndjson,
// and a project detail (nested rewards, extra fields) has no flat CSV row.
var (
	listFormats    = []outputFormat{formatTable, formatJSON, formatNDJSON, formatCSV}
	walletFormats  = []outputFormat{formatTable, formatJSON, formatCSV}
	projectFormats = []outputFormat{formatTable, formatJSON}
)

// perPageMax is the largest page the API serves; --all walks pages this big
// to make as few requests as possible.
const perPageMax = 100

func formatNames(fs []outputFormat) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return names
}

// parseFormat checks --format before anything is requested.
func parseFormat(p i18n.Printer, s string, allowed []outputFormat) (outputFormat, error) {
	f := outputFormat(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(allowed, f) {
		return f, nil
	}
	return "", usageErr(p.T("cli.err.format", s, strings.Join(formatNames(allowed), ", ")))
}

// output is where a command writes its result, with what it knows of the
// terminal and the language.
type output struct {
	w        *bufio.Writer
	errw     io.Writer
	format   outputFormat
	width    int  // table width in cells
	color    bool // bold table headers: only on a terminal without NO_COLOR
	progress bool // standard error is a terminal: show "fetched 120 of 312"
	// csvRaw keeps cells as they are (--csv-raw); by default a cell a
	// spreadsheet would run as a formula is defused (see csvCell).
	csvRaw bool
	// toTerminal: standard output is a terminal, where even --csv-raw
	// cells are cleaned of what a terminal would act on.
	toTerminal bool
	p          i18n.Printer
	f          format.Formatter
	now        func() time.Time
}

func newOutput(f *Factory, of outputFormat) *output {
	return &output{
		w:          bufio.NewWriter(f.IO.Out),
		errw:       f.IO.ErrOut,
		format:     of,
		width:      f.IO.Width(),
		color:      f.IO.ColorEnabled(),
		progress:   f.IO.ErrIsTerminal(),
		toTerminal: f.IO.OutIsTerminal(),
		p:          f.Printer,
		f:          f.Format,
		now:        f.Now,
	}
}

func (o *output) flush() error { return o.w.Flush() }

// listing says how one kind of item prints in every format. Field names of
// json and csv are English and stable: scripts rely on them.
type listing[T any] struct {
	json      func(T) any
	csvHeader []string
	csvRow    func(T) []string
	columns   func(o *output) []column
	cells     func(o *output, item T) []string
	// newFooter starts the lines under a table (totals, how to see more),
	// fed each item as it is printed, so that no item is kept for it.
	newFooter func(o *output) footer[T]
}

// footer is what a table says under its rows.
type footer[T any] interface {
	add(item T)
	lines(shown int, total api.Int, more bool) []string
}

// writeList walks pages until limit items (0: every item) and prints them,
// each page as it arrives. A table sizes its columns from its first rows
// (tableSizingRows) and then streams the rest, so that memory stays flat
// however many pages --all walks.
func writeList[T any](ctx context.Context, o *output, pages iter.Seq2[api.Page[T], error], limit int, l listing[T]) (err error) {
	var (
		count    int
		total    api.Int
		more     bool
		progress bool // a progress line is on standard error
		sink     func(T) error
		end      func() error
		// abort keeps what was printed when a page fails: the CSV rows so
		// far. A JSON array stays open, so that no parser takes it for
		// the whole list, and a table keeps its rows but says no total.
		abort = func() error { return nil }
	)
	eraseProgress := func() {
		if progress {
			fmt.Fprint(o.errw, "\r\x1b[2K")
			progress = false
		}
	}
	defer func() {
		eraseProgress()
		if ferr := o.flush(); err == nil {
			err = ferr
		}
	}()

	switch o.format {
	case formatJSON:
		if _, err := o.w.WriteString("["); err != nil {
			return err
		}
		sink = func(item T) error {
			sep := ",\n"
			if count == 0 {
				sep = "\n"
			}
			return writeJSONElement(o.w, sep, l.json(item))
		}
		end = func() error {
			if count == 0 {
				_, err := o.w.WriteString("]\n")
				return err
			}
			_, err := o.w.WriteString("\n]\n")
			return err
		}
	case formatNDJSON:
		sink = func(item T) error { return writeJSONLine(o.w, l.json(item)) }
		end = func() error { return nil }
	case formatCSV:
		cw := newCSVWriter(o)
		if err := cw.write(l.csvHeader); err != nil {
			return err
		}
		sink = func(item T) error { return cw.write(l.csvRow(item)) }
		end, abort = cw.flush, cw.flush
	default:
		tw := newTableWriter(o, l.columns(o))
		foot := l.newFooter(o)
		sink = func(item T) error {
			foot.add(item)
			return tw.add(l.cells(o, item))
		}
		// The rows held to size the columns are printed, with no total.
		abort = func() error {
			if count == 0 {
				return nil
			}
			return tw.close()
		}
		end = func() error {
			if count == 0 {
				_, err := fmt.Fprintln(o.w, o.p.T("cli.table.empty"))
				return err
			}
			if err := tw.close(); err != nil {
				return err
			}
			for _, line := range foot.lines(count, total, more) {
				if _, err := fmt.Fprintln(o.w, ansi.Wrap(line, o.width, "")); err != nil {
					return err
				}
			}
			return nil
		}
	}

	for page, perr := range pages {
		if perr != nil {
			if err := abort(); err != nil {
				return err
			}
			return perr
		}
		if page.Total.Valid {
			total = page.Total
		}
		for _, item := range page.Items {
			if limit > 0 && count == limit {
				more = true
				break
			}
			if err := sink(item); err != nil {
				return err
			}
			count++
		}
		if limit > 0 && count == limit {
			more = more || page.Next != "" || (total.Valid && int64(count) < total.Value)
			break
		}
		// Each page reaches the reader as it arrives, on a line of its own
		// when a progress line was showing on the same terminal.
		eraseProgress()
		if err := o.flush(); err != nil {
			return err
		}
		if o.progress && limit == 0 && page.Next != "" {
			fmt.Fprint(o.errw, "\r"+o.progressLine(count, total))
			progress = true
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	eraseProgress()
	return end()
}

func (o *output) progressLine(count int, total api.Int) string {
	if total.Valid {
		return o.p.T("cli.progress.of", count, total.Value)
	}
	return o.p.T("cli.progress", count)
}

// countFooter says how many items a table shows and how to see the rest.
type countFooter[T any] struct {
	o         *output
	one, many i18n.Key
}

func (c countFooter[T]) add(T) {}

func (c countFooter[T]) lines(shown int, total api.Int, more bool) []string {
	return []string{"", c.o.moreHint(shown, total, more, c.one, c.many)}
}

// moreHint is the footer line that says how many items the table shows and
// how to see the rest.
func (o *output) moreHint(shown int, total api.Int, more bool, one, many i18n.Key) string {
	what := o.p.T(many)
	if shown == 1 && !more {
		what = o.p.T(one)
	}
	n := o.f.Int(api.Int{Value: int64(shown), Valid: true})
	switch {
	case !more:
		return o.p.T("cli.footer.all", n, what)
	case total.Valid:
		return o.p.T("cli.footer.some_of", n, o.f.Int(total), what)
	}
	return o.p.T("cli.footer.some", n, what)
}

// pageSize is the per_page to ask for: just enough for --limit, and the
// largest page the API serves for --all.
func pageSize(limit int) int {
	if limit <= 0 || limit > perPageMax {
		return perPageMax
	}
	return limit
}
