package textsafe

import (
	"strings"
	"testing"
)

func TestWebURL(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"https://www.miimosa.com/fr/projects/sechoir", "https://www.miimosa.com/fr/projects/sechoir", true},
		{"http://127.0.0.1:8080/p/1", "http://127.0.0.1:8080/p/1", true},
		{"HTTPS://www.miimosa.com/x", "https://www.miimosa.com/x", true},
		{"javascript:alert(1)", "", false},
		{"JavaScript:alert(1)", "", false},
		{"data:text/html,<b>x</b>", "", false},
		{"file:///etc/passwd", "", false},
		{"//www.miimosa.com/x", "", false},
		{"/fr/projects/x", "", false},
		{"https:///nohost", "", false},
		{"https://user:pw@evil.example/", "", false},
		{"", "", false},
		{"https://www.miimosa.com/\x1b]8;;javascript:x\x07", "https://www.miimosa.com/", true},
	} {
		got, ok := WebURL(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("WebURL(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzWebURL(f *testing.F) {
	for _, s := range []string{"https://www.miimosa.com/fr/projects/a", "javascript:alert(1)", "http://[::1]:80/", "https://a\x1b[31m/b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := WebURL(s)
		if !ok {
			if got != "" {
				t.Fatalf("refused %q but returned %q", s, got)
			}
			return
		}
		if !strings.HasPrefix(got, "https://") && !strings.HasPrefix(got, "http://") {
			t.Fatalf("accepted %q as %q", s, got)
		}
		if Clean(got) != got {
			t.Fatalf("accepted %q as %q, which is not clean", s, got)
		}
	})
}
