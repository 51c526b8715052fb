package hostile_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/hostile"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
)

// The api client against every scenario: what it must do to stay safe.

var lender = api.User{Email: "camille@example.org", Birthdate: "1980-11-27"}

var lead = api.Lead{Email: "ferme@example.fr", Firstname: "Jean", Lastname: "Dupont", Phone: "0601020304",
	CollectType: "lending", ProjectDescription: "Un méthaniseur", ProjectTotalBudget: "150000", PublicationTimeframe: "next_months"}

func client(t *testing.T, s *hostile.Server, opts ...func(*api.Config)) *api.Client {
	t.Helper()
	cfg := api.Config{BaseURL: s.URL, Key: "hostile-test-key", HTTPClient: s.HTTPClient()}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func is(t *testing.T, err, kind error, msg string) *api.Error {
	t.Helper()
	var e *api.Error
	if !errors.As(err, &e) || !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
	if !strings.Contains(e.Message, msg) {
		t.Errorf("message %q lacks %q", e.Message, msg)
	}
	for _, secret := range []string{"camille", "example.org", "1980", "?", "hostile-test-key"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("the error holds %q: %v", secret, err)
		}
	}
	return e
}

// walk collects a walk's items (any list) and its error.
func walk[T any](seq func(func(api.Page[T], error) bool)) (items []T, err error) {
	for p, e := range seq {
		if e != nil {
			return items, e
		}
		items = append(items, p.Items...)
	}
	return items, nil
}

func leadsReceived(s *hostile.Server) []hostile.Request {
	var out []hostile.Request
	for _, r := range s.API.Requests() {
		if r.Method == "POST" {
			out = append(out, r)
		}
	}
	return out
}

var ctx = context.Background()

