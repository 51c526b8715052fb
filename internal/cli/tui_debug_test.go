package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
)

// With --debug, the terminal UI's session logs to a private file in the
// state directory, never to standard error: the screen is the UI's.
func TestTheUIsDebugLogGoesToAFileNotTheScreen(t *testing.T) {
	srv := newTestServer(t)
	env := testEnv(t, srv.URL)
	var stderr bytes.Buffer
	f := newFactory(&App{Stderr: &stderr, Getenv: func(k string) string { return env[k] }, Now: testClock}, nil)
	f.Globals.Debug = true

	debugLog, path, closeLog, err := tuiDebugLog(f)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := f.OpenSession(context.Background(), debugLog)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if _, err := sess.Client.Projects(context.Background(), api.ProjectQuery{}); err != nil {
		t.Fatal(err)
	}
	closeLog()

	if stderr.Len() != 0 {
		t.Errorf("the session wrote to standard error under the UI: %q", stderr.String())
	}
	if want := filepath.Join(env["XDG_STATE_HOME"], "miimosa", "debug.log"); path != want {
		t.Errorf("debug log at %s, want %s", path, want)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("debug log mode %v, want 0600", info.Mode().Perm())
	}
	log, _ := os.ReadFile(path)
	if !strings.Contains(string(log), "/projects") {
		t.Errorf("the request is not in the debug log:\n%s", log)
	}
	if strings.Contains(string(log), testKey) {
		t.Error("the API key is in the debug log")
	}

	// Without --debug nothing is created and the log stays standard error.
	f.Globals.Debug = false
	w, path, closeLog, err := tuiDebugLog(f)
	closeLog()
	if err != nil || w != nil || path != "" {
		t.Errorf("without --debug: log %v, path %q, err %v", w, path, err)
	}
}

// The whole program: the UI starts with --debug, ctrl+c leaves it, and
// standard error holds only where the log is.
func TestTheUIWithDebugSaysWhereTheLogIsOnceItQuits(t *testing.T) {
	srv := newTestServer(t)
	env := testEnv(t, srv.URL)
	r := runWith(t, env, runOpts{stdin: "\x03", terminal: func(any) bool { return true }}, "--debug")
	r.expectCode(t, ExitOK)
	path := filepath.Join(env["XDG_STATE_HOME"], "miimosa", "debug.log")
	if want := "The debug log of this session is in " + path + "\n"; r.stderr != want {
		t.Errorf("stderr = %q, want %q", r.stderr, want)
	}
}

// The key prompt is told what the session found: no keyring (a new key is
// kept for the session, or in the file with --insecure-storage), or a key
// file it refused.
func TestTheKeyPromptKnowsWhereAKeyWouldBeKept(t *testing.T) {
	p := i18n.New(i18n.EN)
	noKeyring := fmt.Errorf("%w: %w", credentials.ErrNotFound, fmt.Errorf("%w: no session bus", credentials.ErrNoKeyring))
	for _, c := range []struct {
		name              string
		keyErr            error
		insecure          bool
		noKeyring, notice bool
	}{
		{"keyring", nil, false, false, false},
		{"no keyring", noKeyring, false, true, false},
		{"no keyring, file", noKeyring, true, true, false},
		{"refused file", errors.New("the key file is readable by others"), true, false, true},
	} {
		sess := &Session{KeyErr: c.keyErr, Keys: credentials.NewStore("h", credentials.Options{Insecure: c.insecure})}
		cfg := keyConfig(sess, p)
		if cfg.NoKeyring != c.noKeyring || cfg.Insecure != c.insecure || (cfg.Notice != "") != c.notice || cfg.Store == nil {
			t.Errorf("%s: %+v", c.name, cfg)
		}
	}
	if cfg := keyConfig(&Session{}, p); cfg.Store != nil {
		t.Error("without a store (demo), the prompt is given a nil store in an interface")
	}
}
