// Package config finds the program's directories and the API server to talk
// to. It reads the environment only through the getenv it is given, so
// tests and the CLI's injectable App decide what it sees.
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/miimosa/miimosa/api"
)

// App is the directory name under the XDG base directories.
const App = "miimosa"

// FileName is the config file in the config directory.
const FileName = "config.json"

// EnvAPIURL names the environment variable that chooses the server.
const EnvAPIURL = "MIIMOSA_API_URL"

// Dirs returns the config directory ($XDG_CONFIG_HOME/miimosa, else
// ~/.config/miimosa) and the state directory ($XDG_STATE_HOME/miimosa, else
// ~/.local/state/miimosa). XDG variables holding relative paths are
// ignored, as the XDG specification asks. Nothing is created.
func Dirs(getenv func(string) string) (configDir, stateDir string, err error) {
	home := getenv("HOME")
	if home == "" {
		home = getenv("USERPROFILE") // Windows has no HOME by default
	}
	base := func(xdg string, fallback ...string) (string, error) {
		if v := getenv(xdg); v != "" && filepath.IsAbs(v) {
			return filepath.Join(v, App), nil
		}
		if home == "" || !filepath.IsAbs(home) {
			return "", fmt.Errorf("cannot tell where to keep miimosa's files: set HOME (or %s) to an absolute path", xdg)
		}
		return filepath.Join(append([]string{home}, append(fallback, App)...)...), nil
	}
	if configDir, err = base("XDG_CONFIG_HOME", ".config"); err != nil {
		return "", "", err
	}
	if stateDir, err = base("XDG_STATE_HOME", ".local", "state"); err != nil {
		return "", "", err
	}
	return configDir, stateDir, nil
}

// File is what the config file may hold. Unknown fields are ignored so an
// older binary can read a newer file.
type File struct {
	APIURL string `json:"api_url"`
	// KeyStorage remembers, by API host, where `auth login` kept a key
	// that is not in the keyring: KeyStorageFile for the
	// --insecure-storage file, so later runs read it without the flag.
	KeyStorage map[string]string `json:"key_storage,omitempty"`
	// Concurrency is how many pages a list fetches at once (1 to 16);
	// 0: the default. --concurrency overrides it.
	Concurrency int `json:"concurrency,omitempty"`
}

// KeyStorageFile is KeyStorage's value for the --insecure-storage file.
const KeyStorageFile = "file"

// Problem names what is wrong with a configured server address, so that
// callers can word it in the user's language.
type Problem string

const (
	ProblemNotURL         Problem = "not_url"
	ProblemCredentials    Problem = "credentials"
	ProblemScheme         Problem = "scheme"
	ProblemInsecureHTTP   Problem = "insecure_http"
	ProblemPath           Problem = "path"
	ProblemPort           Problem = "port"
	ProblemFileUnreadable Problem = "file_unreadable"
	ProblemFileMalformed  Problem = "file_malformed"
)

// Error is a bad server address or config file. Source is where it came
// from ("--api-url", "MIIMOSA_API_URL", "api_url in <file>", or the file);
// Detail is the offending value, with any password removed, or the cause.
type Error struct {
	Source  string
	Problem Problem
	Detail  string
	Err     error
}

var problemText = map[Problem]string{
	ProblemNotURL:         "%q is not a server address: give it like https://api.miimosa.com",
	ProblemCredentials:    "%q holds a user name or password: give the server address alone; the key comes from MIIMOSA_API_KEY or the keyring",
	ProblemScheme:         "%q: only https:// addresses are supported",
	ProblemInsecureHTTP:   "%q: plain http:// would send the API key unencrypted; use https://, or http:// only for 127.0.0.1, ::1 or localhost",
	ProblemPath:           "%q: give the server address alone, without a path, query or fragment, like https://api.miimosa.com",
	ProblemPort:           "%q: the port must be a number from 1 to 65535",
	ProblemFileUnreadable: "cannot be read (%s): fix its permissions or delete it",
	ProblemFileMalformed:  "is not valid JSON (%s): fix or delete it",
}

func (e *Error) Error() string {
	prefix := e.Source + ": "
	if e.Problem == ProblemFileUnreadable || e.Problem == ProblemFileMalformed {
		prefix = "the config file " + e.Source + " "
	}
	return prefix + fmt.Sprintf(problemText[e.Problem], e.Detail)
}

func (e *Error) Unwrap() error { return e.Err }

// ReadFile reads configDir/config.json. A missing file is an empty config;
// a malformed one is an error naming the file.
func ReadFile(configDir string) (File, error) {
	var f File
	path := filepath.Join(configDir, FileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return f, &Error{Source: path, Problem: ProblemFileUnreadable, Detail: err.Error(), Err: err}
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, &Error{Source: path, Problem: ProblemFileMalformed, Detail: err.Error(), Err: err}
	}
	return f, nil
}

