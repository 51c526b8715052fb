package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

// hostileText holds what a terminal acts on rather than shows, raw in the
// body: C1 controls (NEL, CSI, OSC), bidi overrides and isolates, and the
// line and paragraph separators.
const hostileText = "Ferme\u0085\u009b31m\u009d8;;x\u009c \u202eesiot\u202c\u2066iso\u2069\u200f\u061c\u2028\u2029 fin"

// hostileServer answers every endpoint with hostileText in its strings,
// sent as raw UTF-8 (not as \u escapes), also in a field this version does
// not know.
func hostileServer(t *testing.T) string {
	t.Helper()
	title, _ := json.Marshal(hostileText) // encoding/json leaves C1 and bidi raw
	project := fmt.Sprintf(`{"id": 7, "title": %s, "status": "in_progress", "collect_type": "lending",
		"category": "elevage", "city": %s, "target": "1000", "collected": "10", "note": %s}`, title, title, title)
	pledge := fmt.Sprintf(`{"id": 9, "project": {"id": 7, "title": %s, "slug": "x", "category": "elevage"},
		"amount": "100", "status": "repaying", "note": %s}`, title, title)
	wallet := fmt.Sprintf(`{"id": 1, "currency": "EUR", "balance": "1", "available_balance": "1",
		"pending_balance": "0", "note": %s}`, title)
	mux := http.NewServeMux()
	answer := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Total", "1")
			_, _ = io.WriteString(w, body)
		}
	}
	mux.Handle("GET /projects", answer("["+project+"]"))
	mux.Handle("GET /projects/7", answer(project))
	mux.Handle("GET /user/pledges", answer("["+pledge+"]"))
	mux.Handle("GET /user/wallet", answer(wallet))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// JSON output escapes the characters a terminal would act on (a person
// may cat it), and a parser still reads the exact string the server sent.
func TestJSONEscapesC1AndBidiControls(t *testing.T) {
	env := testEnv(t, hostileServer(t))
	who := []string{"--email", "a@b.fr", "--birthdate", "27/11/1980"}
	for _, args := range [][]string{
		{"projects", "--format", "json"},
		{"projects", "--format", "ndjson"},
		{"project", "7", "--format", "json"},
		append([]string{"pledges", "--format", "json"}, who...),
		append([]string{"pledges", "--format", "ndjson"}, who...),
		append([]string{"wallet", "--format", "json"}, who...),
	} {
		r := run(t, env, args...).expectCode(t, ExitOK)
		for _, c := range r.stdout {
			if invisibleInJSON(c) || c == 0x2028 || c == 0x2029 {
				t.Errorf("%v: U+%04X written raw:\n%q", args, c, r.stdout)
				break
			}
		}
		if !strings.Contains(r.stdout, `\u009b`) || !strings.Contains(r.stdout, `\u202e`) || !strings.Contains(r.stdout, `\u2028`) {
			t.Errorf("%v: not escaped as \\uXXXX:\n%s", args, r.stdout)
		}
		// Every string holding the text reads back exactly.
		dec := json.NewDecoder(strings.NewReader(r.stdout))
		found := 0
		for {
			var v any
			if err := dec.Decode(&v); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Fatalf("%v: not JSON: %v", args, err)
			}
			found += countString(v, hostileText)
		}
		if found == 0 {
			t.Errorf("%v: the server's text does not read back exactly:\n%s", args, r.stdout)
		}
	}
}

func countString(v any, s string) int {
	switch v := v.(type) {
	case string:
		if v == s {
			return 1
		}
	case []any:
		n := 0
		for _, e := range v {
			n += countString(e, s)
		}
		return n
	case map[string]any:
		n := 0
		for _, e := range v {
			n += countString(e, s)
		}
		return n
	}
	return 0
}

