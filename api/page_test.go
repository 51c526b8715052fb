package api_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
)

// pagedServer serves n items over pages of 2, with next links written by
// link(page) (relative, absolute, or hostile).
func pagedServer(t *testing.T, n int, link func(r *http.Request, next int) string) *server {
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		page = max(page, 1)
		var items []string
		for i := (page-1)*2 + 1; i <= min(page*2, n); i++ {
			items = append(items, fmt.Sprintf(`{"id": %d}`, i))
		}
		if page*2 < n {
			w.Header().Set("Link", link(r, page+1))
		}
		_, _ = io.WriteString(w, "["+strings.Join(items, ",")+"]")
	})
}

func collect[T any](seq func(func(api.Page[T], error) bool)) (pages int, items int, err error) {
	for p, e := range seq {
		if e != nil {
			return pages, items, e
		}
		pages++
		items += len(p.Items)
	}
	return pages, items, nil
}

func TestPagesFollowRelativeAndAbsoluteLinks(t *testing.T) {
	links := map[string]func(r *http.Request, next int) string{
		"root-relative": func(r *http.Request, next int) string { return fmt.Sprintf(`</projects?page=%d>; rel="next"`, next) },
		"query-only":    func(r *http.Request, next int) string { return fmt.Sprintf(`<?page=%d>; rel=next`, next) },
		"absolute": func(r *http.Request, next int) string {
			return fmt.Sprintf(`<http://%s/projects?page=%d>; rel="next", <http://%s/projects?page=9>; rel="last"`, r.Host, next, r.Host)
		},
	}
	for name, link := range links {
		t.Run(name, func(t *testing.T) {
			s := pagedServer(t, 7, link)
			c, _ := newTestClient(t, s.URL, false)
			pages, items, err := collect(c.ProjectPages(context.Background(), api.ProjectQuery{}))
			if err != nil || pages != 4 || items != 7 {
				t.Errorf("walk: %d pages, %d items, %v", pages, items, err)
			}
			p, err := c.Projects(context.Background(), api.ProjectQuery{})
			if err != nil || !strings.HasPrefix(p.Next, s.URL+"/projects?") || p.Total.Valid || p.PerPage.Valid {
				t.Errorf("first page: next %q total %+v, %v", p.Next, p.Total, err)
			}
			p2, err := c.ProjectsPage(context.Background(), p.Next)
			if err != nil || len(p2.Items) != 2 || p2.Items[0].ID != 3 {
				t.Errorf("ProjectsPage(%q) = %+v, %v", p.Next, p2, err)
			}
		})
	}
}

func TestWalkStopsWhenTheConsumerStops(t *testing.T) {
	s := pagedServer(t, 100, func(r *http.Request, next int) string { return fmt.Sprintf(`</projects?page=%d>; rel="next"`, next) })
	c, _ := newTestClient(t, s.URL, false)
	n := 0
	for _, err := range c.ProjectPages(context.Background(), api.ProjectQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	if h := s.hits.Load(); h != 3 {
		t.Errorf("%d requests for 3 pages consumed", h)
	}
}

func TestWalkStopsOnALoop(t *testing.T) {
	// Page 3 points back to page 2.
	s := pagedServer(t, 100, func(r *http.Request, next int) string {
		return fmt.Sprintf(`</projects?page=%d>; rel="next"`, min(next, 3)-boolInt(next == 4))
	})
	c, _ := newTestClient(t, s.URL, false)
	pages, _, err := collect(c.ProjectPages(context.Background(), api.ProjectQuery{}))
	if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "circle") {
		t.Errorf("loop: %+v", e)
	}
	if pages != 3 || s.hits.Load() != 3 {
		t.Errorf("loop: %d pages yielded, %d requests", pages, s.hits.Load())
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestNextLinkToAnotherServerIsRefused(t *testing.T) {
	other := newServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `[]`) })
	s := pagedServer(t, 5, func(r *http.Request, next int) string {
		return fmt.Sprintf(`<%s/projects?page=%d>; rel="next"`, other.URL, next)
	})
	c, _ := newTestClient(t, s.URL, false)
	pages, _, err := collect(c.ProjectPages(context.Background(), api.ProjectQuery{}))
	// The server's fault, and it says so: what was sent and why it was refused.
	if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "next-page link points to another server ("+other.URL+")") || pages != 1 {
		t.Errorf("foreign next link: %d pages, %+v", pages, e)
	}
	if n := other.hits.Load(); n != 0 {
		t.Errorf("the key went to another server %d times", n)
	}
	for _, next := range []string{"/user/wallet?page=2", "https://" + strings.TrimPrefix(s.URL, "http://") + "/projects", "http://a@" + strings.TrimPrefix(s.URL, "http://") + "/projects", "http://%zz"} {
		if _, err := c.ProjectsPage(context.Background(), next); !errors.Is(err, api.ErrRefused) {
			t.Errorf("ProjectsPage(%q) = %v", next, err)
		}
	}
	if _, err := c.PledgesPage(context.Background(), "/projects?page=2"); !errors.Is(err, api.ErrRefused) {
		t.Errorf("PledgesPage on a projects link = %v", err)
	}
	// No link at all is the caller's mistake.
	if _, err := c.ProjectsPage(context.Background(), ""); !errors.Is(err, api.ErrInvalidParam) {
		t.Errorf("ProjectsPage(\"\") = %v", err)
	}
}

