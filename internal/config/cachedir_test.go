package config

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCacheDir(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string // "" means an error
	}{
		{"home fallback", map[string]string{"HOME": "/home/ana"}, "/home/ana/.cache/miimosa"},
		{"xdg wins", map[string]string{"HOME": "/home/ana", "XDG_CACHE_HOME": "/var/cache/ana"}, "/var/cache/ana/miimosa"},
		{"relative xdg ignored", map[string]string{"HOME": "/home/ana", "XDG_CACHE_HOME": "cache"}, "/home/ana/.cache/miimosa"},
		{"xdg without home", map[string]string{"XDG_CACHE_HOME": "/c"}, "/c/miimosa"},
		{"relative home", map[string]string{"HOME": "ana"}, ""},
		{"nothing", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CacheDir(env(c.env))
			if c.want == "" {
				if err == nil || !strings.Contains(err.Error(), "set HOME") {
					t.Fatalf("CacheDir = %q, %v; want an error saying to set HOME", got, err)
				}
				return
			}
			if err != nil || got != filepath.FromSlash(c.want) {
				t.Errorf("CacheDir = %q, %v; want %q", got, err, c.want)
			}
		})
	}
}
