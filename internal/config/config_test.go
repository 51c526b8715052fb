package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDirs(t *testing.T) {
	cases := []struct {
		name               string
		env                map[string]string
		wantConf, wantStat string
		wantErr            bool
	}{
		{"home fallbacks", map[string]string{"HOME": "/home/ana"},
			"/home/ana/.config/miimosa", "/home/ana/.local/state/miimosa", false},
		{"xdg wins", map[string]string{"HOME": "/home/ana", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/st"},
			"/cfg/miimosa", "/st/miimosa", false},
		{"relative xdg ignored", map[string]string{"HOME": "/home/ana", "XDG_CONFIG_HOME": "cfg", "XDG_STATE_HOME": "./st"},
			"/home/ana/.config/miimosa", "/home/ana/.local/state/miimosa", false},
		{"xdg without home", map[string]string{"XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/st"},
			"/cfg/miimosa", "/st/miimosa", false},
		{"nothing", nil, "", "", true},
		{"state unknown", map[string]string{"XDG_CONFIG_HOME": "/cfg"}, "", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conf, stat, err := Dirs(env(c.env))
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v, want error %v", err, c.wantErr)
			}
			if err != nil {
				if !strings.Contains(err.Error(), "set HOME") {
					t.Errorf("error does not say what to do: %v", err)
				}
				return
			}
			if conf != filepath.FromSlash(c.wantConf) || stat != filepath.FromSlash(c.wantStat) {
				t.Errorf("Dirs = %q, %q; want %q, %q", conf, stat, c.wantConf, c.wantStat)
			}
		})
	}
}

func writeConfig(t *testing.T, content string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	if content != "" {
		if err := os.MkdirAll(filepath.Join(dir, App), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, App, FileName), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return map[string]string{"HOME": "/nonexistent", "XDG_CONFIG_HOME": dir, "XDG_STATE_HOME": dir}
}

func TestResolveAPIURLPrecedence(t *testing.T) {
	file := writeConfig(t, `{"api_url": "https://file.example", "future_setting": 3}`)
	withEnv := func(m map[string]string, k, v string) map[string]string {
		out := map[string]string{k: v}
		for a, b := range m {
			out[a] = b
		}
		return out
	}
	cases := []struct {
		name, flag string
		env        map[string]string
		want       string
	}{
		{"flag beats all", "https://flag.example", withEnv(file, EnvAPIURL, "https://env.example"), "https://flag.example"},
		{"env beats file", "", withEnv(file, EnvAPIURL, "https://env.example"), "https://env.example"},
		{"file beats default", "", file, "https://file.example"},
		{"no file: default", "", writeConfig(t, ""), api.DefaultBaseURL},
		{"empty api_url: default", "", writeConfig(t, `{"api_url": ""}`), api.DefaultBaseURL},
		{"no home: default", "", nil, api.DefaultBaseURL},
		{"blank flag ignored", "  ", withEnv(nil, EnvAPIURL, "https://env.example"), "https://env.example"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ResolveAPIURL(c.flag, env(c.env))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestResolveAPIURLErrorsNameTheSource(t *testing.T) {
	bad := writeConfig(t, `{"api_url": `)
	_, err := ResolveAPIURL("", env(bad))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(bad["XDG_CONFIG_HOME"], App, FileName)) {
		t.Errorf("malformed file: err = %v, want it to name the file", err)
	}
	insecure := writeConfig(t, `{"api_url": "http://api.example"}`)
	_, err = ResolveAPIURL("", env(insecure))
	if err == nil || !strings.Contains(err.Error(), "api_url in ") {
		t.Errorf("bad URL in file: err = %v, want it to name the file", err)
	}
	_, err = ResolveAPIURL("", env(map[string]string{EnvAPIURL: "ftp://x"}))
	if err == nil || !strings.HasPrefix(err.Error(), EnvAPIURL+": ") {
		t.Errorf("bad env: err = %v", err)
	}
	_, err = ResolveAPIURL("nope", env(nil))
	if err == nil || !strings.HasPrefix(err.Error(), "--api-url: ") {
		t.Errorf("bad flag: err = %v", err)
	}
}

func TestValidateAPIURL(t *testing.T) {
	ok := []struct{ in, want string }{
		{"https://api.miimosa.com", "https://api.miimosa.com"},
		{"https://api.miimosa.com/", "https://api.miimosa.com"},
		{"HTTPS://API.Miimosa.COM", "https://api.miimosa.com"},
		{"https://staging.example:8443", "https://staging.example:8443"},
		{"http://127.0.0.1:8787", "http://127.0.0.1:8787"},
		{"http://127.1.2.3:80/", "http://127.1.2.3:80"},
		{"http://localhost:8787", "http://localhost:8787"},
		{"http://[::1]:8787", "http://[::1]:8787"},
	}
	for _, c := range ok {
		got, err := ValidateAPIURL(c.in)
		if err != nil || got != c.want {
			t.Errorf("ValidateAPIURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, says string }{
		{"http://api.miimosa.com", "use https://"},
		{"https://api.miimosa.com:0", "port must be"},
		{"http://10.0.0.1:8787", "use https://"},
		{"http://localhost.evil.example", "use https://"},
		{"ftp://api.miimosa.com", "only https://"},
		{"api.miimosa.com", "not a server address"},
		{"", "not a server address"},
		{"https://", "not a server address"},
		{"https://api.miimosa.com/v1", "without a path"},
		{"https://api.miimosa.com?x=1", "without a path"},
		{"https://api.miimosa.com#top", "without a path"},
		{"https://api.miimosa.com:99999", "port must be"},
		{"https://bob:s3cret@api.miimosa.com", "user name or password"},
	}
	for _, c := range bad {
		_, err := ValidateAPIURL(c.in)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("ValidateAPIURL(%q) err = %v, want it to say %q", c.in, err, c.says)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("error echoes the password: %v", err)
		}
	}
}

func TestHost(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.miimosa.com":  "api.miimosa.com",
		"http://127.0.0.1:8787":    "127.0.0.1:8787",
		"https://API.Example:8443": "api.example:8443",
		"http://[::1]:80":          "[::1]:80",
		"not a url %%":             "",
	} {
		if got := Host(in); got != want {
			t.Errorf("Host(%q) = %q, want %q", in, got, want)
		}
	}
}
