package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/config"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// Session is what every command connects with: the server, the key and
// where it came from, the client, the language. With --demo it is the
// embedded sandbox, and nothing touches the keyring.
type Session struct {
	APIURL, Host string
	Demo         bool
	DemoUser     *sandbox.User      // set with --demo
	Client       *api.Client        // nil when no key is known yet (the TUI then asks)
	KeySource    credentials.Source // "" when no key is known
	KeyHint      string             // the key's last 4 characters at most ("…WXYZ"), for display
	Keys         *credentials.Store // nil in demo: demo never touches the keyring
	// KeyErr says why no key could be read when Client is nil: it wraps
	// credentials.ErrNoKeyring when the keyring cannot be used (a key
	// entered now is kept for this session only), or is the refusal of an
	// unusable --insecure-storage file (readable by others, damaged). Nil
	// when nothing was wrong but no key is stored, and in demo.
	KeyErr error
	// StateDir is where state may be kept ($XDG_STATE_HOME/miimosa); ""
	// when it cannot be found (no HOME). Nothing personal goes there.
	StateDir string
	Lang     i18n.Lang
	// Close releases the session (stops the demo sandbox); never nil.
	Close func()

	clientCfg api.Config // without Key: NewClient adds one
	printer   i18n.Printer
	configDir string // "" when it cannot be found (no HOME)
	// insecureRemembered: the config file says this host's key is in the
	// --insecure-storage file.
	insecureRemembered bool
}