func TestEscapeInvisible(t *testing.T) {
	for in, want := range map[string]string{
		`"plain"`:                 `"plain"`,
		"\"a\u0085b\"":            `"a\u0085b"`,
		"\"\u202e\u2066é\u009f\"": `"\u202e\u2066é\u009f"`,
		"\"\u00a0\u00ff\"":        "\"\u00a0\u00ff\"", // past C1: printable
	} {
		if got := string(escapeInvisible([]byte(in))); got != want {
			t.Errorf("escapeInvisible(%q) = %q, want %q", in, got, want)
		}
	}
}

// formulaServer sends cells a spreadsheet would run.
func formulaServer(t *testing.T) string {
	t.Helper()
	mux := http.NewServeMux()
	answer := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, body)
		}
	}
	mux.Handle("GET /projects", answer(`[{"id": 7, "title": "=HYPERLINK(\"http://evil\",\"x\")", "city": "+33 Quimper",
		"department": "-2+3", "status": "in_progress", "collect_type": "lending", "category": "@SUM(A1)",
		"owner": {"first_name": "\tTab", "last_name": "Plain, \"quoted\""}, "target": "1000", "collected": "10"}]`))
	mux.Handle("GET /user/pledges", answer(`[{"id": 9, "project": {"id": 7, "title": "=1+1", "slug": "x", "category": "@x"},
		"amount": "100", "status": "+repaying"}]`))
	mux.Handle("GET /user/wallet", answer(`{"id": 1, "currency": "EUR", "balance": "-5", "available_balance": "1", "pending_balance": "0"}`))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// CSV cells a spreadsheet would run as formulas get a ' in front; --csv-raw
// keeps the exact values for scripts. Either way the CSV parses back.
func TestCSVDefusesFormulas(t *testing.T) {
	env := testEnv(t, formulaServer(t))
	who := []string{"--email", "a@b.fr", "--birthdate", "27/11/1980"}
	for _, args := range [][]string{
		{"projects", "--format", "csv"},
		append([]string{"pledges", "--format", "csv"}, who...),
		append([]string{"wallet", "--format", "csv"}, who...),
	} {
		for _, raw := range []bool{false, true} {
			a := args
			if raw {
				a = append(append([]string{}, args...), "--csv-raw")
			}
			r := run(t, env, a...).expectCode(t, ExitOK)
			rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
			if err != nil || len(rows) != 2 {
				t.Fatalf("%v: %d rows, %v:\n%s", a, len(rows), err, r.stdout)
			}
			risky := 0
			for _, cell := range rows[1] {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					risky++
				}
				if !raw && strings.HasPrefix(cell, "'") {
					if inner := cell[1:]; inner == "" || !strings.ContainsRune("=+-@\t\r", rune(inner[0])) {
						t.Errorf("%v: %q quoted without need", a, cell)
					}
				}
			}
			if raw && risky == 0 {
				t.Errorf("%v: --csv-raw changed the cells: %v", a, rows[1])
			}
			if !raw && risky > 0 {
				t.Errorf("%v: a cell a spreadsheet would run: %v", a, rows[1])
			}
		}
	}
	r := run(t, env, "projects", "--format", "csv").expectCode(t, ExitOK)
	for _, want := range []string{`"'=HYPERLINK(""http://evil"",""x"")"`, "'+33 Quimper", "'-2+3", "'@SUM(A1)", `"Plain, ""quoted"""`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("projects csv lacks %s:\n%s", want, r.stdout)
		}
	}
}

