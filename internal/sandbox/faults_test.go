package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestFailRateOneAlwaysFails(t *testing.T) {
	h := NewHandler(Options{Now: fixedNow, FailRate: 1})
	seen := map[int]bool{}
	for range 60 {
		w := do(h, "GET", "/projects", "")
		if w.Code != 500 && w.Code != 502 && w.Code != 503 {
			t.Fatalf("status %d, want a 5xx", w.Code)
		}
		seen[w.Code] = true
	}
	if len(seen) < 2 {
		t.Errorf("60 failures all had the same status %v: want the mix of 500, 502, 503", seen)
	}
}

func TestFailRateZeroNeverFails(t *testing.T) {
	h := NewHandler(Options{Now: fixedNow, FailRate: 0, MalformedRate: 0})
	for range 20 {
		if w := do(h, "GET", "/projects?per_page=1", ""); w.Code != http.StatusOK || !json.Valid(w.Body.Bytes()) {
			t.Fatalf("status %d, valid JSON %v", w.Code, json.Valid(w.Body.Bytes()))
		}
	}
}

func TestMalformedRateOneCutsJSON(t *testing.T) {
	h := NewHandler(Options{Now: fixedNow, MalformedRate: 1})
	for _, target := range []string{"/projects", "/projects/" + itoa(int(shared.data.projects[0].id)), "/user/wallet?" + userQuery(DemoUsers()[0])} {
		w := do(h, "GET", target, "")
		if w.Code != http.StatusOK || json.Valid(w.Body.Bytes()) || w.Body.Len() == 0 {
			t.Errorf("%s: status %d, %d bytes, valid %v: want a cut JSON body", target, w.Code, w.Body.Len(), json.Valid(w.Body.Bytes()))
		}
	}
	// A plain-text 401 is left alone: the fault imitates a broken JSON encoder.
	if w := do(h, "GET", "/projects", "", "Authorization", ""); w.Body.String() != "HTTP Token: Access denied.\n" {
		t.Errorf("401 body %q", w.Body.String())
	}
}

func TestRateLimit(t *testing.T) {
	h := NewHandler(Options{Now: fixedNow, RateLimit: 2})
	codes := map[int]int{}
	var retryAfter string
	for range 10 {
		w := do(h, "GET", "/projects?per_page=1", "")
		codes[w.Code]++
		if w.Code == http.StatusTooManyRequests {
			retryAfter = w.Header().Get("Retry-After")
		}
	}
	// The bucket holds 2; ten requests in a row cannot all fit in the time
	// they take, however slow the machine, unless they take four seconds.
	if codes[http.StatusOK] < 2 || codes[http.StatusTooManyRequests] == 0 {
		t.Errorf("statuses %v: want the first 2 to pass and some 429", codes)
	}
	if retryAfter != "1" {
		t.Errorf("Retry-After %q, want 1", retryAfter)
	}
}

func TestLimiterRefills(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(2, func() time.Time { return now })
	// passes counts how many of n requests in a row get through.
	passes := func(n int) int {
		ok := 0
		for range n {
			if l.allow() {
				ok++
			}
		}
		return ok
	}
	if got := passes(3); got != 2 {
		t.Fatalf("%d of 3 passed: a bucket of 2 lets exactly 2 through at once", got)
	}
	now = now.Add(500 * time.Millisecond)
	if got := passes(2); got != 1 {
		t.Errorf("%d passed: half a second refills one token at 2 a second", got)
	}
	now = now.Add(time.Hour)
	if got := passes(3); got != 2 {
		t.Errorf("%d passed: the bucket never holds more than its rate", got)
	}
}

func TestLatencyIsAddedAndCutByTheClient(t *testing.T) {
	h := NewHandler(Options{Now: fixedNow, Latency: 30 * time.Millisecond})
	start := time.Now()
	if w := do(h, "GET", "/projects?per_page=1", ""); w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("answered in %v, before the latency", d)
	}
	// A client that gives up is not kept waiting for the whole latency.
	slow := NewHandler(Options{Now: fixedNow, Latency: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "GET", "/projects", nil)
	done := make(chan struct{})
	go func() { slow.ServeHTTP(httptest.NewRecorder(), req); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a cancelled request waited for the latency")
	}
}
