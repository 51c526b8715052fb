package projects

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func newPane(t *testing.T) Model {
	t.Helper()
	m := New(uitest.Env(i18n.EN), uitest.Offline(t)).SetSize(100, 30).SetFocused(true)
	if m.Init() == nil || !m.req.Busy() {
		t.Fatal("the pane does not load on Init")
	}
	return m
}

func TestPagesAppendAndTitleCounts(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 312), nil)
	if len(m.items) != 40 || m.list.Loaded() != 40 {
		t.Fatalf("items %d rows %d, want 40", len(m.items), m.list.Loaded())
	}
	if got := m.Title(); got != "Projects 40 of 312" {
		t.Errorf("title %q", got)
	}
	if m.req.Busy() {
		t.Error("asked for page 2 while the cursor is at the top")
	}
	m = answer(t, uitest.Press(m, "G"), page(makeProjects(41, 40), "", 312), nil)
	if len(m.items) != 80 || m.items[79].ID != 80 {
		t.Fatalf("page 2 not appended in order: %d items", len(m.items))
	}

	fr := New(uitest.Env(i18n.FR), uitest.Offline(t))
	fr = answer(t, fr, page(makeProjects(1, 40), "/projects?page=2", -1), nil)
	if got := fr.Title(); got != "Projets 40+" {
		t.Errorf("French title with an unknown total: %q", got)
	}
}

func TestLoadMoreNearTheEndOneAtATime(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 312), nil)
	for range 29 {
		m = uitest.Press(m, "j")
	}
	if m.req.Busy() {
		t.Fatalf("loading more at row %d of 40, more than %d from the end", m.list.Cursor(), loadAhead)
	}
	m = uitest.Press(m, "j")
	if !m.req.Busy() {
		t.Fatalf("no further page asked for at row %d of 40", m.list.Cursor())
	}
	req := m.req.Seq()
	m = uitest.Press(m, "j", "j", "G")
	if m.req.Seq() != req {
		t.Errorf("a second page request went out while one is in flight (req %d → %d)", req, m.req.Seq())
	}
	m = answer(t, m, page(makeProjects(41, 40), "", 312), nil)
	if len(m.items) != 80 || m.next != "" {
		t.Fatalf("items %d next %q", len(m.items), m.next)
	}
	m = uitest.Press(m, "G")
	if m.req.Busy() {
		t.Error("asked for more after the last page")
	}
}

func TestShortPagesKeepLoadingUntilTheWindowFills(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 5), "/projects?page=2", 12), nil)
	if !m.req.Busy() {
		t.Error("5 rows loaded and a next page: the pane should ask for it")
	}
}

// At 200×60 a page of 20 rows leaves most of the list empty: pages keep
// coming, one at a time, until the window and the margin below it are
// full, and stop at the last page.
func TestATallWindowKeepsLoadingUntilItIsFull(t *testing.T) {
	m := newPane(t).SetSize(200, 60)
	body := m.bodyHeight()
	next := 1
	for len(m.items) < body+loadAhead {
		if !m.req.Busy() {
			t.Fatalf("%d rows loaded for a %d-row window: no further page asked for", len(m.items), body)
		}
		m = answer(t, m, page(makeProjects(next, 20), fmt.Sprintf("/projects?page=%d", next/20+2), 200), nil)
		next += 20
	}
	if m.req.Busy() {
		t.Errorf("still loading with %d rows for a %d-row window", len(m.items), body)
	}

	// The last page ends it, full or not.
	m = newPane(t).SetSize(200, 60)
	m = answer(t, m, page(makeProjects(1, 20), "", 20), nil)
	if m.req.Busy() {
		t.Error("asked for more after the last page")
	}
}

// The window grows after the first page (the terminal is resized, or the
// page came before the size): the next message fills it.
func TestAWindowMadeTallerFillsOnTheNextMessage(t *testing.T) {
	m := newPane(t).SetSize(100, 12)
	m = answer(t, m, page(makeProjects(1, 20), "/projects?page=2", 200), nil)
	if m.req.Busy() {
		t.Fatal("20 rows fill a 9-row window and its margin: no page should follow yet")
	}
	m = m.SetSize(200, 60)
	m, cmd := m.Update(common.PrivacyMsg{On: false})
	if !m.req.Busy() || cmd == nil {
		t.Fatal("a taller window did not ask for the next page")
	}
	req := m.req.Seq()
	m, _ = m.Update(common.PrivacyMsg{On: false})
	if m.req.Seq() != req {
		t.Error("a second request went out while one is in flight")
	}
}

