package pledges

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func TestEveryPageLoadsAndRowsShowAsTheyArrive(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 100), "/user/pledges?page=2"), nil)
	if len(m.items) != 100 || !m.req.Busy() {
		t.Fatalf("after page 1: %d items, inflight %v (page 2 should follow at once)", len(m.items), m.req.Busy())
	}
	uitest.Contains(t, m.View(), "Ferme 001")
	m = answer(t, m, pledgePage(makePledges(101, 100), "/user/pledges?page=3"), nil)
	m = answer(t, m, pledgePage(makePledges(201, 100), "/user/pledges?page=4"), nil)
	m = answer(t, m, pledgePage(makePledges(301, 100), "/user/pledges?page=5"), nil)
	m = answer(t, m, pledgePage(makePledges(401, 12), ""), nil)
	if len(m.items) != 412 || m.req.Busy() || !m.done {
		t.Fatalf("%d items, inflight %v, done %v", len(m.items), m.req.Busy(), m.done)
	}
	if m.Title() != "Pledges 412" {
		t.Errorf("title %q", m.Title())
	}
}

func TestStaleAnswersDroppedAfterANewLookup(t *testing.T) {
	m := lookedUp(t, 1)
	oldGen, oldReq, oldCtx := m.gen, m.req.Seq(), m.req.Context()
	m, _ = m.Update(common.UserMsg{User: api.User{Email: "bob@example.com", Birthdate: "1970-01-01"}, Gen: 2})
	if oldCtx.Err() == nil {
		t.Error("the previous caller's request was not cancelled")
	}
	m, _ = m.Update(pageMsg{gen: oldGen, req: oldReq, page: pledgePage(makePledges(1, 5), "")})
	if len(m.items) != 0 {
		t.Fatal("the previous caller's pledges were shown")
	}
	// The same request number from the previous lookup must not pass either.
	m, _ = m.Update(pageMsg{gen: oldGen, req: m.req.Seq(), page: pledgePage(makePledges(1, 5), "")})
	if len(m.items) != 0 {
		t.Fatal("an answer tagged with an older Gen was shown")
	}
	m = answer(t, m, pledgePage(makePledges(50, 2), ""), nil)
	if len(m.items) != 2 {
		t.Fatalf("the current answer was dropped")
	}
	// A UserMsg older than the current one is ignored.
	m, _ = m.Update(common.UserMsg{User: alice, Gen: 1})
	if len(m.items) != 2 || m.gen != 2 {
		t.Error("an older UserMsg replaced the current person")
	}
}

func TestZeroUserClearsEverything(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 10), ""), nil)
	m, cmd := m.Update(common.UserMsg{Gen: 2})
	if cmd != nil || len(m.items) != 0 || m.list.Loaded() != 0 || len(m.hay) != 0 || m.user != (api.User{}) {
		t.Fatal("a zero User left data behind")
	}
	v := uitest.Plain(m.View())
	if strings.Contains(v, "Ferme") || !strings.Contains(v, "Look someone up with n") {
		t.Errorf("screen after clearing:\n%s", v)
	}
}

func TestEmptyStates(t *testing.T) {
	m := New(uitest.Env(i18n.FR), uitest.Offline(t)).SetSize(60, 15)
	uitest.Contains(t, m.View(), "Recherchez une personne avec n")
	m = lookedUp(t, 1)
	m = answer(t, m, pledgePage(nil, ""), nil)
	uitest.Contains(t, m.View(), "No lending pledges yet")
}

