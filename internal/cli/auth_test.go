package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/miimosa/miimosa/internal/config"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// No test of this package talks to the real keyring: a developer's own
// keys stay out of reach, and CI's real-keyring test lives in
// internal/credentials.
func init() { keyring.MockInit() }

// authKey is long enough for its last 4 characters to be shown.
const authKey = "auth-test-key-0123456789-WXYZ"

var errNoSecretService = errors.New("dbus: couldn't determine address of session bus")

type authServer struct {
	*httptest.Server
	host     string
	requests atomic.Int64
}

func newAuthServer(t *testing.T) *authServer {
	t.Helper()
	h := sandbox.NewHandler(sandbox.Options{Key: authKey})
	s := &authServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	s.host = config.Host(s.URL)
	return s
}

// authEnv is a hermetic environment of the test's own directories, no key.
func authEnv(t *testing.T) map[string]string {
	dir := t.TempDir()
	return map[string]string{
		"HOME":            dir,
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_STATE_HOME":  filepath.Join(dir, "state"),
		"LANG":            "en_GB.UTF-8",
	}
}

type authResult struct {
	code           int
	stdout, stderr string
}

func (r authResult) all() string { return r.stdout + r.stderr }

func authRun(t *testing.T, env map[string]string, stdin string, args ...string) authResult {
	t.Helper()
	var out, errb bytes.Buffer
	app := &App{
		Stdin:      strings.NewReader(stdin),
		Stdout:     &out,
		Stderr:     &errb,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return false },
		Now:        testClock,
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code := Main(ctx, args, app)
	r := authResult{code: code, stdout: out.String(), stderr: errb.String()}
	// Whatever the command, at most the key's last 4 characters show.
	for _, k := range []string{authKey, "wrong-key-abcdefghijklmnop"} {
		for i := 0; i+5 <= len(k); i++ {
			if strings.Contains(r.all(), k[i:i+5]) {
				t.Fatalf("output shows 5 characters of a key (%q):\n%s", k[i:i+5], r.all())
			}
		}
	}
	return r
}

func (r authResult) want(t *testing.T, code int, parts ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	for _, p := range parts {
		if !strings.Contains(r.all(), p) {
			t.Errorf("output does not say %q:\nstdout: %s\nstderr: %s", p, r.stdout, r.stderr)
		}
	}
}

func keyringHas(t *testing.T, host string) string {
	t.Helper()
	k, err := keyring.Get(credentials.Service, host)
	if errors.Is(err, keyring.ErrNotFound) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestAuthLoginPipedKeySavedInKeyring(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	authRun(t, env, authKey+"\n", "auth", "login", "--api-url", srv.URL).
		want(t, ExitOK, "saved in the system keyring", srv.host)
	if got := keyringHas(t, srv.host); got != authKey {
		t.Fatalf("keyring entry for %s holds %q", srv.host, credentials.Redact(got))
	}
	// The next command finds it there and the server accepts it.
	authRun(t, env, "", "auth", "status", "--api-url", srv.URL).
		want(t, ExitOK, "Server: "+srv.host, "Key: …WXYZ, from the system keyring", "The server accepts the key.")
}

func TestAuthLoginRejectedKey(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	r := authRun(t, env, "wrong-key-abcdefghijklmnop\n", "auth", "login", "--api-url", srv.URL)
	r.want(t, ExitKey, "rejected this key; nothing was saved")
	if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("error is not one line: %q", r.stderr)
	}
	if got := keyringHas(t, srv.host); got != "" {
		t.Errorf("a rejected key was saved")
	}
}

func TestAuthLoginEmptyOrInvalidInput(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	authRun(t, env, "", "auth", "login", "--api-url", srv.URL).want(t, ExitKey, "no key given")
	authRun(t, env, "\n\n", "auth", "login", "--api-url", srv.URL).want(t, ExitKey, "no key given")
	authRun(t, env, "two words here\n", "auth", "login", "--api-url", srv.URL).want(t, ExitKey, "not an API key")
	if srv.requests.Load() != 0 {
		t.Errorf("the server was asked about a key that cannot be one")
	}
}

func TestAuthLoginUnreachableServer(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	srv.Close() // nothing listens there any more
	authRun(t, env, authKey+"\n", "auth", "login", "--api-url", srv.URL).want(t, ExitNetwork)
	if got := keyringHas(t, srv.host); got != "" {
		t.Errorf("an unchecked key was saved")
	}
}

func TestAuthLoginWithoutKeyring(t *testing.T) {
	keyring.MockInitWithError(errNoSecretService)
	defer keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	authRun(t, env, authKey+"\n", "auth", "login", "--api-url", srv.URL).
		want(t, ExitFailure, "no keyring on this machine", "--insecure-storage", "MIIMOSA_API_KEY")
	if entries, _ := os.ReadDir(env["XDG_CONFIG_HOME"]); len(entries) != 0 {
		t.Errorf("a file was written without --insecure-storage: %v", entries)
	}
	authRun(t, env, "", "auth", "status", "--api-url", srv.URL).
		want(t, ExitKey, "Key: none", "No keyring on this machine.", "miimosa auth login")
}

