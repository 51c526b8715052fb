package hostile_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/internal/hostile"
)

// Output stays data: what the server put in its titles never acts on the
// terminal or the spreadsheet that reads the output, and JSON keeps the
// exact value with what a terminal would act on escaped as \uXXXX.

const titleCount = "5" // each title scenario has five or six titles

func TestTitlesNeverReachTheTerminalRaw(t *testing.T) {
	for _, sc := range []hostile.Scenario{hostile.EscapeTitles, hostile.C1BidiTitles, hostile.ZWJTitles} {
		t.Run(string(sc), func(t *testing.T) {
			s := hostile.Start(t, sc)
			for _, format := range []string{"table", "csv"} {
				r := runCLI(t, s, "projects", "--limit", titleCount, "--format", format).expectCode(t, exitOK)
				expectNoControls(t, "projects --format "+format, r.stdout)
				r = runCLI(t, s, append([]string{"pledges", "--limit", titleCount, "--format", format}, userFlags...)...).expectCode(t, exitOK)
				expectNoControls(t, "pledges --format "+format, r.stdout)
			}
			r := runCLI(t, s, "project", "102").expectCode(t, exitOK)
			expectNoControls(t, "project 102", r.stdout)
		})
	}
}

// JSON and NDJSON keep every title exactly, with no character a terminal
// acts on left raw: C0 and C1 controls and bidi controls are \u escapes.
func TestJSONKeepsTitlesExactAndEscaped(t *testing.T) {
	for _, sc := range []hostile.Scenario{hostile.EscapeTitles, hostile.C1BidiTitles, hostile.ZWJTitles} {
		t.Run(string(sc), func(t *testing.T) {
			s := hostile.Start(t, sc)
			r := runCLI(t, s, "projects", "--limit", titleCount, "--format", "json").expectCode(t, exitOK)
			expectNoRawInvisible(t, "projects --format json", r.stdout)
			var projects []struct{ Title string }
			if err := json.Unmarshal([]byte(r.stdout), &projects); err != nil {
				t.Fatalf("the JSON does not parse: %v", err)
			}
			for k, p := range projects {
				if p.Title != sc.Title(k) {
					t.Errorf("title %d is %q, want the server's %q", k, p.Title, sc.Title(k))
				}
			}
			r = runCLI(t, s, append([]string{"pledges", "--limit", titleCount, "--format", "ndjson"}, userFlags...)...).expectCode(t, exitOK)
			expectNoRawInvisible(t, "pledges --format ndjson", r.stdout)
			for k, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
				var pl struct{ Project struct{ Title string } }
				if err := json.Unmarshal([]byte(line), &pl); err != nil {
					t.Fatalf("line %d does not parse: %v", k+1, err)
				}
				if pl.Project.Title != sc.Title(k) {
					t.Errorf("pledge %d's title is %q, want %q", k, pl.Project.Title, sc.Title(k))
				}
			}
			if sc == hostile.C1BidiTitles {
				for _, esc := range []string{`\u009b`, `\u009d`, `\u0085`, `\u202e`, `\u2066`} {
					if !strings.Contains(r.stdout, esc) {
						t.Errorf("the NDJSON lacks the escape %s", esc)
					}
				}
			}
		})
	}
}

// A title a spreadsheet would run as a formula is defused with a quote;
// --csv-raw keeps the exact value for scripts.
func TestCSVDefusesFormulaCells(t *testing.T) {
	s := hostile.Start(t, hostile.CSVFormulaTitles)
	titles := hostile.CSVFormulaTitles.Titles()
	n := len(titles)
	check := func(name string, rows [][]string, col int, raw bool) {
		t.Helper()
		if len(rows) != 1+n {
			t.Fatalf("%s: %d CSV rows, want %d", name, len(rows), 1+n)
		}
		for k, row := range rows[1:] {
			cell, title := row[col], titles[k]
			switch {
			case raw && strings.ContainsRune("=+-@", rune(title[0])):
				if cell != title {
					t.Errorf("%s --csv-raw: cell %q, want the exact %q", name, cell, title)
				}
			case strings.ContainsRune("=+-@\t\r", rune(cell[0])):
				t.Errorf("%s: cell %q starts a formula", name, cell)
			case strings.ContainsRune("=+-@", rune(title[0])) && cell != "'"+title:
				t.Errorf("%s: cell %q, want %q", name, cell, "'"+title)
			}
		}
	}
	for _, raw := range []bool{false, true} {
		args := []string{"--limit", "6", "--format", "csv"}
		if raw {
			args = append(args, "--csv-raw")
		}
		r := runCLI(t, s, append([]string{"projects"}, args...)...).expectCode(t, exitOK)
		check("projects", readCSV(t, r.stdout), 1, raw)
		r = runCLI(t, s, append(append([]string{"pledges"}, args...), userFlags...)...).expectCode(t, exitOK)
		check("pledges", readCSV(t, r.stdout), 2, raw)
	}
}

// ZWJ sequences and stray joiners: the table's columns line up, by the
// layout's measure and by the terminal's (wcwidth), since no joiner is
// left for them to disagree on.
func TestTableColumnsLineUpWithZWJTitles(t *testing.T) {
	s := hostile.Start(t, hostile.ZWJTitles)
	r := runCLI(t, s, "projects", "--limit", titleCount).expectCode(t, exitOK)
	lines := strings.Split(r.stdout, "\n")
	const next = "CATEGORY"
	col := strings.Index(lines[0], next)
	if col < 0 {
		t.Fatalf("no %s column: %q", next, lines[0])
	}
	rows := 0
	for _, line := range lines[1:] {
		i := strings.Index(line, "Livestock")
		if i < 0 {
			continue
		}
		rows++
		if w, wc := ansi.StringWidth(line[:i]), ansi.StringWidthWc(line[:i]); w != col || wc != col {
			t.Errorf("the category starts at column %d (layout) / %d (wcwidth), want %d: %q", w, wc, col, line)
		}
	}
	if rows != 5 {
		t.Errorf("%d rows, want 5:\n%s", rows, r.stdout)
	}
}

// Nulls and fields of the wrong type: the commands print every item, with
// "—" for what is unknown, never <nil> or a zero amount.
func TestCommandsShowUnknownFieldsAsDashes(t *testing.T) {
	s := hostile.Start(t, hostile.NullsWrongTypes)
	for _, args := range [][]string{
		{"projects", "--limit", "6"},
		{"project", "101"},
		{"project", "103"},
		append([]string{"wallet"}, userFlags...),
		append([]string{"pledges", "--limit", "6"}, userFlags...),
	} {
		r := runCLI(t, s, args...).expectCode(t, exitOK)
		if !strings.Contains(r.stdout, "—") || strings.Contains(r.stdout, "<nil>") || strings.Contains(r.stdout, "€0.00") {
			t.Errorf("%s: unknown fields not shown as —:\n%s", args[0], r.stdout)
		}
		if r.stderr != "" {
			t.Errorf("%s: stderr %q", args[0], r.stderr)
		}
	}
	r := runCLI(t, s, "projects", "--limit", "6", "--format", "ndjson").expectCode(t, exitOK)
	if n := strings.Count(r.stdout, "\n"); n != 6 {
		t.Errorf("%d projects, want 6", n)
	}
}

// expectNoRawInvisible fails if JSON output holds, raw, a control
// character other than a line break, or a bidi control.
func expectNoRawInvisible(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		if r != '\n' && badRune(r, false) {
			t.Errorf("%s holds %U raw at byte %d: %q", what, r, i, around(out, i))
			return
		}
	}
}