// --csv-raw on a terminal still keeps out what the terminal would act on
// (C1 controls, bidi overrides); into a pipe the cell is exact.
func TestCSVRawIsExactOnlyIntoAPipe(t *testing.T) {
	env := testEnv(t, hostileServer(t))
	args := []string{"projects", "--format", "csv", "--csv-raw"}
	piped := run(t, env, args...).expectCode(t, ExitOK)
	if !strings.Contains(piped.stdout, hostileText) {
		t.Errorf("--csv-raw into a pipe changed the title:\n%q", piped.stdout)
	}
	shown := runWith(t, env, runOpts{terminal: func(any) bool { return true }}, args...).expectCode(t, ExitOK)
	if strings.ContainsAny(shown.stdout, "\u0085\u009b\u009d\u202e\u2066") {
		t.Errorf("--csv-raw on a terminal wrote controls:\n%q", shown.stdout)
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "plain": "plain", "=1+1": "'=1+1", "+33": "'+33", "-5": "'-5", "@x": "'@x",
		"\tx": "'\tx", "\rx": "'\rx", "a=b": "a=b", "1234.56": "1234.56", "'quoted": "'quoted",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// An answer the client refuses (a redirect elsewhere, a next-page link in a
// circle, a bad certificate) is the server's fault: exit 6, never 2, with
// a message that says so, why, and what to do.
func TestRefusedAnswerIsTheServersFault(t *testing.T) {
	refused := &api.Error{Kind: api.ErrRefused, Method: http.MethodGet, Path: "/projects",
		Message: "the next-page link points to another server (evil.example:8443)\x1b[31m"}
	for _, err := range []error{
		refused,
		fmt.Errorf("walking pages: %w", refused),
		&UsageError{Err: refused}, // whoever wraps it, it is not a usage error
	} {
		if got := ExitCode(err); got != ExitNetwork {
			t.Errorf("ExitCode(%v) = %d, want %d", err, got, ExitNetwork)
		}
	}
	for lang, want := range map[i18n.Lang][]string{
		i18n.EN: {"api.example.com answered something this client refuses", "next-page link points to another server (evil.example:8443)", "report it", "--api-url"},
		i18n.FR: {"api.example.com a répondu quelque chose que ce client refuse", "signalez-le", "--api-url"},
	} {
		err := explain(i18n.New(lang), refused, "api.example.com", false)
		if ExitCode(err) != ExitNetwork {
			t.Errorf("%s: explained, exit %d", lang, ExitCode(err))
		}
		var b strings.Builder
		printError(&b, i18n.New(lang), err)
		line := b.String()
		for _, w := range want {
			if !strings.Contains(line, w) {
				t.Errorf("%s: %q lacks %q", lang, line, w)
			}
		}
		if strings.Contains(line, "\x1b") || strings.Count(line, "\n") != 1 || strings.Contains(line, "flag") || strings.Contains(line, "option") {
			t.Errorf("%s: %q", lang, line)
		}
	}
	// Without a reason, still the server's fault.
	err := explain(i18n.New(i18n.EN), &api.Error{Kind: api.ErrRefused}, "h", false)
	if !strings.Contains(err.Error(), "h answered something this client refuses: report it") {
		t.Errorf("%v", err)
	}
}

// A command whose pages the client refuses exits 6 and says why: the
// walk below stands for api returning ErrRefused on a next-page link.
func TestRefusedPageExits6(t *testing.T) {
	pages := func(yield func(api.Page[api.Project], error) bool) {
		if !yield(api.Page[api.Project]{Items: []api.Project{{ID: 1, Title: "a"}}, Next: "x"}, nil) {
			return
		}
		yield(api.Page[api.Project]{}, &api.Error{Kind: api.ErrRefused, Message: "the next-page links go in a circle"})
	}
	f := testFactory(nil, Globals{})
	var out strings.Builder
	f.IO.Out = &out
	o := newOutput(f, formatCSV)
	err := writeList(context.Background(), o, pages, 0, projectListing)
	err = explain(f.Printer, err, "h", false)
	if ExitCode(err) != ExitNetwork || !strings.Contains(err.Error(), "go in a circle") {
		t.Errorf("exit %d: %v", ExitCode(err), err)
	}
	// The header and the row of the first page are kept.
	if rows, _ := csv.NewReader(strings.NewReader(out.String())).ReadAll(); len(rows) != 2 || rows[1][0] != "1" {
		t.Errorf("the rows before the refusal are lost: %q", out.String())
	}
}
