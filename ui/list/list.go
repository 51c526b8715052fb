// Package list is the one list component of the terminal: columns laid out
// for the width, a cursor, a window of visible rows that follows it, and a
// display order (a filter, a sort) over the rows loaded. The projects and
// pledges panes own their data and its meaning; the list owns how rows are
// laid out, moved through and drawn. Rows are formatted and measured once,
// when data arrives, so drawing costs what is visible, not what is loaded;
// the measures also size the columns (a column is as wide as its header
// and its widest cell), so padding goes before content as a pane narrows.
package list

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/ui/common"
)

// The cursor row is marked in text, not only in colour, so it shows with
// NO_COLOR and in a plain capture.
const (
	gutter     = "  "
	cursorMark = "› "
)

// Row is one item formatted for the list. Key identifies the item (its id),
// so the cursor stays on it when rows are replaced or reordered.
type Row struct {
	Key    int64
	Cells  []string
	widths []int
}

// NewRow measures cells (plain text: server strings are cleaned before).
func NewRow(key int64, cells []string) Row {
	w := make([]int, len(cells))
	for i, c := range cells {
		w[i] = ansi.StringWidth(c)
	}
	return Row{Key: key, Cells: cells, widths: w}
}

// Model is a list's layout and position.
type Model struct {
	cols          []common.Column
	titles        []string // the column headers
	widest        []int    // per column: its widest cell among the rows held
	pinned        int      // a column kept whatever its priority (sorted by); -1: none
	widths        []int    // per column for the width; 0: dropped
	lineWidth     int      // of a drawn row: gutter, columns and gaps
	width, height int      // height: the rows shown
	focused       bool

	rows  []Row
	order []int // display order, indices into rows; nil: load order

	cursor, offset int // in display order
}

// New returns an empty list of cols.
func New(cols []common.Column) Model {
	return Model{cols: cols, widest: make([]int, len(cols)), pinned: -1}
}

// SetSize lays the columns out for width cells and shows height rows.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	return m.layout().scroll()
}

// SetTitles sets the column headers (in the person's language, with a sort
// mark); columns are at least as wide as their header.
func (m Model) SetTitles(titles []string) Model {
	m.titles = titles
	return m.layout()
}

// SetPinned keeps column i shown at any width, as if it could not be
// dropped: the column a list is sorted by shows what the order follows.
// -1 pins none.
func (m Model) SetPinned(i int) Model {
	m.pinned = i
	return m.layout()
}

// measure grows each column's widest cell to fit rs (from scratch when
// reset: the rows were replaced). Columns are as wide as their content, so
// padding goes before content when the pane narrows.
func (m Model) measure(reset bool, rs []Row) Model {
	widest := make([]int, len(m.cols))
	if !reset {
		copy(widest, m.widest)
	}
	for r := range rs {
		for i, w := range rs[r].widths {
			if i < len(widest) {
				widest[i] = max(widest[i], w)
			}
		}
	}
	m.widest = widest
	return m
}

// layout fits the columns to the width.
func (m Model) layout() Model {
	cols := m.cols
	if m.pinned >= 0 && m.pinned < len(cols) {
		cols = append([]common.Column(nil), cols...)
		cols[m.pinned].Priority = 0
	}
	natural := make([]int, len(cols))
	for i := range natural {
		natural[i] = m.widest[i]
		if i < len(m.titles) {
			natural[i] = max(natural[i], ansi.StringWidth(m.titles[i]))
		}
	}
	m.widths = common.FitContent(cols, natural, max(0, m.width-len(gutter)))
	m.lineWidth = len(gutter)
	gaps := -1
	for _, w := range m.widths {
		if w > 0 {
			m.lineWidth += w
			gaps++
		}
	}
	m.lineWidth += max(0, gaps)
	return m
}

// SetFocused says whether the cursor row is drawn as selected (focused)
// or only marked.
func (m Model) SetFocused(f bool) Model { m.focused = f; return m }

// Width is the list's width; Height the rows it shows.
func (m Model) Width() int  { return m.width }
func (m Model) Height() int { return m.height }

// ColumnWidth is column i's width at this size; 0 when it is dropped.
func (m Model) ColumnWidth(i int) int {
	if i < 0 || i >= len(m.widths) {
		return 0
	}
	return m.widths[i]
}

// Len is the number of rows shown (after the display order); Loaded the
// number of rows held.
func (m Model) Len() int {
	if m.order != nil {
		return len(m.order)
	}
	return len(m.rows)
}

// Loaded is the number of rows held, shown or not.
func (m Model) Loaded() int { return len(m.rows) }

// index is the row shown at display position i.
func (m Model) index(i int) int {
	if m.order != nil {
		return m.order[i]
	}
	return i
}

// Append adds rows after the ones held; with a display order set, they are
// not shown until the next SetOrder.
func (m Model) Append(rs ...Row) Model {
	m.rows = append(m.rows, rs...)
	return m.measure(false, rs).layout().scroll()
}