func TestPledgeWalkKeepsTheUser(t *testing.T) {
	// A server whose next links drop the user's parameters.
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("user_email") != "camille@example.org" || q.Get("user_birthdate") != "1980-11-27" {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error": "user_email and user_birthdate are required"}`)
			return
		}
		if q.Get("page") == "" {
			w.Header().Set("Link", `</user/pledges?page=2>; rel="next"`)
		}
		w.Header().Set("Total", " 2 ")
		w.Header().Set("Per-Page", "1")
		_, _ = io.WriteString(w, `[{"id": 1}]`)
	})
	c, _ := newTestClient(t, s.URL, false)
	pages, items, err := collect(c.PledgePages(context.Background(), lender, 1))
	if err != nil || pages != 2 || items != 2 {
		t.Errorf("pledge walk: %d pages, %d items, %v", pages, items, err)
	}
	p, err := c.Pledges(context.Background(), lender, 0, 1)
	if err != nil || p.Total != (api.Int{Value: 2, Valid: true}) || p.PerPage.Value != 1 {
		t.Errorf("headers: %+v, %v", p, err)
	}
}

func TestWalkStopsOnAnEmptyPage(t *testing.T) {
	// A next link on an empty page would walk forever on some servers.
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", fmt.Sprintf(`</projects?page=%s>; rel="next"`, r.URL.Query().Get("page")+"1"))
		_, _ = io.WriteString(w, `[]`)
	})
	c, _ := newTestClient(t, s.URL, false)
	pages, _, err := collect(c.ProjectPages(context.Background(), api.ProjectQuery{}))
	if err != nil || pages != 1 || s.hits.Load() != 1 {
		t.Errorf("empty page: %d pages, %d requests, %v", pages, s.hits.Load(), err)
	}
}

func TestWalkYieldsAnErrorOnce(t *testing.T) {
	var s *server
	s = newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if s.hits.Load() > 1 {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Link", `</projects?page=2>; rel="next"`)
		_, _ = io.WriteString(w, `[{"id": 1}]`)
	})
	c, _ := newTestClient(t, s.URL, false)
	var errs, pages int
	for _, err := range c.ProjectPages(context.Background(), api.ProjectQuery{}) {
		if err != nil {
			errs++
			if !errors.Is(err, api.ErrKeyRejected) {
				t.Errorf("error %v", err)
			}
			continue
		}
		pages++
	}
	if errs != 1 || pages != 1 {
		t.Errorf("%d pages, %d errors", pages, errs)
	}
}

func TestNextLinkWithTheDefaultPortSpelledOut(t *testing.T) {
	c, err := api.New(api.Config{BaseURL: "https://api.example.com/v1", Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // nothing is to be sent: only the link check matters
	for next, ok := range map[string]bool{
		"https://API.example.com:443/v1/projects?page=2": true,
		"/v1/projects?page=2":                            true,
		"projects?page=2":                                true,
		"https://api.example.com:8443/v1/projects":       false,
		"https://api.example.com/projects?page=2":        false,
	} {
		_, err := c.ProjectsPage(ctx, next)
		if got := !errors.Is(err, api.ErrRefused); got != ok {
			t.Errorf("ProjectsPage(%q) = %v; accepted %v, want %v", next, err, got, ok)
		}
	}
}