// ResolveAPIURL chooses the API server: the --api-url flag, else
// $MIIMOSA_API_URL, else api_url in the config file, else
// api.DefaultBaseURL. The chosen URL is checked and returned normalised
// ("scheme://host[:port]", no trailing slash); an error (*Error) names
// where the bad value came from.
func ResolveAPIURL(flag string, getenv func(string) string) (string, error) {
	if flag = strings.TrimSpace(flag); flag != "" {
		return checked("--api-url", flag)
	}
	if env := strings.TrimSpace(getenv(EnvAPIURL)); env != "" {
		return checked(EnvAPIURL, env)
	}
	// Without a home directory there is no config file to read; that is
	// not a reason to refuse the default server.
	if configDir, _, err := Dirs(getenv); err == nil {
		f, err := ReadFile(configDir)
		if err != nil {
			return "", err
		}
		if u := strings.TrimSpace(f.APIURL); u != "" {
			return checked("api_url in "+filepath.Join(configDir, FileName), u)
		}
	}
	return api.DefaultBaseURL, nil
}

func checked(source, raw string) (string, error) {
	u, err := ValidateAPIURL(raw)
	if err != nil {
		var ce *Error
		if errors.As(err, &ce) {
			ce.Source = source
		}
		return "", err
	}
	return u, nil
}

// ValidateAPIURL checks that raw is a server address the client may send a
// key to, and returns it normalised. https is required, except for loopback
// hosts (127.0.0.0/8, ::1, localhost), where plain http serves the sandbox
// without ever leaving the machine. Errors are *Error with Source "URL".
func ValidateAPIURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	fail := func(p Problem) (string, error) {
		return "", &Error{Source: "URL", Problem: p, Detail: shown(raw, u), Err: err}
	}
	if err != nil || u.Scheme == "" || u.Host == "" || u.Hostname() == "" {
		return fail(ProblemNotURL)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case u.User != nil:
		return fail(ProblemCredentials)
	case scheme != "https" && scheme != "http":
		return fail(ProblemScheme)
	case scheme == "http" && !IsLoopback(u.Hostname()):
		return fail(ProblemInsecureHTTP)
	case strings.Trim(u.EscapedPath(), "/") != "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return fail(ProblemPath)
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return fail(ProblemPort)
		}
	}
	return scheme + "://" + strings.ToLower(u.Host), nil
}

// shown is raw fit for an error message: a password in it is never echoed.
func shown(raw string, u *url.URL) string {
	if u != nil && u.User != nil {
		v := *u
		v.User = nil
		return v.String()
	}
	return raw
}

// IsLoopback reports whether host (a name or an IP, without port) never
// leaves the machine.
func IsLoopback(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Host is the server's host (and port, when given) for display and as the
// keyring entry name: "api.miimosa.com", "127.0.0.1:8787". It is "" when
// apiURL has no host.
func Host(apiURL string) string {
	u, err := url.Parse(apiURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// SetKeyStorage records in configDir/config.json where host's key is kept
// (KeyStorageFile), or forgets it when storage is "". Every other field of
// the file is kept as it is, even those this version does not know. The
// file is replaced atomically and readable by its owner only.
func SetKeyStorage(configDir, host, storage string) error {
	path := filepath.Join(configDir, FileName)
	fields := map[string]json.RawMessage{}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return &Error{Source: path, Problem: ProblemFileUnreadable, Detail: err.Error(), Err: err}
	default:
		if err := json.Unmarshal(data, &fields); err != nil || fields == nil {
			if err == nil {
				err = errors.New("not a JSON object")
			}
			return &Error{Source: path, Problem: ProblemFileMalformed, Detail: err.Error(), Err: err}
		}
	}
	hosts := map[string]string{}
	if raw, ok := fields["key_storage"]; ok {
		if err := json.Unmarshal(raw, &hosts); err != nil || hosts == nil {
			hosts = map[string]string{} // a damaged entry is replaced, not kept
		}
	}
	if storage == "" {
		if _, ok := hosts[host]; !ok && !errors.Is(err, fs.ErrNotExist) {
			return nil // nothing to forget: the file stays untouched
		}
		delete(hosts, host)
	} else {
		hosts[host] = storage
	}
	if len(hosts) == 0 {
		delete(fields, "key_storage")
	} else {
		raw, err := json.Marshal(hosts)
		if err != nil {
			return err
		}
		fields["key_storage"] = raw
	}
	if len(fields) == 0 && errors.Is(err, fs.ErrNotExist) {
		return nil // no file, and nothing to write in one
	}
	out, err := json.MarshalIndent(fields, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(out, '\n'))
}

// writeFileAtomic replaces path with data, 0600, so that a reader never
// sees half a file.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+FileName+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
