package hostile_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/hostile"
)

// The commands against every scenario, as a script meets them: a server's
// fault exits 6 (never 2, the usage code) with one line that names the
// server as the cause; a lead whose answer never came exits 7; what the
// server sent reaches standard output as data; nothing reaches another
// server.

// command is one command line per endpoint, and how many requests of the
// API it makes when nothing is retried.
type command struct {
	name string
	args func(t *testing.T) []string
}

var commands = []command{
	{"projects", func(*testing.T) []string { return []string{"projects"} }},
	{"project", func(*testing.T) []string { return []string{"project", "2"} }},
	{"wallet", func(*testing.T) []string { return append([]string{"wallet"}, userFlags()...) }},
	{"pledges", func(*testing.T) []string { return append([]string{"pledges"}, userFlags()...) }},
	{"lead", func(t *testing.T) []string { return []string{"lead", "--file", writeLeadFile(t)} }},
}

// refusedEach runs every command (the lead only withLead) on a fresh
// server of sc, and checks exit 6, a one-line message holding parts,
// nothing on standard output, and the connections and requests each made.
func refusedEach(t *testing.T, sc hostile.Scenario, withLead bool, conns, hits int, parts ...string) {
	t.Helper()
	refused(t, sc, commands, withLead, conns, hits, parts...)
}

// refused is refusedEach for the commands cmds.
func refused(t *testing.T, sc hostile.Scenario, cmds []command, withLead bool, conns, hits int, parts ...string) {
	t.Helper()
	for _, c := range cmds {
		if c.name == "lead" && !withLead {
			continue
		}
		s := hostile.Start(t, sc)
		r := runCLI(t, s, c.args(t)...).expectCode(t, exitNetwork)
		r.expectOneLine(t, parts...)
		if r.stdout != "" {
			t.Errorf("%s: stdout %q", c.name, r.stdout)
		}
		if n := s.API.Conns(); conns >= 0 && n != conns {
			t.Errorf("%s: %d connections, want %d: a refusal is not retried", c.name, n, conns)
		}
		if n := s.API.Hits(); n != hits {
			t.Errorf("%s: %d requests, want %d: a refusal is not retried", c.name, n, hits)
		}
		if n := s.Elsewhere.Hits(); n != 0 {
			t.Errorf("%s: the other origin got %d requests (the key, the email and birthdate, the lead)", c.name, n)
		}
	}
}

