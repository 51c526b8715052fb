package cli

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// generatedProjects serves n projects, page by page, made as they are
// asked for: a server as big as a test wants, without holding it. special
// may replace the JSON of project i; before, when set, runs before a page
// is answered (a test holds one there).
func generatedProjects(tb testing.TB, n int, special func(i int) string, before ...func(page int)) (url string, requests *atomic.Int64) {
	tb.Helper()
	requests = new(atomic.Int64)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		page, per = max(page, 1), min(max(per, 1), 100)
		for _, f := range before {
			f(page)
		}
		from, to := (page-1)*per, min(page*per, n)
		if to < n {
			w.Header().Set("Link", fmt.Sprintf(`</projects?page=%d&per_page=%d>; rel="next"`, page+1, per))
		}
		w.Header().Set("Total", strconv.Itoa(n))
		w.Header().Set("Content-Type", "application/json")
		var b bytes.Buffer
		b.WriteByte('[')
		for i := from; i < to; i++ {
			if i > from {
				b.WriteByte(',')
			}
			if s := ""; special != nil {
				if s = special(i); s != "" {
					b.WriteString(s)
					continue
				}
			}
			fmt.Fprintf(&b, `{"id": %d, "title": "Projet numéro %d de la ferme des Lilas", "slug": "projet-%d",
				"status": "in_progress", "collect_type": "lending", "category": "elevage",
				"region": {"code": "53", "name": "Bretagne"}, "department": "29", "city": "Quimper",
				"owner": {"first_name": "Jeanne", "last_name": "Martin"}, "target": "%d.00", "collected": "%d.50",
				"backers_count": %d, "interest_rate": "4.5", "duration_months": 60, "repayment_frequency": "monthly",
				"published_at": "2026-10-01T09:00:00Z", "ends_at": "2026-12-31T23:00:00Z",
				"description": "Un projet pour le test de mémoire, avec une description de taille ordinaire."}`,
				i+1, i+1, i+1, 10000+i, i, i%500)
		}
		b.WriteByte(']')
		_, _ = w.Write(b.Bytes())
	}))
	tb.Cleanup(srv.Close)
	return srv.URL, requests
}

// With --all a table streams: it sizes its columns from the first rows,
// prints them while the last page is still on its way, and cuts a later
// title wider than its column with "…", never an amount.
func TestTableAllStreamsAtTheFirstRowsWidths(t *testing.T) {
	longTitle := strings.Repeat("Une très longue histoire de ferme ", 10)
	started := make(chan struct{})
	var streamed atomic.Bool
	// The last page is held until the first rows are out (or a while):
	// a table that waited for every page would only print after it.
	hold := func(page int) {
		if page != 3 {
			return
		}
		select {
		case <-started:
			streamed.Store(true)
		case <-time.After(10 * time.Second):
		}
	}
	url, _ := generatedProjects(t, 250, func(i int) string {
		if i != 180 {
			return ""
		}
		return fmt.Sprintf(`{"id": 181, "title": %q, "status": "in_progress", "collect_type": "lending",
			"category": "elevage", "city": "Quimper", "target": "123456789.00", "collected": "123456789.99",
			"interest_rate": "4.5", "duration_months": 60, "ends_at": "2026-12-31T23:00:00Z"}`, longTitle)
	}, hold)
	env := testEnv(t, url)
	env["COLUMNS"] = "100"
	var once sync.Once
	out := writerFunc(func(p []byte) (int, error) {
		if len(p) > 0 {
			once.Do(func() { close(started) })
		}
		return len(p), nil
	})
	r := runWith(t, env, runOpts{stdout: out}, "projects", "--all").expectCode(t, ExitOK)
	if !streamed.Load() {
		t.Error("the table's first line waited for the last page")
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 1+250+2 {
		t.Fatalf("%d lines, want the header, 250 rows and the footer:\n%s", len(lines), r.stdout)
	}
	width := ansi.StringWidth(lines[1])
	for i, line := range lines[1:251] {
		if i == 180 {
			continue
		}
		if w := ansi.StringWidth(line); w != width {
			t.Errorf("row %d is %d wide, the first %d: %q", i+1, w, width, line)
		}
	}
	row := lines[181]
	if !strings.Contains(row, "181  Une très longue") || !strings.Contains(row, "…") || strings.Contains(row, longTitle) {
		t.Errorf("the long title is not cut with …: %q", row)
	}
	if !strings.Contains(row, "€123,456,789.99") {
		t.Errorf("an amount was cut: %q", row)
	}
	if !strings.Contains(r.stdout, "250 projects.") {
		t.Errorf("footer: %q", lines[len(lines)-1])
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// peakHeap runs fn while sampling the heap's live objects every
// millisecond, and returns the highest sample above the heap before fn.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// BenchmarkProjectsAllPeakHeap measures the peak heap of `projects --all`
// for each format against a server of 10,000 and 50,000 projects (made in
// this process, page by page, so its own garbage counts a little too). It
// reports the figure (peak-heap-MB) and never fails on it:
//
//	go test ./internal/cli -run '^$' -bench ProjectsAllPeakHeap -benchmem -count 5
func BenchmarkProjectsAllPeakHeap(b *testing.B) {
	for _, n := range []int{10_000, 50_000} {
		url, _ := generatedProjects(b, n, nil)
		env := testEnv(b, url)
		for _, format := range []string{"table", "csv", "json", "ndjson"} {
			b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
				var worst uint64
				for b.Loop() {
					peak := peakHeap(func() {
						app := &App{
							Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
							Getenv:     func(k string) string { return env[k] },
							IsTerminal: func(any) bool { return false },
							Now:        testClock,
						}
						if code := Main(b.Context(), []string{"projects", "--all", "--format", format}, app); code != ExitOK {
							b.Fatalf("exit %d", code)
						}
					})
					worst = max(worst, peak)
				}
				b.ReportMetric(float64(worst)/(1<<20), "peak-heap-MB")
			})
		}
	}
}
