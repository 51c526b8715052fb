// Package credentials keeps the API key: from $MIIMOSA_API_KEY, in the OS
// keyring (service "miimosa", one entry per API host), or, only when the
// user asked with --insecure-storage, in a 0600 file. Nothing here ever
// prints or logs a key; Redact shows at most its last 4 characters.
package credentials

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the keyring service name; the entry's user is the API host.
const Service = "miimosa"

// EnvKey names the environment variable that overrides every store.
const EnvKey = "MIIMOSA_API_KEY"

// Source tells where a key came from or went to.
type Source string

const (
	SourceNone    Source = ""
	SourceEnv     Source = "env"
	SourceKeyring Source = "keyring"
	SourceFile    Source = "file"
	SourceSession Source = "session" // kept in memory for this run only
	SourceDemo    Source = "demo"
)

var (
	// ErrNotFound: no key in the environment, the keyring or the file.
	ErrNotFound = errors.New("no API key stored")
	// ErrNoKeyring: the OS keyring cannot be used (no Secret Service on a
	// headless Linux, locked, refused…); the key is kept for the session only.
	ErrNoKeyring = errors.New("no usable system keyring")
	// ErrInvalidKey: the text cannot be an API key.
	ErrInvalidKey = errors.New("not a valid API key")
)

// DefaultTimeout bounds a keyring call. The Secret Service can wait forever
// on an unlock prompt nobody can see (a locked keyring over SSH); past this
// the keyring counts as unavailable. It is long enough to type a password
// into a desktop's unlock dialog.
const DefaultTimeout = 30 * time.Second

// Options configure a Store.
type Options struct {
	ConfigDir string              // where the --insecure-storage file lives; "" disables it
	Insecure  bool                // --insecure-storage: a 0600 file when the keyring is unavailable
	Getenv    func(string) string // nil: os.Getenv
	Timeout   time.Duration       // per keyring call; 0: DefaultTimeout
}

// Store is the key of one API host.
type Store struct {
	host string
	opts Options
}

// NewStore returns the store of host's key.
func NewStore(host string, opts Options) *Store {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	return &Store{host: host, opts: opts}
}

// Host is the API host whose key this store holds.
func (s *Store) Host() string { return s.host }

// Insecure reports whether the plain file may be used.
func (s *Store) Insecure() bool { return s.opts.Insecure }

// Get returns the key and where it came from: $MIIMOSA_API_KEY, else the
// keyring, else (with Insecure) the file. With none, the error is
// ErrNotFound; when the keyring could not be asked, it is also ErrNoKeyring,
// so the caller can warn that a new key will not be kept.
func (s *Store) Get() (string, Source, error) {
	if v := s.opts.Getenv(EnvKey); v != "" {
		key := strings.TrimSpace(v)
		if err := ValidateKey(key); err != nil {
			return "", SourceEnv, fmt.Errorf("%s: %w", EnvKey, err)
		}
		return key, SourceEnv, nil
	}
	var keyringErr error
	key, err := s.keyringGet()
	switch {
	case err == nil:
		return key, SourceKeyring, nil
	case !errors.Is(err, keyring.ErrNotFound):
		keyringErr = err
	}
	if s.opts.Insecure {
		key, err := s.readFile()
		if err == nil {
			return key, SourceFile, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", SourceFile, err
		}
	}
	if keyringErr != nil {
		return "", SourceNone, errors.Join(ErrNotFound, keyringErr)
	}
	return "", SourceNone, ErrNotFound
}

// Save stores key in the keyring. Without a usable keyring it writes the
// 0600 file when Insecure (Source "file"), and otherwise returns Source
// "session" with an error wrapping ErrNoKeyring: the caller keeps the key
// in memory and says it will not be remembered.
func (s *Store) Save(key string) (Source, error) {
	if err := ValidateKey(key); err != nil {
		return SourceNone, err
	}
	err := s.call(func() error { return keyring.Set(Service, s.host, key) })
	if err == nil {
		return SourceKeyring, nil
	}
	kerr := unavailable(err)
	if !s.opts.Insecure {
		return SourceSession, kerr
	}
	if err := s.writeFile(key); err != nil {
		return SourceSession, errors.Join(kerr, err)
	}
	return SourceFile, nil
}

