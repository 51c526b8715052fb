package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/miimosa/miimosa/internal/sandbox"
)

// inFlight is a sandbox that counts the requests it serves at once. A
// request for a page after the first waits (at most a second) for `want`
// of them to be in flight, so that pages fetched together are seen
// together however the scheduler runs them.
type inFlight struct {
	mu        sync.Mutex
	cond      *sync.Cond
	now, peak int
	want      int
}

func newInFlight(t *testing.T, want int) (*httptest.Server, *inFlight) {
	f := &inFlight{want: want}
	f.cond = sync.NewCond(&f.mu)
	h := sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.now++
		f.peak = max(f.peak, f.now)
		f.cond.Broadcast()
		if p := r.URL.Query().Get("page"); p != "" && p != "1" {
			deadline := time.Now().Add(time.Second)
			for f.now < f.want && time.Now().Before(deadline) {
				go func() { time.Sleep(20 * time.Millisecond); f.cond.Broadcast() }()
				f.cond.Wait()
			}
		}
		f.mu.Unlock()
		h.ServeHTTP(w, r)
		f.mu.Lock()
		f.now--
		f.mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	return srv, f
}

func (f *inFlight) max() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.peak
}

// projects --all fetches the pages after the first together: 3 at once for
// the sandbox's 360 projects in pages of 100, one at a time with
// --concurrency 1 or concurrency 1 in the config file.
func TestConcurrencyOfAll(t *testing.T) {
	srv, f := newInFlight(t, 3)
	env := testEnv(t, srv.URL)
	run(t, env, "projects", "--all", "--format", "ndjson").expectCode(t, ExitOK)
	if got := f.max(); got != 3 {
		t.Errorf("%d pages at once by default, want 3", got)
	}

	srv, f = newInFlight(t, 1)
	env = testEnv(t, srv.URL)
	run(t, env, "projects", "--all", "--format", "ndjson", "--concurrency", "1").expectCode(t, ExitOK)
	if got := f.max(); got != 1 {
		t.Errorf("%d pages at once with --concurrency 1", got)
	}

	srv, f = newInFlight(t, 1)
	env = testEnv(t, srv.URL)
	cfg := filepath.Join(env["XDG_CONFIG_HOME"], "miimosa")
	if err := os.MkdirAll(cfg, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "config.json"), []byte(`{"concurrency": 1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, env, "projects", "--all", "--format", "ndjson").expectCode(t, ExitOK)
	if got := f.max(); got != 1 {
		t.Errorf("%d pages at once with concurrency 1 in the config file", got)
	}
}

func TestConcurrencyOutOfRangeIsAUsageError(t *testing.T) {
	env := testEnv(t, "http://127.0.0.1:9")
	for _, n := range []string{"-1", "0", "17"} {
		run(t, env, "projects", "--concurrency", n).expectCode(t, ExitUsage).expectOneLineError(t, "--concurrency", "1 to 16")
	}
	// In the config file too: said, not silently capped.
	cfg := filepath.Join(env["XDG_CONFIG_HOME"], "miimosa")
	if err := os.MkdirAll(cfg, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "config.json"), []byte(`{"concurrency": 99}`), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, env, "projects").expectCode(t, ExitUsage).expectOneLineError(t, "\"concurrency\": 99", "config.json", "1 to 16")
}
