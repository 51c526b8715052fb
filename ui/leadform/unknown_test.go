package leadform

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// dropFirstAnswer is the sandbox, except that the answer to the first POST
// is lost: the lead is filed, and the connection closed instead of the
// answer.
func dropFirstAnswer(t *testing.T) (*sandbox.Handler, string) {
	t.Helper()
	h := sandbox.NewHandler(sandbox.Options{})
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || posts.Add(1) > 1 {
			h.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
	}))
	t.Cleanup(srv.Close)
	return h, srv.URL
}

// The answer to a sent lead never comes: the form says the outcome is
// unknown, keeps the draft (marked), and asks before sending again; "no"
// goes back to the review, and enter there asks again.
func TestUnknownOutcomeAsksBeforeSendingAgain(t *testing.T) {
	h, url := dropFirstAnswer(t)
	c, err := api.New(api.Config{BaseURL: url, Key: sandbox.DemoKey, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	store := drafts(t)
	d := sendDraft(t, Config{Submit: c.CreateLead, Drafts: store, Width: 100, Height: 30}, typedLead())
	s := d.wait("asked", func(s snapshot) bool { return s.phase == phaseConfirm })
	golden.RequireEqual(t, s.view)
	if strings.Contains(s.view, "Not sent") {
		t.Errorf("a lead that was filed is said not sent:\n%s", s.view)
	}
	if n := len(h.Leads()); n != 1 {
		t.Fatalf("the sandbox has %d leads, want the one filed", n)
	}
	// The draft is kept, marked as a send in doubt.
	d.wait("the draft marked", func(snapshot) bool {
		dr, ok, _ := store.LoadDraft()
		return ok && dr.Lead == typedLead() && !dr.Unconfirmed.IsZero()
	})
	d.key('n')
	d.wait("the review", func(s snapshot) bool { return s.phase == phaseReview })
	d.key(tea.KeyEnter)
	d.wait("asked again", func(s snapshot) bool { return s.phase == phaseConfirm })
	if n := len(h.Leads()); n != 1 {
		t.Fatalf("sent again without asking: %d leads", n)
	}
	d.key('y')
	d.wait("sent", func(s snapshot) bool { return s.phase == phaseSent })
	if n := len(h.Leads()); n != 2 {
		t.Fatalf("%d leads, want 2 once the person said yes", n)
	}
	d.wait("the draft deleted", func(s snapshot) bool {
		_, ok, _ := store.LoadDraft()
		return !ok
	})
}

// A draft whose send is in doubt says so when offered, and asks before it
// is sent.
func TestRestoredUnconfirmedDraftAsks(t *testing.T) {
	store := drafts(t)
	at := time.Date(2026, 11, 27, 14, 0, 0, 0, time.UTC)
	if _, err := store.Put(store.Next(), lead.Draft{Lead: typedLead(), SavedAt: at, Unconfirmed: at}); err != nil {
		t.Fatal(err)
	}
	fake := &fakeAPI{}
	d := start(t, Config{Submit: fake.submit, Drafts: store})
	s := d.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	if !strings.Contains(s.view, "without an answer: it may already have been received") {
		t.Errorf("the offer does not say the lead may have arrived:\n%s", s.view)
	}
	d.key('y')
	d.toReview()
	d.key(tea.KeyEnter)
	d.wait("asked", func(s snapshot) bool { return s.phase == phaseConfirm })
	if n := fake.calls.Load(); n != 0 {
		t.Fatalf("%d sends before asking", n)
	}
	d.key('y')
	d.wait("sent", func(s snapshot) bool { return s.phase == phaseSent })
}
