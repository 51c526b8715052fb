package leadform

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
)

// typedLead is what an agent types for a complete lead.
func typedLead() api.Lead {
	return api.Lead{
		Email:                "jeanne@ferme-des-lilas.fr",
		Firstname:            "Jeanne",
		Lastname:             "Martin",
		Phone:                "06 12 34 56 78",
		ProjectName:          "Séchoir solaire",
		ProjectDescription:   "Un séchoir solaire pour le foin",
		Category:             "elevage",
		CollectType:          "lending",
		ProjectTotalBudget:   "45 000",
		PublicationTimeframe: "next_months",
		PostCode:             "26400",
		City:                 "Crest",
		Department:           "26",
		Siret:                "732 829 320 00074",
	}
}

// choice is the position of value among an enum field's choices (the first
// one is "Choose…" or "None").
func choice(field, value string) int {
	var values []string
	switch field {
	case lead.Category:
		values = api.Categories
	case lead.CollectType:
		values = api.CollectTypes
	case lead.PublicationTimeframe:
		values = api.PublicationTimeframes
	}
	for i, v := range values {
		if v == value {
			return i + 1
		}
	}
	return 0
}

// fillLead walks every field in the form's order, typing l's values; the
// enter on the last field shows the review.
func (d *driver) fillLead(l api.Lead) {
	d.t.Helper()
	for _, g := range groups {
		for _, f := range g.fields {
			switch f {
			case lead.Category, lead.CollectType, lead.PublicationTimeframe:
				d.pick(f, choice(f, lead.Get(l, f)))
			default:
				d.fill(f, lead.Get(l, f))
			}
		}
	}
}

// sendDraft opens the form on l saved as a draft, restores it, presses
// enter through every field to the review, and enter there sends it. Fewer
// keystrokes than typing, the same path through the form.
func sendDraft(t *testing.T, cfg Config, l api.Lead) *driver {
	t.Helper()
	d := restoreDraft(t, cfg, l)
	d.toReview()
	d.key(tea.KeyEnter)
	return d
}

// restoreDraft opens the form on l saved as a draft, and restores it.
func restoreDraft(t *testing.T, cfg Config, l api.Lead) *driver {
	t.Helper()
	if cfg.Drafts == nil {
		cfg.Drafts = drafts(t)
	}
	if err := cfg.Drafts.Save(l); err != nil {
		t.Fatal(err)
	}
	d := start(t, cfg)
	d.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	d.key('y')
	return d
}

// toReview presses enter through every field, from the first, to the review.
func (d *driver) toReview() {
	d.t.Helper()
	for _, g := range groups {
		for _, f := range g.fields {
			d.waitFocus(f)
			d.key(tea.KeyEnter)
		}
	}
	d.wait("the review", func(s snapshot) bool { return s.phase == phaseReview })
}

// fakeAPI answers Submit as a test says, counting calls.
type fakeAPI struct {
	calls   atomic.Int32
	mu      sync.Mutex
	got     []api.Lead
	release chan struct{} // when set, Submit waits for it
	answer  func(n int) (api.LeadResult, error)
}

func (f *fakeAPI) submit(ctx context.Context, l api.Lead) (api.LeadResult, error) {
	n := int(f.calls.Add(1))
	f.mu.Lock()
	f.got = append(f.got, l)
	answer := f.answer
	f.mu.Unlock()
	if f.release != nil {
		<-f.release
	}
	if answer != nil {
		return answer(n)
	}
	return api.LeadResult{ID: 123, Status: "received"}, nil
}

func drafts(t *testing.T) *lead.DraftStore {
	return &lead.DraftStore{Dir: t.TempDir(), Now: func() time.Time { return time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC) }}
}

func TestEmptyFormGolden(t *testing.T) {
	for _, size := range []struct{ w, h int }{{100, 30}, {60, 15}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			d := start(t, Config{Width: size.w, Height: size.h, Drafts: drafts(t)})
			s := d.wait("showing the first field", func(s snapshot) bool {
				return s.focused == lead.Email && strings.Contains(s.view, "Email *")
			})
			golden.RequireEqual(t, s.view)
		})
	}
}

