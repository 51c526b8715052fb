//go:build unix

package cli

import (
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// hangupReader is a terminal that closes: it gives its lines, one a read,
// then sends the process SIGHUP (the command is running by then, so the
// signal is Main's to handle) and blocks until the test ends.
type hangupReader struct {
	mu    sync.Mutex
	lines []string
	once  sync.Once
	stop  chan struct{}
}

func newHangupReader(t *testing.T, lines ...string) *hangupReader {
	r := &hangupReader{lines: lines, stop: make(chan struct{})}
	t.Cleanup(func() { close(r.stop) })
	return r
}

func (r *hangupReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	if len(r.lines) > 0 {
		n := copy(p, r.lines[0]+"\n")
		r.lines = r.lines[1:]
		r.mu.Unlock()
		return n, nil
	}
	r.mu.Unlock()
	r.once.Do(func() { _ = syscall.Kill(os.Getpid(), syscall.SIGHUP) })
	<-r.stop
	return 0, io.EOF
}

func runHungUp(t *testing.T, env map[string]string, in *hangupReader, args ...string) result {
	t.Helper()
	ch := make(chan result, 1)
	go func() { ch <- runWith(t, env, runOpts{in: in, terminal: func(any) bool { return true }}, args...) }()
	select {
	case r := <-ch:
		return r
	case <-time.After(30 * time.Second):
		t.Fatalf("%v did not return after SIGHUP", args)
		return result{}
	}
}

// Closing the terminal (SIGHUP) ends a command as ctrl+c and SIGTERM do:
// exit 130 at once, and the lead form keeps what was typed as its draft.
func TestSIGHUPEndsLikeSIGTERMAndKeepsTheLeadDraft(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	env["ACCESSIBLE"] = "1"
	r := runHungUp(t, env, newHangupReader(t, "jeanne@ferme.fr", "Jeanne"), "lead").expectCode(t, ExitInterrupted)
	if !strings.Contains(r.stderr, "Draft saved.") || !strings.Contains(r.stderr, "miimosa: interrupted: lead not sent") {
		t.Errorf("stderr %q", r.stderr)
	}
	store, err := draftStore(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if l, ok, _ := store.Load(); !ok || l.Email != "jeanne@ferme.fr" || l.Firstname != "Jeanne" {
		t.Errorf("draft %+v, %v", l, ok)
	}

	delete(env, "ACCESSIBLE")
	u := demoUser(t, 0)
	r = runHungUp(t, env, newHangupReader(t), "wallet", "--email", u.Email).expectCode(t, ExitInterrupted)
	if !strings.Contains(r.stderr, "miimosa: interrupted") {
		t.Errorf("wallet: stderr %q", r.stderr)
	}
}
