package common

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestFitColumnsDropsByPriorityAndFillsTheWidth(t *testing.T) {
	cols := []Column{{Width: 10, Flex: true}, {Width: 8, Priority: 2}, {Width: 6}, {Width: 5, Priority: 1}}
	cases := []struct {
		w    int
		want []int
	}{
		{60, []int{38, 8, 6, 5}},
		{30, []int{17, 0, 6, 5}}, // the highest priority goes first
		{18, []int{11, 0, 6, 0}},
		{12, []int{5, 0, 6, 0}}, // only the essentials: the flex column shrinks to fit them
		{10, []int{4, 0, 5, 0}}, // they overflow: the flex column keeps 40%, the others are cut
		{0, []int{0, 0, 0, 0}},
	}
	for _, c := range cases {
		got := FitColumns(cols, c.w)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("width %d: %v, want %v", c.w, got, c.want)
				break
			}
		}
	}
}

// A list at 40 cells: the optional columns leave before the title gives
// up its minimum, and the title never collapses to nothing.
func TestTheTitleKeepsItsMinimumWhileColumnsCanGo(t *testing.T) {
	title, amount, status, next := Column{Width: 12, Flex: true}, Column{Width: 12, Right: true}, Column{Width: 16, Priority: 1}, Column{Width: 12, Priority: 2}
	cols := []Column{title, {Width: 16, Priority: 4}, amount, status, next, {Width: 7, Priority: 3}}
	got := FitColumns(cols, 38)
	if got[0] < title.Width || got[2] != amount.Width {
		t.Errorf("at 38 cells: %v: the title or the amount gave way to optional columns", got)
	}
	// The same columns with none that can be dropped still keep a title.
	for _, w := range []int{38, 20, 5} {
		if got := FitColumns([]Column{title, amount, {Width: 16}, {Width: 12}}, w); got[0] == 0 {
			t.Errorf("at %d cells the title collapsed: %v", w, got)
		}
	}
}

func TestCellsAndLinesAreExactlyTheirWidth(t *testing.T) {
	for _, s := range []string{"", "abc", "Élevage", "漢字漢字漢字", "██████ 100 %", strings.Repeat("x", 50)} {
		for w := 0; w < 14; w++ {
			if got := ansi.StringWidth(Cell(s, w, w%2 == 0)); got != w {
				t.Errorf("Cell(%q, %d) is %d wide", s, w, got)
			}
			if got := ansi.StringWidth(FitLine(s, w)); got != w {
				t.Errorf("FitLine(%q, %d) is %d wide", s, w, got)
			}
		}
	}
}

func TestBarAndCanvas(t *testing.T) {
	if got := Bar(50, 100, 10); got != "█████░░░░░" {
		t.Errorf("Bar: %q", got)
	}
	if got := Bar(300, 100, 4); got != "████" {
		t.Errorf("Bar over 100%%: %q", got)
	}
	if got := Bar(5, 0, 3); got != "░░░" {
		t.Errorf("Bar with no target: %q", got)
	}
	// Amounts a server may send whose product with the width overflows int64
	// drew a negative count and panicked.
	const huge = 3458764513820540928
	if got := Bar(huge, huge, 10); got != "██████████" {
		t.Errorf("Bar of huge amounts: %q", got)
	}
	if got := Bar(huge/2, huge, 10); got != "█████░░░░░" {
		t.Errorf("Bar of half a huge amount: %q", got)
	}
	c := Canvas{W: 4, H: 2}
	c.Line("abcdef")
	c.Exact("wxyz")
	c.Line("dropped: the canvas is full")
	if got := c.String(); got != "abc…\nwxyz" {
		t.Errorf("Canvas: %q", got)
	}
}

// A table laid out at shrinking widths: columns leave in priority order,
// the flexible one gives way, and every line keeps the width it was given.
func TestRowLayouts(t *testing.T) {
	cols := []Column{{Width: 12, Flex: true}, {Width: 10, Priority: 2}, {Width: 9, Right: true}, {Width: 6, Priority: 1}}
	rows := [][]string{
		{"Project", "Category", "Amount", "Status"},
		{"Des ruches pour la miellerie", "Apiculture", "1 234,56 €", "Payé"},
		{"漢字のプロジェクト", "Élevage", "€5.00", "En retard"},
	}
	var b strings.Builder
	for _, w := range []int{60, 40, 30, 20, 8} {
		widths := FitColumns(cols, w)
		b.WriteString(strings.Repeat("-", w) + "\n")
		for _, r := range rows {
			line := FitLine(Row(r, widths, cols), w)
			if ansi.StringWidth(line) != w {
				t.Errorf("width %d: %q", w, line)
			}
			b.WriteString(line + "|\n")
		}
	}
	golden.RequireEqual(t, b.String())
}

// Columns are as wide as their content: a status column whose longest
// label is 9 cells takes 9, not the 16 it was given, and the title gets
// the rest. Padding goes before content: optional columns leave only when
// the content itself does not fit.
func TestFitContentSizesColumnsToWhatTheyShow(t *testing.T) {
	cols := []Column{{Width: 15, Flex: true, Share: 30}, {Width: 12, Right: true}, {Width: 16, Priority: 2}, {Width: 12, Priority: 1}}
	natural := []int{40, 9, 9, 11}
	got := FitContent(cols, natural, 80)
	if want := []int{48, 9, 9, 11}; !slices.Equal(got, want) {
		t.Errorf("at 80: %v, want %v", got, want)
	}
	// At 40 the title keeps 30% (12, raised to its Width, 15) before the
	// optional columns come: the status goes, the next date stays.
	got = FitContent(cols, natural, 40)
	if want := []int{18, 9, 0, 11}; !slices.Equal(got, want) {
		t.Errorf("at 40: %v, want %v", got, want)
	}
	// The title's share is bounded by what it shows: short titles leave
	// the room to the other columns.
	got = FitContent(cols, []int{10, 9, 9, 11}, 48)
	if want := []int{16, 9, 9, 11}; !slices.Equal(got, want) {
		t.Errorf("short titles at 48: %v, want %v", got, want)
	}
	// Without measures, FitColumns lays columns out at their Width.
	if got, want := FitColumns(cols, 80), FitContent(cols, nil, 80); !slices.Equal(got, want) || got[2] != 16 {
		t.Errorf("FitColumns %v, FitContent(nil) %v", got, want)
	}
	// Max caps a measure.
	capped := []Column{{Width: 10, Flex: true}, {Width: 5, Max: 8}}
	if got := FitContent(capped, []int{10, 30}, 60); got[1] != 8 {
		t.Errorf("a capped column took %d", got[1])
	}
}

func TestJoinPartsBreaksOnlyBetweenParts(t *testing.T) {
	parts := []string{"Lent €11,560.00", "capital repaid €5,178.60", "interest received €452.17", "outstanding €6,381.40"}
	for w := 1; w <= 120; w++ {
		lines := JoinParts(parts, " · ", w)
		if got := strings.Join(lines, " · "); got != strings.Join(parts, " · ") {
			t.Fatalf("at %d the parts changed: %q", w, lines)
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > w && !slices.Contains(parts, l) {
				t.Errorf("at %d a line of several parts overflows: %q", w, l)
			}
		}
	}
	if got := JoinParts(parts, " · ", 200); len(got) != 1 {
		t.Errorf("at 200: %d lines", len(got))
	}
	if got := JoinParts(nil, " · ", 10); len(got) != 0 {
		t.Errorf("no parts: %q", got)
	}
}
