package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A server that reads the whole lead and then drops the connection: the
// lead may have been filed. `lead --file` says so, exits 7 and prints no
// id, rather than "could not be reached, try again".
func TestLeadFileWhoseAnswerIsLostExits7(t *testing.T) {
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.NotFound(w, r)
			return
		}
		posts.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	}))
	t.Cleanup(srv.Close)
	env := testEnv(t, srv.URL)
	r := run(t, env, "lead", "--file", writeLead(t, goodLeadJSON)).expectCode(t, ExitOutcomeUnknown)
	r.expectOneLineError(t, "may have been received", "before sending it again")
	if strings.TrimSpace(r.stdout) != "" {
		t.Errorf("an id was printed: %q", r.stdout)
	}
	if n := posts.Load(); n != 1 {
		t.Errorf("the lead was posted %d times, want once", n)
	}
}