// At 40×10 the title keeps its room: the bar and the days left go first.
func TestNarrowPaneKeepsTheTitle(t *testing.T) {
	m := newPane(t).SetSize(40, 10)
	m = answer(t, m, page(makeProjects(1, 3), "", 3), nil)
	v := uitest.Plain(m.View())
	for _, want := range []string{"Projet 1", "Projet 2", "Projet 3"} {
		uitest.Contains(t, v, want)
	}
	if w := m.list.ColumnWidth(colTitle); w < columns[colTitle].Width {
		t.Errorf("title %d cells wide at 40, want at least %d", w, columns[colTitle].Width)
	}
}

func TestDebounceSendsOneRequestForFastTyping(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "", 40), nil)
	m = uitest.Press(m, "/")
	if !m.Capturing() {
		t.Fatal("the search box does not capture keys")
	}
	req := m.req.Seq()
	m = uitest.Send(m, uitest.Type("miel")...)
	if m.req.Seq() != req || m.typed != 4 {
		t.Fatalf("typing sent requests at once (req %d → %d, typed %d)", req, m.req.Seq(), m.typed)
	}
	for seq := 1; seq < 4; seq++ {
		m, _ = m.Update(debounceMsg{seq: seq})
	}
	if m.req.Seq() != req {
		t.Fatalf("ticks for superseded keystrokes sent a request")
	}
	m, cmd := m.Update(debounceMsg{seq: 4})
	if m.req.Seq() != req+1 || cmd == nil || m.query.Keyword != "miel" {
		t.Fatalf("the last tick did not send one request for miel: req %d, keyword %q", m.req.Seq(), m.query.Keyword)
	}
	if !m.Capturing() {
		t.Error("the search box lost the keyboard when the request went out")
	}
}

func TestTypingSchedulesADebounceTick(t *testing.T) {
	m := newPane(t)
	m = uitest.Press(m, "/")
	_, cmd := m.Update(uitest.Key("a"))
	if !findMsg(cmd, func(msg tea.Msg) bool { d, ok := msg.(debounceMsg); return ok && d.seq == 1 }) {
		t.Error("a keystroke does not schedule its debounce tick")
	}
}

// findMsg runs cmd (and batches) looking for a message.
func findMsg(cmd tea.Cmd, match func(tea.Msg) bool) bool {
	if cmd == nil {
		return false
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			if findMsg(c, match) {
				return true
			}
		}
		return false
	}
	return match(msg)
}

func TestStaleSearchAnswerDroppedAndItsContextCancelled(t *testing.T) {
	m := newPane(t)
	oldReq, oldCtx := m.req.Seq(), m.req.Context()
	m = uitest.Send(uitest.Press(m, "/"), uitest.Type("vin")...)
	m, _ = m.Update(debounceMsg{seq: m.typed})
	if !errors.Is(oldCtx.Err(), context.Canceled) {
		t.Error("the superseded request's context was not cancelled")
	}
	m, _ = m.Update(pageMsg{req: oldReq, page: page(makeProjects(1, 40), "", 40)})
	if len(m.items) != 0 || !m.req.Busy() {
		t.Fatalf("an answer to the superseded search was shown (%d items)", len(m.items))
	}
	m = answer(t, m, page(makeProjects(500, 3), "", 3), nil)
	if len(m.items) != 3 || m.items[0].ID != 500 {
		t.Fatalf("the current answer was not shown")
	}
	m, _ = m.Update(pageMsg{req: m.req.Seq(), page: page(makeProjects(900, 3), "", 3)})
	if len(m.items) != 3 {
		t.Error("a second answer to the same request was appended")
	}
}