// cliChecks holds, for every scenario, what the commands must do.
var cliChecks = map[hostile.Scenario]func(t *testing.T){
	hostile.RedirectOtherPort: func(t *testing.T) {
		refusedEach(t, hostile.RedirectOtherPort, true, -1, 1, "refuses", "redirected")
	},
	hostile.RedirectToHTTP: func(t *testing.T) {
		// The commands trust only the system's authorities: the test
		// certificate is refused before the redirect could be (the api
		// check sees the redirect refused with a client that trusts it).
		refusedEach(t, hostile.RedirectToHTTP, true, 1, 0, "refuses", "certificate")
	},
	hostile.LeadRedirect307: leadNotRedirected(hostile.LeadRedirect307),
	hostile.LeadRedirect308: leadNotRedirected(hostile.LeadRedirect308),
	hostile.RedirectSameOrigin: func(t *testing.T) {
		s := hostile.Start(t, hostile.RedirectSameOrigin)
		r := runCLI(t, s, append([]string{"wallet", "--format", "json"}, userFlags()...)...).expectCode(t, exitOK)
		if !strings.Contains(r.stdout, "98231") {
			t.Errorf("wallet: %q", r.stdout)
		}
		r = runCLI(t, s, "projects", "--all", "--format", "ndjson").expectCode(t, exitOK)
		if n := strings.Count(r.stdout, "\n"); n != 45 {
			t.Errorf("%d projects, want the 45", n)
		}
	},
	hostile.PageLoop: func(t *testing.T) {
		s := hostile.Start(t, hostile.PageLoop)
		r := runCLI(t, s, append([]string{"pledges", "--all", "--format", "csv"}, userFlags()...)...).expectCode(t, exitNetwork)
		r.expectOneLine(t, "refuses", "circle")
		// --all asks for pages of 100: pages 1 and 2 are printed, then the
		// link back to page 1 is refused.
		rows := readCSV(t, r.stdout)
		if len(rows) != 1+200 || rows[200][0] != "200" {
			t.Errorf("%d CSV rows, want the header and the 200 pledges of pages 1 and 2", len(rows))
		}
		if n := s.API.Hits(); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
		r = runCLI(t, s, "projects", "--all").expectCode(t, exitNetwork)
		r.expectOneLine(t, "circle")
	},
	hostile.EndlessPages: func(t *testing.T) {
		// --all would walk to the commands' caps (10,000 pages, 200,000
		// items: half a minute under -race); the api check proves the
		// caps. Here: a limit stops the walk where it is met, without
		// pages fetched ahead of it.
		s := hostile.Start(t, hostile.EndlessPages)
		r := runCLI(t, s, "projects", "--limit", "150", "--format", "ndjson").expectCode(t, exitOK)
		if n := strings.Count(r.stdout, "\n"); n != 150 {
			t.Errorf("%d projects, want 150", n)
		}
		if n := s.API.Hits(); n != 2 {
			t.Errorf("%d requests for 150 projects in pages of 100", n)
		}
	},
	hostile.LyingTotal: func(t *testing.T) {
		// Total says a billion: a limit is met without the walk running
		// ahead further than its concurrency.
		s := hostile.Start(t, hostile.LyingTotal)
		r := runCLI(t, s, "projects", "--limit", "250", "--format", "ndjson").expectCode(t, exitOK)
		if n := strings.Count(r.stdout, "\n"); n != 250 {
			t.Errorf("%d projects, want 250", n)
		}
		if n := s.API.Hits(); n > 3+api.DefaultConcurrency {
			t.Errorf("%d requests for 250 projects in pages of 100", n)
		}
	},
	hostile.NextOtherHost: func(t *testing.T) {
		s := hostile.Start(t, hostile.NextOtherHost)
		r := runCLI(t, s, append([]string{"pledges", "--all", "--format", "ndjson"}, userFlags()...)...).expectCode(t, exitNetwork)
		r.expectOneLine(t, "refuses", "another server")
		if n := strings.Count(r.stdout, "\n"); n != 100 {
			t.Errorf("%d pledges printed, want page 1's 100", n)
		}
		r = runCLI(t, s, "projects", "--all").expectCode(t, exitNetwork)
		r.expectOneLine(t, "another server")
		expectNoOtherHost(t, s)
	},
	hostile.RateLimitStorm: func(t *testing.T) {
		// A limit met by page 1 does not wait out the storm on page 2.
		s := hostile.Start(t, hostile.RateLimitStorm)
		r := runCLI(t, s, "projects", "--limit", "20", "--format", "csv").expectCode(t, exitOK)
		if rows := readCSV(t, r.stdout); len(rows) != 1+20 {
			t.Errorf("%d CSV rows", len(rows))
		}
		// An object under the storm: tried DefaultMaxTries times, waiting
		// Retry-After between, then exit 6 with the server's reason.
		before := s.API.Hits()
		r = runCLI(t, s, "project", "2").expectCode(t, exitNetwork)
		r.expectOneLine(t, "slow down")
		if n := s.API.Hits() - before; n != api.DefaultMaxTries {
			t.Errorf("%d tries, want %d", n, api.DefaultMaxTries)
		}
	},
	// A list and an object: each answer is read up to the cap, once.
	hostile.HugeBody: func(t *testing.T) {
		refused(t, hostile.HugeBody, []command{commands[0], commands[2]}, false, -1, 1, "could not be read")
	},
	hostile.GzipBomb: func(t *testing.T) {
		refused(t, hostile.GzipBomb, []command{commands[0], commands[2]}, false, -1, 1, "could not be read")
	},
	hostile.MalformedHeaders: func(t *testing.T) {
		// The lead is TestLeadAnsweredWithMalformedHeadersIsOfUnknownOutcome.
		refusedEach(t, hostile.MalformedHeaders, false, 1, 1, "refuses", "not valid HTTP")
	},
	hostile.BadCertificate: func(t *testing.T) {
		refusedEach(t, hostile.BadCertificate, true, 1, 0, "refuses", "certificate")
	},
	hostile.StalledBody: func(t *testing.T) {
		// The script's deadline ends the wait: the server is named as the
		// one that stopped, not the network.
		s := hostile.Start(t, hostile.StalledBody)
		r := runCLIWithin(t, s, 500*time.Millisecond, commands[0].args(t)...).expectCode(t, exitNetwork)
		r.expectOneLine(t, "began to answer, then stopped")
		if r.stdout != "" {
			t.Errorf("stdout %q", r.stdout)
		}
	},
	hostile.LeadNoAnswer: func(t *testing.T) {
		// The server never answers: the script's own deadline ends the
		// wait, and the lead may have been filed.
		s := hostile.Start(t, hostile.LeadNoAnswer)
		r := runCLIWithin(t, s, 500*time.Millisecond, "lead", "--file", writeLeadFile(t)).expectCode(t, exitUnknown)
		r.expectOneLine(t, "may have been received", "before sending it again")
		if r.stdout != "" {
			t.Errorf("stdout %q", r.stdout)
		}
		if n := s.API.Hits(); n != 1 {
			t.Errorf("the lead was sent %d times", n)
		}
	},
	hostile.EscapeTitles:  titlesStayData(hostile.EscapeTitles),
	hostile.C1Titles:      titlesStayData(hostile.C1Titles),
	hostile.BidiTitles:    titlesStayData(hostile.BidiTitles),
	hostile.FormulaTitles: formulasDefused,
	hostile.ZWJTitles: func(t *testing.T) {
		titlesStayData(hostile.ZWJTitles)(t)
		columnsLineUp(t, hostile.Start(t, hostile.ZWJTitles))
	},
	hostile.NullsAndWrongTypes: func(t *testing.T) {
		s := hostile.Start(t, hostile.NullsAndWrongTypes)
		for _, args := range [][]string{
			{"projects"},
			{"project", "2"},
			append([]string{"wallet"}, userFlags()...),
			append([]string{"pledges"}, userFlags()...),
		} {
			r := runCLI(t, s, args...).expectCode(t, exitOK)
			if !strings.Contains(r.stdout, "—") || strings.Contains(r.stdout, "<nil>") || strings.Contains(r.stdout, "€0.00") {
				t.Errorf("%s: unknown fields are not shown as —:\n%s", args[0], r.stdout)
			}
			if r.stderr != "" {
				t.Errorf("%s: stderr %q", args[0], r.stderr)
			}
		}
		r := runCLI(t, s, "projects", "--format", "ndjson").expectCode(t, exitOK)
		if n := strings.Count(r.stdout, "\n"); n != 3 {
			t.Errorf("%d projects, want the 3 objects (a null item is no project)", n)
		}
	},
}