func TestFilterIsLocalAndEscClears(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 24), ""), nil)
	req := m.req.Seq()
	m = uitest.Press(m, "/")
	if !m.Capturing() {
		t.Fatal("the filter box does not capture keys")
	}
	m = uitest.Send(m, uitest.Type("élevage")...) // category label, with an accent the data may lack
	if m.req.Seq() != req {
		t.Error("filtering sent a request")
	}
	for _, p := range m.Shown() {
		if p.Project.Category != "elevage" {
			t.Fatalf("filter kept %q", p.Project.Category)
		}
	}
	if len(m.Shown()) != 2 {
		t.Fatalf("filter kept %d, want 2", len(m.Shown()))
	}
	if m.Title() != "Pledges 2 of 24" {
		t.Errorf("title %q", m.Title())
	}
	m = uitest.Press(m, "esc")
	if m.Capturing() || len(m.Shown()) != 24 {
		t.Errorf("esc: capturing %v, shown %d", m.Capturing(), len(m.Shown()))
	}
	// Status and title match too; enter keeps the filter and frees the keys.
	m = uitest.Send(uitest.Press(m, "/"), uitest.Type("late")...)
	m = uitest.Press(m, "enter")
	if m.Capturing() || len(m.Shown()) == 0 {
		t.Fatal("enter lost the filter or kept the keyboard")
	}
	for _, p := range m.Shown() {
		if p.Status != "late" {
			t.Fatalf("late kept %q", p.Status)
		}
	}
	m = uitest.Send(uitest.Press(uitest.Press(m, "esc"), "/"), uitest.Type("ferme 007")...)
	if s := m.Shown(); len(s) != 1 || s[0].ID != 7 {
		t.Errorf("title filter: %v", s)
	}
}

func TestSortCyclesColumnsAndDirections(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 30), ""), nil)
	order := func() []int64 {
		var ids []int64
		for _, p := range m.Shown() {
			ids = append(ids, p.ID)
		}
		return ids
	}
	if o := order(); o[0] != 1 || o[29] != 30 {
		t.Fatalf("not in the server's order at first: %v", o)
	}
	m = uitest.Press(m, "s") // next repayment, soonest first; none (or defaulted) last
	s := m.Shown()
	next := func(p api.Pledge) *api.Repayment {
		if p.Status == "defaulted" {
			return nil
		}
		return p.NextRepayment
	}
	for i := 1; i < len(s); i++ {
		a, b := next(s[i-1]), next(s[i])
		if a == nil && b != nil || a != nil && b != nil && a.Date.After(b.Date.Time) {
			t.Fatalf("next repayment order broken at %d", i)
		}
	}
	m = uitest.Press(m, "s") // amount, biggest first
	if s := m.Shown(); s[0].Amount.Cents < s[len(s)-1].Amount.Cents {
		t.Error("amount not descending")
	}
	uitest.Contains(t, m.View(), "Amount↓")
	m = uitest.Press(m, "s") // amount, smallest first
	if s := m.Shown(); s[0].Amount.Cents > s[len(s)-1].Amount.Cents {
		t.Error("amount not ascending")
	}
	// s offers only the columns shown at this width, then comes back to
	// the server's order.
	for range len(sorts) {
		m = uitest.Press(m, "s")
		if m.sortBy == 0 {
			break
		}
		if c := sorts[m.sortBy].col; !m.list.Shows(c) {
			t.Errorf("s sorted by column %d, not shown at %d cells", c, m.width)
		}
	}
	if o := order(); m.sortBy != 0 || o[0] != 1 {
		t.Error("the cycle does not come back to the server's order")
	}
}

// A new order is read from its top: after s the cursor is on the first
// row, whatever it was on before. (A filter keeps the cursor on its pledge:
// see ui/list.)
func TestASortStartsFromTheTop(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 30), ""), nil)
	m = uitest.Press(m, "j", "j", "j")
	m = uitest.Press(m, "s")
	if m.list.Cursor() != 0 || m.list.Offset() != 0 {
		t.Errorf("after s: cursor %d, offset %d, want the top", m.list.Cursor(), m.list.Offset())
	}
	first := m.Shown()[0]
	if got, _ := m.Selected(); got.ID != first.ID {
		t.Errorf("selected %d, want the first row %d", got.ID, first.ID)
	}
}