// apiChecks holds, for every scenario, what the api client must do.
var apiChecks = map[hostile.Scenario]func(t *testing.T, s *hostile.Server){
	hostile.RedirectOtherPort: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		_, err := c.Wallet(ctx, lender)
		is(t, err, api.ErrRefused, "redirected to another server")
		_, err = c.CreateLead(ctx, lead)
		is(t, err, api.ErrRefused, "redirected the lead")
		_, err = walk(c.PledgePages(ctx, lender, 0))
		is(t, err, api.ErrRefused, "redirected to another server")
		if n := s.Elsewhere.Hits(); n != 0 {
			t.Errorf("the other port got %d requests (the key, the query, the lead)", n)
		}
		if n := s.API.Hits(); n != 3 {
			t.Errorf("%d requests for 3 calls: a refusal is not retried", n)
		}
	},
	hostile.RedirectToHTTP: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		_, err := c.Pledges(ctx, lender, 0, 0)
		is(t, err, api.ErrRefused, "plain http")
		if n := s.Elsewhere.Hits(); n != 0 {
			t.Errorf("plain http got %d requests", n)
		}
	},
	hostile.LeadRedirect307: leadRedirected,
	hostile.LeadRedirect308: leadRedirected,
	hostile.RedirectSameOrigin: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		if w, err := c.Wallet(ctx, lender); err != nil || w.ID != 98231 {
			t.Errorf("Wallet = %+v, %v", w, err)
		}
		if items, err := walk(c.ProjectPages(ctx, api.ProjectQuery{})); err != nil || len(items) != 45 {
			t.Errorf("%d projects, %v", len(items), err)
		}
	},
	hostile.PageLoop: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		projects, err := walk(c.ProjectPages(ctx, api.ProjectQuery{}))
		is(t, err, api.ErrRefused, "go in a circle")
		pledges, err := walk(c.PledgePages(ctx, lender, 0))
		is(t, err, api.ErrRefused, "go in a circle")
		if len(projects) != 40 || len(pledges) != 40 || s.API.Hits() != 4 {
			t.Errorf("%d projects, %d pledges, %d requests: want the 2 pages of each, once", len(projects), len(pledges), s.API.Hits())
		}
	},
	hostile.EndlessPages: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		items, err := walk(c.ProjectPages(ctx, api.ProjectQuery{}, api.WithLimits(api.Limits{MaxPages: 25})))
		is(t, err, api.ErrRefused, "more than 25 pages")
		if len(items) != 500 || s.API.Hits() != 25 {
			t.Errorf("%d projects in %d requests", len(items), s.API.Hits())
		}
		pledges, err := walk(c.PledgePages(ctx, lender, 10, api.WithLimits(api.Limits{MaxItems: 95})))
		is(t, err, api.ErrRefused, "more than 95 items")
		if len(pledges) != 95 {
			t.Errorf("%d pledges", len(pledges))
		}
	},
	hostile.LyingTotal: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		items, err := walk(c.ProjectPages(ctx, api.ProjectQuery{}, api.WithLimits(api.Limits{MaxPages: 25})))
		is(t, err, api.ErrRefused, "more than 25 pages")
		if len(items) != 500 || s.API.Hits() > 25 {
			t.Errorf("%d projects in %d requests", len(items), s.API.Hits())
		}
		before := s.API.Hits()
		pledges, err := walk(c.PledgePages(ctx, lender, 20, api.WithLimits(api.Limits{MaxItems: 130})))
		is(t, err, api.ErrRefused, "more than 130 items")
		if n := s.API.Hits() - before; len(pledges) != 130 || n > 7+api.DefaultConcurrency {
			t.Errorf("%d pledges in %d requests", len(pledges), n)
		}
	},
	hostile.NextOtherHost: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		items, err := walk(c.ProjectPages(ctx, api.ProjectQuery{}))
		is(t, err, api.ErrRefused, "next-page link points to another server")
		if len(items) != 20 {
			t.Errorf("%d projects: the first page is kept", len(items))
		}
		for _, r := range s.API.Requests() {
			if strings.HasPrefix(r.Host, "localhost") {
				t.Errorf("the link to another host was followed: %s %s", r.Host, r.Path)
			}
		}
	},
	hostile.RateLimitStorm: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		items, err := walk(c.ProjectPages(ctx, api.ProjectQuery{}))
		is(t, err, api.ErrRateLimited, "")
		// Pages 2 and 3 at once, then one at a time: 2 + 2 retries at most.
		if len(items) != 20 || s.API.Hits() > 1+2*api.DefaultMaxTries {
			t.Errorf("%d projects in %d requests", len(items), s.API.Hits())
		}
	},
	hostile.HugeBody: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		_, err := c.Projects(ctx, api.ProjectQuery{})
		is(t, err, api.ErrDecode, "response too large")
		_, err = c.Wallet(ctx, lender)
		is(t, err, api.ErrDecode, "response too large")
		if n := s.API.Hits(); n != 2 {
			t.Errorf("%d requests for 2 calls", n)
		}
	},
	hostile.GzipBomb: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		_, err := c.Projects(ctx, api.ProjectQuery{})
		is(t, err, api.ErrDecode, "response too large")
		if n := s.API.Hits(); n != 1 {
			t.Errorf("%d requests", n)
		}
	},
	hostile.MalformedHeaders: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		_, err := c.Projects(ctx, api.ProjectQuery{})
		is(t, err, api.ErrRefused, "not valid HTTP")
		if s.API.Conns() != 1 || s.API.Hits() != 1 {
			t.Errorf("%d connections, %d requests: a malformed answer is refused once", s.API.Conns(), s.API.Hits())
		}
	},
	hostile.BadCertificate: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		_, err := c.Projects(ctx, api.ProjectQuery{})
		is(t, err, api.ErrRefused, "certificate")
		if s.API.Conns() != 1 || s.API.Hits() != 0 {
			t.Errorf("%d connections, %d requests: a certificate refused is refused once", s.API.Conns(), s.API.Hits())
		}
	},
	hostile.StalledBody: func(t *testing.T, s *hostile.Server) {
		c := client(t, s, func(cfg *api.Config) { cfg.Timeout = 200 * time.Millisecond })
		_, err := c.Projects(ctx, api.ProjectQuery{})
		e := is(t, err, api.ErrNetwork, "no answer within")
		if e.Status != http.StatusOK {
			t.Errorf("status %d: the error must keep that the server had begun to answer", e.Status)
		}
		if text := common.ErrorText(i18n.New(i18n.EN), err); !strings.Contains(text, "began to answer, then stopped") {
			t.Errorf("the terminal says %q: the server stopped, the network is not to blame", text)
		}
	},
	hostile.LeadNoAnswer: func(t *testing.T, s *hostile.Server) {
		c := client(t, s, func(cfg *api.Config) { cfg.Timeout = 300 * time.Millisecond })
		_, err := c.CreateLead(ctx, lead)
		e := is(t, err, api.ErrNetwork, "no answer within")
		if !e.Sent {
			t.Errorf("the lead went out, yet Sent is false: the outcome is unknown, not 'not sent'")
		}
		if got := leadsReceived(s); len(got) != 1 || !strings.Contains(string(got[0].Body), lead.Email) {
			t.Errorf("%d leads received: want one, never repeated", len(got))
		}
	},
	hostile.EscapeTitles:  titlesArriveAsData(hostile.EscapeTitles),
	hostile.C1Titles:      titlesArriveAsData(hostile.C1Titles),
	hostile.BidiTitles:    titlesArriveAsData(hostile.BidiTitles),
	hostile.FormulaTitles: titlesArriveAsData(hostile.FormulaTitles),
	hostile.ZWJTitles:     titlesArriveAsData(hostile.ZWJTitles),
	hostile.NullsAndWrongTypes: func(t *testing.T, s *hostile.Server) {
		c := client(t, s)
		projects, err := walk(c.ProjectPages(ctx, api.ProjectQuery{}))
		if err != nil || len(projects) != 3 {
			t.Fatalf("%d projects, %v: nulls and wrong types must not fail a page", len(projects), err)
		}
		p := projects[0]
		if p.ID != 42 || p.Title != "" || p.Target.Valid || p.Collected.Cents != 123450 || p.BackersCount.Value != 17 ||
			p.InterestRate.Valid || p.EndsAt.Valid || p.Region.Code != "84" {
			t.Errorf("odd project: %+v", p)
		}
		for _, k := range []string{"target", "owner", "interest_rate", "rewards", "video"} {
			if p.Extra[k] == nil {
				t.Errorf("Extra lacks %q", k)
			}
		}
		w, err := c.Wallet(ctx, lender)
		if err != nil || w.ID != 98231 || w.Currency != "" || w.Balance.Valid || w.AvailableBalance.Valid || w.Extra["currency"] == nil {
			t.Errorf("odd wallet: %+v, %v", w, err)
		}
		pledges, err := walk(c.PledgePages(ctx, lender, 0))
		if err != nil || len(pledges) != 2 || pledges[0].ID != 7 || pledges[0].Amount.Cents != 50000 || pledges[0].NextRepayment != nil {
			t.Errorf("odd pledges: %+v, %v", pledges, err)
		}
		if r, err := c.CreateLead(ctx, lead); err != nil || r.ID != 0 {
			t.Errorf("an odd receipt of a filed lead is no error: %+v, %v", r, err)
		}
	},
}

