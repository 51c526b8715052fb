package credentials

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// The real keyring test talks to the Secret Service of the D-Bus session
// (gnome-keyring in CI, see .ci/run). go-keyring's mock replaces its
// provider for the whole process and cannot be undone, so the real check
// runs in a child process of this test binary where no mock was installed,
// whatever order or -shuffle the other tests run in.

const (
	realChildEnv  = "MIIMOSA_REAL_KEYRING_CHILD"
	exitNoKeyring = 3
)

func TestMain(m *testing.M) {
	if os.Getenv(realChildEnv) == "1" {
		os.Exit(realKeyringChild())
	}
	os.Exit(m.Run())
}

// TestRealKeyring saves, reads, replaces and removes a key in the real
// keyring. With no keyring answering it skips, except under CI, where it
// fails: CI must prove the keyring path works.
func TestRealKeyring(t *testing.T) {
	if testing.Short() {
		t.Skip("talks to the system keyring")
	}
	// On a developer's desktop the Secret Service is their own login keyring:
	// writing to it, or popping an unlock prompt, is not for a plain go test.
	// CI runs it in a private D-Bus session with a throwaway keyring.
	if os.Getenv("CI") == "" && os.Getenv("MIIMOSA_TEST_REAL_KEYRING") != "1" {
		t.Skip("set MIIMOSA_TEST_REAL_KEYRING=1 to use this machine's keyring (.ci/run uses a private one)")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), realChildEnv+"=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		t.Log(strings.TrimSpace(out.String()))
	case errors.As(err, &exit) && exit.ExitCode() == exitNoKeyring:
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but no keyring answered: %s", strings.TrimSpace(out.String()))
		}
		t.Skipf("no keyring answered (run it in dbus-run-session with gnome-keyring, as .ci/run does): %s", strings.TrimSpace(out.String()))
	default:
		t.Fatalf("real keyring check failed (%v):\n%s", err, out.String())
	}
}

// realKeyringChild runs in the child process; its exit code is its verdict.
func realKeyringChild() int {
	host := fmt.Sprintf("miimosa-test-%d-%d.invalid", os.Getpid(), time.Now().UnixNano())
	s := NewStore(host, Options{Getenv: func(string) string { return "" }, Timeout: 15 * time.Second})
	defer func() { _, _ = s.Remove() }() // never leave a test entry behind
	fail := func(format string, args ...any) int {
		fmt.Printf(format+"\n", args...)
		return 1
	}
	_, _, err := s.Get()
	if errors.Is(err, ErrNoKeyring) {
		fmt.Println(err)
		return exitNoKeyring
	}
	if !errors.Is(err, ErrNotFound) {
		return fail("Get on a fresh host: %v, want ErrNotFound", err)
	}
	const k1, k2 = "real-keyring-test-key-0001", "real-keyring-test-key-0002"
	src, err := s.Save(k1)
	if errors.Is(err, ErrNoKeyring) {
		fmt.Println(err) // it answers but cannot store (locked, no login collection)
		return exitNoKeyring
	}
	if err != nil || src != SourceKeyring {
		return fail("Save = %q, %v; want keyring", src, err)
	}
	// The entry is where other tools (secret-tool, seahorse) will look for it.
	if raw, err := keyring.Get(Service, host); err != nil || raw != k1 {
		return fail("keyring.Get(%q, %q): %v (value matches: %v)", Service, host, err, raw == k1)
	}
	if got, src, err := s.Get(); err != nil || got != k1 || src != SourceKeyring {
		return fail("Get = %s, %q, %v", Redact(got), src, err)
	}
	if _, err := s.Save(k2); err != nil {
		return fail("second Save: %v", err)
	}
	if got, _, err := s.Get(); err != nil || got != k2 {
		return fail("Get after replace = %s, %v", Redact(got), err)
	}
	removed, err := s.Remove()
	if err != nil || !slices.Equal(removed, []Source{SourceKeyring}) {
		return fail("Remove = %v, %v", removed, err)
	}
	if _, _, err := s.Get(); !errors.Is(err, ErrNotFound) || errors.Is(err, ErrNoKeyring) {
		return fail("Get after Remove: %v", err)
	}
	fmt.Printf("saved, read, replaced and removed a key for %s in the system keyring\n", host)
	return 0
}