// The sort a narrow pane cannot show is skipped, and the title line names
// the column the list is sorted by.
func TestSortSkipsHiddenColumnsAndSaysWhichItUses(t *testing.T) {
	m := lookedUp(t, 1).SetSize(60, 15)
	m = answer(t, m, pledgePage(makePledges(1, 30), ""), nil)
	seen := map[int]bool{}
	for range len(sorts) {
		m = uitest.Press(m, "s")
		if m.sortBy == 0 {
			break
		}
		seen[sorts[m.sortBy].col] = true
		sp := sorts[m.sortBy]
		want := m.env.T.T("panes.pledges.sorted", m.env.T.T(columnTitles[sp.col]), arrow(sp.desc))
		uitest.Contains(t, strings.Split(uitest.Plain(m.View()), "\n")[0], want)
	}
	for _, hidden := range []int{colCategory, colDuration, colRate} {
		if seen[hidden] {
			t.Errorf("at 60 cells s sorted by hidden column %d", hidden)
		}
	}
	if !seen[colAmount] || !seen[colNextDate] {
		t.Errorf("s skipped a column shown: %v", seen)
	}
}

func TestTotalsAreExactCents(t *testing.T) {
	m := lookedUp(t, 1)
	ps := []api.Pledge{
		{ID: 1, Amount: uitest.EUR(123456), RepaidCapital: uitest.EUR(10), PaidInterest: uitest.EUR(1), RemainingCapital: uitest.EUR(123446)},
		{ID: 2, Amount: uitest.EUR(44), RepaidCapital: uitest.EUR(20), PaidInterest: uitest.EUR(2), RemainingCapital: uitest.EUR(24)},
		{ID: 3, Amount: uitest.EUR(1), RepaidCapital: api.Money{}, PaidInterest: uitest.EUR(7), RemainingCapital: uitest.EUR(1)}, // unknown repaid: not summed as 0
	}
	// Ten cents a thousand times: exact in cents, drifts in float64.
	for i := range 1000 {
		ps = append(ps, api.Pledge{ID: int64(10 + i), Amount: uitest.EUR(10)})
	}
	m = answer(t, m, pledgePage(ps, ""), nil)
	tt := m.totals
	if tt.lent.Cents != 123456+44+1+10000 || tt.repaid.Cents != 30 || tt.interest.Cents != 10 || tt.outstanding.Cents != 123471 {
		t.Fatalf("totals %+v", tt)
	}
	uitest.Contains(t, m.View(), "Lent €1,335.01")
}

func TestPrivacyMasksEveryAmount(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 5), ""), nil)
	m, _ = m.Update(common.PrivacyMsg{On: true})
	masked := func(v string) bool {
		return strings.Count(v, "€") > 0 && strings.Count(v, "€") == strings.Count(v, "€••••")
	}
	if v := uitest.Plain(m.View()); !masked(v) {
		t.Errorf("an amount shows:\n%s", v)
	}
	// The share repaid says as much as the amounts: masked too.
	if v := uitest.Plain(m.View()); !strings.Contains(v, "Repaid") || !strings.Contains(v, " ••••%") {
		t.Errorf("the share repaid shows:\n%s", v)
	}
	m, _ = m.Update(common.PrivacyMsg{On: false})
	uitest.Contains(t, m.View(), "€100.00")
}

func TestErrorsShownAndRetried(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(nil, ""), &api.Error{Kind: api.ErrServer, Status: 503, Method: "GET", Path: "/user/pledges"})
	uitest.Contains(t, m.View(), "r to retry")
	m = uitest.Press(m, "r")
	if !m.req.Busy() {
		t.Fatal("r did not retry")
	}
	m = answer(t, m, pledgePage(makePledges(1, 3), "/p2"), nil)
	m = answer(t, m, pledgePage(nil, ""), &api.Error{Kind: api.ErrNetwork})
	if len(m.items) != 3 {
		t.Fatal("a failed further page lost the pages before it")
	}
	uitest.Contains(t, m.View(), "r to retry")
	// r walks again; what was loaded stays on screen until the new walk's
	// first page replaces it.
	m = uitest.Press(m, "r")
	if !m.req.Busy() || len(m.items) != 3 {
		t.Fatalf("r after a failed further page: inflight %v, %d items", m.req.Busy(), len(m.items))
	}
	m = answer(t, m, pledgePage(makePledges(1, 3), "/p2"), nil)
	m = answer(t, m, pledgePage(makePledges(4, 2), ""), nil)
	if len(m.items) != 5 || !m.done || m.err != nil {
		t.Fatalf("the walk again: %d items, done %v, err %v", len(m.items), m.done, m.err)
	}

	m = lookedUp(t, 2)
	m = answer(t, m, pledgePage(nil, ""), &api.Error{Kind: api.ErrNotFound, Status: 404, Resource: "email"})
	if !strings.Contains(uitest.Plain(m.View()), "retry") {
		t.Error("a 404 is not shown")
	}
}