func leadRedirected(t *testing.T, s *hostile.Server) {
	c := client(t, s)
	r, err := c.CreateLead(ctx, lead)
	is(t, err, api.ErrRefused, "nothing was sent there")
	if r.ID != 0 {
		t.Errorf("another server's answer taken as the receipt: %+v", r)
	}
	if n := s.Elsewhere.Hits(); n != 0 {
		t.Errorf("the lead went to the new target %d times", n)
	}
	if n := len(leadsReceived(s)); n != 1 {
		t.Errorf("%d leads sent", n)
	}
}

// titlesArriveAsData: the client hands the hostile titles on exactly as
// sent, for the layers that show or write them to defuse; they never end
// up in an error.
func titlesArriveAsData(sc hostile.Scenario) func(t *testing.T, s *hostile.Server) {
	return func(t *testing.T, s *hostile.Server) {
		want := hostile.Titles[sc]
		c := client(t, s)
		projects, err := walk(c.ProjectPages(ctx, api.ProjectQuery{}))
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, p := range projects {
			titles = append(titles, p.Title)
		}
		if !slices.Equal(titles, want) {
			t.Errorf("project titles %q, want %q", titles, want)
		}
		pledges, err := walk(c.PledgePages(ctx, lender, 0))
		if err != nil || len(pledges) != len(want) || pledges[0].Project.Title != want[0] {
			t.Errorf("pledges: %d, %v", len(pledges), err)
		}
		if p, err := c.Project(ctx, 2); err != nil || p.Title != want[1] {
			t.Errorf("Project(2) = %q, %v", p.Title, err)
		}
	}
}

func TestAPIClient(t *testing.T) {
	for _, sc := range hostile.All() {
		t.Run(string(sc), func(t *testing.T) {
			t.Parallel()
			check, ok := apiChecks[sc]
			if !ok {
				t.Fatalf("no api check for %s", sc)
			}
			check(t, hostile.Start(t, sc))
		})
	}
}

func TestEveryScenarioIsChecked(t *testing.T) {
	for _, sc := range hostile.All() {
		if apiChecks[sc] == nil {
			t.Errorf("scenario %s has no api check", sc)
		}
	}
	if len(apiChecks) != len(hostile.All()) {
		t.Errorf("%d api checks for %d scenarios", len(apiChecks), len(hostile.All()))
	}
}
