package lead

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// client is an api client for url with a short attempt timeout.
func client(t *testing.T, url string, timeout time.Duration) Submit {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: url, Key: sandbox.DemoKey, Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return c.CreateLead
}

// The sandbox files the lead and its answer never reaches the client: the
// connection is closed instead. The lead is in; the client must not say
// "not sent".
func TestSendConnectionLostAfterTheBodyIsUnknown(t *testing.T) {
	h := sandbox.NewHandler(sandbox.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(httptest.NewRecorder(), r) // filed, answer dropped
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		conn.Close()
	}))
	defer srv.Close()
	_, err := Send(context.Background(), client(t, srv.URL, 5*time.Second), Normalize(good()))
	if !errors.Is(err, ErrOutcomeUnknown) || !errors.Is(err, api.ErrNetwork) {
		t.Fatalf("err %v, want ErrOutcomeUnknown over api.ErrNetwork", err)
	}
	if n := len(h.Leads()); n != 1 {
		t.Fatalf("the sandbox has %d leads: the test proves nothing", n)
	}
}

// The server reads the lead and never answers: the client's timeout is an
// unknown outcome.
func TestSendTimeoutAfterTheBodyIsUnknown(t *testing.T) {
	read := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		read <- struct{}{}
		<-r.Context().Done() // the client gives up first
	}))
	defer srv.Close()
	_, err := Send(context.Background(), client(t, srv.URL, 300*time.Millisecond), Normalize(good()))
	if !errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("err %v, want ErrOutcomeUnknown", err)
	}
	select {
	case <-read:
	default:
		t.Fatal("the server never read the lead: the test proves nothing")
	}
}

// Nothing listens: nothing left, so it is "not sent", safe to try again.
func TestSendConnectionRefusedIsNotSent(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String()
	l.Close()
	_, err = Send(context.Background(), client(t, url, 5*time.Second), Normalize(good()))
	if err == nil || errors.Is(err, ErrOutcomeUnknown) || !errors.Is(err, api.ErrNetwork) {
		t.Fatalf("err %v, want api.ErrNetwork, not an unknown outcome", err)
	}
}

// What the server answers decides: a refusal or a failure it reports is
// known; a gateway that gave up waiting, or a success whose body cannot be
// read, is not.
func TestSendServerAnswers(t *testing.T) {
	for _, c := range []struct {
		name    string
		status  int
		body    string
		unknown bool
		kind    error
	}{
		{"refused", 400, `{"errors":{"email":["is invalid"]}}`, false, api.ErrValidation},
		{"failed", 503, `{"error":"down"}`, false, api.ErrServer},
		{"gateway timeout", 504, `<html>Gateway Timeout</html>`, true, api.ErrServer},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(c.status)
				_, _ = io.WriteString(w, c.body)
			}))
			defer srv.Close()
			_, err := Send(context.Background(), client(t, srv.URL, 5*time.Second), Normalize(good()))
			if errors.Is(err, ErrOutcomeUnknown) != c.unknown || !errors.Is(err, c.kind) {
				t.Fatalf("err %v: unknown=%v, want %v and kind %v", err, errors.Is(err, ErrOutcomeUnknown), c.unknown, c.kind)
			}
		})
	}
}

// The real sandbox accepts the lead: no error, its id.
func TestSendToTheSandbox(t *testing.T) {
	h := sandbox.NewHandler(sandbox.Options{})
	srv := httptest.NewServer(h)
	defer srv.Close()
	res, err := Send(context.Background(), client(t, srv.URL, 5*time.Second), Normalize(good()))
	if err != nil || res.ID == 0 || len(h.Leads()) != 1 {
		t.Fatalf("res %+v, err %v, %d leads", res, err, len(h.Leads()))
	}
}

// A submit that never writes (a test double, or a client that fails before
// the request) is never an unknown outcome, whatever its error.
func TestSendWithoutWritingIsNotSent(t *testing.T) {
	_, err := Send(context.Background(), func(context.Context, api.Lead) (api.LeadResult, error) {
		return api.LeadResult{}, &api.Error{Kind: api.ErrNetwork, Err: context.DeadlineExceeded}
	}, good())
	if errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("err %v: nothing was written", err)
	}
}
