package sandbox

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestStartServesOnLoopback(t *testing.T) {
	s, err := Start(t.Context(), "127.0.0.1:0", Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %q", s.URL())
	}
	req, _ := http.NewRequest("GET", s.URL()+"/projects?per_page=2&page=2", nil)
	req.Header.Set("Authorization", authHeader)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "[{") {
		t.Fatalf("status %d, body %.80s", res.StatusCode, body)
	}
	// Links name the address the client used.
	if link := res.Header.Get("Link"); !strings.Contains(link, "<"+s.URL()+"/projects?") {
		t.Errorf("Link %q does not point back at %s", link, s.URL())
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
	if _, err := http.Get(s.URL() + "/projects"); err == nil {
		t.Error("the server still answers after Close")
	}
}

func TestStartStopsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Start(ctx, "localhost:0", Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop when its context was cancelled")
	}
}

func TestStartRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.168.1.10:8080", "example.com:80"} {
		s, err := Start(t.Context(), addr, Options{})
		if err == nil {
			s.Close()
			t.Errorf("Start(%q) listened on %s", addr, s.URL())
		} else if !errors.Is(err, ErrNotLoopback) {
			t.Errorf("Start(%q): %v, want ErrNotLoopback", addr, err)
		}
	}
	if _, err := Start(t.Context(), "127.0.0.1", Options{}); err == nil {
		t.Error("an address without a port was accepted")
	}
}

func TestServerLeads(t *testing.T) {
	s, err := Start(t.Context(), "[::1]:0", Options{Now: fixedNow})
	if err != nil {
		t.Skipf("no IPv6 loopback here: %v", err)
	}
	defer s.Close()
	req, _ := http.NewRequest("POST", s.URL()+"/leads", strings.NewReader(`{"email":"a@example.com","firstname":"A","lastname":"B","phone":"0600000000",
		"collect_type":"donation","project_description":"x","project_total_budget":"1000","publication_timeframe":"within_month"}`))
	req.Header.Set("Authorization", authHeader)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || len(s.Handler().Leads()) != 1 {
		t.Errorf("status %d, %d leads", res.StatusCode, len(s.Handler().Leads()))
	}
}
