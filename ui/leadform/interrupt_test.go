package leadform

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/testio"
)

// ttyReader behaves as a terminal in line mode: one line per read. After
// its lines it either blocks until the test ends, having cancelled the
// context as a signal would (ctrl+c, SIGTERM), or gives one end of input
// (ctrl+d) and then more lines, as a terminal does.
type ttyReader struct {
	lines  []string
	cancel context.CancelFunc // set: block after the lines, cancelling first
	after  []string           // with cancel nil: one io.EOF, then these lines
	eofed  bool
	stop   chan struct{}
}

func (r *ttyReader) Read(p []byte) (int, error) {
	if len(r.lines) > 0 {
		n := copy(p, r.lines[0]+"\n")
		r.lines = r.lines[1:]
		return n, nil
	}
	if r.cancel != nil {
		r.cancel()
		<-r.stop
		return 0, io.EOF
	}
	if !r.eofed {
		r.eofed = true
		r.lines = r.after
		return 0, io.EOF
	}
	return 0, io.EOF
}

// runReturns runs RunAccessible and fails the test when it does not return:
// before the fix, a cancelled context left it blocked on the read.
func runReturns(t *testing.T, ctx context.Context, cfg Config, in io.Reader, out io.Writer) (DoneMsg, error) {
	t.Helper()
	type result struct {
		done DoneMsg
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		d, err := RunAccessible(ctx, cfg, in, out)
		ch <- result{d, err}
	}()
	select {
	case r := <-ch:
		return r.done, r.err
	case <-time.After(30 * time.Second):
		t.Fatal("RunAccessible did not return after the interruption")
		return DoneMsg{}, nil
	}
}

// ctrl+c or SIGTERM at an accessible prompt (the context is cancelled while
// the read blocks) stops the form at once and keeps what was typed.
func TestRunAccessibleInterruptedSavesDraft(t *testing.T) {
	store := drafts(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := &ttyReader{lines: []string{"jeanne@ferme.fr", "Jeanne"}, cancel: cancel, stop: make(chan struct{})}
	t.Cleanup(func() { close(in.stop) })
	fake := &fakeAPI{}
	var out bytes.Buffer
	done, err := runReturns(t, ctx, Config{Submit: fake.submit, Drafts: store, Accessible: true}, in, &out)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled\n%s", err, out.String())
	}
	if done.Notice != "Draft saved." || fake.calls.Load() != 0 {
		t.Errorf("notice %q, %d sends", done.Notice, fake.calls.Load())
	}
	if l, ok, _ := store.Load(); !ok || l.Email != "jeanne@ferme.fr" || l.Firstname != "Jeanne" || lead.Empty(l) {
		t.Errorf("draft %+v", l)
	}
	// The prompts after the interrupted one are not printed.
	if strings.Contains(out.String(), "Campaign") {
		t.Errorf("prompts went on after the interruption:\n%s", out.String())
	}
}

// ctrl+d on a terminal ends one read only; the form must stop there rather
// than take the next lines as answers to the next fields.
func TestRunAccessibleCtrlDStops(t *testing.T) {
	store := drafts(t)
	// ctrl+d at the fifth prompt (optional, left empty in the answers): the
	// following lines would otherwise complete a lead that gets sent.
	answers := accessibleAnswers("jeanne@ferme.fr")
	in := &ttyReader{lines: answers[:4], after: answers[5:]}
	fake := &fakeAPI{}
	var out bytes.Buffer
	done, err := runReturns(t, context.Background(), Config{Submit: fake.submit, Drafts: store, Accessible: true}, in, &out)
	if !errors.Is(err, ErrNotSent) {
		t.Fatalf("err %v, want ErrNotSent\n%s", err, out.String())
	}
	if fake.calls.Load() != 0 || done.Notice != "Draft saved." {
		t.Errorf("%d sends, notice %q", fake.calls.Load(), done.Notice)
	}
	if l, ok, _ := store.Load(); !ok || l.Email != "jeanne@ferme.fr" || l.Lastname != "Martin" || l.ProjectName != "" {
		t.Errorf("draft %+v", l)
	}
}

// keyboard types what is sent on keys, and otherwise blocks as an idle
// keyboard does.
type keyboard struct {
	keys chan string
	stop chan struct{}
}

func (k *keyboard) Read(p []byte) (int, error) {
	select {
	case s := <-k.keys:
		return copy(p, s), nil
	case <-k.stop:
		return 0, io.EOF
	}
}

// waitFor polls the screen until it shows want.
func waitFor(t *testing.T, out *testio.SyncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("%q never shown:\n%s", want, out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// SIGTERM while the full-screen form is open (ctx cancelled: the program is
// killed) keeps what is typed as the draft.
func TestRunKilledSavesDraft(t *testing.T) {
	l := typedLead()
	l.Firstname = "Jeannette"
	saved := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	store := &lead.DraftStore{Dir: t.TempDir(), Now: func() time.Time { return saved }}
	if err := store.Save(l); err != nil {
		t.Fatal(err)
	}
	store.Now = func() time.Time { return saved.Add(time.Hour) }
	in := &keyboard{keys: make(chan string, 1), stop: make(chan struct{})}
	t.Cleanup(func() { close(in.stop) })
	out := &testio.SyncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		done DoneMsg
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		d, err := Run(ctx, Config{Drafts: store, Width: 100, Height: 30}, in, out)
		ch <- result{d, err}
	}()
	waitFor(t, out, "draft")
	in.keys <- "y"
	waitFor(t, out, "Jeannette") // the form is open on the restored lead
	cancel()
	var r result
	select {
	case r = <-ch:
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return after the context was cancelled")
	}
	if !errors.Is(r.err, context.Canceled) || r.done.Notice != "Draft saved." {
		t.Errorf("err %v, notice %q", r.err, r.done.Notice)
	}
	d, ok, err := store.LoadDraft()
	if err != nil || !ok || d.Lead.Firstname != "Jeannette" || !d.SavedAt.Equal(saved.Add(time.Hour)) {
		t.Errorf("draft %+v saved at %v (%v)", d.Lead, d.SavedAt, err)
	}
}
