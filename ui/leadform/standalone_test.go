package leadform

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
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
