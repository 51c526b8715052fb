package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/internal/sandbox"
)

func TestPledgesGolden(t *testing.T) {
	ts := newTestServer(t)
	u := demoUser(t, 0)
	who := []string{"--email", u.Email, "--birthdate", dmy(u.Birthdate)}
	cases := []goldenCase{
		{"pledges_table", nil, []string{"pledges"}},
		{"pledges_table_fr", french, []string{"pledges"}},
		{"pledges_table_narrow", map[string]string{"COLUMNS": "60"}, []string{"pledges"}},
		{"pledges_table_limit", nil, []string{"pledges", "--limit", "4"}},
		{"pledges_json", nil, []string{"pledges", "--limit", "3", "--format", "json"}},
		{"pledges_ndjson", nil, []string{"pledges", "--format", "ndjson"}},
		{"pledges_csv", nil, []string{"pledges", "--format", "csv"}},
	}
	for i := range cases {
		cases[i].args = append(cases[i].args, who...)
	}
	runGoldenCases(t, ts.URL, cases)
}

// usersWithout lists the demo users for whom path answers 404.
func usersWithout(t *testing.T, ts *testServer, path string) []sandbox.User {
	t.Helper()
	var out []sandbox.User
	for _, u := range sandbox.DemoUsers() {
		r := run(t, testEnv(t, ts.URL), strings.TrimPrefix(path, "/user/"), "--email", u.Email, "--birthdate", u.Birthdate, "--format", "json")
		if r.code == ExitNotFound {
			out = append(out, u)
		}
	}
	return out
}

// The user with hundreds of pledges: every page, and as many as Total says.
func TestPledgesAllCountsEqualTotal(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	var big sandbox.User
	total := 0
	for _, u := range sandbox.DemoUsers() {
		q := url.Values{"user_email": {u.Email}, "user_birthdate": {u.Birthdate}}
		if n, _ := ts.tryTotal(t, "/user/pledges", q); n > total {
			big, total = u, n
		}
	}
	if total < 400 {
		t.Fatalf("no demo user with 400+ pledges (most: %d)", total)
	}
	who := []string{"--email", big.Email, "--birthdate", big.Birthdate, "--all"}

	r := run(t, env, append([]string{"pledges", "--format", "csv"}, who...)...).expectCode(t, ExitOK)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse back: %v", err)
	}
	if len(rows)-1 != total {
		t.Errorf("csv: %d rows, Total says %d", len(rows)-1, total)
	}

	r = run(t, env, append([]string{"pledges", "--format", "ndjson"}, who...)...).expectCode(t, ExitOK)
	n := 0
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var p struct{ ID int64 }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil || p.ID == 0 {
			t.Fatalf("line %d: %v %q", n+1, err, sc.Text())
		}
		n++
	}
	if n != total {
		t.Errorf("ndjson: %d lines, Total says %d", n, total)
	}

	r = run(t, env, append([]string{"pledges", "--format", "json"}, who...)...).expectCode(t, ExitOK)
	var items []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil || len(items) != total {
		t.Errorf("json: %v, %d items, Total says %d", err, len(items), total)
	}

	r = run(t, env, append([]string{"pledges"}, who...)...).expectCode(t, ExitOK)
	if lines := strings.Count(r.stdout, "\n"); lines < total+1 {
		t.Errorf("table: %d lines for %d pledges", lines, total)
	}
}

func TestPledgesErrors(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	u := demoUser(t, 0)
	run(t, env, "pledges", "--email", u.Email, "--birthdate", "1901-01-01").
		expectCode(t, ExitBirthdate).expectOneLineError(t, "birthdate")
	run(t, env, "pledges", "--email", "nobody-here@example.org", "--birthdate", "1980-01-01").
		expectCode(t, ExitNotFound)
	run(t, env, "pledges", "--email", u.Email).expectCode(t, ExitUsage).expectOneLineError(t, "--birthdate")
	run(t, env, "pledges", "--email", u.Email, "--birthdate", u.Birthdate, "--all", "--limit", "3").
		expectCode(t, ExitUsage)
}