func TestFiltersReloadAndShowInTheHeader(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "", 40), nil)
	m = uitest.Press(m, "s")
	if m.query.Order != "in_progress" || len(m.items) != 0 || !m.req.Busy() {
		t.Fatalf("s: order %q, %d items, inflight %v", m.query.Order, len(m.items), m.req.Busy())
	}
	ctx := m.req.Context()
	m = uitest.Press(m, "s")
	if ctx.Err() == nil {
		t.Error("changing the order did not cancel the request in flight")
	}
	if m.query.Order != "recent" {
		t.Errorf("s after in_progress: %q", m.query.Order)
	}
	// After the API's orders, s sorts here: best rate, shortest duration,
	// ending soonest, then back to the first order.
	for _, want := range []clientSort{sortRate, sortDuration, sortEnding, sortNone} {
		m = uitest.Press(m, "s")
		if m.sortBy != want {
			t.Fatalf("s: sort %d, want %d", m.sortBy, want)
		}
	}
	if m.query.Order != "populars" {
		t.Errorf("order does not cycle back: %q", m.query.Order)
	}
	m = uitest.Press(m, "t")
	if m.query.Type != "donation" {
		t.Errorf("t: type %q", m.query.Type)
	}
	m = uitest.Press(m, "t", "t")
	if m.query.Type != "" {
		t.Errorf("t does not cycle back to all: %q", m.query.Type)
	}
	// c: the category picker; "all" first, then the labels in order
	// (Aquaculture before Beekeeping, as the English labels sort).
	m = uitest.Press(m, "c", "down", "enter")
	if m.query.Category != "aquaculture" || len(m.menus) != 0 {
		t.Errorf("category %q, menus %d", m.query.Category, len(m.menus))
	}
	// f → region → Bretagne, typed.
	m = uitest.Press(m, "f", "down", "down", "down", "down", "enter")
	if len(m.menus) != 2 || m.menus[1].field != fieldRegion {
		t.Fatalf("f did not open the region picker: %+v", m.menus)
	}
	m = uitest.Send(m, uitest.Type("bret")...)
	m = uitest.Press(m, "enter")
	if m.query.Region != "53" || len(m.menus) != 1 {
		t.Fatalf("region %q, menus %d", m.query.Region, len(m.menus))
	}
	uitest.Contains(t, m.View(), "Region: Bretagne (53)")
	m = uitest.Press(m, "esc")
	m = answer(t, m, page(makeProjects(1, 2), "", 2), nil)
	v := m.View()
	uitest.Contains(t, v, "Category: Aquaculture")
	uitest.Contains(t, v, "Region: Bretagne (53)")
	m = uitest.Press(m, "x")
	if m.query != (api.ProjectQuery{Order: "populars"}) || !m.req.Busy() {
		t.Errorf("x left filters: %+v", m.query)
	}
}

// A picker is modal: while it is open the root hands it every key. Every
// letter types (q too: it must not quit with the picker on screen); esc
// clears what was typed, then closes the innermost picker.
func TestPickerCapturesKeysAndQTypes(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 5), "", 5), nil)
	if m.Capturing() {
		t.Fatal("the list captures keys with no picker open")
	}
	m = uitest.Press(m, "f", "enter")
	if len(m.menus) != 2 || !m.Capturing() {
		t.Fatalf("f, enter: %d pickers open, capturing %v", len(m.menus), m.Capturing())
	}
	m = uitest.Press(m, "q")
	if len(m.menus) != 2 || m.menus[1].query != "q" {
		t.Fatalf("q in a picker: %d open, query %q", len(m.menus), m.menus[1].query)
	}
	m = uitest.Press(m, "esc")
	if len(m.menus) != 2 || m.menus[1].query != "" {
		t.Fatalf("esc did not clear what was typed first")
	}
	m = uitest.Press(m, "esc")
	if len(m.menus) != 1 {
		t.Fatalf("esc closed %d pickers, want the innermost only", 2-len(m.menus))
	}
	m = uitest.Press(m, "esc")
	if len(m.menus) != 0 || m.Capturing() {
		t.Fatalf("esc left %d pickers open", len(m.menus))
	}
}

