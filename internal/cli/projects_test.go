package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/sandbox"
)

func TestProjectsGolden(t *testing.T) {
	ts := newTestServer(t)
	runGoldenCases(t, ts.URL, []goldenCase{
		{"projects_table", nil, []string{"projects", "--limit", "8"}},
		{"projects_table_fr", french, []string{"projects", "--type", "lending", "--limit", "5"}},
		{"projects_table_narrow", map[string]string{"COLUMNS": "60"}, []string{"projects", "--limit", "5"}},
		{"projects_table_filtered", nil, []string{"projects", "--category", "elevage", "--region", "53", "--order", "recent", "--limit", "5"}},
		{"projects_json", nil, []string{"projects", "--limit", "3", "--format", "json"}},
		{"projects_ndjson", nil, []string{"projects", "--limit", "3", "--format", "ndjson"}},
		{"projects_csv", nil, []string{"projects", "--limit", "5", "--format", "csv"}},
		{"projects_empty", nil, []string{"projects", "--keyword", "zzzz-nothing-matches-this"}},
	})
}

// A table fits the width it is given, whatever the titles' lengths.
func TestProjectsTableFitsWidth(t *testing.T) {
	ts := newTestServer(t)
	for _, cols := range []int{40, 60, 80, 100, 160} {
		env := testEnv(t, ts.URL)
		env["COLUMNS"] = strconv.Itoa(cols)
		r := run(t, env, "projects", "--limit", "30").expectCode(t, ExitOK)
		for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
			if w := ansi.StringWidth(line); w > cols {
				t.Errorf("COLUMNS=%d: a line is %d wide: %q", cols, w, line)
			}
		}
	}
}

func TestProjectsAllCountsEqualTotal(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	total := ts.total(t, "/projects", url.Values{})
	if total <= perPageMax {
		t.Fatalf("the seed has %d projects: too few to walk several pages", total)
	}

	t.Run("csv", func(t *testing.T) {
		r := run(t, env, "projects", "--all", "--format", "csv").expectCode(t, ExitOK)
		rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse back: %v", err)
		}
		if len(rows)-1 != total {
			t.Errorf("%d rows, Total says %d", len(rows)-1, total)
		}
		if strings.Join(rows[0], ",") != strings.Join(projectsCSVHeader, ",") {
			t.Errorf("header %v", rows[0])
		}
		ids := map[string]bool{}
		for _, row := range rows[1:] {
			if len(row) != len(projectsCSVHeader) {
				t.Fatalf("row of %d fields: %v", len(row), row)
			}
			if ids[row[0]] {
				t.Errorf("project %s listed twice", row[0])
			}
			ids[row[0]] = true
		}
	})
	t.Run("ndjson", func(t *testing.T) {
		r := run(t, env, "projects", "--all", "--format", "ndjson").expectCode(t, ExitOK)
		n := 0
		sc := bufio.NewScanner(strings.NewReader(r.stdout))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var obj map[string]any
			if err := json.Unmarshal(sc.Bytes(), &obj); err != nil {
				t.Fatalf("line %d is not one JSON object: %v: %q", n+1, err, sc.Text())
			}
			n++
		}
		if n != total {
			t.Errorf("%d lines, Total says %d", n, total)
		}
	})
	t.Run("json", func(t *testing.T) {
		r := run(t, env, "projects", "--all", "--format", "json").expectCode(t, ExitOK)
		var items []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &items); err != nil {
			t.Fatalf("not one JSON array: %v", err)
		}
		if len(items) != total {
			t.Errorf("%d items, Total says %d", len(items), total)
		}
	})
	t.Run("filtered", func(t *testing.T) {
		q := url.Values{"type": {"lending"}}
		want := ts.total(t, "/projects", q)
		r := run(t, env, "projects", "--all", "--type", "lending", "--format", "csv").expectCode(t, ExitOK)
		rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != want {
			t.Errorf("%d rows, Total says %d", len(rows)-1, want)
		}
		for _, row := range rows[1:] {
			if row[3] != "lending" {
				t.Errorf("project %s is %q", row[0], row[3])
			}
		}
	})
}

