package common

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/i18n"
)

// With no browser on the machine, o leaves on the status line a sentence
// in the person's language saying what to do instead, never the Go error
// about $PATH.
func TestOpenInBrowserWithNoBrowserIsWorded(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no opener to be found
	t.Setenv("BROWSER", "")
	msg := OpenInBrowser("https://www.miimosa.com/fr/projects/x", "opened")()
	em, ok := msg.(ErrorMsg)
	if !ok || !errors.Is(em.Err, exec.ErrNotFound) {
		t.Fatalf("got %#v, want an ErrorMsg for a missing opener", msg)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		got := ErrorText(i18n.New(lang), em.Err)
		if got == "" || strings.Contains(got, "$PATH") || strings.Contains(got, "executable file") || !strings.Contains(got+" ", " y ") {
			t.Errorf("%v: status line %q: not worded, or no next step", lang, got)
		}
	}
}

func TestOpenInBrowserRefusesWhatIsNotAWebPage(t *testing.T) {
	msg := OpenInBrowser("javascript:alert(1)", "opened")()
	em, ok := msg.(ErrorMsg)
	if !ok || !errors.Is(em.Err, ErrNotWebURL) {
		t.Fatalf("got %#v", msg)
	}
	if got := ErrorText(i18n.New(i18n.FR), em.Err); got == em.Err.Error() {
		t.Errorf("status line %q is the raw error", got)
	}
}

// fakeHelpers is a directory of shell scripts standing for the programs
// the terminal starts. Each run of one records, under its name and a
// number of its own, its arguments (NUL-separated), its standard input and
// its environment, renamed into place once complete.
type fakeHelpers struct {
	t   *testing.T
	dir string
}

func newFakeHelpers(t *testing.T) *fakeHelpers {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake helpers are shell scripts")
	}
	return &fakeHelpers{t: t, dir: t.TempDir()}
}

// add writes a helper that records its run and exits with code; with
// failOn, it fails (exit 1) when one of its arguments is failOn.
func (f *fakeHelpers) add(name string, code int, failOn string) {
	f.t.Helper()
	tools := map[string]string{}
	for _, tool := range []string{"cat", "env", "mv"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			f.t.Skipf("no %s for the fake helpers: %v", tool, err)
		}
		tools[tool] = p
	}
	script := fmt.Sprintf(`#!/bin/sh
for a in "$@"; do [ -n %[6]q ] && [ "$a" = %[6]q ] && exit 1; done
out=%[1]q/%[2]s.$$
printf '%%s\0' "$@" > "$out.args.tmp"
%[3]s > "$out.stdin.tmp"
%[4]s > "$out.env.tmp"
for k in env stdin args; do %[5]s "$out.$k.tmp" "$out.$k"; done
exit %[7]d
`, f.dir, name, tools["cat"], tools["env"], tools["mv"], failOn, code)
	if err := os.WriteFile(filepath.Join(f.dir, name), []byte(script), 0o700); err != nil {
		f.t.Fatal(err)
	}
}

// run is one recorded run of a helper.
type run struct {
	args       []string
	stdin, env string
}

// runs returns the completed runs of name.
func (f *fakeHelpers) runs(name string) []run {
	f.t.Helper()
	files, err := filepath.Glob(filepath.Join(f.dir, name+".*.args"))
	if err != nil {
		f.t.Fatal(err)
	}
	var out []run
	for _, argsFile := range files {
		base := strings.TrimSuffix(argsFile, ".args")
		read := func(p string) string {
			b, err := os.ReadFile(p)
			if err != nil {
				f.t.Fatal(err)
			}
			return string(b)
		}
		args := strings.Split(read(argsFile), "\x00")
		out = append(out, run{args: args[:len(args)-1], stdin: read(base + ".stdin"), env: read(base + ".env")})
	}
	return out
}

