package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

func TestAuthorizationForms(t *testing.T) {
	for _, tc := range []struct {
		header string
		ok     bool
	}{
		{"Token token=" + DemoKey, true},
		{`Token token="` + DemoKey + `"`, true},
		{"token   token = " + DemoKey + "  ", true},
		{"TOKEN token=" + DemoKey + ", other=\"x\"", true},
		{"Bearer " + DemoKey, true},
		{"Token " + DemoKey, true},
		{"Token token=wrong", false},
		{"Token token=" + DemoKey + "x", false},
		{"Basic " + DemoKey, false},
		{"Token token=", false},
		{"Token", false},
		{DemoKey, false},
		{"", false},
	} {
		w := get("/projects?per_page=1", "Authorization", tc.header)
		if tc.ok && w.Code != http.StatusOK {
			t.Errorf("%q: status %d, want 200", tc.header, w.Code)
		}
		if !tc.ok {
			if w.Code != http.StatusUnauthorized {
				t.Errorf("%q: status %d, want 401", tc.header, w.Code)
				continue
			}
			if got := w.Body.String(); got != "HTTP Token: Access denied.\n" {
				t.Errorf("%q: body %q", tc.header, got)
			}
			if got := w.Header().Get("WWW-Authenticate"); got != `Token realm="Application"` {
				t.Errorf("%q: WWW-Authenticate %q", tc.header, got)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("%q: Content-Type %q, want text/plain", tc.header, ct)
			}
		}
	}
}

func TestEveryEndpointNeedsTheKey(t *testing.T) {
	u := DemoUsers()[0]
	for _, c := range []struct{ method, target, body string }{
		{"GET", "/projects", ""},
		{"GET", "/projects/1000", ""},
		{"GET", "/user/wallet?" + userQuery(u), ""},
		{"GET", "/user/pledges?" + userQuery(u), ""},
		{"POST", "/leads", "{}"},
	} {
		if w := do(shared, c.method, c.target, c.body, "Authorization", ""); w.Code != http.StatusUnauthorized {
			t.Errorf("%s %s without a key: status %d, want 401", c.method, c.target, w.Code)
		}
	}
}

func TestCustomKey(t *testing.T) {
	h := NewHandler(Options{Key: "s3cret", Now: fixedNow})
	if w := do(h, "GET", "/projects", "", "Authorization", "Token token=s3cret"); w.Code != http.StatusOK {
		t.Errorf("own key: status %d", w.Code)
	}
	if w := do(h, "GET", "/projects", ""); w.Code != http.StatusUnauthorized {
		t.Errorf("demo key on a server with its own key: status %d, want 401", w.Code)
	}
}

// FuzzAuthorization: any header is read without panic, and a key written in
// either documented form is read back exactly.
func FuzzAuthorization(f *testing.F) {
	for _, s := range []string{DemoKey, "abc", "", `"`, "a,b", "k;x", " spaced "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		_, _ = tokenFrom(key)
		_, _ = tokenFrom("Token " + key)
		if key == "" || strings.ContainsAny(key, "\",; \t\r\n") || strings.TrimSpace(key) != key {
			return
		}
		for _, h := range []string{"Token token=" + key, `Token token="` + key + `"`} {
			if got, ok := tokenFrom(h); !ok || got != key {
				t.Fatalf("%q read as %q, %v", h, got, ok)
			}
		}
	})
}
