package api_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

// fast makes retries quick so that tests stay short; the policy itself
// (which answers are retried, how many times) is unchanged.
func fast(c *api.Client) *api.Client {
	api.SetRetryTiming(c, 5*time.Millisecond, 20*time.Millisecond, 2*time.Second)
	return c
}

func TestRetry503TwiceThenSuccess(t *testing.T) {
	var s *server
	s = newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if s.hits.Load() <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `[{"id": 1}]`)
	})
	c, _ := newTestClient(t, s.URL, false)
	p, err := fast(c).Projects(context.Background(), api.ProjectQuery{})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("Projects = %+v, %v", p, err)
	}
	if n := s.hits.Load(); n != 3 {
		t.Errorf("%d tries, want 3", n)
	}
}

func TestRetryGivesUpAfterMaxTries(t *testing.T) {
	for _, status := range []int{http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout} {
		s := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) })
		c, _ := newTestClient(t, s.URL, false)
		_, err := fast(c).Project(context.Background(), 1)
		if e := asError(t, err, api.ErrServer); e.Status != status {
			t.Errorf("status %d: %+v", status, e)
		}
		if n := s.hits.Load(); n != 3 {
			t.Errorf("status %d: %d tries, want 3 (the default MaxTries)", status, n)
		}
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	var s *server
	s = newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if s.hits.Load() == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = io.WriteString(w, `{"id": 1}`)
	})
	c, _ := newTestClient(t, s.URL, false)
	start := time.Now()
	if _, err := fast(c).Project(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	// A lower bound only: a slow machine can only make it longer.
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("waited %v; Retry-After said 1s", waited)
	}
	if n := s.hits.Load(); n != 2 {
		t.Errorf("%d tries, want 2", n)
	}
}

func TestLongRetryAfterIsReturned(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, ra := range []struct {
		header string
		want   time.Duration
	}{
		{"120", 2 * time.Minute},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"99999999999999999999", 24 * time.Hour},
	} {
		s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", ra.header)
			w.WriteHeader(http.StatusTooManyRequests)
		})
		c, _ := newTestClient(t, s.URL, false)
		api.SetNow(c, func() time.Time { return now })
		_, err := c.Projects(context.Background(), api.ProjectQuery{})
		if e := asError(t, err, api.ErrRateLimited); e.RetryAfter != ra.want {
			t.Errorf("Retry-After %q: RetryAfter %v, want %v", ra.header, e.RetryAfter, ra.want)
		}
		if n := s.hits.Load(); n != 1 {
			t.Errorf("Retry-After %q: %d tries; a long wait is the caller's to make", ra.header, n)
		}
	}
}

func TestPostIsNeverRepeated(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	c, _ := newTestClient(t, s.URL, false, withTries(5))
	_, err := fast(c).CreateLead(context.Background(), api.Lead{Email: "a@b.fr"})
	asError(t, err, api.ErrServer)
	if n := s.hits.Load(); n != 1 {
		t.Errorf("POST /leads sent %d times, want once", n)
	}

	// A connection cut after the request arrived: the lead may be filed.
	cut := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	})
	c, _ = newTestClient(t, cut.URL, false, withTries(5))
	_, err = fast(c).CreateLead(context.Background(), api.Lead{Email: "a@b.fr"})
	asError(t, err, api.ErrNetwork)
	if n := cut.hits.Load(); n != 1 {
		t.Errorf("POST /leads after a cut connection sent %d times, want once", n)
	}
	// The same cut on a GET is retried.
	_, err = c.Projects(context.Background(), api.ProjectQuery{})
	asError(t, err, api.ErrNetwork)
	if n := cut.hits.Load(); n != 6 {
		t.Errorf("GET after cut connections: %d requests in all, want 1+5", n)
	}
}

