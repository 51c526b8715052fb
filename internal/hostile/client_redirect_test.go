package hostile_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/hostile"
)

// The api client against the redirecting scenarios: a redirect off the
// API's origin is refused at once (ErrRefused, one request, no retry), and
// nothing (neither the key nor the email and birthdate in the query)
// reaches the other server, which would have answered well.

// clientCalls are the client's calls, one per endpoint, and the path each
// asks for.
var clientCalls = []struct {
	name, method, path string
	call               func(t *testing.T, c *api.Client) error
}{
	{"projects", http.MethodGet, "/projects", func(t *testing.T, c *api.Client) error {
		_, err := c.Projects(ctx(t), api.ProjectQuery{})
		return err
	}},
	{"project", http.MethodGet, "/projects/101", func(t *testing.T, c *api.Client) error {
		_, err := c.Project(ctx(t), 101)
		return err
	}},
	{"wallet", http.MethodGet, "/user/wallet", func(t *testing.T, c *api.Client) error {
		_, err := c.Wallet(ctx(t), lender)
		return err
	}},
	{"pledges", http.MethodGet, "/user/pledges", func(t *testing.T, c *api.Client) error {
		_, err := c.Pledges(ctx(t), lender, 0, 0)
		return err
	}},
	{"lead", http.MethodPost, "/leads", func(t *testing.T, c *api.Client) error {
		_, err := c.CreateLead(ctx(t), testLead)
		return err
	}},
}

func TestClientRefusesRedirectToAnotherPort(t *testing.T) {
	for _, call := range clientCalls {
		t.Run(call.name, func(t *testing.T) {
			s := hostile.Start(t, hostile.RedirectOtherPort)
			e := expectKind(t, call.call(t, newClient(t, s, nil)), api.ErrRefused)
			expectHits(t, s, call.method, call.path, 1)
			expectNothingElsewhere(t, s)
			// The message names the server as the cause and where it
			// pointed (scheme and host only, never the query).
			if !strings.Contains(e.Error(), "redirected") || !strings.Contains(e.Error(), strings.TrimPrefix(s.OtherURL, "http://")) {
				t.Errorf("message %q does not say where the server redirected", e.Error())
			}
			expectNoPersonalData(t, "the error", e.Error())
			if e.Sent {
				t.Errorf("Sent is true: a refused redirect is not a lost answer")
			}
		})
	}
}

func TestClientRefusesRedirectFromHTTPSToHTTP(t *testing.T) {
	for _, call := range clientCalls {
		t.Run(call.name, func(t *testing.T) {
			s := hostile.Start(t, hostile.RedirectToHTTP)
			e := expectKind(t, call.call(t, newClient(t, s, s.HTTPClient())), api.ErrRefused)
			expectHits(t, s, call.method, call.path, 1)
			expectNothingElsewhere(t, s)
			if call.method == http.MethodGet && !strings.Contains(e.Error(), "plain http") {
				t.Errorf("message %q does not say the redirect was to plain http", e.Error())
			}
			expectNoPersonalData(t, "the error", e.Error())
		})
	}
}

// A redirect within the origin is followed, with the key: the client stays
// usable behind a server that moves a path.
func TestClientFollowsRedirectWithinTheOrigin(t *testing.T) {
	s := hostile.Start(t, hostile.RedirectSameOrigin)
	c := newClient(t, s, nil)
	p, err := c.Projects(ctx(t), api.ProjectQuery{})
	if err != nil {
		t.Fatalf("Projects: %v", err)
	}
	if len(p.Items) != hostile.DefaultPerPage || p.Items[0].ID != hostile.ProjectID(0) {
		t.Errorf("got %d projects, first %d; want %d from %d", len(p.Items), p.Items[0].ID, hostile.DefaultPerPage, hostile.ProjectID(0))
	}
	reqs := s.Requests()
	if len(reqs) != 2 || reqs[1].Query.Get("hop") != "1" {
		t.Fatalf("requests %+v, want the first and its redirect", reqs)
	}
	for _, r := range reqs {
		if !r.Authorization {
			t.Errorf("%s %s?%s came without the key", r.Method, r.Path, r.Query.Encode())
		}
	}
	if _, err := c.Wallet(ctx(t), lender); err != nil {
		t.Errorf("Wallet: %v", err)
	}
	expectNothingElsewhere(t, s)
}

// POST /leads answered 307 or 308: the lead is not sent again anywhere,
// and the other server's "received" is never taken for the API's.
func TestClientNeverFollowsARedirectOfTheLead(t *testing.T) {
	for _, sc := range []hostile.Scenario{hostile.LeadRedirect307, hostile.LeadRedirect308} {
		t.Run(string(sc), func(t *testing.T) {
			s := hostile.Start(t, sc)
			r, err := newClient(t, s, nil).CreateLead(ctx(t), testLead)
			e := expectKind(t, err, api.ErrRefused)
			if r.ID != 0 {
				t.Errorf("a lead id %d was returned", r.ID)
			}
			if !strings.Contains(e.Error(), "redirected the lead") {
				t.Errorf("message %q does not say the lead was redirected", e.Error())
			}
			expectHits(t, s, http.MethodPost, "/leads", 1)
			expectNothingElsewhere(t, s)
			reqs := s.Requests()
			if len(reqs) != 1 || !strings.Contains(string(reqs[0].Body), email) {
				t.Errorf("the API server should have received the lead once, got %d requests", len(reqs))
			}
		})
	}
}
