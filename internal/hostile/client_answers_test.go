package hostile_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/hostile"
)

// The api client against answers that are too big, too many, not HTTP,
// not private, or lost: the kind of error says whose fault it is, and
// what cannot succeed is asked once.

func TestClientCapsAHugeBody(t *testing.T) {
	s := hostile.Start(t, hostile.HugeBody)
	c := newClient(t, s, nil)
	for _, call := range clientCalls[:4] { // the GETs
		t.Run(call.name, func(t *testing.T) {
			e := expectKind(t, call.call(t, c), api.ErrDecode)
			if !strings.Contains(e.Error(), "too large") {
				t.Errorf("message %q does not say the answer is too large", e.Error())
			}
			expectHits(t, s, call.method, call.path, 1)
		})
	}
}

func TestClientCapsAGzipBomb(t *testing.T) {
	s := hostile.Start(t, hostile.GzipBomb)
	c := newClient(t, s, nil)
	_, err := c.Projects(ctx(t), api.ProjectQuery{})
	e := expectKind(t, err, api.ErrDecode)
	if !strings.Contains(e.Error(), "too large") {
		t.Errorf("message %q does not say the answer is too large", e.Error())
	}
	expectHits(t, s, http.MethodGet, "/projects", 1)
}

// A 429 with a Retry-After longer than the client waits on its own: one
// request, and the error says when to come back; a walk launches nothing
// more.
func TestClientDoesNotHammerA429Storm(t *testing.T) {
	s := hostile.Start(t, hostile.RateLimitStorm)
	c := newClient(t, s, nil)
	_, err := c.Wallet(ctx(t), lender)
	e := expectKind(t, err, api.ErrRateLimited)
	if e.RetryAfter != hostile.RetryAfterStorm*time.Second {
		t.Errorf("RetryAfter %s, want %ds", e.RetryAfter, hostile.RetryAfterStorm)
	}
	expectHits(t, s, http.MethodGet, "/user/wallet", 1)

	_, _, err = collect(c.ProjectPages(ctx(t), api.ProjectQuery{}))
	expectKind(t, err, api.ErrRateLimited)
	expectHits(t, s, http.MethodGet, "/projects", 1)
}

// A short Retry-After is waited out, once.
func TestClientWaitsOutABrief429(t *testing.T) {
	s := hostile.Start(t, hostile.RateLimitBrief)
	p, err := newClient(t, s, nil).Project(ctx(t), 101)
	if err != nil || p.ID != 101 {
		t.Fatalf("Project: %v (id %d)", err, p.ID)
	}
	expectHits(t, s, http.MethodGet, "/projects/101", 2)
}

// Header lines that are not HTTP: the server's fault, refused at once,
// never "could not be reached" three times.
func TestClientRefusesMalformedHeaders(t *testing.T) {
	for _, call := range clientCalls[:4] {
		t.Run(call.name, func(t *testing.T) {
			s := hostile.Start(t, hostile.MalformedHeaders)
			e := expectKind(t, call.call(t, newClient(t, s, nil)), api.ErrRefused)
			if !strings.Contains(e.Error(), "not valid HTTP") {
				t.Errorf("message %q does not say the answer is not HTTP", e.Error())
			}
			expectHits(t, s, call.method, call.path, 1)
		})
	}
}

// A certificate the client does not trust: refused at the handshake, one
// connection, no request reaches the server.
func TestClientRefusesAnUntrustedCertificate(t *testing.T) {
	for _, call := range clientCalls {
		t.Run(call.name, func(t *testing.T) {
			s := hostile.Start(t, hostile.BadCertificate)
			e := expectKind(t, call.call(t, newClient(t, s, nil)), api.ErrRefused)
			if !strings.Contains(e.Error(), "certificate") {
				t.Errorf("message %q does not name the certificate", e.Error())
			}
			if n := s.Conns(); n != 1 {
				t.Errorf("%d connections, want 1: a bad certificate is not retried", n)
			}
			if n := len(s.Requests()); n != 0 {
				t.Errorf("%d requests got through the handshake", n)
			}
		})
	}
}

// The server reads the whole lead and hangs up: the outcome is unknown
// (Sent), the lead is not sent again.
func TestClientSaysALostLeadAnswerWasSent(t *testing.T) {
	s := hostile.Start(t, hostile.LeadDrop)
	_, err := newClient(t, s, nil).CreateLead(ctx(t), testLead)
	e := expectKind(t, err, api.ErrNetwork)
	if !e.Sent {
		t.Errorf("Sent is false: the server had the whole lead")
	}
	expectHits(t, s, http.MethodPost, "/leads", 1)
	if b := string(s.Requests()[0].Body); !strings.Contains(b, email) || !strings.Contains(b, `"lastname":"Martin"`) {
		t.Errorf("the server did not receive the whole lead: %q", b)
	}
}

// Nulls, numbers as strings and fields of the wrong type: every item is
// read, what is unusable is unknown (never zero), kept in Extra.
func TestClientToleratesNullsAndWrongTypes(t *testing.T) {
	s := hostile.Start(t, hostile.NullsWrongTypes)
	c := newClient(t, s, nil)
	p, err := c.Projects(ctx(t), api.ProjectQuery{PerPage: 3})
	if err != nil {
		t.Fatalf("Projects: %v", err)
	}
	if len(p.Items) != 3 {
		t.Fatalf("%d projects, want 3", len(p.Items))
	}
	nulls, strs, wrong := p.Items[0], p.Items[1], p.Items[2]
	if nulls.Title != "" || nulls.Target.Valid || nulls.BackersCount.Valid || nulls.PublishedAt.Valid {
		t.Errorf("nulls read as values: %+v", nulls)
	}
	if strs.ID != 102 || strs.Target.Cents != 4_500_000 || strs.Collected.Cents != 1_234_550 || strs.BackersCount.Value != 42 || strs.InterestRate.String() != "4.5" {
		t.Errorf("numbers as strings misread: id %d target %d collected %d backers %v rate %s",
			strs.ID, strs.Target.Cents, strs.Collected.Cents, strs.BackersCount, strs.InterestRate.String())
	}
	// A number where a string is expected is read as its text (the title
	// 42 is "42"); a value that cannot be the field's is unknown.
	if wrong.Title != "42" || wrong.Target.Valid || wrong.BackersCount.Valid || wrong.InterestRate.Valid || wrong.EndsAt.Valid {
		t.Errorf("fields of the wrong type read as values: %+v", wrong)
	}
	if _, ok := wrong.Extra["target"]; !ok {
		t.Errorf("the wrong-typed target is not kept in Extra: %v", wrong.Extra)
	}

	pl, err := c.Pledges(ctx(t), lender, 0, 3)
	if err != nil || len(pl.Items) != 3 {
		t.Fatalf("Pledges: %v (%d items)", err, len(pl.Items))
	}
	if pl.Items[0].Amount.Valid || pl.Items[0].NextRepayment != nil || pl.Items[2].Amount.Valid || pl.Items[2].NextRepayment != nil {
		t.Errorf("null or wrong-typed pledge fields read as values: %+v / %+v", pl.Items[0], pl.Items[2])
	}
	w, err := c.Wallet(ctx(t), lender)
	if err != nil {
		t.Fatalf("Wallet: %v", err)
	}
	if w.ID != 98231 || w.Balance.Valid || w.PendingBalance.Valid || w.AvailableBalance.Cents != 123_456 {
		t.Errorf("wallet misread: %+v", w)
	}
}
