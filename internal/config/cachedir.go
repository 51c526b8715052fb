package config

import (
	"fmt"
	"path/filepath"
)

// CacheDir returns the cache directory ($XDG_CACHE_HOME/miimosa, else
// ~/.cache/miimosa), by the same rules as Dirs: a relative XDG variable is
// ignored, and without an absolute HOME (or USERPROFILE) there is none.
// Nothing is created.
func CacheDir(getenv func(string) string) (string, error) {
	if v := getenv("XDG_CACHE_HOME"); v != "" && filepath.IsAbs(v) {
		return filepath.Join(v, App), nil
	}
	home := getenv("HOME")
	if home == "" {
		home = getenv("USERPROFILE") // Windows has no HOME by default
	}
	if home == "" || !filepath.IsAbs(home) {
		return "", fmt.Errorf("cannot tell where to keep miimosa's cache: set HOME (or XDG_CACHE_HOME) to an absolute path")
	}
	return filepath.Join(home, ".cache", App), nil
}
