package api_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
)

func TestOneHTTPClientReusesConnections(t *testing.T) {
	var buf bytes.Buffer
	mu := make(chan struct{}, 1)
	mu <- struct{}{}
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &buf, mu: mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"id": 1, "balance": "1.00"}`)
	})
	// One HTTP client for the run, shared by the clients the run makes.
	hc := api.NewHTTPClient()
	t.Cleanup(hc.CloseIdleConnections)
	newClient := func() *api.Client {
		c, err := api.New(api.Config{BaseURL: s.URL, Key: testKey, HTTPClient: hc, Logger: logger})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	a, b := newClient(), newClient()
	for _, c := range []*api.Client{a, a, b} {
		if _, err := c.Wallet(context.Background(), lender); err != nil {
			t.Fatal(err)
		}
	}
	<-mu
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d log lines, want 3:\n%s", len(lines), buf.String())
	}
	for i, want := range []string{"reused=false", "reused=true", "reused=true"} {
		if !strings.Contains(lines[i], want) || !strings.Contains(lines[i], "was_idle=") {
			t.Errorf("request %d: %q lacks %s", i+1, lines[i], want)
		}
	}
	for _, secret := range []string{testKey, "camille", "1980", "?"} {
		if strings.Contains(buf.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}