// --limit beyond one page walks pages and stops at the limit.
func TestProjectsLimitAcrossPages(t *testing.T) {
	ts := newTestServer(t)
	r := run(t, testEnv(t, ts.URL), "projects", "--limit", "150", "--format", "ndjson").expectCode(t, ExitOK)
	if n := strings.Count(r.stdout, "\n"); n != 150 {
		t.Errorf("%d lines, want 150", n)
	}
}

// firstWriteWatcher closes first on its first non-empty write.
type firstWriteWatcher struct {
	first chan struct{}
	once  sync.Once
}

func (w *firstWriteWatcher) Write(p []byte) (int, error) {
	if len(p) > 0 {
		w.once.Do(func() { close(w.first) })
	}
	return len(p), nil
}

// With --all, every format reaches the reader from the first page: the
// last page is held by the server until the first output came (or ten
// seconds), and the output must have come while it was held. Pages after
// the first are asked for together, so counting requests would not tell.
func TestProjectsAllStreams(t *testing.T) {
	h := sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }})
	var watching atomic.Pointer[firstWriteWatcher]
	var streamed atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "4" { // 360 projects, 100 a page: the last
			select {
			case <-watching.Load().first:
				streamed.Store(true)
			case <-time.After(10 * time.Second):
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	for _, f := range []string{"csv", "ndjson", "json", "table"} {
		w := &firstWriteWatcher{first: make(chan struct{})}
		watching.Store(w)
		streamed.Store(false)
		runWith(t, testEnv(t, srv.URL), runOpts{stdout: w}, "projects", "--all", "--format", f).expectCode(t, ExitOK)
		if !streamed.Load() {
			t.Errorf("%s: nothing was written before the last page came", f)
		}
	}
}

// Progress goes to standard error, and only when it is a terminal.
func TestProjectsAllProgress(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	r := run(t, env, "projects", "--all", "--format", "csv").expectCode(t, ExitOK)
	if r.stderr != "" {
		t.Errorf("progress without a terminal: %q", r.stderr)
	}
	total := ts.total(t, "/projects", url.Values{})
	// The App's streams are buffers; only standard error plays a terminal.
	var stdout, stderr bytes.Buffer
	app := &App{
		Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(v any) bool { return v == any(&stderr) },
		Now:        testClock,
	}
	if code := Main(t.Context(), []string{"projects", "--all", "--format", "csv"}, app); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "fetched 100 of "+strconv.Itoa(total)) {
		t.Errorf("no progress on a terminal: %q", stderr.String())
	}
	if strings.Contains(stdout.String(), "fetched") || strings.Contains(stdout.String(), "\x1b") {
		t.Error("progress reached standard output")
	}

	// Both on one terminal: the progress line is erased before the next
	// rows, which never start on its line.
	for _, format := range []string{"csv", "table"} {
		var screen bytes.Buffer
		app.Stdout, app.Stderr = &screen, &screen
		app.IsTerminal = func(any) bool { return true }
		if code := Main(t.Context(), []string{"projects", "--all", "--format", format}, app); code != 0 {
			t.Fatalf("exit %d: %s", code, screen.String())
		}
		shown := screen.String()
		if !strings.Contains(shown, "fetched 100 of") {
			t.Fatalf("%s: no progress: %q", format, shown)
		}
		for _, after := range strings.Split(shown, "fetched ")[1:] {
			_, rest, _ := strings.Cut(after, "\r")
			if !strings.HasPrefix(rest, "\x1b[2K") {
				t.Errorf("%s: output after the progress line without erasing it: %q", format, after[:min(len(after), 60)])
			}
		}
	}
}