func TestBackoffCutByContext(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	st := newSpecTransport(t, s.URL, false)
	answered := make(chan struct{}, 10)
	c, err := api.New(api.Config{BaseURL: s.URL, Key: testKey, HTTPClient: &http.Client{Transport: signalTransport{st, answered}}})
	if err != nil {
		t.Fatal(err)
	}
	api.SetRetryTiming(c, time.Hour, time.Hour, time.Hour) // a wait no test would sit through
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-answered // the 503 is in: the client is about to back off
		cancel()
	}()
	_, err = c.Projects(ctx, api.ProjectQuery{})
	e := asError(t, err, api.ErrServer)
	if !errors.Is(err, context.Canceled) || e.Status != http.StatusServiceUnavailable {
		t.Errorf("cancelled during backoff: %v", err)
	}
	if n := s.hits.Load(); n != 1 {
		t.Errorf("%d tries after cancel", n)
	}

	// A deadline that ends before the wait would: no wait at all.
	dctx, dcancel := context.WithTimeout(context.Background(), time.Minute)
	defer dcancel()
	_, err = c.Projects(dctx, api.ProjectQuery{})
	asError(t, err, api.ErrServer)
	if n := s.hits.Load(); n != 2 {
		t.Errorf("%d requests in all, want 2", n)
	}
}

// signalTransport reads each answer in full, then says so on a channel.
type signalTransport struct {
	next http.RoundTripper
	done chan<- struct{}
}

func (s signalTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := s.next.RoundTrip(req)
	if err == nil {
		body, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(body))
	}
	s.done <- struct{}{}
	return resp, err
}

func TestCancelledBeforeSending(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {})
	c, _ := newTestClient(t, s.URL, false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Wallet(ctx, lender)
	if e := asError(t, err, api.ErrNetwork); !errors.Is(err, context.Canceled) || e.Message != "cancelled" {
		t.Errorf("cancelled: %+v", e)
	}
	if n := s.hits.Load(); n != 0 {
		t.Errorf("%d requests", n)
	}
}

func TestConnectionRefused(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {})
	url := s.URL
	s.Close()
	c, _ := newTestClient(t, url, false)
	_, err := fast(c).Projects(context.Background(), api.ProjectQuery{})
	e := asError(t, err, api.ErrNetwork)
	if e.Path != "/projects" {
		t.Errorf("refused: %+v", e)
	}
}

func TestUnavailableWithALongRetryAfter(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "down for maintenance")
	})
	c, _ := newTestClient(t, s.URL, false)
	_, err := c.Projects(context.Background(), api.ProjectQuery{})
	if e := asError(t, err, api.ErrServer); e.RetryAfter != time.Hour || e.Message != "down for maintenance" {
		t.Errorf("503 for an hour: %+v", e)
	}
	if n := s.hits.Load(); n != 1 {
		t.Errorf("%d tries; an hour's wait is not the client's to make", n)
	}
}

func TestSentSaysWhetherTheRequestWentOut(t *testing.T) {
	// The lead reached a server that never answers: the outcome is unknown.
	got := make(chan []byte, 1)
	silent := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- b
		<-r.Context().Done()
	})
	c, _ := newTestClient(t, silent.URL, false, func(cfg *api.Config) { cfg.Timeout = 100 * time.Millisecond })
	_, err := c.CreateLead(context.Background(), api.Lead{Email: "farm@example.fr"})
	if e := asError(t, err, api.ErrNetwork); !e.Sent || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("no answer after the body: %+v", e)
	}
	if b := <-got; !bytes.Contains(b, []byte("farm@example.fr")) || silent.hits.Load() != 1 {
		t.Errorf("the server got %q in %d requests", b, silent.hits.Load())
	}
	// Nobody listening: nothing went out.
	gone := newServer(t, func(w http.ResponseWriter, r *http.Request) {})
	url := gone.URL
	gone.Close()
	c, _ = newTestClient(t, url, false)
	_, err = c.CreateLead(context.Background(), api.Lead{Email: "farm@example.fr"})
	if e := asError(t, err, api.ErrNetwork); e.Sent {
		t.Errorf("connection refused, yet Sent: %+v", e)
	}
}