// enter asks the root for the pledge's detail.
func TestEnterOpensThePledge(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(7, 3), ""), nil)
	m = uitest.Press(m, "j")
	_, cmd := m.Update(uitest.Key("enter"))
	if cmd == nil {
		t.Fatal("enter did nothing")
	}
	if msg, ok := cmd().(common.OpenPledgeMsg); !ok || msg.Pledge.ID != 8 {
		t.Errorf("enter sent %#v, want pledge 8", msg)
	}
}

func TestNoPanicOnOddInput(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {1, 1}, {3, 2}, {60, 4}, {60, 15}, {200, 60}} {
		m := New(uitest.Env(i18n.FR), nil).SetSize(size[0], size[1]).SetFocused(true)
		_ = m.View()
		m, _ = m.Update(common.UserMsg{User: alice, Gen: 1}) // no client: nothing to send
		m = uitest.Press(m, "j", "k", "G", "g", "enter", "esc", "s", "/", "x", "esc", "y", "o")
		_ = m.View()
		m, _ = m.Update(common.ClientMsg{Client: uitest.Offline(t)})
		m = answer(t, m, pledgePage([]api.Pledge{{}, {ID: 2, NextRepayment: &api.Repayment{}}}, ""), nil)
		m = uitest.Press(m, "G", "s", "s", "enter", "pgdown", "G", "enter", "esc")
		if v := m.View(); size[0] > 0 && size[1] > 0 && len(strings.Split(v, "\n")) != size[1] {
			t.Errorf("%v: wrong height", size)
		}
	}
	var zero Model
	zero, _ = zero.Update(uitest.Key("j"))
	_ = zero.SetSize(10, 10).View()
}

// The next caller starts with every pledge in the server's order: neither
// the previous caller's filter nor their sort carries over.
func TestANewPersonStartsUnfilteredAndUnsorted(t *testing.T) {
	for _, next := range []common.UserMsg{{User: api.User{Email: "bob@example.com", Birthdate: "1970-01-01"}, Gen: 2}, {Gen: 2}} {
		m := lookedUp(t, 1)
		m = answer(t, m, pledgePage(makePledges(1, 24), ""), nil)
		m = uitest.Press(uitest.Send(uitest.Press(m, "/"), uitest.Type("late")...), "enter", "s")
		if m.filter.Value() != "late" || m.sortBy == 0 {
			t.Fatal("the filter or the sort did not take")
		}
		m, _ = m.Update(next)
		if m.filter.Value() != "" || m.filtering || m.sortBy != 0 {
			t.Fatalf("after %+v: filter %q, filtering %v, sort %d", next, m.filter.Value(), m.filtering, m.sortBy)
		}
		if next.User != (api.User{}) {
			m = answer(t, m, pledgePage(makePledges(100, 10), ""), nil)
			if len(m.Shown()) != 10 || m.Shown()[0].ID != 100 || m.Title() != "Pledges 10" {
				t.Errorf("the new person's list: %d shown, title %q", len(m.Shown()), m.Title())
			}
		}
	}
	// Reloading the same person keeps what they were looking at.
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 24), ""), nil)
	m = uitest.Press(uitest.Send(uitest.Press(m, "/"), uitest.Type("late")...), "enter", "r")
	if m.filter.Value() != "late" {
		t.Error("r dropped the filter")
	}
}

// x, "clear filters" in the keymap, clears the pledges filter too.
func TestXClearsTheFilter(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 24), ""), nil)
	m = uitest.Press(uitest.Send(uitest.Press(m, "/"), uitest.Type("late")...), "enter")
	if len(m.Shown()) == 24 {
		t.Fatal("the filter did not take")
	}
	m = uitest.Press(m, "x")
	if m.filter.Value() != "" || len(m.Shown()) != 24 || m.Title() != "Pledges 24" {
		t.Errorf("x: filter %q, %d shown, title %q", m.filter.Value(), len(m.Shown()), m.Title())
	}
	// While typing, x is a letter of the filter.
	m = uitest.Send(uitest.Press(m, "/"), uitest.Type("x")...)
	if m.filter.Value() != "x" {
		t.Errorf("typing x gave the filter %q", m.filter.Value())
	}
}

