package hostile_test

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/hostile"
)

const (
	testKey   = "hostile-test-key"
	email     = "jeanne@ferme-des-lilas.fr"
	birthdate = "27/11/1980"
	isoBirth  = "1980-11-27"
)

var lender = api.User{Email: email, Birthdate: birthdate}

var testLead = api.Lead{
	Email: email, Firstname: "Jeanne", Lastname: "Martin", Phone: "0612345678",
	CollectType: "lending", ProjectDescription: "Un séchoir solaire", ProjectTotalBudget: "45000.00",
	PublicationTimeframe: "within_month",
}

// newClient is the api client a command would build for s, with its
// default tries: a test of "no retry" fails if the client tries again.
func newClient(t *testing.T, s *hostile.Server, hc *http.Client) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: s.URL, Key: testKey, UserAgent: "miimosa-hostile-test", HTTPClient: hc, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("api.New: %v", err)
	}
	return c
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// expectKind fails unless err is an *api.Error of kind, and returns it.
func expectKind(t *testing.T, err, kind error) *api.Error {
	t.Helper()
	var ae *api.Error
	if !errors.Is(err, kind) || !errors.As(err, &ae) {
		t.Fatalf("error %v, want one of kind %q", err, kind)
	}
	return ae
}

// expectHits fails unless exactly n requests of method on path reached
// the API server.
func expectHits(t *testing.T, s *hostile.Server, method, path string, n int) {
	t.Helper()
	if got := s.Hits(hostile.API, method, path); got != n {
		t.Errorf("%d %s %s reached the server, want %d (no retry of what cannot succeed)", got, method, path, n)
	}
}

// expectNothingElsewhere fails if any request reached the other origin:
// neither the key nor the lender's email and birthdate may leave the API.
func expectNothingElsewhere(t *testing.T, s *hostile.Server) {
	t.Helper()
	for _, r := range s.OtherRequests() {
		t.Errorf("%s %s reached another server (Authorization sent: %v, email in query: %v)",
			r.Method, r.Path, r.Authorization, r.Query.Get("user_email") != "")
	}
}

// expectNoPersonalData fails if the text shows the lender's email or
// birthdate, or the key.
func expectNoPersonalData(t *testing.T, what, text string) {
	t.Helper()
	for _, secret := range []string{email, isoBirth, birthdate, testKey} {
		if strings.Contains(text, secret) {
			t.Errorf("%s shows %q: %q", what, secret, text)
		}
	}
}

// collect walks seq to its end: the items of every page, the pages, and
// the error it ended on.
func collect[T any](seq iter.Seq2[api.Page[T], error]) (items []T, pages int, err error) {
	for p, e := range seq {
		if e != nil {
			return items, pages, e
		}
		pages++
		items = append(items, p.Items...)
	}
	return items, pages, nil
}
