package hostile_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/hostile"
)

// The api client's walk against page links and counts a server made up:
// it stops on a loop, on its caps and on a link elsewhere, with
// ErrRefused after the pages it loaded, and asks for no page twice.

func TestWalkStopsOnALoopOfNextLinks(t *testing.T) {
	s := hostile.Start(t, hostile.NextLoop)
	c := newClient(t, s, nil)

	items, pages, err := collect(c.PledgePages(ctx(t), lender, 10))
	e := expectKind(t, err, api.ErrRefused)
	n := 2 * hostile.LinkPageSize
	if pages != 2 || len(items) != n || items[n-1].ID != hostile.PledgeID(n-1) {
		t.Errorf("loaded %d pages, %d pledges; want pages 1 and 2, %d pledges", pages, len(items), n)
	}
	if !strings.Contains(e.Error(), "circle") {
		t.Errorf("message %q does not say the links go in a circle", e.Error())
	}
	expectHits(t, s, http.MethodGet, "/user/pledges", 2)

	projects, pages, err := collect(c.ProjectPages(ctx(t), api.ProjectQuery{PerPage: 10}))
	expectKind(t, err, api.ErrRefused)
	if pages != 2 || len(projects) != n {
		t.Errorf("loaded %d pages, %d projects; want 2 pages, %d projects", pages, len(projects), n)
	}
	expectHits(t, s, http.MethodGet, "/projects", 2)
}

func TestWalkStopsOnEndlessNextLinks(t *testing.T) {
	s := hostile.Start(t, hostile.NextEndless)
	c := newClient(t, s, nil)

	const maxPages = 30
	items, pages, err := collect(c.ProjectPages(ctx(t), api.ProjectQuery{PerPage: 10}, api.WithLimits(api.Limits{MaxPages: maxPages})))
	e := expectKind(t, err, api.ErrRefused)
	if pages != maxPages || len(items) != maxPages*hostile.LinkPageSize {
		t.Errorf("loaded %d pages, %d projects; want %d pages of %d", pages, len(items), maxPages, hostile.LinkPageSize)
	}
	if !strings.Contains(e.Error(), "pages") {
		t.Errorf("message %q does not name the page cap", e.Error())
	}
	expectHits(t, s, http.MethodGet, "/projects", maxPages)

	// The item cap cuts the page that passes it.
	const maxItems = 53 // not a multiple of the page size: the page that passes it is cut
	pledges, _, err := collect(c.PledgePages(ctx(t), lender, 10, api.WithLimits(api.Limits{MaxItems: maxItems})))
	e = expectKind(t, err, api.ErrRefused)
	if len(pledges) != maxItems {
		t.Errorf("loaded %d pledges, want the cap, %d", len(pledges), maxItems)
	}
	if !strings.Contains(e.Error(), "items") {
		t.Errorf("message %q does not name the item cap", e.Error())
	}
	expectHits(t, s, http.MethodGet, "/user/pledges", (maxItems+hostile.LinkPageSize-1)/hostile.LinkPageSize)
}

func TestWalkRefusesANextLinkToAnotherServer(t *testing.T) {
	s := hostile.Start(t, hostile.NextOtherHost)
	c := newClient(t, s, nil)

	items, pages, err := collect(c.PledgePages(ctx(t), lender, 10))
	e := expectKind(t, err, api.ErrRefused)
	if pages != 1 || len(items) != 10 {
		t.Errorf("loaded %d pages, %d pledges; want page 1 only", pages, len(items))
	}
	if !strings.Contains(e.Error(), "another server") {
		t.Errorf("message %q does not say the link leads to another server", e.Error())
	}
	expectNoPersonalData(t, "the error", e.Error())
	expectHits(t, s, http.MethodGet, "/user/pledges", 1)

	_, _, err = collect(c.ProjectPages(ctx(t), api.ProjectQuery{}))
	expectKind(t, err, api.ErrRefused)
	expectNothingElsewhere(t, s)
}

// Total and rel="last" lie: far too many (the walk stops at the first
// short or empty page, fetching at most a few pages ahead) or far too few
// (the walk follows the next links to the real end).
func TestWalkSurvivesALyingTotal(t *testing.T) {
	s := hostile.Start(t, hostile.LyingTotal)
	c := newClient(t, s, nil)

	const conc = 4
	items, _, err := collect(c.ProjectPages(ctx(t), api.ProjectQuery{PerPage: 10}, api.WithConcurrency(conc)))
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	if len(items) != hostile.ProjectCount {
		t.Errorf("loaded %d projects, want the %d there are", len(items), hostile.ProjectCount)
	}
	for i, p := range items {
		if p.ID != hostile.ProjectID(i) {
			t.Fatalf("project %d is %d, want %d: pages out of order or twice", i, p.ID, hostile.ProjectID(i))
		}
	}
	// 3 pages hold the list; the workers run at most conc pages ahead.
	if n := s.Hits(hostile.API, http.MethodGet, "/projects"); n > 3+conc {
		t.Errorf("%d pages asked for, want at most %d: the walk believed Total", n, 3+conc)
	}

	pl, _, err := collect(c.PledgePages(ctx(t), lender, 10))
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	if len(pl) != hostile.PledgeCount {
		t.Errorf("loaded %d pledges, want the %d there are (Total said %d)", len(pl), hostile.PledgeCount, hostile.LyingPledgesTotal)
	}
}
