package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/miimosa/miimosa/api"
)

// The terminal's way to walk a list: the walk runs on Feed's goroutine, and
// each Bubble Tea command takes one step from the channel, e.g.
//
//	func nextPage(ch <-chan api.PageResult[api.Pledge]) tea.Cmd {
//		return func() tea.Msg {
//			r, ok := <-ch
//			return pledgesPageMsg{result: r, done: !ok}
//		}
//	}
//
// The model applies the page, then returns nextPage(ch) again until done;
// leaving the pane (or a new lookup) cancels ctx, which stops the walk.
func ExampleFeed() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		w.Header().Set("Total", "5")
		w.Header().Set("Per-Page", "2")
		linkNext(w, p, 3)
		writeItems(w, (p-1)*2+1, min(2, 5-(p-1)*2))
	}))
	defer srv.Close()
	c, _ := api.New(api.Config{BaseURL: srv.URL, Key: "k", HTTPClient: api.NewHTTPClient()})

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pages := c.ProjectPages(ctx, api.ProjectQuery{PerPage: 2}, api.WithLimits(api.Limits{MaxPages: 50, MaxItems: 5000}))
	for r := range api.Feed(ctx, pages) {
		if r.Err != nil {
			// A refused walk (api.ErrRefused) still leaves the pages above.
			fmt.Println("stopped:", r.Err)
			break
		}
		fmt.Println("page of", len(r.Page.Items), "from project", r.Page.Items[0].ID)
	}
	// Output:
	// page of 2 from project 1
	// page of 2 from project 3
	// page of 1 from project 5
}

func TestFeedEndsWithTheWalk(t *testing.T) {
	s := endless(t, 2, "")
	c, _ := newTestClient(t, s.URL, false)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pages int
	var last error
	for r := range api.Feed(ctx, c.ProjectPages(ctx, api.ProjectQuery{}, api.WithLimits(api.Limits{MaxPages: 7}))) {
		if r.Err != nil {
			last = r.Err
			continue
		}
		pages++
	}
	if pages != 7 || !errors.Is(last, api.ErrRefused) {
		t.Errorf("%d pages, then %v", pages, last)
	}
}

func TestFeedStopsWhenCancelled(t *testing.T) {
	s := endless(t, 2, "")
	c, _ := newTestClient(t, s.URL, false)
	ctx, cancel := context.WithCancel(context.Background())
	ch := api.Feed(ctx, c.ProjectPages(ctx, api.ProjectQuery{}))
	<-ch // one page, then the reader goes away
	cancel()
	for range ch { // closed once the walk and its goroutine are done
	}
	if g := walkerGoroutines(); len(g) > 0 {
		t.Errorf("%d goroutines outlive the cancelled feed", len(g))
	}
}
