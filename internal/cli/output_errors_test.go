package cli

import (
	"net"
	"strings"
	"testing"
)

// Exit codes are what scripts branch on: each one for the failure it names.
func TestExitCodes(t *testing.T) {
	ts := newTestServer(t)
	u := demoUser(t, 0)

	t.Run("0 done", func(t *testing.T) {
		run(t, testEnv(t, ts.URL), "projects", "--limit", "1").expectCode(t, ExitOK)
	})
	t.Run("2 usage", func(t *testing.T) {
		run(t, testEnv(t, ts.URL), "projects", "--order", "nope").expectCode(t, ExitUsage)
	})
	t.Run("3 no key", func(t *testing.T) {
		env := testEnv(t, ts.URL)
		delete(env, "MIIMOSA_API_KEY")
		r := run(t, env, "projects").expectCode(t, ExitKey)
		r.expectOneLineError(t, "MIIMOSA_API_KEY", "miimosa auth login")
	})
	t.Run("3 key rejected", func(t *testing.T) {
		env := testEnv(t, ts.URL)
		env["MIIMOSA_API_KEY"] = "wrong-key-1234"
		r := run(t, env, "wallet", "--email", u.Email, "--birthdate", u.Birthdate).expectCode(t, ExitKey)
		r.expectOneLineError(t, "rejected", "MIIMOSA_API_KEY")
		if strings.Contains(r.stderr, "wrong-key") {
			t.Errorf("the key is printed: %q", r.stderr)
		}
	})
	t.Run("4 not found", func(t *testing.T) {
		run(t, testEnv(t, ts.URL), "project", "987654321").expectCode(t, ExitNotFound)
	})
	t.Run("5 birthdate", func(t *testing.T) {
		run(t, testEnv(t, ts.URL), "pledges", "--email", u.Email, "--birthdate", "02/03/1950").expectCode(t, ExitBirthdate)
	})
	t.Run("6 server failure", func(t *testing.T) {
		srv := newStaticServer(t, 503, map[string]string{"Content-Type": "text/html"}, "<html>down for maintenance</html>")
		r := run(t, testEnv(t, srv.URL), "projects").expectCode(t, ExitNetwork)
		r.expectOneLineError(t, "503", "try again")
	})
	t.Run("6 closed port", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		r := run(t, testEnv(t, "http://"+addr), "wallet", "--email", u.Email, "--birthdate", u.Birthdate).expectCode(t, ExitNetwork)
		r.expectOneLineError(t, addr, "could not be reached")
	})
	t.Run("6 unreadable answer", func(t *testing.T) {
		srv := newStaticServer(t, 200, map[string]string{"Content-Type": "application/json"}, `[{"id": 1, "title": "tronq`)
		run(t, testEnv(t, srv.URL), "projects").expectCode(t, ExitNetwork).expectOneLineError(t, "could not be read")
	})
}

// --demo needs no key and no server: the sandbox runs in-process, and the
// user commands default to its demo user.
func TestDemo(t *testing.T) {
	env := testEnv(t, "")
	delete(env, "MIIMOSA_API_URL")
	delete(env, "MIIMOSA_API_KEY")
	run(t, env, "--demo", "projects", "--limit", "3", "--format", "csv").expectCode(t, ExitOK)
	r := run(t, env, "wallet", "--demo", "--format", "json").expectCode(t, ExitOK)
	if !strings.Contains(r.stdout, `"available_balance"`) {
		t.Errorf("demo wallet: %q", r.stdout)
	}
	run(t, env, "pledges", "--demo", "--limit", "2").expectCode(t, ExitOK)
	// Another demo user's birthdate need not be typed either.
	other := demoUser(t, 3)
	r = run(t, env, "pledges", "--demo", "--email", other.Email, "--limit", "1", "--format", "ndjson").expectCode(t, ExitOK)
	if strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("demo pledges of %s: %q", other.Email, r.stdout)
	}
	id := firstProjectID(t, env, "--demo")
	run(t, env, "project", id, "--demo").expectCode(t, ExitOK)
}
