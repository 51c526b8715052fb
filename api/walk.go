package api

import (
	"context"
	"iter"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

// The one bounded walk over a paginated list, used by ProjectPages and
// PledgePages, so by every command and every pane of the terminal.
//
// After the first page, when its Total header (with Per-Page, or the page's
// length) or its Link rel="last" says how many pages there are, the others
// are fetched several at a time, from the client's own first-page URL with
// page=k (never from a URL the server chose), and yielded in page order.
// Otherwise the walk follows rel="next" one page at a time. Either way it
// stops on a next link seen before, past Limits.MaxPages pages or past
// Limits.MaxItems items, with an ErrRefused error yielded after every page
// loaded before it.

// Limits bound a walk over a server's pages. A field of 0 (or less) takes
// its default.
type Limits struct {
	MaxPages int // pages yielded at most; DefaultMaxPages
	MaxItems int // items yielded at most, over all pages; DefaultMaxItems
}

// Default limits of a walk: far above any real list of the API (hundreds of
// projects, tens of pledges), far below what would exhaust memory.
const (
	DefaultMaxPages = 10_000
	DefaultMaxItems = 200_000
)

// WalkOption changes one walk.
type WalkOption func(*walkOptions)

type walkOptions struct {
	limits Limits
	conc   int
}

// WithLimits sets the walk's page and item caps (the terminal passes
// smaller ones than the commands' defaults).
func WithLimits(l Limits) WalkOption { return func(o *walkOptions) { o.limits = l } }

// WithConcurrency sets how many pages the walk fetches at once (1: one at a
// time); it overrides Config.Concurrency for this walk. At most 16.
func WithConcurrency(n int) WalkOption { return func(o *walkOptions) { o.conc = n } }

func (c *Client) walkOptions(opts []WalkOption) walkOptions {
	o := walkOptions{conc: c.conc}
	for _, f := range opts {
		f(&o)
	}
	if o.limits.MaxPages <= 0 {
		o.limits.MaxPages = DefaultMaxPages
	}
	if o.limits.MaxItems <= 0 {
		o.limits.MaxItems = DefaultMaxItems
	}
	if o.conc <= 0 {
		o.conc = c.conc
	}
	o.conc = min(o.conc, MaxConcurrency)
	return o
}

// walker is one walk in progress; it lives on the goroutine of the range
// loop, the fetching goroutines only hand back results.
type walker[T any, P interface {
	*T
	objectDecoder
}] struct {
	c      *Client
	ctx    context.Context
	ep     endpoint
	first  *url.URL
	follow func(next string) (*url.URL, error) // checks a link the server sent
	opts   walkOptions
	seen   map[string]bool
	pages  int      // yielded
	items  int      // yielded
	known  *Page[T] // the first page, already fetched by the caller; nil: fetch it
}

// walk returns the iterator of a walk from first (or firstErr, yielded alone).
func walk[T any, P interface {
	*T
	objectDecoder
}](ctx context.Context, c *Client, ep endpoint, first *url.URL, firstErr error, follow func(string) (*url.URL, error), known *Page[T], opts []WalkOption) iter.Seq2[Page[T], error] {
	return func(yield func(Page[T], error) bool) {
		if firstErr != nil {
			yield(Page[T]{}, firstErr)
			return
		}
		w := &walker[T, P]{c: c, ctx: ctx, ep: ep, first: first, follow: follow, opts: c.walkOptions(opts), seen: map[string]bool{}, known: known}
		w.run(yield)
	}
}

func (w *walker[T, P]) run(yield func(Page[T], error) bool) {
	w.see(w.first)
	start := pageNumber(w.first)
	if start == 0 {
		start = 1
		w.see(w.pageURL(1)) // the server's link back to page 1 is a loop too
	}
	var p Page[T]
	var last string
	var err error
	if w.known != nil {
		p, last = *w.known, w.known.Last
	} else if p, last, err = w.fetch(w.ctx, w.first, nil); err != nil {
		yield(Page[T]{}, err)
		return
	}
	if lastPage, perPage := w.count(p, last); lastPage > start && p.Next != "" && len(p.Items) > 0 {
		w.log("parallel", lastPage-start+1)
		w.parallel(yield, p, start, lastPage, perPage)
		return
	}
	w.log("sequential", 0)
	if w.emit(yield, p) {
		w.followFrom(yield, p)
	}
}

func (w *walker[T, P]) log(mode string, pages int) {
	w.c.log.DebugContext(w.ctx, "api walk", slog.String("path", w.first.Path), slog.String("mode", mode),
		slog.Int("pages", pages), slog.Int("concurrency", w.opts.conc))
}

// fetch gets one page, and its rel="last" link.
func (w *walker[T, P]) fetch(ctx context.Context, u *url.URL, tk *ticket) (Page[T], string, error) {
	a, err := w.c.callWith(ctx, http.MethodGet, u, w.ep, nil, tk)
	if err != nil {
		return Page[T]{}, "", err
	}
	p, err := decodePage[T, P](a)
	return p, p.Last, err
}

// count says how many pages the first page announces (0: unknown) and how
// many items a full page holds.
func (w *walker[T, P]) count(p Page[T], lastLink string) (lastPage, perPage int) {
	perPage = len(p.Items)
	if p.PerPage.Valid && p.PerPage.Value > 0 {
		perPage = int(min(p.PerPage.Value, int64(maxInt)))
	}
	if perPage <= 0 {
		return 0, 0
	}
	if p.Total.Valid && p.PerPage.Valid && p.PerPage.Value > 0 {
		return ceilDiv(p.Total.Value, p.PerPage.Value), perPage
	}
	if lastLink != "" {
		if u, err := w.follow(lastLink); err == nil && pageNumber(u) > 0 {
			return pageNumber(u), perPage
		}
	}
	if p.Total.Valid && len(p.Items) > 0 {
		return ceilDiv(p.Total.Value, int64(len(p.Items))), perPage
	}
	return 0, perPage
}

const maxInt = int(^uint(0) >> 1)

func ceilDiv(n, d int64) int {
	q := n / d
	if n%d != 0 {
		q++
	}
	return int(min(q, int64(maxInt)))
}

// pageNumber is u's page parameter, 0 when absent or not a positive integer.
func pageNumber(u *url.URL) int {
	n, err := strconv.Atoi(u.Query().Get("page"))
	if err != nil || n < 1 {
		return 0
	}
	return n
}

// pageURL is page n of the list, built from the client's own first URL.
func (w *walker[T, P]) pageURL(n int) *url.URL {
	u := *w.first
	q := u.Query()
	q.Set("page", strconv.Itoa(n))
	u.RawQuery = q.Encode()
	return &u
}

// see records u; seen reports whether it was met before. Query order does
// not make two links different.
func (w *walker[T, P]) see(u *url.URL) { w.seen[linkKey(u)] = true }

func linkKey(u *url.URL) string {
	return u.Scheme + "://" + hostPort(u) + u.Path + "?" + u.Query().Encode()
}

func (w *walker[T, P]) refused(r Reason, args ...any) *Error {
	return (&Error{Method: http.MethodGet, Path: w.first.Path}).refusalOf(r, args...)
}

// emit yields a page within the item cap: a page that would pass it is cut
// to the cap and followed by the error. It reports whether to go on.
func (w *walker[T, P]) emit(yield func(Page[T], error) bool, p Page[T]) bool {
	room := w.opts.limits.MaxItems - w.items
	over := len(p.Items) > room
	if over {
		p.Items = p.Items[:room]
	}
	if len(p.Items) > 0 || !over {
		w.pages++
		w.items += len(p.Items)
		if !yield(p, nil) {
			return false
		}
	}
	if over {
		yield(Page[T]{}, w.refused(ReasonTooManyItems, w.opts.limits.MaxItems))
		return false
	}
	return true
}

// followFrom follows rel="next" from p (already yielded), one page at a time.
func (w *walker[T, P]) followFrom(yield func(Page[T], error) bool, p Page[T]) {
	for p.Next != "" && len(p.Items) > 0 {
		if w.pages >= w.opts.limits.MaxPages {
			yield(Page[T]{}, w.refused(ReasonTooManyPages, w.opts.limits.MaxPages))
			return
		}
		u, err := w.follow(p.Next)
		if err != nil {
			yield(Page[T]{}, err)
			return
		}
		if w.seen[linkKey(u)] {
			yield(Page[T]{}, w.refused(ReasonPagesInACircle, w.pages))
			return
		}
		w.see(u)
		if p, _, err = w.fetch(w.ctx, u, nil); err != nil {
			yield(Page[T]{}, err)
			return
		}
		if !w.emit(yield, p) {
			return
		}
	}
}

// fetched is a page fetched by a worker of the parallel phase.
type fetched[T any] struct {
	n    int
	page Page[T]
	err  error
}

// parallel yields first (page start) at once, then pages start+1..last,
// fetched by up to conc workers and yielded in order. Workers run at most
// conc pages ahead of the one the consumer waits for, so memory stays
// bounded whatever the consumer's pace. When the walk ends, for whatever
// reason, the requests in flight are cancelled and every worker has
// returned before the iterator does.
func (w *walker[T, P]) parallel(yield func(Page[T], error) bool, first Page[T], start, last, perPage int) {
	ctx, cancel := context.WithCancel(w.ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	conc := w.opts.conc
	g := newGate(conc)
	results := make(chan fetched[T], conc)
	end := last // the last page the page cap lets us fetch
	if last-start >= w.opts.limits.MaxPages {
		end = start + w.opts.limits.MaxPages - 1
	}
	next, launch, failed := start+1, start+1, false
	launchAhead := func() {
		for !failed && launch <= end && launch < next+conc {
			n, u := launch, w.pageURL(launch)
			w.see(u)
			launch++
			wg.Add(1)
			go func() {
				defer wg.Done()
				p, _, err := w.fetch(ctx, u, &ticket{g: g, page: n})
				// Never blocks: at most conc workers have a result to give,
				// and results holds conc. Every result must arrive, even
				// after a cancel: the loop below waits for the page it needs.
				results <- fetched[T]{n: n, page: p, err: err}
			}()
		}
	}
	launchAhead()
	if !w.emit(yield, first) {
		return
	}
	pending := map[int]fetched[T]{}
	var lastPage Page[T]
	for next <= end {
		r, ok := pending[next]
		if !ok {
			if next >= launch {
				return // not launched after a failure, which was yielded
			}
			r = <-results
			pending[r.n] = r
			failed = failed || r.err != nil
			continue
		}
		delete(pending, next)
		if r.err != nil {
			yield(Page[T]{}, r.err)
			return
		}
		// Total said there were more pages: an empty or short one before
		// the last means the list is shorter than it said. Stop there.
		if len(r.page.Items) == 0 {
			return
		}
		if !w.emit(yield, r.page) || (next < last && len(r.page.Items) < perPage) {
			return
		}
		lastPage = r.page
		next++
		launchAhead()
	}
	if end < last {
		yield(Page[T]{}, w.refused(ReasonTooManyPages, w.opts.limits.MaxPages))
		return
	}
	// The last page announced still links to a next one: Total or rel="last"
	// said too little. Go on one page at a time, under the same limits.
	cancel()
	w.followFrom(yield, lastPage)
}
