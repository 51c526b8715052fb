package hostile

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// LinkPageSize is the most items a page of NextLoop or NextEndless holds.
const LinkPageSize = 5

// Lies of LyingTotal: what /projects announces, and what /user/pledges does.
const (
	LyingProjectsTotal = 100_000
	LyingPledgesTotal  = 3
)

// serveList answers one page of a list of n items (item k built by item),
// with the Link, Total and Per-Page headers of the scenario: honest ones
// unless the scenario is about page links or counts.
func (sc Scenario) serveList(w http.ResponseWriter, r *http.Request, other string, n int, item func(int) any) {
	q := r.URL.Query()
	page := positive(q.Get("page"), 1)
	per := min(positive(q.Get("per_page"), DefaultPerPage), maxPerPage)
	// Pages of made-up links hold a few items: a client that follows them
	// further than it should grows slowly enough for a test to see it.
	switch sc {
	case NextLoop:
		per = min(per, LinkPageSize)
		n = 2 * per // pages 1 and 2 are full, and link to each other
	case NextEndless:
		per = min(per, LinkPageSize)
		n = page * per // there is always one more page
	}
	items := []any{}
	for k := (page - 1) * per; k < min(page*per, n); k++ {
		items = append(items, item(k))
	}
	last := max(1, (n+per-1)/per)
	h := w.Header()
	var links []string
	link := func(u, rel string) { links = append(links, "<"+u+`>; rel="`+rel+`"`) }
	self := func(p int) string { return pageURL(r, "", p) }
	switch sc {
	case NextLoop:
		switch page {
		case 1:
			link(self(2), "next")
		case 2:
			link(self(1), "next")
		}
	case NextEndless:
		link(self(page+1), "next")
	case NextOtherHost:
		// No Total and no rel="last": the client must follow rel="next",
		// and page 1's leads elsewhere however short the list.
		switch {
		case page == 1:
			link(pageURL(r, other, 2), "next")
		case page < last:
			link(self(page+1), "next")
		}
	case LyingTotal:
		total := LyingPledgesTotal
		if r.URL.Path == "/projects" {
			total = LyingProjectsTotal
			announced := max(1, (total+per-1)/per)
			if page < announced {
				link(self(page+1), "next")
			}
			link(self(announced), "last")
		} else if page < last {
			link(self(page+1), "next")
		}
		h.Set("Total", strconv.Itoa(total))
		h.Set("Per-Page", strconv.Itoa(per))
	default:
		if page > 1 {
			link(self(1), "first")
			link(self(page-1), "prev")
		}
		if page < last {
			link(self(page+1), "next")
			link(self(last), "last")
		}
		h.Set("Total", strconv.Itoa(n))
		h.Set("Per-Page", strconv.Itoa(per))
	}
	if len(links) > 0 {
		h.Set("Link", strings.Join(links, ", "))
	}
	writeJSON(w, http.StatusOK, items)
}

// pageURL is r's URL, absolute, with page p, on origin (the request's own
// when ""): every other parameter, the lender's email and birthdate
// included, goes with it as a Rails server would write it.
func pageURL(r *http.Request, origin string, p int) string {
	if origin == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		origin = scheme + "://" + r.Host
	}
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(p))
	u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
	return origin + u.String()
}

// positive parses s as a positive integer, def when it is not one.
func positive(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return def
	}
	return n
}
