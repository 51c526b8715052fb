package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

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

// defaultWidth is the table width when neither COLUMNS nor the terminal says.
const defaultWidth = 100

// perPageMax is the largest page the API serves; --all walks pages this big
// to make as few requests as possible.
const perPageMax = 100

// clock is the time "now" for birthdates and days left; tests fix it so that
// golden files do not change from one day to the next.
var clock = time.Now

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
	p        i18n.Printer
	f        format.Formatter
}

func newOutput(app *App, lang i18n.Lang, f outputFormat) *output {
	return &output{
		w:        bufio.NewWriter(app.Stdout),
		errw:     app.Stderr,
		format:   f,
		width:    terminalWidth(app),
		color:    colorAllowed(app),
		progress: app.IsTerminal != nil && app.IsTerminal(app.Stderr),
		p:        i18n.New(lang),
		f:        format.New(lang),
	}
}

// terminalWidth is COLUMNS when set, else the size of the terminal on
// standard output, else defaultWidth.
func terminalWidth(app *App) int {
	if n, err := strconv.Atoi(strings.TrimSpace(app.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if app.IsTerminal != nil && app.IsTerminal(app.Stdout) {
		if f, ok := app.Stdout.(interface{ Fd() uintptr }); ok {
			if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
				return w
			}
		}
	}
	return defaultWidth
}

// colorAllowed: escape codes only for a person looking at a terminal who
// did not ask for none (https://no-color.org).
func colorAllowed(app *App) bool {
	if app.Getenv("NO_COLOR") != "" || app.Getenv("TERM") == "dumb" {
		return false
	}
	return app.IsTerminal != nil && app.IsTerminal(app.Stdout)
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
	// footer gives the lines under the table: totals, and how to see more.
	footer func(o *output, items []T, total api.Int, more bool) []string
}

// writeList walks pages until limit items (0: every item) and prints them.
// json, ndjson and csv print each page as it arrives; a table needs every
// row to size its columns, so it prints at the end.
func writeList[T any](ctx context.Context, o *output, pages iter.Seq2[api.Page[T], error], limit int, l listing[T]) (err error) {
	var (
		rows     []T // table only
		count    int
		total    api.Int
		more     bool
		progress bool // a progress line is on standard error
		sinkFn   func(T) error
	)
	defer func() {
		if progress {
			fmt.Fprint(o.errw, "\r\x1b[2K") // erase the progress line
		}
		if ferr := o.flush(); err == nil {
			err = ferr
		}
	}()

	cw := csv.NewWriter(o.w)
	switch o.format {
	case formatJSON:
		if _, err := o.w.WriteString("["); err != nil {
			return err
		}
		sinkFn = func(item T) error {
			sep := ",\n"
			if count == 0 {
				sep = "\n"
			}
			return writeJSONElement(o.w, sep, l.json(item))
		}
	case formatNDJSON:
		sinkFn = func(item T) error { return writeJSONLine(o.w, l.json(item)) }
	case formatCSV:
		if err := cw.Write(l.csvHeader); err != nil {
			return err
		}
		sinkFn = func(item T) error { return cw.Write(cleanRow(l.csvRow(item))) }
	default:
		sinkFn = func(item T) error { rows = append(rows, item); return nil }
	}

	for page, perr := range pages {
		if perr != nil {
			cw.Flush()
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
			if err := sinkFn(item); err != nil {
				return err
			}
			count++
		}
		if limit > 0 && count == limit {
			more = more || page.Next != "" || (total.Valid && int64(count) < total.Value)
			break
		}
		// Each page reaches the reader as it arrives.
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
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

	switch o.format {
	case formatJSON:
		end := "\n]\n"
		if count == 0 {
			end = "]\n"
		}
		_, err := o.w.WriteString(end)
		return err
	case formatCSV:
		cw.Flush()
		return cw.Error()
	case formatTable:
		if count == 0 {
			_, err := fmt.Fprintln(o.w, o.p.T("cli.table.empty"))
			return err
		}
		cells := make([][]string, len(rows))
		for i, item := range rows {
			cells[i] = l.cells(o, item)
		}
		if err := o.renderTable(l.columns(o), cells); err != nil {
			return err
		}
		if l.footer != nil {
			for _, line := range l.footer(o, rows, total, more) {
				if _, err := fmt.Fprintln(o.w, ansi.Wrap(line, o.width, "")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (o *output) progressLine(count int, total api.Int) string {
	if total.Valid {
		return o.p.T("cli.progress.of", count, total.Value)
	}
	return o.p.T("cli.progress", count)
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

func intString(i api.Int) string {
	if !i.Valid {
		return ""
	}
	return strconv.FormatInt(i.Value, 10)
}

// noArgs refuses positional arguments with a localized usage error.
func noArgs(app *App, g *Globals) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			p := i18n.New(i18n.Detect(g.Lang, app.Getenv))
			return usageErr(p.T("cli.err.no_args", cmd.Name(), args[0]))
		}
		return nil
	}
}