func TestErrorShownWithRetry(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, api.Page[api.Project]{}, &api.Error{Kind: api.ErrServer, Status: 500, Method: "GET", Path: "/projects"})
	uitest.Contains(t, m.View(), "r to retry")
	if m.Busy() {
		t.Error("busy after the answer")
	}
	m = uitest.Press(m, "r")
	if !m.req.Busy() || m.err != nil {
		t.Fatal("r did not retry")
	}
	m = answer(t, m, page(makeProjects(1, 3), "", 3), nil)
	if strings.Contains(uitest.Plain(m.View()), "retry") {
		t.Error("the error stayed after a successful retry")
	}
}

func TestRetryAfterAFailedFurtherPageKeepsTheList(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 80), nil)
	m = answer(t, uitest.Press(m, "G"), api.Page[api.Project]{}, &api.Error{Kind: api.ErrRateLimited, Status: 429})
	if len(m.items) != 40 || m.err == nil {
		t.Fatalf("%d items, err %v", len(m.items), m.err)
	}
	uitest.Contains(t, m.View(), "r to retry")
	m = uitest.Press(m, "j")
	if m.req.Busy() {
		t.Error("moving asked again after an error: r should")
	}
	m = uitest.Press(m, "r")
	if !m.req.Busy() || len(m.items) != 40 || m.list.Cursor() != 1 {
		t.Fatalf("r did not retry the page in place: inflight %v, %d items, cursor %d", m.req.Busy(), len(m.items), m.list.Cursor())
	}
	m = answer(t, m, page(makeProjects(41, 40), "", 80), nil)
	if len(m.items) != 80 || m.list.Cursor() != 1 {
		t.Errorf("%d items after the retry, cursor %d (j called off the jump to the end)", len(m.items), m.list.Cursor())
	}

	// Untouched, the jump goes on once the retry brings the last page.
	m = newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 80), nil)
	m = answer(t, uitest.Press(m, "G"), api.Page[api.Project]{}, &api.Error{Kind: api.ErrServer, Status: 503})
	m = answer(t, uitest.Press(m, "r"), page(makeProjects(41, 40), "", 80), nil)
	if m.list.Cursor() != 79 {
		t.Errorf("after the retry the cursor is on row %d, want the last (79)", m.list.Cursor())
	}
}

func TestPrivacyMasksAmounts(t *testing.T) {
	m := newPane(t).SetSize(160, 20)
	m = answer(t, m, page(makeProjects(1, 3), "", 3), nil)
	uitest.Contains(t, m.View(), "€20,000.00")
	m, _ = m.Update(common.PrivacyMsg{On: true})
	v := uitest.Plain(m.View())
	if strings.Contains(v, "20,000") || !strings.Contains(v, "€••••") {
		t.Errorf("amounts not masked:\n%s", v)
	}
}

// enter asks the root for the project's detail, handing over what the row
// already knows so the detail shows it at once.
func TestEnterAsksForTheProjectsDetail(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 3), "", 3), nil)
	m = uitest.Press(m, "j")
	_, cmd := m.Update(uitest.Key("enter"))
	if cmd == nil {
		t.Fatal("enter did nothing")
	}
	msg, ok := cmd().(common.OpenProjectMsg)
	if !ok || msg.Project.ID != 2 || msg.Project.Title != "Projet 2" {
		t.Fatalf("enter sent %#v, want the detail of project 2 with its title", msg)
	}
}

func TestNoClientWaitsThenLoadsOnClientMsg(t *testing.T) {
	m := New(uitest.Env(i18n.EN), nil).SetSize(60, 15)
	if m.Init() != nil || m.Busy() {
		t.Fatal("a request without a client")
	}
	uitest.Contains(t, m.View(), "press K")
	m, cmd := m.Update(common.ClientMsg{Client: uitest.Offline(t)})
	if cmd == nil || !m.req.Busy() {
		t.Error("a new client did not start loading")
	}
}

