package hostile_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/miimosa/miimosa/internal/cli"
	"github.com/miimosa/miimosa/internal/hostile"
)

// Exit codes a script relies on (internal/cli/exit.go).
const (
	exitOK      = 0
	exitUsage   = 2
	exitNetwork = 6 // the server's fault
	exitUnknown = 7 // a lead's outcome is unknown
)

// cliResult is a command's exit code and streams.
type cliResult struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command line in-process, as main does, against s, with
// the key in the environment and home, config, state and cache in the
// test's own directory.
func runCLI(t *testing.T, s *hostile.Server, args ...string) cliResult {
	t.Helper()
	return runCLIWithin(t, s, 30*time.Second, args...)
}

// runCLIWithin is runCLI with the caller's deadline: a script's timeout.
func runCLIWithin(t *testing.T, s *hostile.Server, within time.Duration, args ...string) cliResult {
	t.Helper()
	dir := t.TempDir()
	env := map[string]string{
		"MIIMOSA_API_URL": s.URL,
		"MIIMOSA_API_KEY": cliKey,
		"HOME":            dir,
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_STATE_HOME":  filepath.Join(dir, "state"),
		"XDG_CACHE_HOME":  filepath.Join(dir, "cache"),
		"LANG":            "C.UTF-8",
	}
	var out, errb bytes.Buffer
	app := &cli.App{
		Stdin:      strings.NewReader(""),
		Stdout:     &out,
		Stderr:     &errb,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return false },
		Now:        func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) },
	}
	c, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	code := cli.Main(c, args, app)
	return cliResult{code: code, stdout: out.String(), stderr: errb.String()}
}

// expectCode fails with both streams when the exit code is not want.
func (r cliResult) expectCode(t *testing.T, want int) cliResult {
	t.Helper()
	if r.code != want {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
	return r
}

// expectOneLine checks the error a person reads: one line on standard
// error, "miimosa: …", holding each of parts, without the key or the
// lender's personal data, and never the usage hint of exit 2.
func (r cliResult) expectOneLine(t *testing.T, parts ...string) {
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
	if strings.Contains(line, "--help") || strings.Contains(line, "flag") {
		t.Errorf("stderr %q blames the command line for the server's fault", line)
	}
	expectNoPersonalData(t, "stderr", r.stderr)
}

// cliKey is the key the commands are given.
const cliKey = "hostile-cli-key"

// expectNoPersonalData fails if text shows the lender's email or
// birthdate, or the key.
func expectNoPersonalData(t *testing.T, what, text string) {
	t.Helper()
	for _, secret := range []string{lender.Email, lender.Birthdate, cliKey} {
		if strings.Contains(text, secret) {
			t.Errorf("%s shows %q: %q", what, secret, text)
		}
	}
}

// expectNoOtherHost fails if a request reached the server under another
// host name (NextOtherHost's link): the key and the lender's data went
// with it.
func expectNoOtherHost(t *testing.T, s *hostile.Server) {
	t.Helper()
	for _, r := range s.API.Requests() {
		if strings.HasPrefix(r.Host, "localhost") {
			t.Errorf("the link to another host was followed: %s %s (Host %s)", r.Method, r.Path, r.Host)
		}
	}
}

// userFlags name the lender for wallet and pledges.
func userFlags() []string {
	return []string{"--email", lender.Email, "--birthdate", lender.Birthdate}
}

// expectNoControls fails if out holds a control character other than a
// line break, a bidi control or a zero-width joiner: what a terminal acts
// on, or draws at another width than the layout measured.
func expectNoControls(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		if r != '\n' && badRune(r, true) {
			t.Errorf("%s holds %U at byte %d: %q", what, r, i, around(out, i))
			return
		}
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

// badRune reports a C0 or C1 control, a bidi control and, with zwj, a
// zero-width joiner.
func badRune(r rune, zwj bool) bool {
	switch {
	case unicode.IsControl(r), r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return zwj && r == '\u200d'
}

func around(s string, i int) string {
	return s[max(0, i-30):min(len(s), i+30)]
}

// writeLeadFile writes the test lead as `lead --file` reads it.
func writeLeadFile(t *testing.T) string {
	t.Helper()
	b, err := json.Marshal(map[string]string{
		"email": lead.Email, "firstname": lead.Firstname, "lastname": lead.Lastname, "phone": lead.Phone,
		"collect_type": lead.CollectType, "project_description": lead.ProjectDescription,
		"project_total_budget": lead.ProjectTotalBudget, "publication_timeframe": lead.PublicationTimeframe,
	})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "lead.json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	return rows
}
