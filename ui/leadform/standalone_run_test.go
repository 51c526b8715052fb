package leadform

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/miimosa/miimosa/internal/testio"
)

// runFullScreen runs the full-screen form, typing keys once the first field
// shows, and returns how it ended.
func runFullScreen(t *testing.T, cfg Config, keys ...string) (DoneMsg, error) {
	t.Helper()
	in := &keyboard{keys: make(chan string, len(keys)), stop: make(chan struct{})}
	t.Cleanup(func() { close(in.stop) })
	out := &testio.SyncBuffer{}
	cfg.Width, cfg.Height = 100, 30
	type result struct {
		done DoneMsg
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		d, err := Run(context.Background(), cfg, in, out)
		ch <- result{d, err}
	}()
	waitFor(t, out, "Email")
	for _, k := range keys {
		select {
		case in.keys <- k: // buffered: never blocks
		case <-time.After(30 * time.Second):
			t.Fatalf("%q was never read", k)
		}
	}
	select {
	case r := <-ch:
		return r.done, r.err
	case <-time.After(30 * time.Second):
		t.Fatalf("the form did not end after %q:\n%s", keys, out.String())
		return DoneMsg{}, nil
	}
}

// ctrl+c in the full-screen form is an interruption (exit 130), not a
// success: what was typed is the draft, and Run says so.
func TestRunCtrlCIsInterruption(t *testing.T) {
	store := drafts(t)
	done, err := runFullScreen(t, Config{Drafts: store}, "jeanne@ferme.fr", "\x03")
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want ErrInterrupted (a cancellation)", err)
	}
	if done.ID != 0 || done.Notice != "Draft saved." {
		t.Errorf("done %+v", done)
	}
	if l, ok, _ := store.Load(); !ok || l.Email != "jeanne@ferme.fr" {
		t.Errorf("draft %+v, %v", l, ok)
	}
}

// esc leaves the form with the lead unsent: ErrNotSent (exit 1), not nil.
func TestRunEscIsNotSent(t *testing.T) {
	store := drafts(t)
	done, err := runFullScreen(t, Config{Drafts: store}, "jeanne@ferme.fr", "\x1b")
	if !errors.Is(err, ErrNotSent) || errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want ErrNotSent", err)
	}
	if done.ID != 0 || done.Notice != "Draft saved." {
		t.Errorf("done %+v", done)
	}

	// Nothing typed: still not sent, and no draft.
	store = drafts(t)
	done, err = runFullScreen(t, Config{Drafts: store}, "\x1b")
	if !errors.Is(err, ErrNotSent) || done.Notice != "" {
		t.Errorf("err %v, done %+v", err, done)
	}
	if _, ok, _ := store.Load(); ok {
		t.Error("a draft was saved for an untouched form")
	}
}

// A sent lead ends Run with its id and no error (exit 0).
func TestRunSentReturnsID(t *testing.T) {
	store := drafts(t)
	if err := store.Save(typedLead()); err != nil {
		t.Fatal(err)
	}
	fake := &fakeAPI{}
	in := &keyboard{keys: make(chan string), stop: make(chan struct{})}
	t.Cleanup(func() { close(in.stop) })
	out := &testio.SyncBuffer{}
	type result struct {
		done DoneMsg
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		d, err := Run(context.Background(), Config{Submit: fake.submit, Drafts: store, Width: 100, Height: 30}, in, out)
		ch <- result{d, err}
	}()
	waitFor(t, out, "draft")
	in.keys <- "y"
	// Enter through every restored field (the last sends), then on the
	// receipt (it closes): enters while sending are ignored, so pressing
	// until Run returns needs no knowledge of the form's pace.
	deadline := time.After(60 * time.Second)
	for {
		select {
		case in.keys <- "\r":
			time.Sleep(10 * time.Millisecond) // pacing only: keys as typed
		case r := <-ch:
			if r.err != nil || r.done.ID != 123 || fake.calls.Load() != 1 {
				t.Errorf("err %v, done %+v, %d sends\n%s", r.err, r.done, fake.calls.Load(), out.String())
			}
			return
		case <-deadline:
			t.Fatalf("the lead was not sent and closed:\n%s", out.String())
		}
	}
}
