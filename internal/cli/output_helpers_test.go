package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	// Imported for its -update flag, shared with the other golden-file
	// tests of this package, so that one flag rewrites them all.
	_ "github.com/charmbracelet/x/exp/golden"

	"github.com/miimosa/miimosa/internal/sandbox"
)

// fixedNow is "today" for the sandbox and for the commands, so that days
// left and the seed's dates are the same every day the tests run.
var fixedNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// The local zone is UTC too: date-times print in the local zone, and golden
// files must not depend on where the tests run.
func init() { time.Local = time.UTC }

func testClock() time.Time { return fixedNow }

// testFactory is the factory Main would build for env and args, with the
// tests' clock and no terminal; g sets the global flags as parsed.
func testFactory(env map[string]string, g Globals, args ...string) *Factory {
	f := newFactory(&App{
		Stdin:      strings.NewReader(""),
		Stdout:     io.Discard,
		Stderr:     io.Discard,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return false },
		Now:        testClock,
	}, args)
	*f.Globals = g
	return f
}

const testKey = "test-key"

// testServer runs the real sandbox handler and counts the requests it gets.
type testServer struct {
	*httptest.Server
	requests atomic.Int64
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	h := sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }})
	ts := &testServer{}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	return ts
}

// total asks the sandbox directly for the Total header of a list, so that
// counts are checked against the server, not against the code under test.
func (ts *testServer) total(t *testing.T, path string, q url.Values) int {
	t.Helper()
	n, status := ts.tryTotal(t, path, q)
	if status != http.StatusOK || n < 0 {
		t.Fatalf("GET %s: status %d, no Total", path, status)
	}
	return n
}

// tryTotal is total for a list that may not exist (404): -1 and the status.
func (ts *testServer) tryTotal(t *testing.T, path string, q url.Values) (int, int) {
	t.Helper()
	q.Set("per_page", "1")
	req, err := http.NewRequest(http.MethodGet, ts.URL+path+"?"+q.Encode(), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Token token="+testKey)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	n, err := strconv.Atoi(resp.Header.Get("Total"))
	if err != nil {
		n = -1
	}
	return n, resp.StatusCode
}

// testEnv is a hermetic environment: the sandbox as server, a key, and
// config and state directories of the test's own.
func testEnv(t testing.TB, serverURL string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	return map[string]string{
		"MIIMOSA_API_URL": serverURL,
		"MIIMOSA_API_KEY": testKey,
		"HOME":            dir,
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_STATE_HOME":  filepath.Join(dir, "state"),
		"LANG":            "C.UTF-8",
	}
}

type result struct {
	code           int
	stdout, stderr string
}

// runOpts changes the test App: stdin, and which streams are terminals.
type runOpts struct {
	stdin    string
	terminal func(any) bool
	stdout   io.Writer // in addition to the captured buffer
	in       io.Reader // replaces stdin when set
	ctx      context.Context
}

// run runs the command line in-process, as main does.
func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	return runWith(t, env, runOpts{}, args...)
}

func runWith(t *testing.T, env map[string]string, o runOpts, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	var stdout io.Writer = &out
	if o.stdout != nil {
		stdout = io.MultiWriter(&out, o.stdout)
	}
	terminal := o.terminal
	if terminal == nil {
		terminal = func(any) bool { return false }
	}
	var stdin io.Reader = strings.NewReader(o.stdin)
	if o.in != nil {
		stdin = o.in
	}
	app := &App{
		Stdin:      stdin,
		Stdout:     stdout,
		Stderr:     &errb,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: terminal,
		Now:        testClock,
	}
	parent := o.ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithTimeout(parent, 2*time.Minute)
	defer cancel()
	code := Main(ctx, args, app)
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// expectCode fails with both streams when the exit code is not want.
func (r result) expectCode(t *testing.T, want int) result {
	t.Helper()
	if r.code != want {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
	return r
}

// expectOneLineError checks the error a person reads: one line on standard
// error, prefixed with the program's name, containing each of parts.
func (r result) expectOneLineError(t *testing.T, parts ...string) {
	t.Helper()
	line := strings.TrimSuffix(r.stderr, "\n")
	if line == "" || strings.Contains(line, "\n") || !strings.HasPrefix(line, "miimosa: ") {
		t.Fatalf("stderr is not one line starting with \"miimosa: \": %q", r.stderr)
	}
	for _, p := range parts {
		if !strings.Contains(line, p) {
			t.Errorf("stderr %q does not contain %q", line, p)
		}
	}
	if strings.Contains(r.stderr, testKey) {
		t.Errorf("stderr shows the API key: %q", r.stderr)
	}
}

// golden compares got with testdata/cli/NAME.golden; -update rewrites it.
// goldenCase is one successful run whose standard output must match
// testdata/cli/<name>.golden; env is added to the test environment.
type goldenCase struct {
	name string
	env  map[string]string
	args []string
}

// runGoldenCases runs each case against the server at serverURL: exit 0,
// nothing on standard error, standard output as in its golden file.
func runGoldenCases(t *testing.T, serverURL string, cases []goldenCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := testEnv(t, serverURL)
			for k, v := range c.env {
				env[k] = v
			}
			r := run(t, env, c.args...).expectCode(t, ExitOK)
			if r.stderr != "" {
				t.Errorf("stderr: %q", r.stderr)
			}
			golden(t, c.name, r.stdout)
		})
	}
}

var french = map[string]string{"LANG": "fr_FR.UTF-8"}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "cli", name+".golden")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s:\n%s", name, path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines that differ, enough to see what changed.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want %q\n  got  %q\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// demoUsers are the sandbox's users: the first has a wallet and a dozen
// pledges in every status.
func demoUser(t *testing.T, i int) sandbox.User {
	t.Helper()
	users := sandbox.DemoUsers()
	if i >= len(users) {
		t.Fatalf("the sandbox has %d demo users", len(users))
	}
	return users[i]
}

// dmy turns the sandbox's ISO birthdate into the form people type.
func dmy(iso string) string {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return d.Format("02/01/2006")
}

// newStaticServer answers every request with the same status, headers and
// body: odd servers that the sandbox is too well-behaved to be.
func newStaticServer(t *testing.T, status int, headers map[string]string, body string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		for k, v := range headers {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}
