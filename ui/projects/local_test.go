package projects

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// G goes to the real last row: with more pages on the server it loads
// them one after another, the title saying how far it is, and lands on
// the last row once the last page is in; not one page further.
func TestGLoadsEveryPageThenLandsOnTheLastRow(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 120), nil)
	m = uitest.Press(m, "j")
	m = uitest.Press(m, "G")
	if !m.req.Busy() || m.list.Cursor() != 1 {
		t.Fatalf("G: busy %v, cursor %d (it waits for the last row)", m.req.Busy(), m.list.Cursor())
	}
	uitest.Contains(t, m.View(), "Projects 40 of 120 loading every page… (esc stops)")
	m = answer(t, m, page(makeProjects(41, 40), "/projects?page=3", 120), nil)
	if !m.req.Busy() {
		t.Fatal("the load stopped after page 2")
	}
	uitest.Contains(t, m.View(), "Projects 80 of 120 loading every page…")
	m = answer(t, m, page(makeProjects(81, 40), "", 120), nil)
	if m.req.Busy() || m.list.Cursor() != 119 {
		t.Fatalf("after the last page: busy %v, cursor %d, want the last row (119)", m.req.Busy(), m.list.Cursor())
	}
	if p, _ := m.Selected(); p.ID != 120 {
		t.Errorf("on project %d, want 120", p.ID)
	}
	if v := uitest.Plain(m.View()); strings.Contains(v, "loading") || !strings.Contains(v, "Projet 120") {
		t.Errorf("after G:\n%s", v)
	}
	// Everything loaded: G moves at once.
	m = uitest.Press(m, "g", "G")
	if m.req.Busy() || m.list.Cursor() != 119 {
		t.Errorf("G with every page in: busy %v, cursor %d", m.req.Busy(), m.list.Cursor())
	}
}

// esc stops a G: what is loaded stays, the cursor where it was, and no
// further page is asked for.
func TestEscStopsTheLoadOfEveryPage(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 400), nil)
	m = uitest.Press(m, "G")
	m = answer(t, m, page(makeProjects(41, 40), "/projects?page=3", 400), nil)
	ctx := m.req.Context()
	m = uitest.Press(m, "esc")
	if m.req.Busy() || ctx.Err() == nil || m.all {
		t.Fatalf("esc: busy %v, request cancelled %v", m.req.Busy(), ctx.Err() != nil)
	}
	if len(m.items) != 80 || m.list.Cursor() != 0 {
		t.Errorf("esc: %d items, cursor %d", len(m.items), m.list.Cursor())
	}
	if v := uitest.Plain(m.View()); strings.Contains(v, "loading") {
		t.Errorf("still says loading:\n%s", v)
	}
	// Moving off during the load calls the jump off, not the load.
	m = uitest.Press(m, "G", "k")
	m = answer(t, m, page(makeProjects(81, 40), "", 400), nil)
	if m.list.Cursor() != 0 {
		t.Errorf("k during a G: cursor %d, want where it was", m.list.Cursor())
	}
}

func TestGLandsOnTheRealLastRowOfTheSandbox(t *testing.T) {
	m := New(uitest.SandboxEnv(t, i18n.EN)).SetSize(60, 15).SetFocused(true)
	m = uitest.Settle(t, m, m.Init())
	m = uitest.Keys(t, m, "G")
	if !m.total.Valid || int64(len(m.items)) != m.total.Value || m.list.Cursor() != len(m.items)-1 {
		t.Fatalf("G: %d of %v loaded, cursor %d", len(m.items), m.total, m.list.Cursor())
	}
}

// mixed is projects in every status, every third one lending.
func mixed(first, n int) []api.Project {
	ps := makeProjects(first, n)
	for i := range ps {
		ps[i].Status = api.ProjectStatuses[i%len(api.ProjectStatuses)]
	}
	return ps
}

