package leadform

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/internal/testio"
)

// accessibleAnswers answers every prompt, in the form's order, for
// typedLead; selects take the choice's number.
func accessibleAnswers(email string) []string {
	return []string{
		email, "Jeanne", "Martin", "06 12 34 56 78", "", // contact
		"Séchoir solaire", "Un séchoir solaire pour le foin", "6", "2", // name, description, category elevage, lending
		"45 000", "", "", "", "2", // budgets, next_months
		"26400", "Crest", "26", // place
		"732 829 320 00074", "", "", // business
		"", "", // tracking
	}
}

func TestRunAccessibleSends(t *testing.T) {
	fake := &fakeAPI{}
	store := drafts(t)
	var out bytes.Buffer
	done, err := RunAccessible(context.Background(), Config{Submit: fake.submit, Drafts: store, Accessible: true},
		&testio.LineReader{Lines: accessibleAnswers("jeanne@ferme-des-lilas.fr")}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if done.ID != 123 || fake.calls.Load() != 1 {
		t.Fatalf("done %+v, %d calls\n%s", done, fake.calls.Load(), out.String())
	}
	got := fake.got[0]
	if got.Category != "elevage" || got.CollectType != "lending" || got.PublicationTimeframe != "next_months" ||
		got.Phone != "0612345678" || got.City != "Crest" {
		t.Errorf("sent %+v", got)
	}
	if strings.ContainsRune(out.String(), 0x1b) {
		t.Error("accessible output holds escape codes, which screen readers read aloud")
	}
	if !strings.Contains(out.String(), "Lead received: #123") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestRunAccessibleReasksRefusedField(t *testing.T) {
	fake := &fakeAPI{answer: func(n int) (api.LeadResult, error) {
		if n == 1 {
			return api.LeadResult{}, &api.Error{Kind: api.ErrValidation, Status: 400,
				Fields: map[string][]string{"email": {"is invalid"}}}
		}
		return api.LeadResult{ID: 7}, nil
	}}
	answers := accessibleAnswers("refused@ferme.fr")
	// Second round: the refused email is asked again until it changes;
	// an empty answer keeps every other value.
	answers = append(answers, "refused@ferme.fr", "jeanne@ferme.fr")
	answers = append(answers, make([]string, len(lead.Fields())-1)...)
	var out bytes.Buffer
	done, err := RunAccessible(context.Background(), Config{Submit: fake.submit, Accessible: true},
		&testio.LineReader{Lines: answers}, &out)
	if err != nil || done.ID != 7 {
		t.Fatalf("done %+v err %v\n%s", done, err, out.String())
	}
	if fake.got[1].Email != "jeanne@ferme.fr" || fake.got[1].Firstname != "Jeanne" {
		t.Errorf("second try sent %+v", fake.got[1])
	}
	t.Log(out.String())
	if !strings.Contains(out.String(), "email: is invalid") {
		t.Errorf("the refusal is not said:\n%s", out.String())
	}
}

func TestRunAccessibleEndOfInputSavesDraft(t *testing.T) {
	store := drafts(t)
	var out bytes.Buffer
	done, err := RunAccessible(context.Background(), Config{Drafts: store, Accessible: true},
		&testio.LineReader{Lines: []string{"jeanne@ferme.fr", "Jeanne"}}, &out)
	if !errors.Is(err, ErrNotSent) {
		t.Fatalf("err %v", err)
	}
	if done.Notice != "Draft saved." {
		t.Errorf("notice %q", done.Notice)
	}
	if l, ok, _ := store.Load(); !ok || l.Email != "jeanne@ferme.fr" || l.Firstname != "Jeanne" || lead.Empty(l) {
		t.Errorf("draft %+v", l)
	}
}

// pausingReader gives its lines, then says it is waiting and blocks, as a
// person thinking over the next answer.
type pausingReader struct {
	lines  []string
	paused chan struct{}
	stop   chan struct{}
}

func (r *pausingReader) Read(p []byte) (int, error) {
	if len(r.lines) > 0 {
		n := copy(p, r.lines[0]+"\n")
		r.lines = r.lines[1:]
		return n, nil
	}
	close(r.paused)
	<-r.stop
	return 0, io.EOF
}

// In plain prompts each answer is saved as it is given: a closed terminal
// while the next one is typed loses nothing before it.
func TestRunAccessibleSavesEachAnswer(t *testing.T) {
	store := drafts(t)
	in := &pausingReader{lines: []string{"jeanne@ferme.fr", "Jeanne"}, paused: make(chan struct{}), stop: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = RunAccessible(ctx, Config{Drafts: store, Accessible: true}, in, io.Discard)
	}()
	select {
	case <-in.paused:
	case <-time.After(30 * time.Second):
		t.Fatal("the prompts never asked for a third answer")
	}
	l, ok, err := store.Load()
	if err != nil || !ok || l.Email != "jeanne@ferme.fr" || l.Firstname != "Jeanne" {
		t.Errorf("while the third answer is typed, the draft is %+v (%v, %v)", l, ok, err)
	}
	close(in.stop)
	cancel()
	<-done
}

// In plain prompts, a send whose answer never came says the outcome is
// unknown, and the draft keeps the doubt for the next run.
func TestRunAccessibleUnknownOutcome(t *testing.T) {
	h, url := dropFirstAnswer(t)
	c, err := api.New(api.Config{BaseURL: url, Key: sandbox.DemoKey, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	store := drafts(t)
	var out bytes.Buffer
	_, err = RunAccessible(context.Background(), Config{Submit: c.CreateLead, Drafts: store, Accessible: true},
		&testio.LineReader{Lines: accessibleAnswers("jeanne@ferme-des-lilas.fr")}, &out)
	if !errors.Is(err, lead.ErrOutcomeUnknown) {
		t.Fatalf("err %v, want ErrOutcomeUnknown\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "it may have been received") || strings.Contains(out.String(), "Not sent") {
		t.Errorf("output:\n%s", out.String())
	}
	if len(h.Leads()) != 1 {
		t.Fatalf("%d leads filed", len(h.Leads()))
	}
	d, ok, _ := store.LoadDraft()
	if !ok || d.Unconfirmed.IsZero() || d.Lead.Email != "jeanne@ferme-des-lilas.fr" {
		t.Fatalf("draft %+v", d)
	}
	// Next run: restoring it, then "no" to sending again, sends nothing.
	out.Reset()
	answers := append([]string{"y"}, make([]string, len(lead.Fields()))...)
	answers = append(answers, "n")
	_, err = RunAccessible(context.Background(), Config{Submit: c.CreateLead, Drafts: store, Accessible: true},
		&testio.LineReader{Lines: answers}, &out)
	if !errors.Is(err, ErrNotSent) || len(h.Leads()) != 1 {
		t.Fatalf("err %v, %d leads\n%s", err, len(h.Leads()), out.String())
	}
	if !strings.Contains(out.String(), "may have been received") {
		t.Errorf("not asked:\n%s", out.String())
	}
}
