package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/fang/v2"
)

// stdinPipe is a real file as standard input, as the process's stdin is: a
// read on it blocks until the test writes.
func stdinPipe(t *testing.T) (r, w *os.File) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	return r, w
}

// expectStillReadable fails when what is written to stdin after a prompt
// was interrupted is not read by the next reader: a read left behind by
// the prompt would take it (as it took the terminal's answer to lipgloss's
// background query, freezing the process).
func expectStillReadable(t *testing.T, r, w *os.File) {
	t.Helper()
	if _, err := w.WriteString("next\n"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	line, err := readLine(ctx, r, 100)
	if line != "next\n" || err != nil {
		t.Fatalf("after the interrupted prompt, stdin gave %q, %v: a read was left behind holding it", line, err)
	}
}

func TestReadLineLeavesNoReaderBehind(t *testing.T) {
	r, w := stdinPipe(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := readLine(ctx, r, 100)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond) // let the read block; the checks below hold either way
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("readLine ignored the cancelled context")
	}
	expectStillReadable(t, r, w)
}

// lockedBuffer is standard error written by the command while the test
// watches it.
type lockedBuffer struct {
	mu   sync.Mutex
	b    bytes.Buffer
	when string // cancel once this shows
	stop context.CancelFunc
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.b.Write(p)
	if l.when != "" && strings.Contains(l.b.String(), l.when) {
		l.stop() // ctrl+c, as fang turns SIGINT into cancellation
	}
	return n, err
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// runAtPrompt runs args with a pipe as stdin (said to be a terminal) and
// interrupts it once stderr shows prompt.
func runAtPrompt(t *testing.T, env map[string]string, prompt string, args ...string) (result, *os.File, *os.File) {
	t.Helper()
	r, w := stdinPipe(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	errb := &lockedBuffer{when: prompt, stop: cancel}
	app := &App{
		Stdin: r, Stdout: &out, Stderr: errb,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return true },
		Now:        testClock,
	}
	ch := make(chan int, 1)
	go func() { ch <- Main(ctx, args, app) }()
	select {
	case code := <-ch:
		return result{code: code, stdout: out.String(), stderr: errb.String()}, r, w
	case <-time.After(30 * time.Second):
		t.Fatalf("%v did not return after ctrl+c", args)
		return result{}, nil, nil
	}
}

// ctrl+c at the birthdate prompt: exit 130 at once, one line, and nothing
// left reading stdin.
func TestBirthdatePromptInterruptedReleasesStdin(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	u := demoUser(t, 0)
	for _, cmd := range []string{"wallet", "pledges"} {
		res, r, w := runAtPrompt(t, env, "Birthdate of", cmd, "--email", u.Email)
		res.expectCode(t, ExitInterrupted)
		if !strings.HasSuffix(res.stderr, "\nmiimosa: interrupted before the end: run the command again\n") {
			t.Errorf("%s: stderr %q", cmd, res.stderr)
		}
		expectStillReadable(t, r, w)
	}
}

// `lead --file -` on a terminal says how to end the input, and ctrl+c ends
// it at once (exit 130) without a read left on stdin.
func TestLeadFromTerminalStdinInterrupted(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	res, r, w := runAtPrompt(t, env, "ctrl+d to end", "lead", "--file", "-")
	res.expectCode(t, ExitInterrupted)
	want := "reading the lead as JSON from standard input (ctrl+d to end)\n\nmiimosa: interrupted before the end: run the command again\n"
	if res.stderr != want {
		t.Errorf("stderr %q, want %q", res.stderr, want)
	}
	expectStillReadable(t, r, w)

	env["LANG"] = "fr_FR.UTF-8"
	res, _, _ = runAtPrompt(t, env, "ctrl+d pour finir", "lead", "--file", "-")
	res.expectCode(t, ExitInterrupted)
	if !strings.HasPrefix(res.stderr, "lecture du lead en JSON sur l’entrée standard (ctrl+d pour finir)\n") {
		t.Errorf("stderr %q", res.stderr)
	}
}

// Piped, `lead --file -` says nothing before reading: scripts get a clean
// standard error.
func TestLeadFromPipedStdinIsQuiet(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	res := runWith(t, env, runOpts{stdin: "{"}, "lead", "--file", "-").expectCode(t, ExitUsage)
	if strings.Contains(res.stderr, "ctrl+d") {
		t.Errorf("stderr %q", res.stderr)
	}
}

// A command's error never goes through fang's error handler (whose colour
// query reads stdin in raw mode): RunE's error is held, fang sees success,
// and Main prints it itself.
func TestRunErrorBypassesFang(t *testing.T) {
	var errb bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errb,
		Getenv: func(string) string { return "" }, IsTerminal: func(any) bool { return false }}
	args := []string{"wallet", "--email", "louis.petit@example.org"} // no birthdate, no terminal
	root := newRootCmd(newFactory(app, args))
	root.SetArgs(args)
	held := holdRunErrors(root)
	err := fang.Execute(context.Background(), root, fang.WithErrorHandler(func(_ io.Writer, _ fang.Styles, err error) {
		t.Errorf("fang handled %v", err)
	}))
	var usage *UsageError
	if err != nil || !errors.As(*held, &usage) {
		t.Fatalf("fang returned %v, held %v", err, *held)
	}

	// Main prints it, once, and maps it.
	r := run(t, map[string]string{"LANG": "C.UTF-8", "HOME": t.TempDir()}, args...).expectCode(t, ExitUsage)
	r.expectOneLineError(t, "--birthdate")

}

// lead --help tells scripts how the form ends, as exit codes.
func TestLeadHelpExitCodes(t *testing.T) {
	r := run(t, map[string]string{"LANG": "C.UTF-8", "HOME": t.TempDir()}, "lead", "--help").expectCode(t, ExitOK)
	help := strings.Join(strings.Fields(r.stdout), " ")
	for _, want := range []string{"0 sent (its id is printed", "1 the form was left with the lead unsent (esc",
		"130 interrupted (ctrl+c, SIGTERM, SIGHUP)", "ctrl+d ends it"} {
		if !strings.Contains(help, want) {
			t.Errorf("lead --help does not say %q:\n%s", want, r.stdout)
		}
	}
}