func TestSentGolden(t *testing.T) {
	fake := &fakeAPI{}
	store := drafts(t)
	d := start(t, Config{Submit: fake.submit, Drafts: store})
	d.fillLead(typedLead())
	d.wait("the review", func(s snapshot) bool { return s.phase == phaseReview })
	if n := fake.calls.Load(); n != 0 {
		t.Fatalf("sent %d times before the review was confirmed", n)
	}
	d.key(tea.KeyEnter)
	s := d.wait("sent", func(s snapshot) bool { return s.phase == phaseSent })
	golden.RequireEqual(t, s.view)
	if !strings.Contains(s.view, "Lead received: #123") {
		t.Errorf("the id is not shown:\n%s", s.view)
	}
	// What left was normalised and complete.
	got := fake.got[0]
	if got.Phone != "0612345678" || got.ProjectTotalBudget != "45000.00" || got.Siret != "73282932000074" ||
		got.CollectType != "lending" || got.Category != "elevage" || got.PublicationTimeframe != "next_months" {
		t.Errorf("sent %+v", got)
	}
	// Enter leaves, with the id.
	d.key(tea.KeyEnter)
	s = d.wait("done", func(s snapshot) bool { return s.done != nil })
	if s.done.ID != 123 {
		t.Errorf("DoneMsg %+v", *s.done)
	}
	if _, ok, _ := store.Load(); ok {
		t.Error("the draft must be deleted once the lead is accepted")
	}
}

func TestSecondEnterDoesNotSendTwice(t *testing.T) {
	fake := &fakeAPI{release: make(chan struct{})}
	d := sendDraft(t, Config{Submit: fake.submit}, typedLead())
	s := d.wait("sending", func(s snapshot) bool { return s.phase == phaseSending })
	if !strings.Contains(s.view, "Sending the lead…") {
		t.Errorf("sending is not said:\n%s", s.view)
	}
	d.key(tea.KeyEnter)
	d.key(tea.KeyEnter)
	d.tm.Type("x")
	// The keys above reach the form before the answer does: the program
	// handles messages in order, and the answer is sent only now.
	d.key(tea.KeyEnter)
	close(fake.release)
	d.wait("sent", func(s snapshot) bool { return s.phase == phaseSent })
	if n := fake.calls.Load(); n != 1 {
		t.Fatalf("Submit called %d times, want 1", n)
	}
}

func TestServerRefusalPutsErrorsBesideFields(t *testing.T) {
	fake := &fakeAPI{answer: func(n int) (api.LeadResult, error) {
		if n > 1 {
			return api.LeadResult{ID: 124}, nil
		}
		return api.LeadResult{}, &api.Error{Kind: api.ErrValidation, Status: 400, Method: "POST", Path: "/leads",
			Fields: map[string][]string{"email": {"has already been taken"}, "city": {"is \x1b[31minvalid"}}}
	}}
	store := drafts(t)
	d := sendDraft(t, Config{Submit: fake.submit, Drafts: store}, typedLead())
	s := d.wait("back on the form at the first refused field", func(s snapshot) bool {
		return s.phase == phaseEditing && s.focused == lead.Email && strings.Contains(s.view, "has already been taken")
	})
	golden.RequireEqual(t, s.view)
	if s.lead.Firstname != "Jeanne" || s.lead.Siret != "732 829 320 00074" {
		t.Errorf("what was typed is lost: %+v", s.lead)
	}
	d.wait("draft saved", func(snapshot) bool {
		l, ok, _ := store.Load()
		return ok && l.Email == "jeanne@ferme-des-lilas.fr"
	})
	// The refused value cannot be sent again as it is.
	d.key(tea.KeyEnter)
	d.wait("still refused", func(s snapshot) bool { return s.focused == lead.Email })
	// Fixing it clears the error; city's error waits on its own page.
	d.tm.Type("x")
	d.wait("typed", func(s snapshot) bool { return s.lead.Email == "jeanne@ferme-des-lilas.frx" })
	for range len("x") {
		d.key(tea.KeyBackspace)
	}
	d.tm.Type(".")
	d.wait("the email error gone", func(s snapshot) bool {
		return !strings.Contains(s.view, "has already been taken")
	})
}

