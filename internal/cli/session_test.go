package cli

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/config"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// openSessionWith opens a session as a command would, with the global
// flags g (and --lang from args); errb is standard error.
func openSessionWith(env map[string]string, g Globals, args ...string) (*Session, *bytes.Buffer, error) {
	var errb bytes.Buffer
	f := newFactory(&App{
		Stdin:      strings.NewReader(""),
		Stdout:     &bytes.Buffer{},
		Stderr:     &errb,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return false },
		Now:        testClock,
	}, args)
	*f.Globals = g
	s, err := f.OpenSession(context.Background(), nil)
	return s, &errb, err
}

func TestOpenDemo(t *testing.T) {
	keyring.MockInitWithError(errors.New("demo must not touch the keyring"))
	defer keyring.MockInit()
	env := authEnv(t)
	env[credentials.EnvKey] = "ignored-in-demo-0123456789" // demo uses its own key
	ctx := context.Background()
	s, _, err := openSessionWith(env, Globals{Demo: true, Lang: "fr"}, "--lang", "fr")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Demo || s.Keys != nil || s.KeySource != credentials.SourceDemo || s.Lang != i18n.FR {
		t.Errorf("session = demo %v, keys %v, source %q, lang %v", s.Demo, s.Keys, s.KeySource, s.Lang)
	}
	if s.DemoUser == nil || *s.DemoUser != sandbox.DemoUsers()[0] {
		t.Errorf("DemoUser = %+v, want the first demo user", s.DemoUser)
	}
	if !strings.HasPrefix(s.APIURL, "http://127.0.0.1:") || s.Host != config.Host(s.APIURL) {
		t.Errorf("APIURL %q, Host %q", s.APIURL, s.Host)
	}
	c, err := s.RequireClient()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckKey(ctx); err != nil {
		t.Fatalf("the demo key is refused by the demo sandbox: %v", err)
	}
	if c.BaseURL() != s.APIURL {
		t.Errorf("client talks to %q, session to %q", c.BaseURL(), s.APIURL)
	}
	s.Close()
	if err := c.CheckKey(ctx); !errors.Is(err, api.ErrNetwork) {
		t.Errorf("after Close the sandbox still answers: %v", err)
	}
}

func TestOpenDemoWithAPIURLIsUsageError(t *testing.T) {
	_, _, err := openSessionWith(authEnv(t), Globals{Demo: true, APIURL: "https://api.example.com"})
	if ExitCode(err) != ExitUsage {
		t.Errorf("err = %v (exit %d), want a usage error", err, ExitCode(err))
	}
}

func TestOpenWithoutKey(t *testing.T) {
	keyring.MockInit()
	env := authEnv(t)
	s, _, err := openSessionWith(env, Globals{APIURL: "https://api.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Client != nil || s.KeySource != credentials.SourceNone || s.Keys == nil || s.KeyErr != nil {
		t.Errorf("client %v, source %q, keys %v, keyring err %v", s.Client, s.KeySource, s.Keys, s.KeyErr)
	}
	if want := filepath.Join(env["XDG_STATE_HOME"], "miimosa"); s.StateDir != want {
		t.Errorf("StateDir %q, want %q", s.StateDir, want)
	}
	if s.Host != "api.example.com" || s.Keys.Host() != "api.example.com" {
		t.Errorf("host %q, store host %q", s.Host, s.Keys.Host())
	}
	_, err = s.RequireClient()
	if !errors.Is(err, ErrNoKey) || ExitCode(err) != ExitKey {
		t.Fatalf("RequireClient err = %v, want ErrNoKey", err)
	}
	if want := "no API key: set MIIMOSA_API_KEY, or run `miimosa auth login`"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	// A key typed later gets a client for the same server.
	c, err := s.NewClient("typed-later-0123456789")
	if err != nil || c.BaseURL() != "https://api.example.com" {
		t.Errorf("NewClient = %v, %v", c, err)
	}
}

func TestOpenNoKeyringIsNotAnError(t *testing.T) {
	keyring.MockInitWithError(errNoSecretService)
	defer keyring.MockInit()
	s, _, err := openSessionWith(authEnv(t), Globals{APIURL: "https://api.example.com"})
	if err != nil {
		t.Fatalf("a machine without keyring cannot open a session: %v", err)
	}
	if s.Client != nil || !errors.Is(s.KeyErr, credentials.ErrNoKeyring) {
		t.Errorf("client %v, keyring err %v", s.Client, s.KeyErr)
	}
}

func TestOpenKeySources(t *testing.T) {
	keyring.MockInit()
	env := authEnv(t)
	g := Globals{APIURL: "https://api.example.com"}
	if err := keyring.Set(credentials.Service, "api.example.com", "from-keyring-0123456789"); err != nil {
		t.Fatal(err)
	}
	s, _, err := openSessionWith(env, g)
	if err != nil || s.KeySource != credentials.SourceKeyring || s.Client == nil {
		t.Fatalf("keyring: source %q, client %v, err %v", s.KeySource, s.Client, err)
	}
	if s.KeyHint != "…6789" {
		t.Errorf("KeyHint = %q, want the last 4 characters", s.KeyHint)
	}
	env[credentials.EnvKey] = "from-env-0123456789"
	if s, _, err = openSessionWith(env, g); err != nil || s.KeySource != credentials.SourceEnv {
		t.Fatalf("env: source %q, err %v", s.KeySource, err)
	}
	env[credentials.EnvKey] = "has a space"
	_, _, err = openSessionWith(env, g)
	if ExitCode(err) != ExitKey || !strings.Contains(err.Error(), "MIIMOSA_API_KEY does not hold a valid API key") {
		t.Errorf("bad env key: err = %v (exit %d)", err, ExitCode(err))
	}
	if strings.Contains(err.Error(), "has a space") {
		t.Errorf("the error repeats the key: %v", err)
	}
}

// --debug logs requests to standard error, never the key.
func TestOpenDebugLogsWithoutKey(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	env[credentials.EnvKey] = authKey
	s, errb, err := openSessionWith(env, Globals{APIURL: srv.URL, Debug: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Client.CheckKey(context.Background()); err != nil {
		t.Fatal(err)
	}
	if errb.Len() == 0 {
		t.Errorf("--debug logged nothing")
	}
	if strings.Contains(errb.String(), authKey[len(authKey)-8:]) {
		t.Errorf("the debug log shows the key: %s", errb.String())
	}
	s, errb, _ = openSessionWith(env, Globals{APIURL: srv.URL})
	_ = s.Client.CheckKey(context.Background())
	if errb.Len() != 0 {
		t.Errorf("without --debug something was logged: %s", errb.String())
	}
}