// leadNotRedirected: the lead is sent once, to the API only; the other
// server's "received" (and its id) never reaches standard output.
func leadNotRedirected(sc hostile.Scenario) func(t *testing.T) {
	return func(t *testing.T) {
		s := hostile.Start(t, sc)
		r := runCLI(t, s, "lead", "--file", writeLeadFile(t)).expectCode(t, exitNetwork)
		r.expectOneLine(t, "redirected the lead", "nothing was sent there")
		if r.stdout != "" {
			t.Errorf("stdout %q: another server's answer taken as the receipt", r.stdout)
		}
		if n := s.API.Hits(); n != 1 {
			t.Errorf("the lead was sent %d times", n)
		}
		if n := s.Elsewhere.Hits(); n != 0 {
			t.Errorf("the lead went to the new target %d times", n)
		}
	}
}

// titlesStayData: in a table and in CSV no title acts on the terminal; in
// JSON and NDJSON each is the server's exact string, with C0, C1 and bidi
// controls written as \u escapes.
func titlesStayData(sc hostile.Scenario) func(t *testing.T) {
	return func(t *testing.T) {
		s := hostile.Start(t, sc)
		want := hostile.Titles[sc]
		for _, format := range []string{"table", "csv"} {
			r := runCLI(t, s, "projects", "--format", format).expectCode(t, exitOK)
			expectNoControls(t, "projects --format "+format, r.stdout)
			r = runCLI(t, s, append([]string{"pledges", "--format", format}, userFlags()...)...).expectCode(t, exitOK)
			expectNoControls(t, "pledges --format "+format, r.stdout)
		}
		r := runCLI(t, s, "project", "2").expectCode(t, exitOK)
		expectNoControls(t, "project 2", r.stdout)

		r = runCLI(t, s, "projects", "--format", "json").expectCode(t, exitOK)
		expectNoRawInvisible(t, "projects --format json", r.stdout)
		var projects []struct{ Title string }
		if err := json.Unmarshal([]byte(r.stdout), &projects); err != nil {
			t.Fatalf("the JSON does not parse: %v", err)
		}
		if len(projects) != len(want) {
			t.Fatalf("%d projects, want %d", len(projects), len(want))
		}
		for k, p := range projects {
			if p.Title != want[k] {
				t.Errorf("title %d is %q, want the server's %q", k, p.Title, want[k])
			}
		}
		r = runCLI(t, s, append([]string{"pledges", "--format", "ndjson"}, userFlags()...)...).expectCode(t, exitOK)
		expectNoRawInvisible(t, "pledges --format ndjson", r.stdout)
		for k, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
			var pl struct{ Project struct{ Title string } }
			if err := json.Unmarshal([]byte(line), &pl); err != nil {
				t.Fatalf("line %d does not parse: %v", k+1, err)
			}
			if pl.Project.Title != want[k] {
				t.Errorf("pledge %d's title is %q, want %q", k, pl.Project.Title, want[k])
			}
		}
	}
}