func TestProjectsUsageErrors(t *testing.T) {
	ts := newTestServer(t)
	cases := []struct {
		args  []string
		parts []string
	}{
		{[]string{"projects", "--category", "fromage"}, append([]string{`"fromage"`}, api.Categories...)},
		{[]string{"projects", "--order", "cheapest"}, api.Orders},
		{[]string{"projects", "--type", "gift"}, api.CollectTypes},
		{[]string{"projects", "--region", "99"}, []string{"53", "84"}},
		{[]string{"projects", "--limit", "5", "--all"}, []string{"--limit", "--all"}},
		{[]string{"projects", "--limit", "0"}, []string{"--limit"}},
		{[]string{"projects", "--format", "xml"}, []string{"table, json, ndjson, csv"}},
		{[]string{"projects", "elevage"}, []string{"--help"}},
		{[]string{"projects", "--colour"}, []string{"--colour"}},
	}
	for _, c := range cases {
		before := ts.requests.Load()
		r := run(t, testEnv(t, ts.URL), c.args...).expectCode(t, ExitUsage)
		r.expectOneLineError(t, c.parts...)
		if r.stdout != "" {
			t.Errorf("%v: stdout %q", c.args, r.stdout)
		}
		if n := ts.requests.Load() - before; n != 0 {
			t.Errorf("%v: %d requests before the usage error", c.args, n)
		}
	}
}

func TestProjectsRegionByName(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	byName := run(t, env, "projects", "--region", "bretagne", "--format", "csv").expectCode(t, ExitOK)
	byCode := run(t, env, "projects", "--region", "53", "--format", "csv").expectCode(t, ExitOK)
	if byName.stdout != byCode.stdout {
		t.Error("--region bretagne and --region 53 differ")
	}
	rows, _ := csv.NewReader(strings.NewReader(byCode.stdout)).ReadAll()
	if len(rows) < 2 {
		t.Fatal("no project in Bretagne")
	}
	for _, row := range rows[1:] {
		if row[5] != "53" {
			t.Errorf("project %s in region %s", row[0], row[5])
		}
	}
}

func TestProjectsFrenchErrors(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	env["LANG"] = "fr_FR.UTF-8"
	run(t, env, "projects", "--type", "cadeau").expectCode(t, ExitUsage).expectOneLineError(t, "utilisez", "donation, lending")
}

// Server strings reach the table cleaned: the sandbox's seed carries no
// escape codes, so a server that sends some is put in front of it.
func TestProjectsTableCleansServerStrings(t *testing.T) {
	hostile := `[{"id": 7, "title": "Ferme\u001b[31m rouge\u001b]8;;http://evil\u0007 lien", "city": "Quimper\r\nX",
		"collect_type": "lending", "category": "elevage", "status": "in_progress",
		"region": {"code": "53", "name": "Bretagne\u202e"}, "target": "1000", "collected": 10.5}]`
	srv := newStaticServer(t, 200, map[string]string{"Total": "1", "Content-Type": "application/json"}, hostile)
	for _, f := range []string{"table", "csv"} {
		r := run(t, testEnv(t, srv.URL), "projects", "--format", f).expectCode(t, ExitOK)
		for _, bad := range []string{"\x1b", "\a", "\r", "\u202e", "]8;;"} {
			if strings.Contains(r.stdout, bad) {
				t.Errorf("%s output carries %q: %q", f, bad, r.stdout)
			}
		}
		if !strings.Contains(r.stdout, "Ferme") || !strings.Contains(r.stdout, "rouge") {
			t.Errorf("%s output lost the text: %q", f, r.stdout)
		}
	}
	// JSON keeps the exact string; encoding/json escapes the controls.
	r := run(t, testEnv(t, srv.URL), "projects", "--format", "json").expectCode(t, ExitOK)
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("raw escape in JSON")
	}
	var items []struct{ Title string }
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil || len(items) != 1 || !strings.Contains(items[0].Title, "\x1b[31m") {
		t.Errorf("JSON does not keep the exact title: %v %+v", err, items)
	}
}