// The API has no status filter: the pane keeps the rows loaded that are
// collecting, asks for pages until its window is full of them or the list
// ends, and says it filters on this device.
func TestStatusFilterIsLocalAndFillsTheWindow(t *testing.T) {
	m := newPane(t) // 100×30: 27 rows
	m = answer(t, m, page(mixed(1, 40), "/projects?page=2", 200), nil)
	m = uitest.Press(m, "f")
	m = uitest.Send(m, uitest.Type("collecting")...)
	m = uitest.Press(m, "enter", "esc")
	if m.status != "in_progress" {
		t.Fatalf("status %q", m.status)
	}
	for _, i := range m.list.Shown() {
		if m.items[i].Status != "in_progress" {
			t.Fatalf("shown: a project %s", m.items[i].Status)
		}
	}
	if m.list.Len() != 10 || !m.req.Busy() {
		t.Fatalf("10 of 40 pass: %d shown, busy %v (the window wants more)", m.list.Len(), m.req.Busy())
	}
	v := uitest.Plain(m.View())
	uitest.Contains(t, v, "Projects 10 of the 40 loaded")
	uitest.Contains(t, v, "Status: Collecting · filtered on this device")
	for next := 41; m.req.Busy(); next += 40 {
		nextURL := fmt.Sprintf("/projects?page=%d", next/40+2)
		m = answer(t, m, page(mixed(next, 40), nextURL, 200), nil)
	}
	if got := m.list.Len(); got < m.bodyHeight()+loadAhead || got > m.bodyHeight()+loadAhead+10 {
		t.Errorf("%d rows shown for a %d-row window: it should fill it and stop", got, m.bodyHeight())
	}
	// x clears it: every row again.
	m = uitest.Press(m, "x")
	if m.status != "" || m.local() {
		t.Errorf("x left the status filter %q", m.status)
	}
}

// Sorting by rate loads every page first (the best rate may be on the
// last), puts the best rate first and donations last, goes to the top,
// keeps the rate column on screen however narrow, and says so.
func TestSortByRateLoadsEverythingAndPinsTheRate(t *testing.T) {
	m := newPane(t).SetSize(60, 15)
	first := makeProjects(1, 40)
	first[10].InterestRate = api.Decimal{Value: 55, Scale: 1, Valid: true}
	m = answer(t, m, page(first, "/projects?page=2", 80), nil)
	m = uitest.Press(m, "j", "j")
	m = uitest.Press(m, "f")
	m = uitest.Send(m, uitest.Type("best")...)
	m = uitest.Press(m, "enter", "esc")
	if m.sortBy != sortRate || !m.req.Busy() || !m.all {
		t.Fatalf("sort %d, busy %v, loading all %v", m.sortBy, m.req.Busy(), m.all)
	}
	last := makeProjects(41, 40)
	last[38].InterestRate = api.Decimal{Value: 725, Scale: 2, Valid: true} // 7.25%, on the last page
	m = answer(t, m, page(last, "", 80), nil)
	shown := m.list.Shown()
	if got := m.items[shown[0]]; got.ID != 79 {
		t.Errorf("first %d (%v), want 79 at 7.25%%", got.ID, got.InterestRate)
	}
	if got := m.items[shown[1]]; got.ID != 11 {
		t.Errorf("second %d, want 11 at 5.5%%", got.ID)
	}
	for i := 1; i < len(shown); i++ {
		a, b := m.items[shown[i-1]], m.items[shown[i]]
		if a.CollectType == "donation" && b.CollectType == "lending" {
			t.Fatalf("a donation before a lending project at %d", i)
		}
	}
	if m.list.Cursor() != 0 {
		t.Errorf("cursor %d after the sort, want the top", m.list.Cursor())
	}
	if !m.list.Shows(colRate) {
		t.Error("the rate column is not shown at 60 cells while sorted by rate")
	}
	v := uitest.Plain(m.View())
	uitest.Contains(t, v, "sorted by Rate ↓")
	uitest.Contains(t, v, "sorted on this device")
	uitest.Contains(t, v, "7.25%")
}

func TestOtherLocalSorts(t *testing.T) {
	ps := makeProjects(1, 6)
	for i, d := range []int64{36, 12, 0, 60, 24, 0} {
		ps[i].CollectType = "lending"
		ps[i].DurationMonths = api.Int{Value: d, Valid: d > 0}
		ps[i].EndsAt = api.Time{Time: uitest.Now.AddDate(0, 0, 30-i*7), Valid: true}
	}
	ps[4].Status = "success"
	m := newPane(t)
	m = answer(t, m, page(ps, "", 6), nil)
	order := func() []int64 {
		var out []int64
		for _, i := range m.list.Shown() {
			out = append(out, m.items[i].ID)
		}
		return out
	}
	m, _ = m.setSort(sortDuration)
	if got := order(); !slices.Equal(got, []int64{2, 5, 1, 4, 3, 6}) {
		t.Errorf("shortest duration: %v", got)
	}
	// Ending soonest: open collects by their end (one ended already, one
	// funded), then the rest.
	m, _ = m.setSort(sortEnding)
	if got := order(); !slices.Equal(got[:3], []int64{4, 3, 2}) || slices.Index(got, 5) < 3 || slices.Index(got, 6) < 3 {
		t.Errorf("ending soonest: %v", got)
	}
}

