package list

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

var cols = []common.Column{{Width: 10, Flex: true}, {Width: 8, Right: true, Priority: 1}}

func rows(n int) []Row {
	out := make([]Row, n)
	for i := range out {
		out[i] = NewRow(int64(100+i), []string{fmt.Sprintf("row %d", i), fmt.Sprint(i)})
	}
	return out
}

func TestEveryLineIsExactlyTheWidth(t *testing.T) {
	st := common.NewStyles(true)
	for _, w := range []int{1, 2, 5, 12, 19, 40, 120} {
		m := New(cols).SetSize(w, 5).SetFocused(true).Append(rows(20)...)
		for _, l := range m.View(st) {
			if got := ansi.StringWidth(l); got != w {
				t.Errorf("at %d cells a row is %d wide: %q", w, got, ansi.Strip(l))
			}
		}
	}
}

// The cursor's row is marked in text (NO_COLOR, captures), focused or not.
func TestTheCursorRowIsMarked(t *testing.T) {
	m := New(cols).SetSize(40, 5).Append(rows(3)...).Move(1)
	lines := m.View(common.Styles{})
	if !strings.HasPrefix(lines[1], "› row 1") || !strings.HasPrefix(lines[0], "  row 0") {
		t.Errorf("rows:\n%s", strings.Join(lines, "\n"))
	}
}

func TestTheWindowFollowsTheCursor(t *testing.T) {
	keys := common.NewKeyMap(i18n.New(i18n.EN))
	m := New(cols).SetSize(40, 4).Append(rows(50)...)
	for range 10 {
		m, _ = m.HandleKey(keys, uitest.Key("j"))
	}
	if m.Cursor() != 10 || m.Offset() != 7 {
		t.Errorf("cursor %d offset %d after 10 downs in a 4-row window", m.Cursor(), m.Offset())
	}
	m, _ = m.HandleKey(keys, uitest.Key("G"))
	if m.Cursor() != 49 || m.Offset() != 46 {
		t.Errorf("G: cursor %d offset %d", m.Cursor(), m.Offset())
	}
	m, _ = m.HandleKey(keys, uitest.Key("pgup"))
	if m.Cursor() != 45 {
		t.Errorf("pgup: cursor %d", m.Cursor())
	}
	if _, ok := m.HandleKey(keys, uitest.Key("x")); ok {
		t.Error("x moved the list")
	}
}

// A filter or a sort keeps the cursor on its item; when the item is
// filtered out the cursor goes to the top.
func TestTheCursorStaysOnItsItem(t *testing.T) {
	m := New(cols).SetSize(40, 10).Append(rows(10)...).MoveTo(4) // key 104
	m = m.SetOrder([]int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0})
	if k, _ := m.SelectedKey(); k != 104 || m.Cursor() != 5 {
		t.Errorf("after a reverse sort: key %d at %d, want 104 at 5", k, m.Cursor())
	}
	m = m.SetOrder([]int{1, 3})
	if k, _ := m.SelectedKey(); k != 101 || m.Cursor() != 0 {
		t.Errorf("filtered out: key %d at %d, want the top", k, m.Cursor())
	}
	// New rows (a reload, a privacy change) keep the item too.
	m = m.SetOrder(nil).MoveTo(7)
	m = m.SetRows(rows(10)[5:])
	if k, _ := m.SelectedKey(); k != 107 || m.Cursor() != 2 {
		t.Errorf("after new rows: key %d at %d, want 107 at 2", k, m.Cursor())
	}
	// Its item gone, the cursor keeps its place as far as the rows go.
	m = m.SetRows(rows(2))
	if m.Cursor() != 1 {
		t.Errorf("shorter rows: cursor %d, want the last row", m.Cursor())
	}
}

func TestRowAtIsForMouseClicks(t *testing.T) {
	m := New(cols).SetSize(40, 4).Append(rows(50)...).MoveTo(20)
	if i, ok := m.RowAt(0); !ok || i != m.Offset() {
		t.Errorf("row at 0: %d %v, want %d", i, ok, m.Offset())
	}
	if _, ok := m.RowAt(4); ok {
		t.Error("a click below the window hit a row")
	}
	short := New(cols).SetSize(40, 4).Append(rows(2)...)
	if _, ok := short.RowAt(3); ok {
		t.Error("a click under the last row hit a row")
	}
}