// A 420-pledge lender whose fifth page fails: the title and the totals say
// only 400 are in, and r asks for the fifth page, not the first.
func TestAFailedPageLeavesTheListVisiblyPartial(t *testing.T) {
	m := lookedUp(t, 1)
	total := api.Int{Value: 420, Valid: true}
	for i := range 4 {
		p := pledgePage(makePledges(1+i*100, 100), fmt.Sprintf("/user/pledges?page=%d", i+2))
		p.Total = total
		m = answer(t, m, p, nil)
		if i == 0 && m.Title() != "Pledges 100 of 420" {
			t.Errorf("title while loading: %q", m.Title())
		}
	}
	m = answer(t, m, pledgePage(nil, ""), &api.Error{Kind: api.ErrServer, Status: 503})
	v := m.View()
	if m.Title() != "Pledges 400 of 420" {
		t.Errorf("title %q, want Pledges 400 of 420", m.Title())
	}
	uitest.Contains(t, v, "Totals of the 400 loaded: Lent")
	uitest.Contains(t, v, "r to retry")
	m = uitest.Press(m, "r")
	if !m.req.Busy() || len(m.items) != 400 {
		t.Fatalf("r: inflight %v, %d items", m.req.Busy(), len(m.items))
	}
	for i := range 5 { // the walk again, to its end this time
		next := "/user/pledges?page=" + strconv.Itoa(i+2)
		if i == 4 {
			next = ""
		}
		p := pledgePage(makePledges(1+i*100, min(100, 420-i*100)), next)
		p.Total = total
		m = answer(t, m, p, nil)
	}
	v = uitest.Plain(m.View())
	if m.Title() != "Pledges 420" || strings.Contains(v, "loaded") || strings.Contains(v, "retry") {
		t.Errorf("complete list still marked partial: title %q\n%s", m.Title(), v)
	}

	// Without a Total header, a list cut short says there are more.
	fr := New(uitest.Env(i18n.FR), uitest.Offline(t)).SetSize(100, 30)
	fr, _ = fr.Update(common.UserMsg{User: alice, Gen: 1})
	fr = answer(t, fr, pledgePage(makePledges(1, 100), "/p2"), nil)
	fr = answer(t, fr, pledgePage(nil, ""), &api.Error{Kind: api.ErrNetwork})
	if fr.Title() != "Prêts 100+" {
		t.Errorf("French title %q", fr.Title())
	}
	uitest.Contains(t, fr.View(), "Totaux des 100 chargés : Prêté")
}

// At 40×10 the project's title keeps its room: the next due date and the
// status go before it would shrink to nothing.
func TestNarrowPaneKeepsTheTitle(t *testing.T) {
	m := lookedUp(t, 1).SetSize(40, 10)
	m = answer(t, m, pledgePage(makePledges(1, 3), ""), nil)
	for _, want := range []string{"Ferme 001", "Ferme 002"} {
		uitest.Contains(t, m.View(), want)
	}
	if w := m.list.ColumnWidth(colProject); w < columns[colProject].Width {
		t.Errorf("project %d cells wide at 40, want at least %d", w, columns[colProject].Width)
	}
}

// Cross-multiplying two amounts in cents overflowed int64 and sorted a
// fully repaid pledge below a barely started one.
func TestShareSortIsExactForHugeAmounts(t *testing.T) {
	money := func(c int64) api.Money { return api.Money{Cents: c, Currency: "EUR", Valid: true} }
	const huge = 4_000_000_000_000_000_000
	done := api.Pledge{Amount: money(huge), RepaidCapital: money(huge)}
	started := api.Pledge{Amount: money(huge), RepaidCapital: money(1)}
	if got := compareShare(done, started); got <= 0 {
		t.Fatalf("compareShare(100%%, ~0%%) = %d, want > 0", got)
	}
	if got := compareShare(started, done); got >= 0 {
		t.Fatalf("compareShare(~0%%, 100%%) = %d, want < 0", got)
	}
}

