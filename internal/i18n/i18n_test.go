package i18n

import (
	"fmt"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"", nil, EN},
		{"", map[string]string{"LANG": "fr_FR.UTF-8"}, FR},
		{"", map[string]string{"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, EN},
		{"", map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_CA"}, FR},
		{"en", map[string]string{"LANG": "fr_FR.UTF-8"}, EN},
		{"fr", nil, FR},
		{"de", map[string]string{"LANG": "fr_FR"}, FR},
	}
	for _, c := range cases {
		if got := Detect(c.flag, env(c.env)); got != c.want {
			t.Errorf("Detect(%q, %v) = %v, want %v", c.flag, c.env, got, c.want)
		}
	}
}

// Every message exists in both languages with the same formatting verbs, so
// no French user meets an English word and no Sprintf goes wrong.
func TestCatalogueComplete(t *testing.T) {
	if d := Duplicates(); len(d) > 0 {
		t.Errorf("keys registered twice: %v", d)
	}
	for k, m := range All() {
		if strings.TrimSpace(m.EN) == "" || strings.TrimSpace(m.FR) == "" {
			t.Errorf("%s: missing a language: %+v", k, m)
			continue
		}
		if a, b := verbs(m.EN), verbs(m.FR); a != b {
			t.Errorf("%s: verbs differ: EN %q, FR %q", k, a, b)
		}
	}
}

func verbs(s string) string {
	var out []string
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			if s[i+1] == '%' {
				i++
				continue
			}
			j := i + 1
			for j < len(s) && strings.ContainsRune("+-# 0123456789.[]", rune(s[j])) {
				j++
			}
			if j < len(s) {
				out = append(out, fmt.Sprintf("%c", s[j]))
			}
		}
	}
	return strings.Join(out, "")
}

func TestUnknownKeyShowsItself(t *testing.T) {
	if got := New(FR).T("no.such.key"); got != "no.such.key" {
		t.Fatalf("got %q", got)
	}
}
