package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// recorder is a directory of shell scripts standing for the programs the
// terminal starts (the browser, xclip). Each run records its arguments
// (NUL-separated), standard input and environment, renamed into place once
// complete; `xclip -out` also prints pastedText, as a clipboard would.
type recorder struct {
	t   *testing.T
	dir string
}

const pastedText = "pasted@example.com"

func newRecorder(t *testing.T, names ...string) *recorder {
	t.Helper()
	rec := &recorder{t: t, dir: t.TempDir()}
	tools := map[string]string{}
	for _, tool := range []string{"cat", "env", "mv"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			t.Fatalf("the fake helpers need %s: %v", tool, err)
		}
		tools[tool] = p
	}
	for _, name := range names {
		script := fmt.Sprintf(`#!/bin/sh
out=%[1]q/%[2]s.$$
printf '%%s\0' "$@" > "$out.args.tmp"
%[3]s > "$out.stdin.tmp"
%[4]s > "$out.env.tmp"
for k in env stdin args; do %[5]s "$out.$k.tmp" "$out.$k"; done
[ "$1" = "-out" ] && printf '%%s' %[6]q
exit 0
`, rec.dir, name, tools["cat"], tools["env"], tools["mv"], pastedText)
		if err := os.WriteFile(filepath.Join(rec.dir, name), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	return rec
}

// recorded is one run of a fake helper.
type recorded struct {
	args       []string
	stdin, env string
}

// waitRun polls for a completed run of name whose arguments start with
// firstArg ("" for any): the helpers run in the background of the program.
func (rec *recorder) waitRun(name, firstArg string) recorded {
	rec.t.Helper()
	deadline := time.Now().Add(patience)
	for {
		files, _ := filepath.Glob(filepath.Join(rec.dir, name+".*.args"))
		for _, f := range files {
			base := strings.TrimSuffix(f, ".args")
			args, err1 := os.ReadFile(f)
			stdin, err2 := os.ReadFile(base + ".stdin")
			env, err3 := os.ReadFile(base + ".env")
			if err1 != nil || err2 != nil || err3 != nil {
				rec.t.Fatalf("reading the run of %s: %v %v %v", name, err1, err2, err3)
			}
			r := recorded{args: strings.Split(string(args), "\x00"), stdin: string(stdin), env: string(env)}
			r.args = r.args[:len(r.args)-1]
			if firstArg == "" || (len(r.args) > 0 && r.args[0] == firstArg) {
				return r
			}
		}
		if time.Now().After(deadline) {
			rec.t.Fatalf("waited %s for %s %s to run", patience, name, firstArg)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

const e2eKey = "mk_live_e2e-7391-never-in-a-child"

func checkNoKey(t *testing.T, who string, r recorded) {
	t.Helper()
	if strings.Contains(r.env, "MIIMOSA_") || strings.Contains(r.env, e2eKey) {
		t.Errorf("%s was started with the program's secrets in its environment:\n%s", who, r.env)
	}
}

// With the key in MIIMOSA_API_KEY, no program the terminal starts gets it:
// not the text field's paste helper (a library's child), not the browser
// (o), not the clipboard helper (y). The URL reaches the browser as one
// argument, shell characters and all, and y puts it in tmux's buffer too.
func TestNoChildProcessGetsTheKey(t *testing.T) {
	needTmux(t)
	bin := build(t)
	srv := hostileProjectServer(t, []string{"Ferme des Quatre Vents"})
	rec := newRecorder(t, "browser", "xclip")
	var env []string
	for _, kv := range baseEnv(t) {
		if strings.HasPrefix(kv, "PATH=") {
			kv = "PATH=" + rec.dir + string(os.PathListSeparator) + strings.TrimPrefix(kv, "PATH=")
		}
		env = append(env, kv)
	}
	env = append(env, "MIIMOSA_API_KEY="+e2eKey, "BROWSER="+filepath.Join(rec.dir, "browser"), "DISPLAY=:99")
	term := openTerminal(t, env, fmt.Sprintf("%q --api-url %s; sleep 600", bin, srv.URL))

	// ctrl+v in the lookup's email field: the text field runs xclip -out.
	term.waitText("Who is it?")
	term.keys("C-v")
	term.waitText(pastedText)
	checkNoKey(t, "the paste helper (xclip -out)", rec.waitRun("xclip", "-out"))

	term.keys("Escape")
	term.waitFor("the lookup to close", func(s string) bool { return !strings.Contains(s, "Who is it?") })
	term.keys("3")
	term.waitText("┏━ 3 Projects", "Quatre Vents")

	term.keys("o")
	browser := rec.waitRun("browser", "")
	checkNoKey(t, "the browser", browser)
	if want := projectURL(1); len(browser.args) != 1 || browser.args[0] != want {
		t.Errorf("the browser got %q, want the one argument %q", browser.args, want)
	}
	term.waitText("Opened in the browser")

	term.keys("y")
	copied := rec.waitRun("xclip", "-selection")
	checkNoKey(t, "the clipboard helper (xclip)", copied)
	if copied.stdin != projectURL(1) {
		t.Errorf("xclip got %q, want the URL", copied.stdin)
	}
	term.waitText("URL copied")
	// Inside tmux the URL is in tmux's own paste buffer too.
	if got := term.run("show-buffer"); got != projectURL(1) {
		t.Errorf("tmux's paste buffer holds %q, want the URL", got)
	}
}