func TestServerFailureKeepsFormAndSavesDraft(t *testing.T) {
	fake := &fakeAPI{answer: func(int) (api.LeadResult, error) {
		return api.LeadResult{}, &api.Error{Kind: api.ErrServer, Status: 503, Method: "POST", Path: "/leads"}
	}}
	store := drafts(t)
	typed := typedLead()
	d := sendDraft(t, Config{Submit: fake.submit, Drafts: store}, typed)
	s := d.wait("back on the review", func(s snapshot) bool {
		return s.phase == phaseReview && strings.Contains(s.notice, "Not sent")
	})
	if !strings.Contains(s.view, "Not sent: the server failed (HTTP 503)") {
		t.Errorf("the failure is not said:\n%s", s.view)
	}
	if s.lead != typed {
		t.Errorf("the form lost what was typed:\n got %+v\nwant %+v", s.lead, typed)
	}
	d.waitSaved(typed)
	// Enter on the review tries again, at once: the server said it failed.
	fake.mu.Lock()
	fake.answer = nil
	fake.mu.Unlock()
	d.key(tea.KeyEnter)
	d.wait("sent on the second try", func(s snapshot) bool { return s.phase == phaseSent })
}

func TestLocalErrorsShownAsTyped(t *testing.T) {
	d := start(t, Config{Width: 100, Height: 30})
	d.fill(lead.Email, "jeanne@ferme")
	s := d.wait("email error shown", func(s snapshot) bool {
		return s.focused == lead.Email && strings.Contains(s.view, "✗ is not an email address")
	})
	golden.RequireEqual(t, s.view)
	// Once shown, the message follows the typing.
	d.tm.Type(".fr")
	d.wait("email error gone", func(s snapshot) bool { return !strings.Contains(s.view, "✗") })
	d.key(tea.KeyEnter)
	d.waitFocus(lead.Firstname)
}

func TestEscSavesDraftAndNextOpenOffersIt(t *testing.T) {
	store := drafts(t)
	d := start(t, Config{Drafts: store})
	d.fill(lead.Email, "jeanne@ferme.fr")
	d.fill(lead.Firstname, "Jeanne")
	d.key(tea.KeyEscape)
	s := d.wait("left", func(s snapshot) bool { return s.done != nil })
	if s.done.Notice != "Draft saved." {
		t.Errorf("notice %q", s.done.Notice)
	}
	fi, err := os.Stat(store.Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("draft file: %v %v", fi, err)
	}

	d2 := start(t, Config{Drafts: store, Lang: i18n.FR})
	s = d2.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	if !strings.Contains(s.view, "Reprendre le brouillon du") {
		t.Fatalf("no offer:\n%s", s.view)
	}
	d2.key('o')
	s = d2.wait("restored", func(s snapshot) bool { return s.phase == phaseEditing && s.focused == lead.Email })
	if s.lead.Email != "jeanne@ferme.fr" || s.lead.Firstname != "Jeanne" {
		t.Fatalf("restored %+v", s.lead)
	}
	if !strings.Contains(s.view, "jeanne@ferme.fr") {
		t.Errorf("restored value not shown:\n%s", s.view)
	}
}

func TestDeclinedDraftStartsEmpty(t *testing.T) {
	store := drafts(t)
	if err := store.Save(typedLead()); err != nil {
		t.Fatal(err)
	}
	d := start(t, Config{Drafts: store})
	d.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	d.key('n')
	s := d.wait("empty form", func(s snapshot) bool { return s.phase == phaseEditing })
	if !lead.Empty(s.lead) {
		t.Fatalf("declined draft filled the form: %+v", s.lead)
	}
	// Leaving an untouched form saves nothing and keeps the old draft.
	d.key(tea.KeyEscape)
	s = d.wait("left", func(s snapshot) bool { return s.done != nil })
	if s.done.Notice != "" {
		t.Errorf("notice %q", s.done.Notice)
	}
	if l, ok, _ := store.Load(); !ok || l != typedLead() {
		t.Error("the old draft must stay")
	}
}

