package api_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

// guard bounds a wait that only a broken client would make long: it fails
// the test instead of hanging it. It is never what orders events.
const guard = 10 * time.Second

// writeItems writes n projects numbered from first.
func writeItems(w http.ResponseWriter, first, n int) {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id": %d}`, first+i)
	}
	_, _ = io.WriteString(w, "["+strings.Join(items, ",")+"]")
}

// linkNext sets a relative rel="next" to page p+1 when p < last.
func linkNext(w http.ResponseWriter, p, last int) {
	if p < last {
		w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next"`, p+1))
	}
}

func pageOf(r *http.Request) int {
	n, _ := strconv.Atoi(r.URL.Query().Get("page"))
	return max(n, 1)
}

// flight counts the requests a server is answering. A request leaves it
// just before its answer is written, so the client cannot see an answer
// that the count still holds.
type flight struct {
	mu      sync.Mutex
	n, peak int
	changed chan struct{} // closed and replaced on every change
}

func newFlight() *flight { return &flight{changed: make(chan struct{})} }

func (f *flight) enter() (now int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	f.peak = max(f.peak, f.n)
	close(f.changed)
	f.changed = make(chan struct{})
	return f.n
}

func (f *flight) leave() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n--
	close(f.changed)
	f.changed = make(chan struct{})
}

// await waits until cond holds on the count, or fails after guard.
func (f *flight) await(t *testing.T, what string, cond func(n int) bool) bool {
	deadline := time.NewTimer(guard)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		n, ch := f.n, f.changed
		f.mu.Unlock()
		if cond(n) {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Errorf("%s: still %d requests in flight after %v", what, n, guard)
			return false
		}
	}
}

// barrier lets its callers through once n have arrived.
type barrier struct {
	mu      sync.Mutex
	arrived int
	n       int
	open    chan struct{}
}

func newBarrier(n int) *barrier { return &barrier{n: n, open: make(chan struct{})} }

func (b *barrier) arrive(t *testing.T, what string) {
	b.mu.Lock()
	if b.arrived++; b.arrived == b.n {
		close(b.open)
	}
	b.mu.Unlock()
	closedBy(t, b.open, what)
}

// closedBy waits for ch or fails after guard.
func closedBy(t *testing.T, ch <-chan struct{}, what string) {
	select {
	case <-ch:
	case <-time.After(guard):
		t.Errorf("%s: not within %v", what, guard)
	}
}

// idsInOrder checks that pages hold projects 1, 2, 3… in order.
func idsInOrder(t *testing.T, seq func(func(api.Page[api.Project], error) bool)) (items int, err error) {
	t.Helper()
	for p, e := range seq {
		if e != nil {
			return items, e
		}
		for _, it := range p.Items {
			if items++; it.ID != int64(items) {
				t.Fatalf("item %d is project %d: out of order", items, it.ID)
			}
		}
	}
	return items, nil
}

