package credentials

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// The --insecure-storage file: one per host, configDir/credentials-<host>,
// holding the key and a newline, readable by its owner only.

// FilePath is where the key file for this host lives, and false when there
// is no config directory to hold it.
func (s *Store) FilePath() (string, bool) {
	if s.opts.ConfigDir == "" || s.host == "" {
		return "", false
	}
	return filepath.Join(s.opts.ConfigDir, "credentials-"+fileSafe(s.host)), true
}

// FileExists reports whether a key file exists for this host, so that
// `auth status` can point at a file it was not told to read.
func (s *Store) FileExists() bool {
	path, ok := s.FilePath()
	if !ok {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

// fileSafe escapes a host for a file name: letters, digits, '.', '-' and
// '_' stay, anything else (':' of a port, brackets of IPv6) becomes %XX, so
// two hosts never share a file.
func fileSafe(host string) string {
	var b strings.Builder
	for i := 0; i < len(host); i++ {
		c := host[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func (s *Store) readFile() (string, error) {
	path, ok := s.FilePath()
	if !ok {
		return "", os.ErrNotExist
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if tooOpen(info.Mode()) {
		// As ssh does with keys: a key others could read is refused, not used.
		return "", fmt.Errorf("%s can be read by other users: run chmod 600 %s, or delete it and log in again", path, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", path, err)
	}
	key := strings.TrimSpace(string(data))
	if err := ValidateKey(key); err != nil {
		return "", fmt.Errorf("%s: %w; delete it and log in again", path, err)
	}
	return key, nil
}

// writeFile replaces the key file atomically: a temporary file created
// 0600 in the same directory, synced, then renamed over the old one, so a
// crash never leaves a half-written or briefly world-readable key.
func (s *Store) writeFile(key string) error {
	path, ok := s.FilePath()
	if !ok {
		return errors.New("no config directory to keep the key file in: set HOME or XDG_CONFIG_HOME")
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".credentials-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return fmt.Errorf("cannot restrict %s to its owner: %w", tmp.Name(), err)
	}
	if _, err := tmp.WriteString(key + "\n"); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("cannot check %s: %w", path, err)
	}
	if tooOpen(info.Mode()) {
		os.Remove(path)
		return fmt.Errorf("%s could not be made private to its owner (mode %v); the key was not kept", path, info.Mode().Perm())
	}
	return nil
}

// tooOpen reports a mode that lets others than the owner in. Windows has
// no such bits; its per-user profile directory protects the file.
func tooOpen(mode os.FileMode) bool {
	return runtime.GOOS != "windows" && mode.Perm()&0o077 != 0
}
