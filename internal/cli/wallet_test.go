package cli

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestWalletGolden(t *testing.T) {
	ts := newTestServer(t)
	u := demoUser(t, 0)
	runGoldenCases(t, ts.URL, []goldenCase{
		{"wallet_table", nil, []string{"wallet", "--email", u.Email, "--birthdate", dmy(u.Birthdate)}},
		{"wallet_table_fr", french, []string{"wallet", "--email", u.Email, "--birthdate", u.Birthdate}},
		{"wallet_json", nil, []string{"wallet", "--email", u.Email, "--birthdate", dmy(u.Birthdate), "--format", "json"}},
		{"wallet_csv", nil, []string{"wallet", "--email", u.Email, "--birthdate", dmy(u.Birthdate), "--format", "csv"}},
	})
}

func TestWalletFormatsParseBack(t *testing.T) {
	ts := newTestServer(t)
	u := demoUser(t, 0)
	env := testEnv(t, ts.URL)
	r := run(t, env, "wallet", "--email", u.Email, "--birthdate", u.Birthdate, "--format", "json").expectCode(t, ExitOK)
	var w map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &w); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	for _, k := range []string{"balance", "available_balance", "pending_balance"} {
		if s, ok := w[k].(string); !ok || !strings.Contains(s, ".") {
			t.Errorf("%s is not a decimal string: %v", k, w[k])
		}
	}
	r = run(t, env, "wallet", "--email", u.Email, "--birthdate", u.Birthdate, "--format", "csv").expectCode(t, ExitOK)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 2 || strings.Join(rows[0], ",") != strings.Join(walletCSVHeader, ",") {
		t.Fatalf("CSV: %v %q", err, r.stdout)
	}
	if rows[1][2] != w["balance"] {
		t.Errorf("CSV balance %q, JSON %v", rows[1][2], w["balance"])
	}
}

func TestWalletErrors(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	u := demoUser(t, 0)

	run(t, env, "wallet", "--email", u.Email, "--birthdate", "01/01/1901").
		expectCode(t, ExitBirthdate).expectOneLineError(t, "birthdate does not match", "DD/MM/YYYY")
	run(t, env, "wallet", "--email", "nobody-here@example.org", "--birthdate", "01/01/1980").
		expectCode(t, ExitNotFound).expectOneLineError(t, "email")
	run(t, env, "wallet", "--birthdate", "01/01/1980").expectCode(t, ExitUsage).expectOneLineError(t, "--email")
	run(t, env, "wallet", "--email", "not-an-email", "--birthdate", "01/01/1980").expectCode(t, ExitUsage)
	run(t, env, "wallet", "--email", u.Email, "--birthdate", "31/02/1980").
		expectCode(t, ExitUsage).expectOneLineError(t, "DD/MM/YYYY")
	run(t, env, "wallet", "--email", u.Email, "--birthdate", u.Birthdate, "--format", "ndjson").
		expectCode(t, ExitUsage).expectOneLineError(t, "table, json, csv")

	fr := testEnv(t, ts.URL)
	fr["LANG"] = "fr_FR.UTF-8"
	run(t, fr, "wallet", "--email", u.Email, "--birthdate", "01/01/1901").
		expectCode(t, ExitBirthdate).expectOneLineError(t, "la date de naissance ne correspond pas", "JJ/MM/AAAA")
}

// A user without a wallet is told so, with exit code 4.
func TestWalletNone(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	for _, u := range usersWithout(t, ts, "/user/wallet") {
		run(t, env, "wallet", "--email", u.Email, "--birthdate", u.Birthdate).
			expectCode(t, ExitNotFound).expectOneLineError(t, "no wallet")
		return
	}
	t.Fatal("the sandbox has no user without a wallet")
}

// Without --birthdate, a terminal is asked; without a terminal, it is a
// usage error that says to pass it, and nothing is requested.
func TestWalletBirthdatePrompt(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	u := demoUser(t, 0)

	before := ts.requests.Load()
	run(t, env, "wallet", "--email", u.Email).expectCode(t, ExitUsage).expectOneLineError(t, "--birthdate")
	if ts.requests.Load() != before {
		t.Error("a request was made without a birthdate")
	}

	stdinIsTTY := func(v any) bool { _, ok := v.(*strings.Reader); return ok }
	r := runWith(t, env, runOpts{stdin: dmy(u.Birthdate) + "\n", terminal: stdinIsTTY},
		"wallet", "--email", u.Email, "--format", "json").expectCode(t, ExitOK)
	if !strings.Contains(r.stderr, "Birthdate of "+u.Email) {
		t.Errorf("no prompt on stderr: %q", r.stderr)
	}
	if !strings.Contains(r.stdout, `"available_balance"`) {
		t.Errorf("stdout: %q", r.stdout)
	}

	// An empty answer is a usage error, not a request with no birthdate.
	runWith(t, env, runOpts{stdin: "\n", terminal: stdinIsTTY}, "wallet", "--email", u.Email).expectCode(t, ExitUsage)
}
