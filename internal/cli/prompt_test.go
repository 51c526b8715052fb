package cli

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// signalReader stands for a terminal nobody types on: its first read
// cancels the context, as fang does on ctrl+c or SIGTERM, then blocks until
// the test ends.
type signalReader struct {
	lines  []string // typed first, one a read, as a terminal in line mode gives them
	cancel context.CancelFunc
	stop   chan struct{}
}

func newSignalReader(t *testing.T) (*signalReader, context.Context) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &signalReader{cancel: cancel, stop: make(chan struct{})}
	t.Cleanup(func() { close(r.stop); cancel() })
	return r, ctx
}

func (r *signalReader) Read(p []byte) (int, error) {
	if len(r.lines) > 0 {
		n := copy(p, r.lines[0]+"\n")
		r.lines = r.lines[1:]
		return n, nil
	}
	r.cancel()
	<-r.stop
	return 0, io.EOF
}

// runInterrupted runs the command line with stdin blocked and interrupted;
// it fails the test when the command does not return (before the fix, the
// prompt's read ignored the cancelled context and blocked for ever).
func runInterrupted(t *testing.T, env map[string]string, terminal func(any) bool, args ...string) result {
	t.Helper()
	return runInterruptedAfter(t, env, terminal, nil, args...)
}

func runInterruptedAfter(t *testing.T, env map[string]string, terminal func(any) bool, typed []string, args ...string) result {
	t.Helper()
	in, ctx := newSignalReader(t)
	in.lines = typed
	ch := make(chan result, 1)
	go func() { ch <- runWith(t, env, runOpts{in: in, ctx: ctx, terminal: terminal}, args...) }()
	select {
	case r := <-ch:
		return r
	case <-time.After(30 * time.Second):
		t.Fatalf("%v did not return after ctrl+c", args)
		return result{}
	}
}

func TestReadLineReturnsOnCancel(t *testing.T) {
	in, ctx := newSignalReader(t)
	done := make(chan error, 1)
	go func() {
		_, err := readLine(ctx, in, 100)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("readLine ignored the cancelled context")
	}

	line, err := readLine(context.Background(), strings.NewReader("27/11/1980\nrest"), 100)
	if line != "27/11/1980\n" || err != nil {
		t.Errorf("readLine = %q, %v", line, err)
	}
}

// ctrl+c at the birthdate prompt ends the command at once: exit 130, one line.
func TestWalletBirthdatePromptInterrupted(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	u := demoUser(t, 0)
	anyTTY := func(any) bool { return true }
	before := ts.requests.Load()
	r := runInterrupted(t, env, anyTTY, "wallet", "--email", u.Email).expectCode(t, ExitInterrupted)
	if !strings.Contains(r.stderr, "Birthdate of") || !strings.Contains(r.stderr, "miimosa: interrupted") {
		t.Errorf("stderr %q", r.stderr)
	}
	if ts.requests.Load() != before {
		t.Error("a request was made after ctrl+c")
	}
	env["LANG"] = "fr_FR.UTF-8"
	r = runInterrupted(t, env, anyTTY, "pledges", "--email", u.Email).expectCode(t, ExitInterrupted)
	if !strings.Contains(r.stderr, "miimosa: interrompu") {
		t.Errorf("stderr %q", r.stderr)
	}
}

// ctrl+c while `auth login` waits for a piped key that never comes.
func TestAuthLoginInterrupted(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	delete(env, "MIIMOSA_API_KEY")
	r := runInterrupted(t, env, nil, "auth", "login").expectCode(t, ExitInterrupted)
	r.expectOneLineError(t, "interrupted")
}

// ExitInterrupted is for cancellation only, however it is wrapped.
func TestExitCodeInterrupted(t *testing.T) {
	wrapped := &userError{msg: "interrupted", err: context.Canceled}
	for _, err := range []error{context.Canceled, wrapped, errors.Join(errors.New("x"), context.Canceled)} {
		if got := ExitCode(err); got != ExitInterrupted {
			t.Errorf("ExitCode(%v) = %d, want %d", err, got, ExitInterrupted)
		}
	}
	if got := ExitCode(context.DeadlineExceeded); got != ExitNetwork {
		t.Errorf("a timeout is not an interruption: %d", got)
	}
}

// ctrl+c (or SIGTERM) in the accessible lead form: exit 130, and what was
// typed is the draft offered next time.
func TestLeadAccessibleInterruptedKeepsDraft(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	env["ACCESSIBLE"] = "1"
	r := runInterruptedAfter(t, env, func(any) bool { return true }, []string{"jeanne@ferme.fr", "Jeanne"}, "lead").
		expectCode(t, ExitInterrupted)
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
}