func TestParallelPagesComeInOrder(t *testing.T) {
	// 13 pages of 3. In every wave of four, the first three pages are
	// answered only after the fourth: the answers come out of order. Page 1
	// reaches the consumer before any other page is answered.
	const perPage, pages = 3, 13
	gotFirst := make(chan struct{})
	var mu sync.Mutex
	answered := map[int]chan struct{}{}
	done := func(p int) chan struct{} {
		mu.Lock()
		defer mu.Unlock()
		if answered[p] == nil {
			answered[p] = make(chan struct{})
		}
		return answered[p]
	}
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		switch {
		case p == 5:
			closedBy(t, gotFirst, "page 1 yielded while the others load")
		case p > 1 && (p-2)%4 != 3:
			leader := (p-2)/4*4 + 5
			if leader <= pages {
				closedBy(t, done(leader), fmt.Sprintf("page %d waits for page %d: pages fetched together", p, leader))
			}
		}
		w.Header().Set("Total", strconv.Itoa(perPage*pages-1))
		w.Header().Set("Per-Page", strconv.Itoa(perPage))
		if p < pages {
			w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d&per_page=3>; rel="next", </projects?page=%d&per_page=3>; rel="last"`, p+1, pages))
		}
		writeItems(w, (p-1)*perPage+1, min(perPage, perPage*pages-1-(p-1)*perPage))
		close(done(p))
	})
	c, _ := newTestClient(t, s.URL, false)
	n, first := 0, true
	for p, err := range c.ProjectPages(context.Background(), api.ProjectQuery{PerPage: perPage}) {
		if err != nil {
			t.Fatal(err)
		}
		if first {
			close(gotFirst)
			first = false
		}
		for _, it := range p.Items {
			if n++; it.ID != int64(n) {
				t.Fatalf("item %d is project %d: pages out of order", n, it.ID)
			}
		}
	}
	if n != perPage*pages-1 || s.hits.Load() != pages {
		t.Errorf("%d items in %d requests, want %d in %d", n, s.hits.Load(), perPage*pages-1, pages)
	}
}

func TestRateLimitDuringParallelPagesGoesToOneAtATime(t *testing.T) {
	const pages = 12
	f := newFlight()
	var mu sync.Mutex
	page2Tries, afterRetryPeak := 0, 0
	barrier := make(chan struct{})
	arrived := 0
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		now := f.enter()
		mu.Lock()
		if p == 2 {
			page2Tries++
		}
		retried := page2Tries >= 2
		if retried {
			afterRetryPeak = max(afterRetryPeak, now)
		}
		first := p > 1 && !retried && arrived < 4
		if first {
			if arrived++; arrived == 4 {
				close(barrier)
			}
		}
		mu.Unlock()
		if first {
			// The first wave: four pages at once, then page 2 is throttled.
			closedBy(t, barrier, "four pages in flight together")
		}
		w.Header().Set("Total", strconv.Itoa(pages))
		w.Header().Set("Per-Page", "1")
		if p < pages {
			w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next"`, p+1))
		}
		if p == 2 && !retried {
			f.leave()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		f.leave()
		writeItems(w, p, 1)
	})
	c, _ := newTestClient(t, s.URL, false)
	n, err := idsInOrder(t, fast(c).ProjectPages(context.Background(), api.ProjectQuery{PerPage: 1}))
	if err != nil || n != pages {
		t.Fatalf("%d pages, %v", n, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if page2Tries != 2 || afterRetryPeak != 1 {
		t.Errorf("page 2 tried %d times; from its retry on, up to %d requests at once (want 1)", page2Tries, afterRetryPeak)
	}
	if f.peak != 4 {
		t.Errorf("at most %d requests at once, want 4 before the 429", f.peak)
	}
}

func TestParallelErrorComesAfterThePagesBefore(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		if p == 4 {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Total", "20")
		w.Header().Set("Per-Page", "2")
		linkNext(w, p, 10)
		writeItems(w, (p-1)*2+1, 2)
	})
	c, _ := newTestClient(t, s.URL, false)
	var errs, items int
	for p, err := range c.ProjectPages(context.Background(), api.ProjectQuery{}) {
		if err != nil {
			errs++
			asError(t, err, api.ErrKeyRejected)
			continue
		}
		items += len(p.Items)
	}
	if errs != 1 || items != 6 {
		t.Errorf("%d items and %d errors; want pages 1-3 then the error once", items, errs)
	}
}

func TestConcurrencyIsBounded(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  clientOpt
		opts []api.WalkOption
		want int
	}{
		{"default", func(*api.Config) {}, nil, api.DefaultConcurrency},
		{"config", func(c *api.Config) { c.Concurrency = 2 }, nil, 2},
		{"option", func(c *api.Config) { c.Concurrency = 2 }, []api.WalkOption{api.WithConcurrency(3)}, 3},
		{"one at a time", func(*api.Config) {}, []api.WalkOption{api.WithConcurrency(1)}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFlight()
			reached := make(chan struct{})
			var once sync.Once
			s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				p := pageOf(r)
				if f.enter() == tc.want {
					once.Do(func() { close(reached) })
				}
				if p > 1 && p <= tc.want+1 {
					// The first wave is held until it is complete, so the
					// peak is what the walk allows, not what timing gives.
					closedBy(t, reached, fmt.Sprintf("%d requests at once", tc.want))
				}
				w.Header().Set("Total", "40")
				w.Header().Set("Per-Page", "2")
				linkNext(w, p, 20)
				f.leave()
				writeItems(w, (p-1)*2+1, 2)
			})
			c, _ := newTestClient(t, s.URL, false, tc.cfg)
			if n, err := idsInOrder(t, c.ProjectPages(context.Background(), api.ProjectQuery{}, tc.opts...)); err != nil || n != 40 {
				t.Fatalf("%d items, %v", n, err)
			}
			if f.peak != tc.want {
				t.Errorf("up to %d requests at once, want %d", f.peak, tc.want)
			}
		})
	}
}

