package sandbox

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
)

var linkPart = regexp.MustCompile(`<([^>]*)>; rel="([a-z]+)"`)

// links parses the Link header into rel → URL, checking its RFC 8288 form.
func links(t *testing.T, header string) map[string]*url.URL {
	t.Helper()
	out := map[string]*url.URL{}
	for _, m := range linkPart.FindAllStringSubmatch(header, -1) {
		u, err := url.Parse(m[1])
		if err != nil || !u.IsAbs() {
			t.Fatalf("link %q is not an absolute URL", m[1])
		}
		out[m[2]] = u
	}
	return out
}

func TestPaginationHeaders(t *testing.T) {
	const base = "/projects?category=lait&keyword=&per_page=7"
	total := atoi(t, get(base).Header().Get("Total"))
	last := (total + 6) / 7
	if last < 3 {
		t.Fatalf("need at least 3 pages of lait projects, have %d", last)
	}
	for _, tc := range []struct {
		name  string
		page  int
		rels  map[string]int // rel → page it points at
		items int
	}{
		{"first", 1, map[string]int{"next": 2, "last": last}, 7},
		{"middle", 2, map[string]int{"first": 1, "prev": 1, "next": 3, "last": last}, 7},
		{"last", last, map[string]int{"first": 1, "prev": last - 1}, total - 7*(last-1)},
		{"past the end", last + 5, map[string]int{"first": 1, "prev": last, "last": last}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := get(base + "&page=" + strconv.Itoa(tc.page))
			if w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			if n := len(decode[[]map[string]any](t, w)); n != tc.items {
				t.Errorf("%d items, want %d", n, tc.items)
			}
			if w.Header().Get("Total") != strconv.Itoa(total) || w.Header().Get("Per-Page") != "7" {
				t.Errorf("Total %q Per-Page %q", w.Header().Get("Total"), w.Header().Get("Per-Page"))
			}
			got := links(t, w.Header().Get("Link"))
			if len(got) != len(tc.rels) {
				t.Errorf("Link %q, want rels %v", w.Header().Get("Link"), tc.rels)
			}
			for rel, page := range tc.rels {
				u := got[rel]
				if u == nil {
					t.Errorf("no rel=%q in %q", rel, w.Header().Get("Link"))
					continue
				}
				q := u.Query()
				if u.Host != "example.com" || u.Path != "/projects" || q.Get("page") != strconv.Itoa(page) ||
					q.Get("per_page") != "7" || q.Get("category") != "lait" {
					t.Errorf("rel=%s: %s, want page %d keeping the other parameters", rel, u, page)
				}
			}
		})
	}
}

func TestWalkingEveryPageGivesEveryProjectOnce(t *testing.T) {
	seen := map[string]bool{}
	next := "/projects?per_page=100&order=populars"
	pages := 0
	for next != "" {
		w := get(next)
		for _, p := range decode[[]map[string]any](t, w) {
			id := string(p["id"].(jsonNumber))
			if seen[id] {
				t.Fatalf("project %s seen twice", id)
			}
			seen[id] = true
		}
		next = ""
		if u := links(t, w.Header().Get("Link"))["next"]; u != nil {
			next = u.RequestURI()
		}
		if pages++; pages > 10 {
			t.Fatal("pagination does not end")
		}
	}
	if len(seen) != projectCount {
		t.Errorf("walked %d projects, want %d", len(seen), projectCount)
	}
}

func TestPageSizes(t *testing.T) {
	if w := get("/projects"); w.Header().Get("Per-Page") != "20" || len(decode[[]any](t, w)) != 20 {
		t.Errorf("default page: Per-Page %q", w.Header().Get("Per-Page"))
	}
	w := get("/projects?per_page=500")
	if w.Header().Get("Per-Page") != "100" || len(decode[[]any](t, w)) != 100 {
		t.Errorf("per_page=500 is clamped to 100: Per-Page %q", w.Header().Get("Per-Page"))
	}
	if u := links(t, w.Header().Get("Link"))["next"]; u == nil || u.Query().Get("per_page") != "100" {
		t.Errorf("next link after clamping: %v", u)
	}
	// A single page: no Link at all.
	w = get("/projects?keyword=zzzz-nothing")
	if w.Header().Get("Link") != "" || w.Header().Get("Total") != "0" || w.Body.String() != "[]" {
		t.Errorf("empty result: Link %q Total %q body %q", w.Header().Get("Link"), w.Header().Get("Total"), w.Body.String())
	}
	// A huge page number is past the end, not an overflow.
	if w := get("/projects?page=9223372036854775807"); w.Code != http.StatusOK || w.Body.String() != "[]" {
		t.Errorf("huge page: %d %q", w.Code, w.Body.String())
	}
}