func TestRequiredChoiceHasNoDefault(t *testing.T) {
	l := typedLead()
	l.CollectType = ""
	store := drafts(t)
	if err := store.Save(l); err != nil {
		t.Fatal(err)
	}
	d := start(t, Config{Drafts: store})
	d.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	d.key('y')
	for _, f := range groups[0].fields {
		d.waitFocus(f)
		d.key(tea.KeyEnter)
	}
	for _, f := range groups[1].fields[:3] {
		d.waitFocus(f)
		d.key(tea.KeyEnter)
	}
	d.waitFocus(lead.CollectType)
	d.key(tea.KeyEnter) // on "Choose…"
	s := d.wait("refused", func(s snapshot) bool {
		return s.focused == lead.CollectType && strings.Contains(s.view, "✗ is required")
	})
	if s.lead.CollectType != "" {
		t.Errorf("collect type defaulted to %q", s.lead.CollectType)
	}
	d.key(tea.KeyRight)
	d.key(tea.KeyRight)
	d.key(tea.KeyEnter)
	s = d.wait("chosen", func(s snapshot) bool { return s.focused == lead.ProjectTotalBudget })
	if s.lead.CollectType != "lending" {
		t.Errorf("collect type %q, want lending", s.lead.CollectType)
	}
}

func TestUnreadableDraft(t *testing.T) {
	store := drafts(t)
	if err := os.WriteFile(store.Path(), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := start(t, Config{Drafts: store})
	s := d.wait("form with a notice", func(s snapshot) bool { return s.phase == phaseEditing && s.notice != "" })
	if !strings.Contains(s.view, "could not be read") {
		t.Errorf("no notice:\n%s", s.view)
	}
}

func TestErrorTextNeverEmpty(t *testing.T) {
	m := New(Config{})
	for _, err := range []error{
		&api.Error{Kind: api.ErrNetwork, Err: errors.New("dial tcp: refused")},
		&api.Error{Kind: api.ErrKeyRejected, Status: 401},
		&api.Error{Kind: api.ErrRateLimited, Status: 429},
		context.DeadlineExceeded,
		errors.New("boom\x1b[2J"),
	} {
		if got := m.errorText(err); got == "" || strings.ContainsRune(got, 0x1b) {
			t.Errorf("errorText(%v) = %q", err, got)
		}
	}
}

// The project page at 80×24: choices shown by their labels, an amount
// refused beside its field as soon as the cursor tries to leave it.
func TestProjectPageGolden(t *testing.T) {
	l := typedLead()
	l.ProjectTotalBudget = "12,000"
	store := drafts(t)
	if err := store.Save(l); err != nil {
		t.Fatal(err)
	}
	d := start(t, Config{Drafts: store, Width: 80, Height: 24})
	d.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	d.key('y')
	for _, f := range append(append([]string{}, groups[0].fields...), groups[1].fields[:4]...) {
		d.waitFocus(f)
		d.key(tea.KeyEnter)
	}
	d.waitFocus(lead.ProjectTotalBudget)
	d.key(tea.KeyEnter)
	s := d.wait("amount refused", func(s snapshot) bool {
		return s.focused == lead.ProjectTotalBudget && strings.Contains(s.view, "✗ is ambiguous")
	})
	golden.RequireEqual(t, s.view)
}

func TestDraftThatCannotBeSavedIsSaid(t *testing.T) {
	fake := &fakeAPI{answer: func(int) (api.LeadResult, error) {
		return api.LeadResult{}, &api.Error{Kind: api.ErrNetwork, Method: "POST", Path: "/leads", Err: errors.New("connection refused")}
	}}
	store := drafts(t)
	if err := store.Save(typedLead()); err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d := start(t, Config{Submit: fake.submit, Drafts: store})
	d.wait("offer", func(s snapshot) bool { return s.phase == phaseOffer })
	d.key('y')
	d.toReview()
	store.Dir = filepath.Join(blocker, "state") // under a file: no directory can be made
	d.key(tea.KeyEnter)
	s := d.wait("both failures said", func(s snapshot) bool {
		return strings.Contains(s.notice, "the server could not be reached") && strings.Contains(s.notice, "The draft could not be saved")
	})
	if s.lead != typedLead() {
		t.Errorf("form lost what was typed: %+v", s.lead)
	}
}

// A host quitting with the form open saves what was typed, stamped with
// the host's clock.
func TestSaveDraftOnQuit(t *testing.T) {
	store := &lead.DraftStore{Dir: t.TempDir()}
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	cfg := Config{Drafts: store, Now: func() time.Time { return at }}
	m := New(cfg)
	if err := m.SaveDraft(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := store.Load(); ok {
		t.Fatal("an untouched form saved a draft")
	}
	m = New(cfg)
	m, _ = m.Update(draftLoadedMsg{})
	for _, r := range "jeanne" {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if err := m.SaveDraft(); err != nil {
		t.Fatal(err)
	}
	d, ok, err := store.LoadDraft()
	if err != nil || !ok || d.Lead.Email != "jeanne" || !d.SavedAt.Equal(at) {
		t.Fatalf("draft %+v, %v, %v", d, ok, err)
	}
}

// Every field and every enum value has words in both languages: the keys
// are built from API names, so a missing one would show as a raw key.
func TestEveryFieldAndChoiceIsWorded(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		p := i18n.New(lang)
		for _, f := range lead.Fields() {
			if k := i18n.Key("lead.field." + f); p.T(k) == string(k) {
				t.Errorf("%v: no name for %s", lang, f)
			}
		}
		for field, values := range map[string][]string{
			lead.Category: api.Categories, lead.CollectType: api.CollectTypes, lead.PublicationTimeframe: api.PublicationTimeframes,
		} {
			for _, v := range values {
				if Label(p, field, v) == v || strings.HasPrefix(Label(p, field, v), "lead.") {
					t.Errorf("%v: no label for %s %s", lang, field, v)
				}
			}
		}
	}
	if got := Label(i18n.New(i18n.EN), lead.PublicationTimeframe, "within_month"); got != "Within a month" {
		t.Errorf("within_month reads %q", got)
	}
	if got := Label(i18n.New(i18n.FR), lead.PublicationTimeframe, "another_quarter"); got != "Dans un autre trimestre" {
		t.Errorf("another_quarter reads %q", got)
	}
}

// Leaving with a draft that cannot be written says so in the person's
// words, with the cause, rather than as a bare Go error.
func TestEscWithAnUnwritableDraftSaysSo(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d := start(t, Config{Drafts: &lead.DraftStore{Dir: filepath.Join(blocker, "state")}})
	d.fill(lead.Email, "jeanne@ferme.fr")
	d.key(tea.KeyEscape)
	s := d.wait("left", func(s snapshot) bool { return s.done != nil })
	if !strings.HasPrefix(s.done.Notice, "The draft could not be saved: ") || !strings.Contains(s.done.Notice, "not a directory") {
		t.Errorf("notice %q", s.done.Notice)
	}
}

// The id stays on screen until enter or esc: another key, a held enter or
// a second enter before the host closes the form does nothing, so nothing
// typed after sending falls through to what is behind the form.
func TestSentScreenClosesOnlyOnEnterOrEscOnce(t *testing.T) {
	for _, closer := range []rune{tea.KeyEnter, tea.KeyEscape} {
		m := New(Config{Width: 60, Height: 15})
		m.phase, m.result = phaseSent, api.LeadResult{ID: 42}
		m.notice = m.t.T("lead.form.received", 42)
		for _, k := range []tea.KeyPressMsg{{Code: 'x', Text: "x"}, {Code: tea.KeySpace, Text: " "}, {Code: tea.KeyEnter, IsRepeat: true}} {
			var cmd tea.Cmd
			if m, cmd = m.Update(k); cmd != nil {
				t.Fatalf("%q closed the sent screen", k.String())
			}
		}
		if v := ansi.Strip(m.View()); !strings.Contains(v, "#42") || !strings.Contains(v, "enter or esc") {
			t.Fatalf("the sent screen lost the id or its hint:\n%s", v)
		}
		m, cmd := m.Update(tea.KeyPressMsg{Code: closer})
		if cmd == nil {
			t.Fatalf("%q does not close the sent screen", tea.KeyPressMsg{Code: closer}.String())
		}
		if d, ok := cmd().(DoneMsg); !ok || d.ID != 42 {
			t.Fatalf("closing said %+v, want DoneMsg with id 42", d)
		}
		for _, again := range []rune{tea.KeyEnter, tea.KeyEscape} {
			if _, cmd := m.Update(tea.KeyPressMsg{Code: again}); cmd != nil {
				t.Errorf("a key after closing was not swallowed: %q", tea.KeyPressMsg{Code: again}.String())
			}
		}
	}
}