// The status column says a collect's days left only while it is open;
// otherwise its status, as the commands do. At 120 columns the rate shows
// for lending projects, blank for donations.
func TestStatusAndRateColumns(t *testing.T) {
	ps := makeProjects(1, 5)
	ps[1].Status = "success"
	ps[2].Status = "failed"
	ps[3].Status = "upcoming"
	ps[4].EndsAt = api.Time{Time: uitest.Now.AddDate(0, 0, -2), Valid: true}
	m := newPane(t).SetSize(116, 20)
	m = answer(t, m, page(ps, "", 5), nil)
	lines := strings.Split(uitest.Plain(m.View()), "\n")
	row := func(title string) string {
		for _, l := range lines {
			if strings.Contains(l, title+" ") {
				return l
			}
		}
		t.Fatalf("no row %q", title)
		return ""
	}
	for title, want := range map[string]string{"Projet 1": "12 days left", "Projet 2": "Funded", "Projet 3": "Not funded", "Projet 4": "Upcoming", "Projet 5": "ended"} {
		if r := row(title); !strings.HasSuffix(strings.TrimSpace(r), want) {
			t.Errorf("%s: %q, want %q at the end", title, r, want)
		}
	}
	if !m.list.Shows(colRate) {
		t.Fatal("no rate column at 116 cells")
	}
	if r := row("Projet 1"); !strings.Contains(r, "4.5%") {
		t.Errorf("a lending project without its rate: %q", r)
	}
	if r := row("Projet 2"); strings.Contains(r, "4.5%") || strings.Contains(r, "months") || strings.Contains(r, "—") {
		t.Errorf("a donation's rate and duration are not blank: %q", r)
	}
}

// Pickers are in the order of their labels in the person's language, É
// with E and Î with I; typing filters them, accents folded, the match
// first, and enter picks it.
func TestPickersSortByLabelAndFilterAsYouType(t *testing.T) {
	m := New(uitest.Env(i18n.FR), uitest.Offline(t)).SetSize(100, 30).SetFocused(true)
	m = answer(t, m, page(makeProjects(1, 3), "", 3), nil)
	labelsOf := func(mn menu) []string {
		var out []string
		for _, s := range mn.shown {
			out = append(out, mn.choices[s.i].label)
		}
		return out
	}
	m = uitest.Press(m, "c")
	got := labelsOf(m.menus[0])
	want := []string{"Toutes", "Apiculture", "Aquaculture", "Bières, cidres et spiritueux", "Boissons sans alcool", "Élevage", "Épicerie salée", "Épicerie sucrée", "Horticulture", "Innovation", "Nature et environnement", "Produits laitiers", "Viticulture"}
	if !slices.Equal(got, want) {
		t.Errorf("categories:\n%q\nwant\n%q", got, want)
	}
	m = uitest.Send(m, uitest.Type("elev")...)
	if got := labelsOf(m.menus[0]); len(got) == 0 || got[0] != "Élevage" {
		t.Fatalf("elev: %q", got)
	}
	uitest.Contains(t, m.View(), "/ elev")
	m = uitest.Press(m, "enter")
	if m.query.Category != "elevage" || len(m.menus) != 0 {
		t.Errorf("enter: category %q, %d pickers", m.query.Category, len(m.menus))
	}

	m = uitest.Press(m, "f", "down", "down", "down", "down", "enter")
	regions := labelsOf(m.menus[1])
	if i, j := slices.Index(regions, "Hauts-de-France (32)"), slices.Index(regions, "Île-de-France (11)"); i < 0 || j != i+1 {
		t.Errorf("Île-de-France does not follow Hauts-de-France: %q", regions)
	}
	m = uitest.Send(m, uitest.Type("ile")...)
	if got := labelsOf(m.menus[1]); got[0] != "Île-de-France (11)" {
		t.Errorf("ile: %q", got)
	}
	m = uitest.Press(m, "backspace", "backspace", "backspace")
	if len(m.menus[1].shown) != len(api.Regions)+1 {
		t.Errorf("backspace to nothing: %d shown", len(m.menus[1].shown))
	}
	m = uitest.Send(m, uitest.Type("zzz")...)
	uitest.Contains(t, m.View(), "Aucune correspondance")
	if m2 := uitest.Press(m, "enter"); m2.query.Region != "" || len(m2.menus) != 2 {
		t.Error("enter with nothing matched picked something")
	}
}

