package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestWallet(t *testing.T) {
	u := DemoUsers()[0]
	w := get("/user/wallet?" + userQuery(u))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	wal := decode[map[string]any](t, w)
	if wal["currency"] != "EUR" || num(t, wal["id"]) == 0 || wal["updated_at"] == nil {
		t.Errorf("wallet %v", wal)
	}
	bal, avail, pend := cents(t, wal["balance"]), cents(t, wal["available_balance"]), cents(t, wal["pending_balance"])
	if bal != avail+pend || pend == 0 {
		t.Errorf("balance %d = available %d + pending %d? (pending must not be 0: the demo user has open collects)", bal, avail, pend)
	}
	// pending is what the user committed to collects still open.
	var pending int64
	for _, p := range list(t, "/user/pledges?per_page=100&"+userQuery(u)) {
		if p["status"] == "pending" {
			pending += cents(t, p["amount"])
		}
	}
	if pending != pend {
		t.Errorf("pending balance %d, pending pledges add up to %d", pend, pending)
	}
}

func TestUserErrors(t *testing.T) {
	demo := DemoUsers()[0]
	noWallet := DemoUsers()[2]
	for _, tc := range []struct {
		name, path, query string
		status            int
		msg               string
	}{
		{"wallet, unknown email", "/user/wallet", "user_email=nobody@example.com&user_birthdate=1980-11-27", 404, "no wallet found"},
		{"pledges, unknown email", "/user/pledges", "user_email=nobody@example.com&user_birthdate=1980-11-27", 404, "email not found"},
		{"wallet, wrong birthdate", "/user/wallet", "user_email=" + demo.Email + "&user_birthdate=1980-11-28", 403, "birthdate does not match"},
		{"pledges, wrong birthdate", "/user/pledges", "user_email=" + demo.Email + "&user_birthdate=1981-11-27", 403, "birthdate does not match"},
		{"user without a wallet", "/user/wallet", userQuery(noWallet), 404, "no wallet found"},
		{"no email", "/user/wallet", "user_birthdate=1980-11-27", 400, "param is missing or the value is empty: user_email"},
		{"blank email", "/user/pledges", "user_email=%20&user_birthdate=1980-11-27", 400, "param is missing or the value is empty: user_email"},
		{"no birthdate", "/user/pledges", "user_email=" + demo.Email, 400, "param is missing or the value is empty: user_birthdate"},
		{"birthdate not ISO", "/user/wallet", "user_email=" + demo.Email + "&user_birthdate=27/11/1980", 400, "user_birthdate must be a date written YYYY-MM-DD"},
		{"impossible birthdate", "/user/wallet", "user_email=" + demo.Email + "&user_birthdate=1980-02-30", 400, "user_birthdate must be a date written YYYY-MM-DD"},
	} {
		w := get(tc.path + "?" + tc.query)
		if w.Code != tc.status || errorMessage(t, w) != tc.msg {
			t.Errorf("%s: %d %s, want %d %q", tc.name, w.Code, w.Body.String(), tc.status, tc.msg)
		}
	}
}

func TestEmailIsCaseInsensitive(t *testing.T) {
	u := DemoUsers()[0]
	if w := get("/user/wallet?user_email=" + strings.ToUpper(u.Email) + "&user_birthdate=" + u.Birthdate); w.Code != http.StatusOK {
		t.Errorf("upper-case email: %d", w.Code)
	}
	if w := get("/user/pledges?user_email=%20" + u.Email + "%20&user_birthdate=" + u.Birthdate); w.Code != http.StatusOK {
		t.Errorf("email with spaces around: %d", w.Code)
	}
}

func TestUsersAsDescribed(t *testing.T) {
	users := DemoUsers()
	if len(users) < 6 {
		t.Fatalf("%d users, want at least 6", len(users))
	}
	total := func(u User) int {
		w := get("/user/pledges?per_page=1&" + userQuery(u))
		if w.Code != http.StatusOK {
			t.Fatalf("%s: pledges status %d", u.Email, w.Code)
		}
		return atoi(t, w.Header().Get("Total"))
	}
	// The rich demo user: a wallet and pledges in every status.
	statuses := map[string]int{}
	for _, p := range list(t, "/user/pledges?per_page=100&"+userQuery(users[0])) {
		statuses[p["status"].(string)]++
	}
	for _, s := range pledgeStatuses {
		if statuses[s] == 0 {
			t.Errorf("the demo user has no %s pledge", s)
		}
	}
	if n := total(users[0]); n < 12 {
		t.Errorf("the demo user has %d pledges, want a dozen or more", n)
	}
	// No pledges: an empty array, not a 404.
	if w := get("/user/pledges?" + userQuery(users[1])); w.Code != http.StatusOK || w.Body.String() != "[]" {
		t.Errorf("the user without pledges: %d %q", w.Code, w.Body.String())
	}
	if w := get("/user/wallet?" + userQuery(users[1])); w.Code != http.StatusOK {
		t.Errorf("the user without pledges has a wallet: %d", w.Code)
	}
	// No wallet, but pledges.
	if n := total(users[2]); n == 0 {
		t.Error("the user without a wallet has no pledges")
	}
	// Hundreds of pledges, over pages.
	if n := total(users[3]); n < 400 {
		t.Errorf("the big lender has %d pledges, want 400+", n)
	}
	if !strings.ContainsAny(users[4].Description, "ÉéèÈ") {
		t.Errorf("user 4 should be the one with accented names: %q", users[4].Description)
	}
	for _, u := range users {
		if get("/user/pledges?"+userQuery(u)).Code != http.StatusOK {
			t.Errorf("%s cannot be looked up with their own birthdate", u.Email)
		}
	}
}