// openSession is the factory's OpenSession: it chooses the server and the
// key and builds the client. With --demo it starts the sandbox in-process
// on a free loopback port; the caller must call Close.
func openSession(ctx context.Context, f *Factory, debugLog io.Writer) (*Session, error) {
	g := f.Globals
	logger := slog.New(slog.DiscardHandler)
	if g.Debug {
		if debugLog == nil {
			debugLog = f.IO.ErrOut
		}
		logger = slog.New(slog.NewTextHandler(debugLog, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	conc, err := concurrency(f)
	if err != nil {
		return nil, err
	}
	s := &Session{
		Lang:  f.Lang,
		Close: func() {},
		// One HTTP client for the run: every client made from the session
		// (a key typed at a prompt, a replaced one) shares its connections.
		clientCfg: api.Config{UserAgent: "miimosa/" + Version, Logger: logger, HTTPClient: api.NewHTTPClient(), Concurrency: conc},
		printer:   f.Printer,
	}
	if g.Demo {
		if g.APIURL != "" {
			return nil, &UsageError{Err: &userError{msg: f.T("auth.err.demo_and_url")}}
		}
		srv, err := sandbox.Start(ctx, "127.0.0.1:0", sandbox.Options{Key: sandbox.DemoKey, Logger: logger})
		if err != nil {
			return nil, &userError{msg: f.T("auth.err.sandbox", err.Error()), err: err}
		}
		_, s.StateDir, _ = config.Dirs(f.Getenv)
		user := sandbox.DemoUsers()[0]
		s.Demo, s.DemoUser = true, &user
		s.APIURL, s.Host = srv.URL(), config.Host(srv.URL())
		s.clientCfg.BaseURL = s.APIURL
		s.Close = func() { _ = srv.Close() }
		if s.Client, err = s.NewClient(sandbox.DemoKey); err != nil {
			s.Close()
			return nil, err
		}
		s.KeySource, s.KeyHint = credentials.SourceDemo, credentials.Redact(sandbox.DemoKey)
		return s, nil
	}

	apiURL, err := config.ResolveAPIURL(g.APIURL, f.Getenv)
	if err != nil {
		return nil, &UsageError{Err: &userError{msg: localizeConfigError(f.Printer, err), err: err}}
	}
	s.APIURL, s.Host = apiURL, config.Host(apiURL)
	s.clientCfg.BaseURL = apiURL
	// Without a config directory the key can still live in the keyring or
	// the environment; only --insecure-storage needs the directory.
	configDir, stateDir, _ := config.Dirs(f.Getenv)
	s.StateDir, s.configDir = stateDir, configDir
	// `auth login --insecure-storage` is remembered for its host: later
	// runs read the file without the flag.
	s.insecureRemembered = configDir != "" && rememberedInFile(configDir, s.Host)
	s.Keys = credentials.NewStore(s.Host, credentials.Options{
		ConfigDir: configDir,
		Insecure:  g.InsecureStorage || s.insecureRemembered,
		Getenv:    f.Getenv,
	})
	key, src, err := s.Keys.Get()
	switch {
	case err == nil:
		if s.Client, err = s.NewClient(key); err != nil {
			return nil, err
		}
		s.KeySource, s.KeyHint = src, credentials.Redact(key)
	case errors.Is(err, credentials.ErrNotFound):
		if errors.Is(err, credentials.ErrNoKeyring) {
			s.KeyErr = err
		}
	case errors.Is(err, credentials.ErrInvalidKey) && src == credentials.SourceEnv:
		// The person set it on purpose: using another key instead would
		// hide the mistake.
		return nil, &userError{msg: f.T("auth.err.env_key_invalid", credentials.EnvKey), err: errors.Join(ErrNoKey, err)}
	default:
		// The key file is refused. Not fatal here: `auth logout` must
		// still be able to delete it, and the TUI can ask for a key;
		// RequireClient says which file and what to run.
		s.KeyErr = err
	}
	return s, nil
}

// rememberedInFile reports whether the config file says host's key is in
// the --insecure-storage file. A config file that cannot be read remembers
// nothing (choosing the server reports it, when it needs the file).
func rememberedInFile(configDir, host string) bool {
	file, err := config.ReadFile(configDir)
	return err == nil && file.KeyStorage[host] == config.KeyStorageFile
}

// NewClient builds a client for the session's server with another key, so
// that a key typed in the TUI or at `auth login` is tried as it will be used.
func (s *Session) NewClient(key string) (*api.Client, error) {
	cfg := s.clientCfg
	cfg.Key = key
	return api.New(cfg)
}

// RequireClient is the client, or, when no key is known, an error wrapping
// ErrNoKey that says how to set one.
func (s *Session) RequireClient() (*api.Client, error) {
	if s.Client != nil {
		return s.Client, nil
	}
	p := s.printer
	if s.KeyErr != nil && !errors.Is(s.KeyErr, credentials.ErrNoKeyring) {
		return nil, &userError{msg: p.T("auth.err.key_file", oneLine(s.KeyErr)), err: errors.Join(ErrNoKey, s.KeyErr)}
	}
	if s.Keys != nil && !s.Keys.Insecure() && s.Keys.FileExists() {
		// A key file this run may not read (kept by a version that did not
		// remember the choice): say how to use it rather than to log in.
		path, _ := s.Keys.FilePath()
		return nil, &userError{msg: p.T("cli.err.no_key_file_unused", path), err: ErrNoKey}
	}
	return nil, &userError{msg: p.T("auth.err.no_key", credentials.EnvKey), err: ErrNoKey}
}

// localizeConfigError words a config error in the session's language,
// keeping its details (which source, which file, which value).
func localizeConfigError(p i18n.Printer, err error) string {
	var ce *config.Error
	if errors.As(err, &ce) {
		return p.T(i18n.Key("auth.config."+string(ce.Problem)), ce.Source, ce.Detail)
	}
	return fmt.Sprint(err)
}

// concurrency is how many pages a walk fetches at once: --concurrency,
// else the config file's, else the client's default (0).
func concurrency(f *Factory) (int, error) {
	if f.Globals.ConcurrencySet {
		n := f.Globals.Concurrency
		if n < 1 || n > api.MaxConcurrency {
			return 0, &UsageError{Err: &userError{msg: f.T("cli.err.concurrency", n, api.MaxConcurrency)}}
		}
		return n, nil
	}
	if dir, _, err := config.Dirs(f.Getenv); err == nil {
		if file, err := config.ReadFile(dir); err == nil && file.Concurrency != 0 {
			n := file.Concurrency
			if n < 1 || n > api.MaxConcurrency {
				return 0, &UsageError{Err: &userError{msg: f.T("cli.err.concurrency_config", n, filepath.Join(dir, config.FileName), api.MaxConcurrency)}}
			}
			return n, nil
		}
	}
	return 0, nil
}