// waitRun waits for the first run of a helper started in the background.
func (f *fakeHelpers) waitRun(name string) run {
	f.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if r := f.runs(name); len(r) > 0 {
			return r[0]
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("%s never ran", name)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

const secretKey = "mk_live_4821-do-not-leak"

// withSecrets puts the program's own variables in the environment, as a
// person with the key in MIIMOSA_API_KEY runs it.
func withSecrets(t *testing.T) {
	t.Setenv("MIIMOSA_API_KEY", secretKey)
	t.Setenv("MIIMOSA_API_URL", "http://127.0.0.1:9")
}

func checkNoSecret(t *testing.T, who string, r run) {
	t.Helper()
	if strings.Contains(r.env, "MIIMOSA_") || strings.Contains(r.env, secretKey) {
		t.Errorf("%s was started with the program's secrets:\n%s", who, r.env)
	}
	if !strings.Contains(r.env, "PATH=") {
		t.Errorf("%s lost the rest of the environment:\n%s", who, r.env)
	}
}

// A URL with every character a shell would act on.
const trickyURL = "https://www.miimosa.com/fr/projects/ferme?from=app&x=$(id);y='a b'|z"

func TestBrowserGetsTheURLAsOneArgumentAndNoSecret(t *testing.T) {
	f := newFakeHelpers(t)
	f.add("browser", 0, "")
	withSecrets(t)
	t.Setenv("PATH", f.dir)
	t.Setenv("BROWSER", filepath.Join(f.dir, "browser"))
	web, err := WebURL(trickyURL)
	if err != nil {
		t.Fatal(err)
	}
	msg := OpenInBrowser(trickyURL, "opened")()
	if sm, ok := msg.(StatusMsg); !ok || sm.Text != "opened" {
		t.Fatalf("got %#v, want the ok status", msg)
	}
	r := f.waitRun("browser")
	checkNoSecret(t, "the browser", r)
	if len(r.args) != 1 || r.args[0] != web {
		t.Errorf("the browser got arguments %q, want the one URL %q", r.args, web)
	}
}

// $BROWSER is a list like $PATH; "%s" places the URL; a missing entry
// gives way to the next one; without $BROWSER, the platform's opener.
func TestBrowserVariableIsHonouredFirst(t *testing.T) {
	const u = "https://www.miimosa.com/fr/projects/x"
	for _, c := range []struct {
		name, browser, ran string
		want               []string
	}{
		{"placeholder", "fake-browser --new-tab=%s --flag", "fake-browser", []string{"--new-tab=" + u, "--flag"}},
		{"missing entry skipped", "no-such-browser:fake-browser -w", "fake-browser", []string{"-w", u}},
		{"unset: the platform opener", "", openerCommand(), []string{u}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeHelpers(t)
			f.add("fake-browser", 0, "")
			f.add(openerCommand(), 0, "")
			t.Setenv("PATH", f.dir)
			t.Setenv("BROWSER", c.browser)
			if _, ok := OpenInBrowser(u, "opened")().(StatusMsg); !ok {
				t.Fatal("the browser did not start")
			}
			r := f.waitRun(c.ran)
			if strings.Join(r.args, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s got %q, want %q", c.ran, r.args, c.want)
			}
		})
	}
}

// runCopy runs a copy command as Bubble Tea would and returns its one
// status text, failing unless the OSC 52 write went out with it.
func runCopy(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatalf("a copy is a batch of commands")
	}
	osc52 := reflect.TypeOf(tea.SetClipboard("x")())
	var texts []string
	sawOSC52 := false
	for _, c := range batch {
		switch m := c(); {
		case reflect.TypeOf(m) == osc52:
			sawOSC52 = true
		default:
			sm, ok := m.(StatusMsg)
			if !ok {
				t.Fatalf("unexpected message %#v", m)
			}
			texts = append(texts, sm.Text)
		}
	}
	if !sawOSC52 || len(texts) != 1 {
		t.Fatalf("want OSC 52 and one status, got OSC 52 %v and %q", sawOSC52, texts)
	}
	return texts[0]
}