// SetRows replaces every row (a reload, a privacy change); the cursor stays
// on the item it was on when that item is still there, else on the same
// position as far as the new rows go. The display order is dropped.
func (m Model) SetRows(rs []Row) Model {
	key, had := m.SelectedKey()
	m.rows, m.order = rs, nil
	m = m.measure(true, rs).layout()
	if had {
		if i := m.find(key); i >= 0 {
			m.cursor = i
		}
	}
	return m.scroll()
}

// SetOrder shows the rows at indices order (a filter, a sort; nil: every row
// in load order). The cursor stays on its item when it is still shown, else
// goes to the top.
func (m Model) SetOrder(order []int) Model {
	if order == nil && m.order == nil {
		return m // load order already: nothing moves
	}
	key, had := m.SelectedKey()
	m.order = order
	m.cursor = 0
	if had {
		if i := m.find(key); i >= 0 {
			m.cursor = i
		}
	}
	return m.scroll()
}

// Clear drops every row and goes back to the top.
func (m Model) Clear() Model {
	m.rows, m.order, m.cursor, m.offset = nil, nil, 0, 0
	return m.measure(true, nil).layout()
}

func (m Model) find(key int64) int {
	for i := range m.Len() {
		if m.rows[m.index(i)].Key == key {
			return i
		}
	}
	return -1
}

// Cursor is the cursor's position in display order.
func (m Model) Cursor() int { return m.cursor }

// Offset is the first row drawn, in display order.
func (m Model) Offset() int { return m.offset }

// Selected is the index (into the rows, in load order) of the row under the cursor.
func (m Model) Selected() (int, bool) {
	if m.cursor < 0 || m.cursor >= m.Len() {
		return 0, false
	}
	return m.index(m.cursor), true
}

// SelectedKey is the key of the row under the cursor.
func (m Model) SelectedKey() (int64, bool) {
	i, ok := m.Selected()
	if !ok {
		return 0, false
	}
	return m.rows[i].Key, true
}

// Shown is the indices of the rows shown, in display order.
func (m Model) Shown() []int {
	out := make([]int, m.Len())
	for i := range out {
		out[i] = m.index(i)
	}
	return out
}

// Move moves the cursor by delta rows, staying on the list.
func (m Model) Move(delta int) Model { return m.MoveTo(m.cursor + delta) }

// MoveTo puts the cursor on display position i, staying on the list.
func (m Model) MoveTo(i int) Model {
	m.cursor = i
	return m.scroll()
}

// HandleKey moves the cursor for the moving keys (j k ↑ ↓ pgup pgdn g G);
// ok is false for any other key.
func (m Model) HandleKey(keys common.KeyMap, msg tea.KeyPressMsg) (Model, bool) {
	d, ok := keys.ListMove(msg, m.height, m.Len())
	if !ok {
		return m, false
	}
	return m.Move(d), true
}

// scroll keeps the cursor on the list and its row inside the window.
func (m Model) scroll() Model {
	m.cursor = max(0, min(m.cursor, m.Len()-1))
	m.offset = common.ListOffset(m.cursor, m.offset, m.Len(), m.height)
	return m
}

// RowAt is the display position of the row drawn on line y of the body
// (0: the first row under the header), for a mouse click.
func (m Model) RowAt(y int) (int, bool) {
	if y < 0 || y >= m.height {
		return 0, false
	}
	i := m.offset + y
	return i, i < m.Len()
}

// Click puts the cursor on the row drawn on line y of the body (RowAt); ok
// is false when no row is drawn there.
func (m Model) Click(y int) (Model, bool) {
	i, ok := m.RowAt(y)
	if !ok {
		return m, false
	}
	return m.MoveTo(i), true
}

// Wheel moves the cursor by lines (> 0: down) and the window with it, as
// the arrow keys do: what the wheel scrolls to is what enter opens.
func (m Model) Wheel(lines int) Model { return m.Move(lines) }

// Shows reports whether column i is shown at this width.
func (m Model) Shows(i int) bool { return m.ColumnWidth(i) > 0 }

// Header is the column titles (SetTitles), laid out as the rows are.
func (m Model) Header(st common.Styles) string {
	titles := m.titles
	if len(titles) < len(m.cols) {
		titles = append(append([]string(nil), titles...), make([]string, len(m.cols)-len(titles))...)
	}
	return st.Header.Render(gutter + common.Row(titles, m.widths, m.cols))
}

// View is the visible rows, each exactly Width() cells: the cursor's row
// marked, and drawn as selected when the list is focused.
func (m Model) View(st common.Styles) []string {
	end := min(m.Len(), m.offset+m.height)
	out := make([]string, 0, max(0, end-m.offset))
	pad := ""
	if m.lineWidth < m.width {
		pad = strings.Repeat(" ", m.width-m.lineWidth)
	}
	for i := m.offset; i < end; i++ {
		r := &m.rows[m.index(i)]
		mark := gutter
		if i == m.cursor {
			mark = cursorMark
		}
		line := mark + common.RowMeasured(r.Cells, r.widths, m.widths, m.cols)
		if m.lineWidth > m.width {
			line = common.FitLine(line, m.width)
		} else {
			line += pad
		}
		switch {
		case i == m.cursor && m.focused:
			line = st.Selected.Render(line)
		case i == m.cursor:
			line = st.Accent.Render(line)
		}
		out = append(out, line)
	}
	return out
}
