package cli

import (
	"strings"
	"testing"
)

// Flag errors are one localized line that names the flag and what it takes,
// never Go's parser ("strconv.ParseInt: parsing …"), and exit 2.
func TestFlagErrorsAreLocalized(t *testing.T) {
	srv := newTestServer(t)
	en := testEnv(t, srv.URL)
	fr := testEnv(t, srv.URL)
	fr["LANG"] = "fr_FR.UTF-8"
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{en, []string{"projects", "--limit", "abc"}, "miimosa: --limit takes a whole number, not “abc”"},
		{fr, []string{"projects", "--limit", "abc"}, "miimosa: --limit attend un nombre entier, pas « abc »"},
		{en, []string{"projects", "--bogus"}, "miimosa: unknown flag --bogus: see miimosa projects --help"},
		{fr, []string{"projects", "--bogus"}, "miimosa: option inconnue --bogus : voir miimosa projects --help"},
		{en, []string{"--lang", "fr", "wallet", "--bogus"}, "miimosa: option inconnue --bogus : voir miimosa wallet --help"},
		{fr, []string{"--lang=en", "wallet", "--bogus"}, "miimosa: unknown flag --bogus: see miimosa wallet --help"},
		{en, []string{"projects", "-z"}, "miimosa: unknown flag -z: see miimosa projects --help"},
		{en, []string{"projects", "--limit"}, "miimosa: --limit needs a value: see miimosa projects --help"},
		{en, []string{"projects", "--all=maybe"}, "miimosa: --all takes true or false, not “maybe”"},
		{en, []string{"projects", "--limit", "\x1b[31mred"}, "miimosa: --limit takes a whole number, not “red”"},
		{en, []string{"projets"}, "miimosa: unknown command “projets”: see miimosa --help"},
		{fr, []string{"projets"}, "miimosa: commande inconnue « projets » : voir miimosa --help"},
	} {
		r := run(t, tc.env, tc.args...).expectCode(t, ExitUsage)
		if got := strings.TrimSuffix(r.stderr, "\n"); got != tc.want {
			t.Errorf("%v:\n got %q\nwant %q", tc.args, got, tc.want)
		}
		if strings.Contains(r.stderr, "strconv") || strings.Contains(r.stderr, "(see --help)") {
			t.Errorf("%v: %q", tc.args, r.stderr)
		}
	}
	if srv.requests.Load() != 0 {
		t.Errorf("%d requests for commands that could not be parsed", srv.requests.Load())
	}
}

// --lang takes only the languages the program speaks; the others are a
// usage error naming them, not English without a word.
func TestLangFlagUnknownIsUsageError(t *testing.T) {
	srv := newTestServer(t)
	env := testEnv(t, srv.URL)
	for _, args := range [][]string{
		{"--lang", "de", "projects"},
		{"projects", "--lang=de"},
		{"--lang", "", "projects"},
	} {
		r := run(t, env, args...).expectCode(t, ExitUsage)
		r.expectOneLineError(t, "--lang", "en or fr")
	}
	env["LANG"] = "fr_FR.UTF-8"
	run(t, env, "--lang", "xx", "projects").expectCode(t, ExitUsage).expectOneLineError(t, "« xx »", "en ou fr")
	for _, l := range []string{"en", "fr", "fr_FR.UTF-8", "EN"} {
		run(t, env, "--lang", l, "projects", "--limit", "1", "--format", "csv").expectCode(t, ExitOK)
	}
}

func TestScanLang(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"projects", "--lang", "fr"}, "fr"},
		{[]string{"--lang=en", "wallet"}, "en"},
		{[]string{"lead", "--", "--lang", "fr"}, ""},
		{[]string{"--lang"}, ""},
		{nil, ""},
	} {
		if got := scanLang(tc.args); got != tc.want {
			t.Errorf("scanLang(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
