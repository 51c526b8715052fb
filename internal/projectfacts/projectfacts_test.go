package projectfacts

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/sandbox"
)

var now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

func client(t *testing.T) (*api.Client, *atomic.Int64, *atomic.Int64) {
	t.Helper()
	var lists, singles atomic.Int64
	h := sandbox.NewHandler(sandbox.Options{Key: "k", Now: func() time.Time { return now }})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/projects":
			lists.Add(1)
		case strings.HasPrefix(r.URL.Path, "/projects/"):
			singles.Add(1)
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{BaseURL: srv.URL, Key: "k", MaxTries: 1})
	if err != nil {
		t.Fatal(err)
	}
	return c, &lists, &singles
}

func pledgesOf(t *testing.T, c *api.Client, i int) []api.Pledge {
	t.Helper()
	u := sandbox.DemoUsers()[i]
	var out []api.Pledge
	for p, err := range c.PledgePages(context.Background(), api.User{Email: u.Email, Birthdate: u.Birthdate}, 100) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Items...)
	}
	return out
}

// Every project of the big lender gets its region and frequency, from the
// public list walked once, without asking for each project.
func TestLoadForManyProjectsWalksTheList(t *testing.T) {
	c, lists, singles := client(t)
	ids := IDs(pledgesOf(t, c, 3))
	if len(ids) <= fewSingles {
		t.Fatalf("only %d projects: the test needs many", len(ids))
	}
	facts, err := Load(context.Background(), c, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		f, ok := facts[id]
		if !ok || f.Region.Code == "" || f.Frequency == "" {
			t.Errorf("project %d: %+v, %v", id, f, ok)
		}
	}
	if lists.Load() == 0 || singles.Load() != 0 {
		t.Errorf("%d list pages, %d single projects: want the list only", lists.Load(), singles.Load())
	}
}

// A few projects are asked for one by one; one that is gone keeps an
// unknown region and is no error.
func TestLoadForFewProjectsAsksEach(t *testing.T) {
	c, lists, singles := client(t)
	ids := IDs(pledgesOf(t, c, 0))[:3]
	facts, err := Load(context.Background(), c, append(ids, 987654321))
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 3 || lists.Load() != 0 || singles.Load() != 4 {
		t.Errorf("%d facts from %d list pages and %d singles", len(facts), lists.Load(), singles.Load())
	}
}

func TestIDsAreDistinctInOrder(t *testing.T) {
	ps := []api.Pledge{{Project: api.PledgeProject{ID: 3}}, {Project: api.PledgeProject{ID: 1}}, {Project: api.PledgeProject{ID: 3}}, {}}
	if got := IDs(ps); len(got) != 2 || got[0] != 3 || got[1] != 1 {
		t.Errorf("IDs = %v", got)
	}
}