// The category column sorts by what it shows, not by the API's codes:
// apiculture, aquaculture, elevage read Beekeeping, Aquaculture, Livestock.
func TestSortByCategoryFollowsTheLabelsShown(t *testing.T) {
	m := lookedUp(t, 1).SetSize(200, 30) // wide enough to show the category
	ps := makePledges(1, 3)
	for i, c := range []string{"elevage", "apiculture", "aquaculture"} {
		ps[i].Project.Category = c
	}
	m = answer(t, m, pledgePage(ps, ""), nil)
	for range slices.IndexFunc(sorts, func(s sortSpec) bool { return s.col == colCategory }) {
		m = uitest.Press(m, "s")
	}
	if sorts[m.sortBy].col != colCategory {
		t.Fatalf("s did not reach the category at 200 cells: sort %d", m.sortBy)
	}
	var got []string
	for _, p := range m.Shown() {
		got = append(got, labels.Category(m.env.T, p.Project.Category))
	}
	if want := []string{"Aquaculture", "Beekeeping", "Livestock"}; !slices.Equal(got, want) {
		t.Errorf("sorted by category: %q, want %q", got, want)
	}
}

// r keeps the pledges on screen while it asks again, and after a failed
// reload: the last good list and its totals stay, with the error and "r to
// retry". The next good answer replaces them.
func TestReloadKeepsThePledgesUntilTheAnswerAndAfterAFailure(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 30), ""), nil)
	m = uitest.Press(m, "j", "j", "j")
	m = uitest.Press(m, "r")
	if !m.req.Busy() {
		t.Fatal("r did not ask again")
	}
	for _, want := range []string{"Pledges 30", "Ferme 001", "Lent €"} {
		uitest.Contains(t, m.View(), want)
	}
	m = answer(t, m, api.Page[api.Pledge]{}, &api.Error{Kind: api.ErrServer, Status: 503, Method: "GET", Path: "/user/pledges"})
	for _, want := range []string{"Pledges 30", "Ferme 001", "Lent €", "r to retry"} {
		uitest.Contains(t, m.View(), want)
	}
	if p, ok := m.Selected(); !ok || p.ID != 4 || m.Err() == nil {
		t.Errorf("after a failed reload: selected %d (%v), err %v", p.ID, ok, m.Err())
	}
	m = uitest.Press(m, "r")
	if !m.req.Busy() || len(m.items) != 30 {
		t.Fatalf("r after a failed reload: busy %v, %d items", m.req.Busy(), len(m.items))
	}
	m = answer(t, m, pledgePage(makePledges(1, 5), ""), nil)
	if v := uitest.Plain(m.View()); len(m.items) != 5 || !strings.Contains(v, "Pledges 5") || strings.Contains(v, "retry") {
		t.Errorf("the reload's answer did not replace the list: %d items\n%s", len(m.items), v)
	}
	if p, ok := m.Selected(); !ok || p.ID != 4 {
		t.Errorf("the cursor left pledge 4 across the reload: %d", p.ID)
	}
	// A new lookup still starts from nothing.
	m, _ = m.Update(common.UserMsg{User: alice, Gen: 2})
	if len(m.items) != 0 {
		t.Errorf("a new lookup kept %d pledges", len(m.items))
	}
}

// A defaulted pledge owes nothing any more: no next due, late or not, and
// nothing in the upcoming repayments.
func TestADefaultedPledgeHasNothingDue(t *testing.T) {
	p := makePledges(1, 1)[0]
	p.Status = "defaulted"
	past := api.Time{Time: uitest.Now.AddDate(0, -3, 0), DateOnly: true, Valid: true}
	p.Repayments = []api.Repayment{{Date: past, Capital: uitest.EUR(1000), Status: "late"}}
	p.NextRepayment = &api.Repayment{Date: past, Amount: uitest.EUR(1000)}
	if d, ok := common.NextDue(p, common.DayOf(api.Time{Time: uitest.Now, Valid: true}, time.UTC), time.UTC); ok {
		t.Errorf("a defaulted pledge is due %+v", d)
	}
}
