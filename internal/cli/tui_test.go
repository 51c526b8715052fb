package cli

import (
	"strings"
	"testing"
)

// Without a terminal, the UI says what to use instead, and touches nothing.
func TestTerminalUINeedsATerminal(t *testing.T) {
	srv := newTestServer(t)
	r := run(t, testEnv(t, srv.URL)).expectCode(t, ExitUsage)
	r.expectOneLineError(t, "needs a terminal", "miimosa projects")
	if srv.requests.Load() != 0 {
		t.Errorf("the UI sent %d requests without a terminal to show them", srv.requests.Load())
	}
	env := testEnv(t, srv.URL)
	env["LANG"] = "fr_FR.UTF-8"
	run(t, env, "--email", "a@b.fr", "--birthdate", "27/11/1980", "--privacy").
		expectCode(t, ExitUsage).expectOneLineError(t, "besoin d'un terminal")
}

// The lookup flags belong to the terminal UI only.
func TestLookupFlagsAreTheRootsOwn(t *testing.T) {
	srv := newTestServer(t)
	r := run(t, testEnv(t, srv.URL), "projects", "--email", "a@b.fr")
	r.expectCode(t, ExitUsage)
	if !strings.Contains(r.stderr, "unknown flag --email: see miimosa projects --help") {
		t.Errorf("stderr = %q", r.stderr)
	}
	help := run(t, testEnv(t, srv.URL), "--help").expectCode(t, ExitOK)
	for _, f := range []string{"--email", "--birthdate", "--privacy"} {
		if !strings.Contains(help.stdout, f) {
			t.Errorf("--help does not list %s", f)
		}
	}
}