// formulasDefused: a title a spreadsheet would run as a formula gets a
// quote before it; --csv-raw keeps the exact value for scripts, every
// byte of it when standard output is not a terminal.
func formulasDefused(t *testing.T) {
	s := hostile.Start(t, hostile.FormulaTitles)
	titles := hostile.Titles[hostile.FormulaTitles]
	check := func(name string, rows [][]string, col int, raw bool) {
		t.Helper()
		if len(rows) != 1+len(titles) {
			t.Fatalf("%s: %d CSV rows, want %d", name, len(rows), 1+len(titles))
		}
		for k, row := range rows[1:] {
			cell, title := row[col], titles[k]
			formula := strings.ContainsRune("=+-@", rune(title[0]))
			switch {
			case raw:
				// Into a pipe, every byte as sent: tabs, carriage returns too.
				if cell != title {
					t.Errorf("%s --csv-raw: cell %q, want the exact %q", name, cell, title)
				}
			case strings.ContainsRune("=+-@\t\r", rune(cell[0])):
				t.Errorf("%s: cell %q starts a formula", name, cell)
			case formula && cell != "'"+title:
				t.Errorf("%s: cell %q, want %q", name, cell, "'"+title)
			}
		}
	}
	for _, raw := range []bool{false, true} {
		args := []string{"--format", "csv"}
		if raw {
			args = append(args, "--csv-raw")
		}
		r := runCLI(t, s, append([]string{"projects"}, args...)...).expectCode(t, exitOK)
		check("projects", readCSV(t, r.stdout), 1, raw)
		r = runCLI(t, s, append(append([]string{"pledges"}, args...), userFlags()...)...).expectCode(t, exitOK)
		check("pledges", readCSV(t, r.stdout), 2, raw)
	}
}

