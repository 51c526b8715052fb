package credentials

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

const (
	host = "api.miimosa.com"
	key1 = "k1-0123456789abcdefWXYZ"
	key2 = "k2-fedcba9876543210QRST"
)

func noEnv(string) string { return "" }

// errDBusMissing is what go-keyring returns on a headless Linux without a
// session bus.
var errDBusMissing = errors.New("dbus: couldn't determine address of session bus")

func newStore(t *testing.T, insecure bool) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "miimosa")
	return NewStore(host, Options{ConfigDir: dir, Insecure: insecure, Getenv: noEnv}), dir
}

func TestKeyringRoundTrip(t *testing.T) {
	keyring.MockInit()
	s, dir := newStore(t, false)
	if _, _, err := s.Get(); !errors.Is(err, ErrNotFound) || errors.Is(err, ErrNoKeyring) {
		t.Fatalf("empty keyring: err = %v, want ErrNotFound only", err)
	}
	src, err := s.Save(key1)
	if err != nil || src != SourceKeyring {
		t.Fatalf("Save = %q, %v; want keyring", src, err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("saving to the keyring touched the config directory: %v", err)
	}
	got, src, err := s.Get()
	if err != nil || got != key1 || src != SourceKeyring {
		t.Fatalf("Get = %q, %q, %v", Redact(got), src, err)
	}
	// One entry per host: another server's key is another entry.
	other := NewStore("127.0.0.1:8787", Options{Getenv: noEnv})
	if _, _, err := other.Get(); !errors.Is(err, ErrNotFound) {
		t.Errorf("other host sees a key: %v", err)
	}
	if _, err := s.Save(key2); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Get(); got != key2 {
		t.Errorf("Save did not replace the key")
	}
	removed, err := s.Remove()
	if err != nil || len(removed) != 1 || removed[0] != SourceKeyring {
		t.Fatalf("Remove = %v, %v", removed, err)
	}
	if _, _, err := s.Get(); !errors.Is(err, ErrNotFound) {
		t.Errorf("after Remove: %v", err)
	}
	if removed, err := s.Remove(); err != nil || len(removed) != 0 {
		t.Errorf("second Remove = %v, %v; want nothing, no error", removed, err)
	}
}

func TestEnvWins(t *testing.T) {
	keyring.MockInit()
	s, _ := newStore(t, false)
	if _, err := s.Save(key1); err != nil {
		t.Fatal(err)
	}
	s.opts.Getenv = func(k string) string {
		if k == EnvKey {
			return "  " + key2 + "\n"
		}
		return ""
	}
	got, src, err := s.Get()
	if err != nil || got != key2 || src != SourceEnv {
		t.Fatalf("Get = %q, %q, %v; want the env key", Redact(got), src, err)
	}
	s.opts.Getenv = func(k string) string {
		if k == EnvKey {
			return "two words"
		}
		return ""
	}
	if _, _, err := s.Get(); !errors.Is(err, ErrInvalidKey) || !strings.Contains(err.Error(), EnvKey) {
		t.Errorf("bad env key: err = %v", err)
	} else if strings.Contains(err.Error(), "two words") {
		t.Errorf("the error repeats the key: %v", err)
	}
}

func TestNoKeyringKeepsForSession(t *testing.T) {
	for _, cause := range []error{errDBusMissing, keyring.ErrUnsupportedPlatform,
		errors.New("The name org.freedesktop.secrets was not provided by any .service files")} {
		keyring.MockInitWithError(cause)
		s, dir := newStore(t, false)
		_, _, err := s.Get()
		if !errors.Is(err, ErrNotFound) || !errors.Is(err, ErrNoKeyring) {
			t.Errorf("%v: Get err = %v, want ErrNotFound and ErrNoKeyring", cause, err)
		}
		src, err := s.Save(key1)
		if src != SourceSession || !errors.Is(err, ErrNoKeyring) {
			t.Errorf("%v: Save = %q, %v; want session, ErrNoKeyring", cause, src, err)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("without --insecure-storage a file was written: %v", err)
		}
	}
}

func TestInsecureFile(t *testing.T) {
	keyring.MockInitWithError(errDBusMissing)
	s, dir := newStore(t, true)
	src, err := s.Save(key1)
	if err != nil || src != SourceFile {
		t.Fatalf("Save = %q, %v; want file", src, err)
	}
	path, _ := s.FilePath()
	if path != filepath.Join(dir, "credentials-api.miimosa.com") {
		t.Errorf("path = %s", path)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("file mode = %v, want 0600", info.Mode().Perm())
		}
		dinfo, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if dinfo.Mode().Perm() != 0o700 {
			t.Errorf("dir mode = %v, want 0700", dinfo.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	got, src, err := s.Get()
	if err != nil || got != key1 || src != SourceFile {
		t.Fatalf("Get = %q, %q, %v; want the file's key", Redact(got), src, err)
	}
	// Overwriting keeps the mode and replaces the content.
	if _, err := s.Save(key2); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Get(); got != key2 {
		t.Errorf("second Save not read back")
	}
	// Without the flag the file is not read, but it can be found.
	plain := NewStore(host, Options{ConfigDir: dir, Getenv: noEnv})
	if _, _, err := plain.Get(); !errors.Is(err, ErrNotFound) {
		t.Errorf("file read without --insecure-storage: %v", err)
	}
	if !plain.FileExists() {
		t.Errorf("FileExists = false")
	}
	// Logging out removes the file even without the flag.
	removed, err := plain.Remove()
	if !errors.Is(err, ErrNoKeyring) {
		t.Errorf("Remove err = %v, want the keyring's failure reported", err)
	}
	if len(removed) != 1 || removed[0] != SourceFile {
		t.Errorf("removed = %v, want [file]", removed)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("file still there: %v", err)
	}
}

func TestInsecurePrefersKeyring(t *testing.T) {
	keyring.MockInit()
	s, dir := newStore(t, true)
	if src, err := s.Save(key1); err != nil || src != SourceKeyring {
		t.Fatalf("Save = %q, %v; want keyring while one works", src, err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file was written although the keyring works")
	}
}

func TestFileReadableByOthersRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	keyring.MockInitWithError(errDBusMissing)
	s, _ := newStore(t, true)
	if _, err := s.Save(key1); err != nil {
		t.Fatal(err)
	}
	path, _ := s.FilePath()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := s.Get()
	if err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("Get err = %v, want a refusal saying chmod 600", err)
	}
}

func TestFileNamesPerHost(t *testing.T) {
	a := NewStore("127.0.0.1:8787", Options{ConfigDir: "/c"})
	b := NewStore("[::1]:8787", Options{ConfigDir: "/c"})
	pa, _ := a.FilePath()
	pb, _ := b.FilePath()
	if pa == pb || filepath.Dir(pa) != filepath.FromSlash("/c") || filepath.Dir(pb) != filepath.FromSlash("/c") {
		t.Errorf("paths %q and %q", pa, pb)
	}
	if strings.ContainsAny(filepath.Base(pb), ":[]") {
		t.Errorf("unsafe file name %q", pb)
	}
	if _, ok := NewStore(host, Options{}).FilePath(); ok {
		t.Errorf("a file path without a config directory")
	}
}

func TestSaveRejectsNonKeys(t *testing.T) {
	keyring.MockInit()
	s, _ := newStore(t, true)
	for _, k := range []string{"", "with space", "quote\"d", "new\nline", "é-accent", strings.Repeat("x", 2000)} {
		if _, err := s.Save(k); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Save(%q) err = %v, want ErrInvalidKey", k, err)
		}
	}
}

// A keyring stuck on an unlock prompt nobody can answer must not hang the
// program.
func TestKeyringTimeout(t *testing.T) {
	keyring.MockInit()
	block := make(chan struct{})
	defer close(block)
	s := NewStore(host, Options{Getenv: noEnv, Timeout: 10 * time.Millisecond})
	err := s.call(func() error { <-block; return nil })
	if err == nil || !strings.Contains(err.Error(), "did not answer") {
		t.Errorf("err = %v", err)
	}
	if !errors.Is(unavailable(err), ErrNoKeyring) {
		t.Errorf("a timeout is not reported as no keyring")
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		key1:                 "…WXYZ",
		"short":              "…",
		"elevenchars":        "…",
		"twelve-chars":       "…hars",
		"":                   "…",
		"bad key with space": "…",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