// Delete removes the key from the keyring and the file.
func (s *Store) Delete() error {
	_, err := s.Remove()
	return err
}

// Remove deletes the key from the keyring and the file, whatever Insecure
// says (logging out must not leave a copy behind), and reports where a key
// was found and removed. A keyring that cannot be reached is reported
// wrapped in ErrNoKeyring, after the file has been dealt with.
func (s *Store) Remove() ([]Source, error) {
	var removed []Source
	var errs []error
	err := s.call(func() error { return keyring.Delete(Service, s.host) })
	switch {
	case err == nil:
		removed = append(removed, SourceKeyring)
	case errors.Is(err, keyring.ErrNotFound):
	default:
		errs = append(errs, unavailable(err))
	}
	if path, ok := s.FilePath(); ok {
		err := os.Remove(path)
		switch {
		case err == nil:
			removed = append(removed, SourceFile)
		case errors.Is(err, os.ErrNotExist):
		default:
			errs = append(errs, fmt.Errorf("cannot remove %s: %w", path, err))
		}
	}
	return removed, errors.Join(errs...)
}

func (s *Store) keyringGet() (string, error) {
	var key string
	err := s.call(func() error {
		var err error
		key, err = keyring.Get(Service, s.host)
		return err
	})
	if err != nil {
		if errors.Is(err, keyring.ErrNotFound) {
			return "", err
		}
		return "", unavailable(err)
	}
	key = strings.TrimSpace(key)
	if ValidateKey(key) != nil {
		// Someone else's entry, or a damaged one: not a key we can send.
		return "", keyring.ErrNotFound
	}
	return key, nil
}

// call runs a keyring operation with the timeout. A call that times out
// keeps running in the background; the process does not wait for it.
func (s *Store) call(op func() error) error {
	done := make(chan error, 1)
	go func() { done <- op() }()
	select {
	case err := <-done:
		return err
	case <-time.After(s.opts.Timeout):
		return fmt.Errorf("the keyring did not answer within %s (locked, waiting for a password prompt?)", s.opts.Timeout)
	}
}

// unavailable wraps any keyring failure other than "not found" in
// ErrNoKeyring. go-keyring reports a missing Secret Service with raw D-Bus
// errors (no session bus, service unknown, no login collection), an
// unsupported OS with ErrUnsupportedPlatform, a dismissed prompt with an
// unlock error: for the user they all mean the key cannot be kept there.
func unavailable(err error) error {
	if errors.Is(err, ErrNoKeyring) {
		return err
	}
	return fmt.Errorf("%w: %s", ErrNoKeyring, oneLine(err.Error()))
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return s
}

// maxKeyLen is far above any real key and low enough for every keyring.
const maxKeyLen = 1024

// ValidateKey checks that key can be sent in the Authorization header:
// printable ASCII, no spaces or quotes, not empty, not huge. The message
// never repeats the key.
func ValidateKey(key string) error {
	if key == "" {
		return fmt.Errorf("%w: it is empty", ErrInvalidKey)
	}
	if len(key) > maxKeyLen {
		return fmt.Errorf("%w: it is longer than %d characters", ErrInvalidKey, maxKeyLen)
	}
	for i := 0; i < len(key); i++ {
		if c := key[i]; c <= ' ' || c > '~' || c == '"' || c == '\\' {
			return fmt.Errorf("%w: it holds spaces, quotes or characters outside plain ASCII", ErrInvalidKey)
		}
	}
	return nil
}

// Redact shows at most the last 4 characters of key: "…abcd". A key
// shorter than 12 characters shows nothing but "…", since 4 of them would
// give too much of it away.
func Redact(key string) string {
	r := []rune(key)
	if len(r) < 12 || ValidateKey(key) != nil {
		return "…"
	}
	return "…" + string(r[len(r)-4:])
}