func TestAuthInsecureStorageFile(t *testing.T) {
	keyring.MockInitWithError(errNoSecretService)
	defer keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	path := filepath.Join(env["XDG_CONFIG_HOME"], "miimosa", "credentials-"+strings.ReplaceAll(srv.host, ":", "%3A"))
	authRun(t, env, authKey+"\n", "auth", "login", "--insecure-storage", "--api-url", srv.URL).
		want(t, ExitOK, "saved in "+path)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", info.Mode().Perm())
	}
	authRun(t, env, "", "auth", "status", "--insecure-storage", "--offline", "--api-url", srv.URL).
		want(t, ExitOK, "Key: …WXYZ, from the file "+path+" (--insecure-storage)", "Not checked")
	// Logging out removes it, with or without the flag.
	authRun(t, env, "", "auth", "logout", "--api-url", srv.URL).
		want(t, ExitOK, "Removed the key file "+path)
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("key file still there: %v", err)
	}
}

// `auth login --insecure-storage` is remembered in the config file: every
// later command finds the key without the flag, until `auth logout`. The
// config file keeps what else it holds.
func TestAuthInsecureStorageIsRemembered(t *testing.T) {
	keyring.MockInitWithError(errNoSecretService)
	defer keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	dir := filepath.Join(env["XDG_CONFIG_HOME"], "miimosa")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.json")
	if err := os.WriteFile(cfg, []byte(`{"api_url": "`+srv.URL+`", "from_a_newer_version": [1, 2]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "credentials-"+strings.ReplaceAll(srv.host, ":", "%3A"))

	authRun(t, env, authKey+"\n", "auth", "login", "--insecure-storage").want(t, ExitOK, "saved in "+keyFile)
	var saved map[string]any
	if data, err := os.ReadFile(cfg); err != nil || json.Unmarshal(data, &saved) != nil {
		t.Fatalf("config file after login: %v\n%s", err, data)
	}
	if saved["api_url"] != srv.URL || saved["from_a_newer_version"] == nil ||
		saved["key_storage"].(map[string]any)[srv.host] != "file" {
		t.Errorf("config file after login: %v", saved)
	}

	// Later commands, without the flag.
	r := authRun(t, env, "", "projects", "--limit", "1", "--format", "csv")
	r.want(t, ExitOK, "id,title")
	authRun(t, env, "", "auth", "status").want(t, ExitOK, "Key: …WXYZ, from the file "+keyFile, "The server accepts the key.")

	// Logging out removes the file and forgets it.
	authRun(t, env, "", "auth", "logout").want(t, ExitOK, "Removed the key file "+keyFile)
	data, _ := os.ReadFile(cfg)
	if strings.Contains(string(data), "key_storage") || !strings.Contains(string(data), "from_a_newer_version") {
		t.Errorf("config file after logout:\n%s", data)
	}
	authRun(t, env, "", "projects", "--limit", "1").want(t, ExitKey, "no API key", "miimosa auth login")
}

// A key file kept by a version that did not remember the choice: the
// commands say to add --insecure-storage, not to log in again.
func TestAuthKeyFileNotRememberedSaysWhatToAdd(t *testing.T) {
	keyring.MockInitWithError(errNoSecretService)
	defer keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	authRun(t, env, authKey+"\n", "auth", "login", "--insecure-storage", "--api-url", srv.URL).want(t, ExitOK)
	if err := os.Remove(filepath.Join(env["XDG_CONFIG_HOME"], "miimosa", "config.json")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(env["XDG_CONFIG_HOME"], "miimosa", "credentials-"+strings.ReplaceAll(srv.host, ":", "%3A"))
	r := authRun(t, env, "", "projects", "--api-url", srv.URL)
	r.want(t, ExitKey, "a key file exists at "+path, "add --insecure-storage")
	authRun(t, env, "", "auth", "status", "--api-url", srv.URL).
		want(t, ExitKey, "Key: none", "A key file exists at "+path)
	authRun(t, env, "", "projects", "--limit", "1", "--insecure-storage", "--api-url", srv.URL).want(t, ExitOK)
}

func TestAuthStatus(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)

	authRun(t, env, "", "auth", "status", "--api-url", srv.URL).
		want(t, ExitKey, "Key: none", "no API key: set MIIMOSA_API_KEY, or run `miimosa auth login`")

	env[credentials.EnvKey] = authKey
	authRun(t, env, "", "auth", "status", "--api-url", srv.URL).
		want(t, ExitOK, "Key: …WXYZ, from MIIMOSA_API_KEY", "The server accepts the key.")

	before := srv.requests.Load()
	authRun(t, env, "", "auth", "status", "--offline", "--api-url", srv.URL).want(t, ExitOK, "Not checked")
	if srv.requests.Load() != before {
		t.Errorf("--offline asked the server")
	}

	env[credentials.EnvKey] = "wrong-key-abcdefghijklmnop"
	authRun(t, env, "", "auth", "status", "--api-url", srv.URL).
		want(t, ExitKey, "Key: …mnop, from MIIMOSA_API_KEY", "fix or unset MIIMOSA_API_KEY")
}

func TestAuthLogout(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	authRun(t, env, authKey+"\n", "auth", "login", "--api-url", srv.URL).want(t, ExitOK)
	authRun(t, env, "", "auth", "logout", "--api-url", srv.URL).
		want(t, ExitOK, "Removed the key for "+srv.host+" from the system keyring.")
	if keyringHas(t, srv.host) != "" {
		t.Fatal("key still in the keyring")
	}
	authRun(t, env, "", "auth", "logout", "--api-url", srv.URL).
		want(t, ExitOK, "No saved key for "+srv.host+": nothing to remove.")

	env[credentials.EnvKey] = authKey
	authRun(t, env, "", "auth", "logout", "--api-url", srv.URL).want(t, ExitOK, "MIIMOSA_API_KEY is still set")
}

func TestAuthKeysArePerHost(t *testing.T) {
	keyring.MockInit()
	a, b, env := newAuthServer(t), newAuthServer(t), authEnv(t)
	authRun(t, env, authKey+"\n", "auth", "login", "--api-url", a.URL).want(t, ExitOK)
	authRun(t, env, "", "auth", "status", "--offline", "--api-url", b.URL).want(t, ExitKey, "Key: none")
	// MIIMOSA_API_URL chooses the server as the flag does.
	env[config.EnvAPIURL] = a.URL
	authRun(t, env, "", "auth", "status", "--offline").want(t, ExitOK, "Server: "+a.host)
}

func TestAuthInFrench(t *testing.T) {
	keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	env["LANG"] = "fr_FR.UTF-8"
	authRun(t, env, authKey+"\n", "auth", "login", "--api-url", srv.URL).
		want(t, ExitOK, "enregistrée dans le trousseau du système")
	authRun(t, env, "", "auth", "status", "--lang", "fr", "--api-url", srv.URL).
		want(t, ExitOK, "Serveur : "+srv.host, "Clé : …WXYZ, depuis le trousseau du système", "Le serveur accepte la clé.")
}

func TestAuthInDemo(t *testing.T) {
	keyring.MockInitWithError(errors.New("demo must not touch the keyring"))
	defer keyring.MockInit()
	env := authEnv(t)
	authRun(t, env, authKey+"\n", "auth", "login", "--demo").want(t, ExitUsage, "built-in key")
	authRun(t, env, "", "auth", "logout", "--demo").want(t, ExitUsage, "built-in key")
	authRun(t, env, "", "auth", "status", "--demo").want(t, ExitOK, "the demo sandbox", "The server accepts the key.")
}

func TestAuthBadServerAddress(t *testing.T) {
	keyring.MockInit()
	env := authEnv(t)
	authRun(t, env, "", "auth", "status", "--api-url", "http://api.example.com").
		want(t, ExitUsage, "--api-url", "use https://")
	env[config.EnvAPIURL] = "https://api.example.com/v1?x"
	env["LANG"] = "fr_FR.UTF-8"
	authRun(t, env, "", "auth", "status").want(t, ExitUsage, "MIIMOSA_API_URL : ", "sans chemin")
}

// A key file others can read is refused, says how to fix it, and can still
// be removed by logging out.
func TestAuthRefusedKeyFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	keyring.MockInitWithError(errNoSecretService)
	defer keyring.MockInit()
	srv, env := newAuthServer(t), authEnv(t)
	authRun(t, env, authKey+"\n", "auth", "login", "--insecure-storage", "--api-url", srv.URL).want(t, ExitOK)
	path := filepath.Join(env["XDG_CONFIG_HOME"], "miimosa", "credentials-"+strings.ReplaceAll(srv.host, ":", "%3A"))
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	authRun(t, env, "", "auth", "status", "--insecure-storage", "--api-url", srv.URL).
		want(t, ExitKey, "Key: none", "can be read by other users", "chmod 600 "+path)
	authRun(t, env, "", "auth", "logout", "--insecure-storage", "--api-url", srv.URL).
		want(t, ExitOK, "Removed the key file "+path)
}

// `auth login --help` says which exit codes are auth's own, and that a
// key piped on a machine without a keyring exits 1 (TestAuthLoginWithoutKeyring).
func TestAuthLoginHelpExitCodes(t *testing.T) {
	srv := newAuthServer(t)
	r := authRun(t, authEnv(t), "", "auth", "login", "--help", "--api-url", srv.URL)
	r.want(t, ExitOK)
	help := strings.Join(strings.Fields(r.stdout), " ")
	for _, want := range []string{
		"Exit codes (auth's own, not those of projects, project, wallet and pledges)",
		"1 it was accepted but not saved: no keyring and no --insecure-storage",
		"3 no key was given, it is not a key, or the server rejected it",
		"130 interrupted",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("auth login --help lacks %q:\n%s", want, r.stdout)
		}
	}
}