func TestNoPanicOnOddSizesAndInput(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {1, 1}, {5, 2}, {60, 3}, {60, 15}, {300, 100}} {
		m := New(uitest.Env(i18n.FR), uitest.Offline(t)).SetSize(size[0], size[1]).SetFocused(true)
		_ = m.View()
		m = answer(t, m, page(nil, "", 0), nil)
		m = uitest.Press(m, "j", "k", "G", "g", "pgdown", "pgup", "enter", "o", "y", "c", "esc", "f", "enter", "esc", "esc")
		_ = m.View()
		m = answer(t, uitest.Press(m, "r"), page(makeProjects(1, 50), "x", -1), nil)
		m = uitest.Press(m, "G", "enter", "j", "esc")
		v := m.View()
		if size[0] > 0 && size[1] > 0 {
			lines := strings.Split(v, "\n")
			if len(lines) != size[1] {
				t.Errorf("%v: %d lines", size, len(lines))
			}
		}
	}
	var zero Model
	_ = zero.View()
	zero, _ = zero.Update(uitest.Key("j"))
	_ = zero.SetSize(10, 10).View()
}

// "All" agrees in French with the filter it stands for.
func TestFrenchAllAgreesWithTheFilter(t *testing.T) {
	m := New(uitest.Env(i18n.FR), uitest.Offline(t)).SetSize(100, 30).SetFocused(true)
	m = answer(t, m, page(makeProjects(1, 3), "", 3), nil)
	v := uitest.Plain(uitest.Press(m, "f").View())
	for _, want := range []string{"Catégorie : Toutes", "Type : Tous", "Région : Toutes"} {
		uitest.Contains(t, v, want)
	}
	uitest.Contains(t, uitest.Press(m, "c").View(), "> Toutes")
}

// At 100 columns (the pane is 96 inside its border) the biggest amounts of
// the seed are shown whole, not cut mid-number, in French too.
func TestCollectedShowsWholeAmountsAt100Columns(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		env, client := uitest.Env(lang), uitest.Offline(t)
		m := New(env, client).SetSize(96, 20).SetFocused(true)
		ps := makeProjects(1, 2)
		ps[0].Collected, ps[0].Target = uitest.EUR(14700000), uitest.EUR(14700000)
		m = answer(t, m, page(ps, "", 2), nil)
		want := env.T.T("panes.collected_of", env.Format.Money(ps[0].Collected), env.Format.Money(ps[0].Target))
		uitest.Contains(t, m.View(), want)
	}
}

// r keeps the list on screen while it asks again, and after a failed
// reload: the last good rows stay, with the error and "r to retry". The
// next good answer replaces them.
func TestReloadKeepsTheListUntilTheAnswerAndAfterAFailure(t *testing.T) {
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 20), "/projects?page=2", 360), nil)
	m = uitest.Press(m, "j", "j", "j")
	m = uitest.Press(m, "r")
	if !m.req.Busy() {
		t.Fatal("r did not ask again")
	}
	v := uitest.Plain(m.View())
	for _, want := range []string{"Projects 20 of 360", "Projet 1 ", "Projet 4 "} {
		uitest.Contains(t, v, want)
	}
	m = answer(t, m, api.Page[api.Project]{}, &api.Error{Kind: api.ErrServer, Status: 503, Method: "GET", Path: "/projects"})
	v = uitest.Plain(m.View())
	for _, want := range []string{"Projects 20 of 360", "Projet 1 ", "r to retry"} {
		uitest.Contains(t, v, want)
	}
	if p, ok := m.Selected(); !ok || p.ID != 4 {
		t.Errorf("the cursor left project 4 after a failed reload: %+v", p)
	}
	if m.Err() == nil {
		t.Error("a failed reload is not reported to the status line")
	}
	m = uitest.Press(m, "r")
	if !m.req.Busy() || len(m.items) != 20 {
		t.Fatalf("r after a failed reload: busy %v, %d items", m.req.Busy(), len(m.items))
	}
	m = answer(t, m, page(makeProjects(101, 2), "", 2), nil)
	v = uitest.Plain(m.View())
	if len(m.items) != 2 || strings.Contains(v, "Projet 1 ") || strings.Contains(v, "retry") {
		t.Errorf("the reload's answer did not replace the list: %d items\n%s", len(m.items), v)
	}
	if p, ok := m.Selected(); !ok || p.ID != 102 {
		t.Errorf("the cursor is not on the last row of the shorter list: %+v", p)
	}
	// A new filter still starts from nothing.
	m = uitest.Press(m, "t")
	if len(m.items) != 0 || !m.req.Busy() {
		t.Errorf("a new filter kept the old list: %d items", len(m.items))
	}
}