func TestPagesAreBuiltFromTheClientsOwnURL(t *testing.T) {
	// The server's links point elsewhere; its Total is all the walk takes.
	other := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeItems(w, 1000, 2) })
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		w.Header().Set("Total", "6")
		w.Header().Set("Per-Page", "2")
		if p < 3 {
			w.Header().Set("Link", fmt.Sprintf(`<%s/projects?page=2>; rel="next", <%s/projects?page=3>; rel="last"`, other.URL, other.URL))
		}
		if got := r.URL.Query().Get("category"); got != "lait" {
			t.Errorf("page %d lost the query: category %q", p, got)
		}
		writeItems(w, (p-1)*2+1, 2)
	})
	c, _ := newTestClient(t, s.URL, false)
	if n, err := idsInOrder(t, c.ProjectPages(context.Background(), api.ProjectQuery{Category: "lait"})); err != nil || n != 6 {
		t.Errorf("%d items, %v", n, err)
	}
	if other.hits.Load() != 0 {
		t.Errorf("the other server got %d requests", other.hits.Load())
	}
}

func TestPageCountFromRelLast(t *testing.T) {
	// No Total: rel="last" alone says there are 5 pages.
	b := newBarrier(4)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		if p < 5 {
			w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next", </projects?page=5>; rel="last"`, p+1))
		}
		if p > 1 {
			// All four wait for each other: only a parallel walk gets on.
			b.arrive(t, "pages 2-5 together")
		}
		writeItems(w, (p-1)*2+1, 2)
	})
	c, _ := newTestClient(t, s.URL, false)
	if n, err := idsInOrder(t, c.ProjectPages(context.Background(), api.ProjectQuery{})); err != nil || n != 10 {
		t.Errorf("%d items, %v", n, err)
	}
}

func TestLoopsAreRefused(t *testing.T) {
	for _, withTotal := range []bool{false, true} {
		t.Run(fmt.Sprintf("Total %v", withTotal), func(t *testing.T) {
			// Page 2 leads back to page 1, which leads to page 2…
			s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				p := pageOf(r)
				if withTotal {
					w.Header().Set("Total", "4")
					w.Header().Set("Per-Page", "2")
				}
				w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next"`, 3-p))
				writeItems(w, (p-1)*2+1, 2)
			})
			c, _ := newTestClient(t, s.URL, false)
			n, err := idsInOrder(t, c.ProjectPages(context.Background(), api.ProjectQuery{}))
			if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "go in a circle") || n != 4 {
				t.Errorf("%d items, %+v", n, e)
			}
			if h := s.hits.Load(); h != 2 {
				t.Errorf("%d requests for a loop of 2 pages", h)
			}
		})
	}
}

// endless serves pages of perPage items forever, each linking to the next;
// total is the Total header ("" for none).
func endless(t *testing.T, perPage int, total string) *server {
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		if total != "" {
			w.Header().Set("Total", total)
			w.Header().Set("Per-Page", strconv.Itoa(perPage))
		}
		w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next"`, p+1))
		writeItems(w, (p-1)*perPage+1, perPage)
	})
}

func TestEndlessPagesStopAtTheCaps(t *testing.T) {
	cases := []struct {
		name         string
		perPage      int
		total        string
		limits       api.Limits
		items, hits  int
		msg          string
		hitsAtMostOK bool // parallel: up to the concurrency ahead of the cut
	}{
		{"distinct next links, page cap", 2, "", api.Limits{MaxPages: 30}, 60, 30, "more than 30 pages", false},
		{"distinct next links, item cap", 2, "", api.Limits{MaxItems: 25}, 25, 13, "more than 25 items", false},
		{"Total of a billion, page cap", 2, "2000000000", api.Limits{MaxPages: 30}, 60, 30, "more than 30 pages", false},
		{"Total of a billion, item cap", 2, "2000000000", api.Limits{MaxItems: 25}, 25, 13 + api.DefaultConcurrency, "more than 25 items", true},
		{"Total too low, then next links", 2, "4", api.Limits{MaxPages: 20}, 40, 20, "more than 20 pages", false},
		{"pages larger than Per-Page says", 50, "100", api.Limits{MaxItems: 120}, 120, 2 + api.DefaultConcurrency, "more than 120 items", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := endless(t, tc.perPage, tc.total)
			if tc.name == "pages larger than Per-Page says" {
				s = newServer(t, func(w http.ResponseWriter, r *http.Request) {
					p := pageOf(r)
					w.Header().Set("Total", "100")
					w.Header().Set("Per-Page", "2") // a lie: 50 items come
					w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next"`, p+1))
					writeItems(w, (p-1)*50+1, 50)
				})
			}
			c, _ := newTestClient(t, s.URL, false)
			n, err := idsInOrder(t, c.ProjectPages(context.Background(), api.ProjectQuery{}, api.WithLimits(tc.limits)))
			if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, tc.msg) || n != tc.items {
				t.Errorf("%d items, %+v; want %d items then %q", n, e, tc.items, tc.msg)
			}
			h := int(s.hits.Load())
			if h > tc.hits || (!tc.hitsAtMostOK && h != tc.hits) {
				t.Errorf("%d requests, want %d", h, tc.hits)
			}
		})
	}
}