func TestFuzzyMatch(t *testing.T) {
	cases := []struct {
		q, label string
		ok       bool
		pos      []int
	}{
		{"ile", "Île-de-France", true, []int{0, 1, 2}},
		{"bre", "Bretagne (53)", true, []int{0, 1, 2}},
		{"EPI sal", "Épicerie salée", true, []int{0, 1, 2, 9, 10, 11}},
		{"xyz", "Bretagne", false, nil},
		{"", "Bretagne", true, nil},
		{"53", "Bretagne (53)", true, []int{10, 11}},
	}
	for _, c := range cases {
		_, pos, ok := fuzzyMatch(c.q, c.label)
		if ok != c.ok || !slices.Equal(pos, c.pos) {
			t.Errorf("fuzzyMatch(%q, %q) = %v %v, want %v %v", c.q, c.label, pos, ok, c.pos, c.ok)
		}
	}
	// A match at the start of a word, its letters together, ranks first.
	sBre, _, _ := fuzzyMatch("bre", "Bretagne (53)")
	sBou, _, _ := fuzzyMatch("bre", "Bourgogne-Franche-Comté (27)")
	if sBre <= sBou {
		t.Errorf("bre: Bretagne %d, Bourgogne %d", sBre, sBou)
	}
}

// In the all-filters menu, typing finds any field's value: enter applies
// it and the menu stays, emptied, for the next one.
func TestTheFiltersMenuFindsValuesByTyping(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 3), "", 3), nil)
	m = uitest.Press(m, "f")
	m = uitest.Send(m, uitest.Type("bre")...)
	top := m.menus[0]
	if c := top.choices[top.shown[0].i]; c.field != fieldRegion || c.value != "53" {
		t.Fatalf("bre first finds %+v", c)
	}
	uitest.Contains(t, m.View(), "Region: Bretagne (53)")
	m = uitest.Press(m, "enter")
	if m.query.Region != "53" || len(m.menus) != 1 || m.menus[0].query != "" {
		t.Fatalf("enter: region %q, menus %d, query %q", m.query.Region, len(m.menus), m.menus[0].query)
	}
	uitest.Contains(t, m.View(), "Region: Bretagne (53)")
}

// A click selects the row, or the picker's choice, under it; the wheel
// scrolls either.
func TestMouseSelectsAndScrolls(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "", 40), nil)
	m, _ = m.Update(common.ClickMsg{X: 5, Y: 3 + 4}) // title, filters, header
	if p, _ := m.Selected(); p.ID != 5 {
		t.Errorf("click on the fifth row: project %d", p.ID)
	}
	m, _ = m.Update(common.ClickMsg{X: 5, Y: 2}) // the header
	if p, _ := m.Selected(); p.ID != 5 {
		t.Errorf("click on the header moved to %d", p.ID)
	}
	m, _ = m.Update(common.WheelMsg{Lines: 30})
	if p, _ := m.Selected(); p.ID != 35 {
		t.Errorf("wheel 30: project %d", p.ID)
	}
	m, _ = m.Update(common.WheelMsg{Lines: -3})
	if p, _ := m.Selected(); p.ID != 32 {
		t.Errorf("wheel -3: project %d", p.ID)
	}
	m = uitest.Press(m, "c")
	m, _ = m.Update(common.ClickMsg{X: 3, Y: 2 + 1 + 3}) // title, filters, the picker's title
	if mn := m.menus[0]; mn.cursor != 3 {
		t.Errorf("click on the fourth choice: cursor %d", mn.cursor)
	}
	m, _ = m.Update(common.WheelMsg{Lines: 2})
	if mn := m.menus[0]; mn.cursor != 5 {
		t.Errorf("wheel in the picker: cursor %d", mn.cursor)
	}
}

// Placing each page among the rows already sorted gives the order a sort
// of everything gives, ties in load order.
func TestPagesMergeIntoTheLocalOrder(t *testing.T) {
	for _, s := range []clientSort{sortRate, sortDuration, sortEnding} {
		ps := mixed(1, 200)
		for i := range ps {
			ps[i].CollectType = "lending"
			ps[i].InterestRate = api.Decimal{Value: int64(i*37) % 9, Scale: 0, Valid: i%11 != 0}
			ps[i].DurationMonths = api.Int{Value: int64(i*13) % 7, Valid: i%5 != 0}
			ps[i].EndsAt = api.Time{Time: uitest.Now.AddDate(0, 0, (i*17)%40-10), Valid: true}
		}
		paged := newPane(t)
		paged.sortBy, paged.status, paged.all = s, "in_progress", true // as setSort leaves it
		for i := 0; i < len(ps); i += 40 {
			next := "/more"
			if i+40 >= len(ps) {
				next = ""
			}
			paged = answer(t, paged, page(ps[i:i+40], next, 200), nil)
			if paged.req.Busy() == (next == "") {
				t.Fatalf("page %d: busy %v", i/40, paged.req.Busy())
			}
		}
		whole := paged.arrange()
		if got, want := paged.list.Shown(), whole.list.Shown(); !slices.Equal(got, want) {
			t.Errorf("sort %d: page by page %v\nall at once %v", s, got, want)
		}
	}
}
