package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Page sizes: per_page above maxPerPage is clamped to it (the Per-Page header
// says what was used) rather than refused, as the api-pagination gem does.
const (
	defaultPerPage = 20
	maxPerPage     = 100
)

// pageRequest is a validated page and per_page.
type pageRequest struct {
	page, perPage int
	perPageGiven  bool
}

// parsePage reads page and per_page; a value that is not a positive integer
// is a 400 with a message naming the parameter.
func parsePage(q url.Values) (pageRequest, error) {
	p := pageRequest{page: 1, perPage: defaultPerPage}
	if s := strings.TrimSpace(q.Get("page")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return p, fmt.Errorf("page must be a positive integer")
		}
		p.page = n
	}
	if s := strings.TrimSpace(q.Get("per_page")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return p, fmt.Errorf("per_page must be a positive integer (at most %d)", maxPerPage)
		}
		p.perPage, p.perPageGiven = min(n, maxPerPage), true
	}
	return p, nil
}

// window returns the bounds of the page within total items; a page past the
// end is empty.
func (p pageRequest) window(total int) (lo, hi int) {
	if p.page-1 > total/p.perPage { // checked first: a huge page must not overflow
		return total, total
	}
	lo = min((p.page-1)*p.perPage, total)
	hi = min(lo+p.perPage, total)
	return lo, hi
}

// lastPage is the number of the last page; an empty list has one empty page.
func (p pageRequest) lastPage(total int) int {
	return max(1, (total+p.perPage-1)/p.perPage)
}

// setPageHeaders writes Link (RFC 8288), Total and Per-Page. Link URLs are
// absolute, built from the request's Host, and keep every other query
// parameter. first and prev are absent on page 1, next and last on the last
// page; past the end there is no next, and prev points at the last page.
func setPageHeaders(w http.ResponseWriter, r *http.Request, p pageRequest, total int) {
	last := p.lastPage(total)
	link := func(page int, rel string) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(page))
		if p.perPageGiven {
			q.Set("per_page", strconv.Itoa(p.perPage))
		}
		u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
		if r.TLS != nil {
			u.Scheme = "https"
		}
		if r.Host == "" { // an HTTP/1.0 request without Host: a relative link still works
			u.Scheme = ""
		}
		return fmt.Sprintf(`<%s>; rel="%s"`, u.String(), rel)
	}
	var links []string
	if p.page > 1 {
		links = append(links, link(1, "first"), link(min(p.page-1, last), "prev"))
	}
	if p.page < last {
		links = append(links, link(p.page+1, "next"))
	}
	if p.page != last {
		links = append(links, link(last, "last"))
	}
	if len(links) > 0 {
		w.Header().Set("Link", strings.Join(links, ", "))
	}
	w.Header().Set("Total", strconv.Itoa(total))
	w.Header().Set("Per-Page", strconv.Itoa(p.perPage))
}