// columnsLineUp: with ZWJ sequences and stray joiners in the titles, the
// column after the title starts at the same place on every line, by the
// layout's measure and by the terminal's (wcwidth).
func columnsLineUp(t *testing.T, s *hostile.Server) {
	r := runCLI(t, s, "projects").expectCode(t, exitOK)
	lines := strings.Split(r.stdout, "\n")
	col := strings.Index(lines[0], "CATEGORY")
	if col < 0 {
		t.Fatalf("no CATEGORY column: %q", lines[0])
	}
	rows := 0
	for _, line := range lines[1:] {
		i := strings.Index(line, "Beekeeping")
		if i < 0 {
			continue
		}
		rows++
		if w, wc := ansi.StringWidth(line[:i]), ansi.StringWidthWc(line[:i]); w != col || wc != col {
			t.Errorf("the category starts at column %d (layout) / %d (wcwidth), want %d: %q", w, wc, col, line)
		}
	}
	if want := len(hostile.Titles[hostile.ZWJTitles]); rows != want {
		t.Errorf("%d rows, want %d:\n%s", rows, want, r.stdout)
	}
}

func TestCommands(t *testing.T) {
	for _, sc := range hostile.All() {
		t.Run(string(sc), func(t *testing.T) {
			t.Parallel()
			check, ok := cliChecks[sc]
			if !ok {
				t.Fatalf("no command check for %s", sc)
			}
			check(t)
		})
	}
}

func TestEveryScenarioHasACommandCheck(t *testing.T) {
	for _, sc := range hostile.All() {
		if cliChecks[sc] == nil {
			t.Errorf("scenario %s has no command check", sc)
		}
	}
	if len(cliChecks) != len(hostile.All()) {
		t.Errorf("%d command checks for %d scenarios", len(cliChecks), len(hostile.All()))
	}
}

// The server read the whole lead, then answered with header lines that are
// not HTTP: the lead may have been filed as surely as when no answer comes,
// so the outcome is unknown (exit 7), not "refused" (exit 6), which a
// script may take for "not filed" and send again.
func TestLeadAnsweredWithMalformedHeadersIsOfUnknownOutcome(t *testing.T) {
	s := hostile.Start(t, hostile.MalformedHeaders)
	r := runCLI(t, s, "lead", "--file", writeLeadFile(t))
	if got := s.API.Requests(); len(got) != 1 || !strings.Contains(string(got[0].Body), lead.Email) {
		t.Fatalf("the server should have the whole lead once: %d requests", len(got))
	}
	r.expectCode(t, exitUnknown)
	r.expectOneLine(t, "may have been received")
}

// A table keeps the rows loaded before a refused page, as CSV and NDJSON
// do (internal/cli/output.go: "a table keeps its rows but says no total").
// The server's first page holds fewer rows than the table holds to size
// its columns, then links to another host.
func TestTableKeepsItsRowsWhenALaterPageIsRefused(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, port, _ := strings.Cut(r.Host, ":")
		w.Header().Set("Link", "<http://localhost:"+port+"/projects?page=2>; rel=\"next\"")
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `[{"id": 1, "title": "Ruches du Vercors"}, {"id": 2, "title": "Vergers de Crest"}]`)
	}))
	t.Cleanup(srv.Close)
	r := runCLI(t, &hostile.Server{URL: srv.URL}, "projects", "--all").expectCode(t, exitNetwork)
	r.expectOneLine(t, "another server")
	if n := hits.Load(); n != 1 {
		t.Errorf("%d requests", n)
	}
	for _, title := range []string{"Ruches du Vercors", "Vergers de Crest"} {
		if !strings.Contains(r.stdout, title) {
			t.Errorf("the table lacks %q:\n%s", title, r.stdout)
		}
	}
}
