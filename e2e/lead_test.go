package e2e

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// leadEnv is a clean environment that reaches the sandbox with the demo key
// (through tmux's environment, never argv), and the draft store the
// program will use in it.
func leadEnv(t *testing.T, url string) ([]string, *lead.DraftStore) {
	t.Helper()
	env := append(baseEnv(t), "MIIMOSA_API_URL="+url, "MIIMOSA_API_KEY="+sandbox.DemoKey)
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "XDG_STATE_HOME="); ok {
			return env, &lead.DraftStore{Dir: filepath.Join(v, "miimosa")}
		}
	}
	t.Fatal("no XDG_STATE_HOME in the test environment")
	return nil, nil
}

// waitDraft polls the draft file (not the clock) until it holds want.
func waitDraft(t *testing.T, store *lead.DraftStore, want func(api.Lead) bool) api.Lead {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		d, ok, err := store.LoadDraft()
		if err == nil && ok && want(d.Lead) {
			return d.Lead
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for the draft; it holds %+v (present %v, %v)", patience, d.Lead, ok, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// panePID is the pid of the program the pane runs (started with exec).
func (term *terminal) panePID() int {
	term.t.Helper()
	pid, err := strconv.Atoi(strings.TrimSpace(term.run("display-message", "-p", "-t", "e2e", "#{pane_pid}")))
	if err != nil {
		term.t.Fatal(err)
	}
	return pid
}

// waitGone waits for the process to have ended.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		err := syscall.Kill(pid, 0)
		if errors.Is(err, syscall.ESRCH) {
			return
		}
		// A zombie still answers; its state says it is dead.
		if b, rerr := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); rerr == nil {
			if f := strings.Fields(string(b)); len(f) > 2 && (f[2] == "Z" || f[2] == "X") {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("process %d still runs %s after the signal", pid, patience)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// checkPrivate checks the draft is 0600 in a 0700 directory, alone there:
// no temporary copy of the farmer's data left beside it.
func checkPrivate(t *testing.T, store *lead.DraftStore) {
	t.Helper()
	if fi, err := os.Stat(store.Path()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("draft file: %v, %v", fi, err)
	}
	if di, err := os.Stat(store.Dir); err != nil || di.Mode().Perm() != 0o700 {
		t.Errorf("state directory: %v, %v", di, err)
	}
	entries, _ := os.ReadDir(store.Dir)
	for _, e := range entries {
		if e.Name() != lead.DraftFile {
			t.Errorf("left in the state directory: %s", e.Name())
		}
	}
}

// The whole string goes to tmux at once, enter inside it, with no delay
// between keys: every key lands in the field it was meant for, across a
// page too.
func TestLeadFormTypedAheadInARealTerminal(t *testing.T) {
	needTmux(t)
	bin := build(t)
	env, store := leadEnv(t, startSandbox(t, bin))
	term := openTerminal(t, env, fmt.Sprintf("%q lead; echo \"miimosa exited with $?\"; sleep 600", bin))
	term.waitText("Email *", "First name *")
	term.keys("a@b.fr", "Enter", "Jean", "Enter", "Martin", "Enter", "06 12 34 56 78", "Enter", "Enter", "Séchoir")
	screen := term.waitText("Project (2/5)", "> Séchoir")
	if strings.Contains(screen, "a@b.frJ") {
		t.Errorf("a typed-ahead key landed in the email:\n%s", screen)
	}
	got := waitDraft(t, store, func(l api.Lead) bool { return l.ProjectName == "Séchoir" })
	want := api.Lead{Email: "a@b.fr", Firstname: "Jean", Lastname: "Martin", Phone: "06 12 34 56 78", ProjectName: "Séchoir"}
	if got != want {
		t.Errorf("typed ahead, the draft holds\n %+v\nwant\n %+v", got, want)
	}
	term.keys("Escape")
	term.waitText("miimosa exited with")

	// A paste (bracketed, as terminals send it) with a line break fills
	// field after field too.
	pasted := openTerminal(t, env, fmt.Sprintf("%q lead; echo \"miimosa exited with $?\"; sleep 600", bin))
	pasted.waitText("Restore the draft")
	pasted.keys("n")
	pasted.waitText("Email *")
	pasted.run("set-buffer", "b@c.fr\nPaul")
	pasted.run("paste-buffer", "-p", "-d", "-t", "e2e")
	got = waitDraft(t, store, func(l api.Lead) bool { return l.Firstname == "Paul" })
	if got != (api.Lead{Email: "b@c.fr", Firstname: "Paul"}) {
		t.Errorf("after the paste, the draft holds %+v", got)
	}
	pasted.keys("Escape")
	pasted.waitText("miimosa exited with")
}

// Closing the terminal (SIGHUP) or kill -9 while the form is filled loses
// nothing that was typed before: the draft is saved as it is typed, and
// the next `miimosa lead` offers it back. The signal comes once the draft
// is on disk, so this holds without any handling of the signal.
func TestLeadDraftSurvivesHangupAndKill(t *testing.T) {
	needTmux(t)
	bin := build(t)
	url := startSandbox(t, bin)
	for _, c := range []struct {
		name string
		end  func(term *terminal, pid int)
	}{
		{"terminal closed", func(term *terminal, _ int) { term.run("kill-pane", "-t", "e2e") }},
		{"SIGHUP", func(_ *terminal, pid int) { _ = syscall.Kill(pid, syscall.SIGHUP) }},
		{"kill -9", func(_ *terminal, pid int) { _ = syscall.Kill(pid, syscall.SIGKILL) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			env, store := leadEnv(t, url)
			term := openTerminal(t, env, fmt.Sprintf("exec %q lead", bin))
			term.waitText("Email *")
			pid := term.panePID()
			term.keys("jeanne@ferme-des-lilas.fr", "Enter", "Jeanne", "Enter", "Marti")
			want := api.Lead{Email: "jeanne@ferme-des-lilas.fr", Firstname: "Jeanne", Lastname: "Marti"}
			waitDraft(t, store, func(l api.Lead) bool { return l == want })
			c.end(term, pid)
			waitGone(t, pid)
			if got, _, _ := store.Load(); got != want {
				t.Fatalf("after the signal the draft holds %+v", got)
			}
			checkPrivate(t, store)

			again := openTerminal(t, env, fmt.Sprintf("%q lead; echo \"miimosa exited with $?\"; sleep 600", bin))
			again.waitText("Restore the draft")
			again.keys("y")
			again.waitText("> jeanne@ferme-des-lilas.fr", "> Jeanne", "> Marti")
			again.keys("Escape")
			again.waitText("miimosa exited with")
		})
	}
}