// Each place a copy can land, and the one sentence that says so, with fake
// helpers that record what they were given.
func TestCopySaysHowItWasSent(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the Linux helpers")
	}
	const id = "4821"
	en, fr := i18n.New(i18n.EN), i18n.New(i18n.FR)
	type setup struct {
		tmux, display, wayland bool
		helpers                map[string]int // name → exit code
		tmuxNoW                bool           // an old tmux that refuses -w
	}
	for _, c := range []struct {
		name   string
		s      setup
		want   string // English status
		wantFR string
		ran    map[string][]string // helper → its arguments
	}{
		{"inside tmux: its paste buffer",
			setup{tmux: true, helpers: map[string]int{"tmux": 0}},
			"Pledge id 4821 copied into tmux's paste buffer (prefix then ] pastes it)",
			"Identifiant du prêt 4821 copié dans le tampon de tmux (préfixe puis ] pour coller)",
			map[string][]string{"tmux": {"load-buffer", "-w", "-"}}},
		{"an old tmux without -w",
			setup{tmux: true, tmuxNoW: true, helpers: map[string]int{"tmux": 0}},
			"Pledge id 4821 copied into tmux's paste buffer (prefix then ] pastes it)", "",
			map[string][]string{"tmux": {"load-buffer", "-"}}},
		{"tmux refuses: OSC 52 only, and tmux may keep it",
			setup{tmux: true, helpers: map[string]int{"tmux": 1}},
			"Sent to the terminal's clipboard (OSC 52), but tmux may keep it in its own buffer (set-clipboard)", "", nil},
		{"Wayland",
			setup{wayland: true, helpers: map[string]int{"wl-copy": 0}},
			"Pledge id 4821 copied to the system clipboard (wl-copy)",
			"Identifiant du prêt 4821 copié dans le presse-papiers du système (wl-copy)",
			map[string][]string{"wl-copy": {}}},
		{"X11: xclip fails, xsel takes it",
			setup{display: true, helpers: map[string]int{"xclip": 1, "xsel": 0}},
			"Pledge id 4821 copied to the system clipboard (xsel)", "",
			map[string][]string{"xsel": {"--clipboard", "--input"}}},
		{"tmux on a desktop: both",
			setup{tmux: true, display: true, helpers: map[string]int{"tmux": 0, "xclip": 0}},
			"Pledge id 4821 copied to the system clipboard (xclip) and tmux's paste buffer", "",
			map[string][]string{"tmux": {"load-buffer", "-w", "-"}, "xclip": {"-selection", "clipboard"}}},
		{"no display: a helper on PATH is not tried",
			setup{helpers: map[string]int{"xclip": 0, "wl-copy": 0}},
			"Sent to the terminal's clipboard (OSC 52), unconfirmed: paste to check",
			"Envoyé au presse-papiers du terminal (OSC 52), sans confirmation : collez pour vérifier", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeHelpers(t)
			for name, code := range c.s.helpers {
				failOn := ""
				if name == "tmux" && c.s.tmuxNoW {
					failOn = "-w"
				}
				f.add(name, code, failOn)
			}
			withSecrets(t)
			t.Setenv("PATH", f.dir)
			t.Setenv("TMUX", map[bool]string{true: "/tmp/tmux-0/default,1,0"}[c.s.tmux])
			t.Setenv("DISPLAY", map[bool]string{true: ":0"}[c.s.display])
			t.Setenv("WAYLAND_DISPLAY", map[bool]string{true: "wayland-0"}[c.s.wayland])
			t.Setenv("WSL_DISTRO_NAME", "")

			if got := runCopy(t, CopyAndTell(en, id, en.T("panes.pledges.id_copied", id))); got != c.want {
				t.Errorf("status %q, want %q", got, c.want)
			}
			for name, args := range c.ran {
				var ok bool
				for _, r := range f.runs(name) {
					checkNoSecret(t, name, r)
					if strings.Join(r.args, " ") == strings.Join(args, " ") {
						ok = true
						if r.stdin != id {
							t.Errorf("%s got %q on its input, want %q", name, r.stdin, id)
						}
					}
				}
				if !ok {
					t.Errorf("%s never ran with %q", name, args)
				}
			}
			if c.wantFR != "" {
				if got := runCopy(t, CopyAndTell(fr, id, fr.T("panes.pledges.id_copied", id))); got != c.wantFR {
					t.Errorf("French status %q, want %q", got, c.wantFR)
				}
			}
		})
	}
}