// Drawing costs the visible rows, not the loaded ones. The rows are as
// wide in both lists: columns fit their content, and what a row costs
// depends on how much of it is padding.
func TestViewCostFollowsTheWindow(t *testing.T) {
	st := common.NewStyles(true)
	allocs := func(n int) float64 {
		rs := make([]Row, n)
		for i := range rs {
			rs[i] = NewRow(int64(i), []string{fmt.Sprintf("row %06d", i), fmt.Sprintf("%06d", i)})
		}
		m := New(cols).SetSize(80, 20).SetFocused(true).Append(rs...).MoveTo(n / 2)
		return testing.AllocsPerRun(20, func() { _ = m.View(st) })
	}
	if small, big := allocs(100), allocs(20000); big > small*1.1 {
		t.Errorf("View allocates %.0f times with 20,000 rows, %.0f with 100", big, small)
	}
}

// Columns follow what the rows hold: a header wider than its cells sets
// the width, rows that arrive later widen a column, and new rows from
// scratch (a privacy change) measure again.
func TestColumnsFitTheirContent(t *testing.T) {
	c := []common.Column{{Width: 10, Flex: true}, {Width: 16, Priority: 1}, {Width: 16, Right: true, Priority: 2}}
	m := New(c).SetTitles([]string{"Project", "Status", "Amount"}).SetSize(60, 5)
	m = m.Append(NewRow(1, []string{"Des ruches", "Late", "€5.00"}))
	if m.ColumnWidth(1) != len("Status") || m.ColumnWidth(2) != len("Amount") {
		t.Errorf("widths %d %d, want the headers' 6 6", m.ColumnWidth(1), m.ColumnWidth(2))
	}
	m = m.Append(NewRow(2, []string{"Un chai", "Collect open", "€1,480.00"}))
	if m.ColumnWidth(1) != len("Collect open") || m.ColumnWidth(2) != len("€1,480.00")-2 {
		t.Errorf("widths %d %d after a wider row", m.ColumnWidth(1), m.ColumnWidth(2))
	}
	if got := m.ColumnWidth(0); got != 60-2-1-12-1-9 {
		t.Errorf("the title has %d cells, want the rest", got)
	}
	m = m.SetRows([]Row{NewRow(1, []string{"Des ruches", "Late", "€••••"})})
	if m.ColumnWidth(1) != len("Status") {
		t.Errorf("rows replaced: status %d wide, want its header's 6", m.ColumnWidth(1))
	}
	head := ansi.Strip(m.Header(common.Styles{}))
	if !strings.HasPrefix(head, "  Project") || !strings.Contains(head, "Status Amount") {
		t.Errorf("header %q", head)
	}
}

// The column a list is sorted by stays at any width.
func TestAPinnedColumnStays(t *testing.T) {
	c := []common.Column{{Width: 10, Flex: true}, {Width: 8, Priority: 1}, {Width: 8, Priority: 2}}
	m := New(c).SetSize(24, 5).Append(NewRow(1, []string{"Des ruches", "category", "12 days"}))
	if m.Shows(2) {
		t.Fatal("at 24 cells the lowest priority column shows")
	}
	m = m.SetPinned(2)
	if !m.Shows(2) || m.Shows(1) {
		t.Errorf("pinned: shows 1 %v, 2 %v", m.Shows(1), m.Shows(2))
	}
	if m = m.SetPinned(-1); m.Shows(2) {
		t.Error("unpinned, the column stayed")
	}
}

func TestClickAndWheelMoveTheCursor(t *testing.T) {
	m := New(cols).SetSize(40, 4).Append(rows(50)...)
	m = m.Wheel(3)
	if m.Cursor() != 3 {
		t.Errorf("wheel 3: cursor %d", m.Cursor())
	}
	m = m.Wheel(10)
	if m.Cursor() != 13 || m.Offset() != 10 {
		t.Errorf("wheel 10 more: cursor %d offset %d", m.Cursor(), m.Offset())
	}
	m, ok := m.Click(1)
	if !ok || m.Cursor() != 11 {
		t.Errorf("click on line 1: %v, cursor %d, want 11", ok, m.Cursor())
	}
	if _, ok := m.Click(-1); ok {
		t.Error("a click above the rows selected one")
	}
	m = m.Wheel(-100)
	if m.Cursor() != 0 || m.Offset() != 0 {
		t.Errorf("wheel up past the top: cursor %d offset %d", m.Cursor(), m.Offset())
	}
}