// TestPledgesAreConsistent checks every pledge as a client sees it, on the
// first page of each user (the big lender's first hundred are enough).
func TestPledgesAreConsistent(t *testing.T) {
	for _, u := range DemoUsers() {
		for _, p := range list(t, "/user/pledges?per_page=100&"+userQuery(u)) {
			checkPledge(t, p)
		}
	}
}

// TestEveryPledgeAddsUp checks all the seed's pledges, the big lender's
// included, on the sandbox's own records: rendering them all as JSON would
// only slow the suite.
func TestEveryPledgeAddsUp(t *testing.T) {
	for _, a := range shared.data.accounts {
		for _, p := range a.pledges {
			var capital, paid, interest int64
			for _, in := range p.schedule {
				capital += in.capital
				if in.status == "paid" {
					paid += in.capital
					interest += in.interest
				}
			}
			if p.schedule != nil && (capital != p.amount || paid != p.repaidCapital || interest != p.paidInterest) {
				t.Errorf("pledge %d: schedule %d/%d/%d, pledge %d/%d/%d", p.id, capital, paid, interest, p.amount, p.repaidCapital, p.paidInterest)
			}
			if p.repaidCapital+p.remainingCapital != p.amount || !slices.Contains(pledgeStatuses, p.status) {
				t.Errorf("pledge %d (%s): %d + %d != %d", p.id, p.status, p.repaidCapital, p.remainingCapital, p.amount)
			}
			if p.project.collectType != "lending" || p.createdAt.After(today) || p.createdAt.Before(p.project.publishedAt) {
				t.Errorf("pledge %d: on a %s project, made %v (published %v)", p.id, p.project.collectType, p.createdAt, p.project.publishedAt)
			}
			want := "success"
			if p.status == "pending" {
				want = "in_progress"
			}
			if p.project.status != want {
				t.Errorf("%s pledge %d is on a project with status %s", p.status, p.id, p.project.status)
			}
		}
	}
}

func checkPledge(t *testing.T, p map[string]any) {
	t.Helper()
	id, status := p["id"], p["status"].(string)
	amount := cents(t, p["amount"])
	repaid, interest, remaining := cents(t, p["repaid_capital"]), cents(t, p["paid_interest"]), cents(t, p["remaining_capital"])
	if amount <= 0 || repaid+remaining != amount {
		t.Errorf("pledge %v: repaid %d + remaining %d != amount %d", id, repaid, remaining, amount)
	}
	proj := p["project"].(map[string]any)
	if proj["id"] == nil || proj["title"] == "" || proj["slug"] == "" || proj["category"] == "" {
		t.Errorf("pledge %v: project %v", id, proj)
	}
	next, _ := p["next_repayment"].(map[string]any)
	switch status {
	case "pending":
		if repaid != 0 || next != nil || p["repayments"] != nil {
			t.Errorf("pending pledge %v has repayments", id)
		}
		return
	case "repaid":
		if remaining != 0 || next != nil {
			t.Errorf("repaid pledge %v: remaining %d, next %v", id, remaining, next)
		}
	case "repaying", "late":
		if next == nil || cents(t, next["amount"]) <= 0 {
			t.Errorf("%s pledge %v has no next repayment", status, id)
		}
	case "defaulted":
		if next != nil {
			t.Errorf("defaulted pledge %v expects a repayment", id)
		}
	default:
		t.Errorf("pledge %v: unknown status %q", id, status)
	}
	reps, ok := p["repayments"].([]any)
	if !ok {
		return // may be absent
	}
	var capital, paidCapital, paidInterest int64
	late := 0
	for _, r := range reps {
		r := r.(map[string]any)
		c, i := cents(t, r["capital"]), cents(t, r["interest"])
		capital += c
		switch r["status"] {
		case "paid":
			paidCapital += c
			paidInterest += i
		case "late":
			late++
		case "scheduled":
		default:
			t.Errorf("pledge %v: repayment status %v", id, r["status"])
		}
	}
	if capital != amount || paidCapital != repaid || paidInterest != interest {
		t.Errorf("pledge %v: schedule capital %d (amount %d), paid %d/%d (repaid %d/%d)", id, capital, amount, paidCapital, paidInterest, repaid, interest)
	}
	if (status == "late" || status == "defaulted") != (late > 0) {
		t.Errorf("%s pledge %v has %d late repayments", status, id, late)
	}
}

// FuzzUserQuery: any email and birthdate give 200, 400, 403 or 404 with a
// JSON body, never a 5xx.
func FuzzUserQuery(f *testing.F) {
	u := DemoUsers()[0]
	for _, s := range [][2]string{{u.Email, u.Birthdate}, {"", ""}, {strings.ToUpper(u.Email), "1980-13-01"}, {"x", "27/11/1980"}, {"é@é", "0000-00-00"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, email, birthdate string) {
		q := "user_email=" + urlEscape(email) + "&user_birthdate=" + urlEscape(birthdate)
		for _, path := range []string{"/user/wallet?", "/user/pledges?per_page=1&"} {
			w := get(path + q)
			switch w.Code {
			case 200, 400, 403, 404:
			default:
				t.Fatalf("%s%s: status %d", path, q, w.Code)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Fatalf("%s%s: body %q", path, q, w.Body.String())
			}
		}
	})
}