func TestTotalTooHighStopsCleanly(t *testing.T) {
	// Total says 1000 items; there are 7. The walk keeps the 7 and stops at
	// the first short page, without an error: the list is just shorter.
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		w.Header().Set("Total", "1000")
		w.Header().Set("Per-Page", "2")
		w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next"`, p+1))
		first := (p-1)*2 + 1
		writeItems(w, first, max(0, min(2, 7-first+1)))
	})
	c, _ := newTestClient(t, s.URL, false)
	n, err := idsInOrder(t, c.ProjectPages(context.Background(), api.ProjectQuery{}))
	if err != nil || n != 7 {
		t.Errorf("%d items, %v", n, err)
	}
	if h := s.hits.Load(); h > 4+api.DefaultConcurrency {
		t.Errorf("%d requests for 4 pages", h)
	}
}

func TestDefaultItemCap(t *testing.T) {
	// Pages of 50,000 items, without end: the walk stops at exactly
	// DefaultMaxItems, without any option.
	const perPage = 50_000
	body := func(first int) string {
		var b strings.Builder
		b.WriteString("[")
		for i := range perPage {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`{"id":` + strconv.Itoa(first+i) + `}`)
		}
		b.WriteString("]")
		return b.String()
	}
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d>; rel="next"`, p+1))
		_, _ = io.WriteString(w, body((p-1)*perPage+1))
	})
	c, _ := newTestClient(t, s.URL, false)
	n, err := idsInOrder(t, c.ProjectPages(context.Background(), api.ProjectQuery{}))
	if e := asError(t, err, api.ErrRefused); n != api.DefaultMaxItems || !strings.Contains(e.Message, "more than 200000 items") {
		t.Errorf("%d items, %+v", n, e)
	}
}

// walkerGoroutines lists the goroutines still running code of package api.
// A worker that has signalled its WaitGroup may still be returning: it is
// given the processor until it is gone (goleak's way), for at most guard;
// a goroutine blocked in the walk never goes, and is listed.
func walkerGoroutines() []string {
	deadline := time.Now().Add(guard)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var out []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "miimosa/miimosa/api.") {
				out = append(out, g)
			}
		}
		if len(out) == 0 || time.Now().After(deadline) {
			return out
		}
		runtime.Gosched()
	}
}

func TestBreakingEarlyStopsEveryRequest(t *testing.T) {
	for _, stopAt := range []int{1, 2} {
		t.Run(fmt.Sprintf("after page %d", stopAt), func(t *testing.T) {
			f := newFlight()
			s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				p := pageOf(r)
				w.Header().Set("Total", "200")
				w.Header().Set("Per-Page", "2")
				linkNext(w, p, 100)
				if p > stopAt {
					// Held until the client gives up on it.
					f.enter()
					defer f.leave()
					<-r.Context().Done()
					return
				}
				writeItems(w, (p-1)*2+1, 2)
			})
			c, _ := newTestClient(t, s.URL, false)
			n := 0
			for _, err := range c.ProjectPages(context.Background(), api.ProjectQuery{}) {
				if err != nil {
					t.Fatal(err)
				}
				if n++; n == stopAt {
					// Wait until pages are really in flight, then stop.
					f.await(t, "pages in flight", func(n int) bool { return n >= 1 })
					break
				}
			}
			// The iterator has returned: no goroutine of it is left.
			if g := walkerGoroutines(); len(g) > 0 {
				t.Errorf("%d goroutines of the walk outlive it:\n%s", len(g), strings.Join(g, "\n\n"))
			}
			// And every request held by the server was cancelled.
			f.await(t, "requests cancelled", func(n int) bool { return n == 0 })
		})
	}
}

func TestCancellingStopsAParallelWalk(t *testing.T) {
	f := newFlight()
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		p := pageOf(r)
		w.Header().Set("Total", "200")
		w.Header().Set("Per-Page", "2")
		linkNext(w, p, 100)
		if p > 1 {
			f.enter()
			defer f.leave()
			<-r.Context().Done()
			return
		}
		writeItems(w, 1, 2)
	})
	c, _ := newTestClient(t, s.URL, false)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	for _, err := range c.ProjectPages(ctx, api.ProjectQuery{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f.await(t, "pages in flight", func(n int) bool { return n >= 1 })
		cancel()
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("errors %v, want one, cancelled", errs)
	}
	if g := walkerGoroutines(); len(g) > 0 {
		t.Errorf("%d goroutines of the walk outlive it", len(g))
	}
	f.await(t, "requests cancelled", func(n int) bool { return n == 0 })
}
