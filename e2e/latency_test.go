package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/internal/sandbox"
)

// The latency this measurement gives the sandbox: a round trip like a
// mobile or distant connection's.
const measuredLatency = 50 * time.Millisecond

// TestMeasureLoadingOnASlowNetwork times, against `miimosa sandbox
// --latency 50ms`, `pledges --all` (420 pledges), `projects --all` (360
// projects) and the terminal from launch to "Pledges 420", each beside the
// floor measured in the same run: start-up plus two round trips (the first
// page, then the others together). Then the terminal's first frame with a
// warm cache, against a sandbox answering after a second: the projects are
// on screen before any answer arrives. A measurement, not a test: it runs
// only when asked (MIIMOSA_MEASURE_LATENCY=<runs>) and never fails on a
// number; it fails only if a screen it waits for never comes.
func TestMeasureLoadingOnASlowNetwork(t *testing.T) {
	runs := 0
	if _, err := fmt.Sscan(os.Getenv("MIIMOSA_MEASURE_LATENCY"), &runs); err != nil || runs <= 0 {
		t.Skip("set MIIMOSA_MEASURE_LATENCY=<runs> to measure loading on a slow network")
	}
	needTmux(t)
	bin := build(t)
	url := startSandbox(t, bin, "--latency", measuredLatency.String())
	jp := sandbox.DemoUsers()[3] // 420 pledges
	env := append(baseEnv(t), "MIIMOSA_API_URL="+url, "MIIMOSA_API_KEY="+sandbox.DemoKey)

	rtt := median(t, runs*3, func() time.Duration { return roundTrip(t, url) })
	oneRequest := median(t, runs, func() time.Duration { return timeCommand(t, env, bin, "project", "1014", "--format", "json") })
	floor := oneRequest + rtt // start-up and one round trip, and the second
	pledges := median(t, runs, func() time.Duration {
		return timeCommand(t, env, bin, "pledges", "--email", jp.Email, "--birthdate", jp.Birthdate, "--all", "--format", "ndjson")
	})
	projects := median(t, runs, func() time.Duration {
		return timeCommand(t, env, bin, "projects", "--all", "--format", "ndjson")
	})
	t.Logf("round trip %s; floor (start-up + 2 round trips) %s", ms(rtt), ms(floor))
	t.Logf("pledges --all (420): %s = %.2f× the floor", ms(pledges), ratio(pledges, floor))
	t.Logf("projects --all (360): %s = %.2f× the floor", ms(projects), ratio(projects, floor))

	// The same commands on a network without latency: the work itself
	// (the sandbox making the pages, the client reading and writing them,
	// on the same cores), which no fetching order can hide.
	fast := startSandbox(t, bin)
	fastEnv := append(baseEnv(t), "MIIMOSA_API_URL="+fast, "MIIMOSA_API_KEY="+sandbox.DemoKey)
	pledgesWork := median(t, runs, func() time.Duration {
		return timeCommand(t, fastEnv, bin, "pledges", "--email", jp.Email, "--birthdate", jp.Birthdate, "--all", "--format", "ndjson")
	})
	projectsWork := median(t, runs, func() time.Duration {
		return timeCommand(t, fastEnv, bin, "projects", "--all", "--format", "ndjson")
	})
	t.Logf("without latency: pledges --all %s, projects --all %s; 2 round trips + that: %s and %s",
		ms(pledgesWork), ms(projectsWork), ms(pledgesWork+2*rtt), ms(projectsWork+2*rtt))

	// The terminal: its floor is its own start-up to a first frame, plus
	// two round trips (the lookup's check is the first page; the rest).
	var tuiTimes, firstFrames []time.Duration
	for range runs {
		first, total := timeTerminal(t, env, bin, jp)
		tuiTimes, firstFrames = append(tuiTimes, total), append(firstFrames, first)
	}
	tui, frame := medianOf(tuiTimes), medianOf(firstFrames)
	tuiFloor := frame + 2*rtt
	t.Logf("terminal, launch to \"Pledges 420\": %s; floor (first frame %s + 2 round trips) %s = %.2f× the floor",
		ms(tui), ms(frame), ms(tuiFloor), ratio(tui, tuiFloor))

	// A warm cache: the projects list from the last visit is on screen
	// while the server takes a second to answer.
	slow := startSandbox(t, bin, "--latency", "1s")
	home := t.TempDir()
	cacheEnv := append(baseEnv(t), "MIIMOSA_API_URL="+slow, "MIIMOSA_API_KEY="+sandbox.DemoKey, "XDG_CACHE_HOME="+filepath.Join(home, "cache"))
	warmCache(t, cacheEnv, bin)
	var cached []time.Duration
	for range runs {
		cached = append(cached, timeCachedProjects(t, cacheEnv, bin))
	}
	t.Logf("terminal with a warm cache, launch to the projects list on screen: %s (the server answers after 1s)", ms(medianOf(cached)))
}

func ms(d time.Duration) string { return d.Round(time.Millisecond).String() }

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

func median(t *testing.T, n int, f func() time.Duration) time.Duration {
	t.Helper()
	var ds []time.Duration
	for range n {
		ds = append(ds, f())
	}
	return medianOf(ds)
}

func medianOf(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

// roundTrip is one request on a connection already open: the latency the
// sandbox adds, as the client sees it.
func roundTrip(t *testing.T, url string) time.Duration {
	t.Helper()
	req := func() {
		r, err := http.NewRequest(http.MethodGet, url+"/projects?per_page=1", nil)
		if err != nil {
			t.Fatal(err)
		}
		r.Header.Set("Authorization", "Token token="+sandbox.DemoKey)
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	req() // opens the connection
	start := time.Now()
	req()
	return time.Since(start)
}

func timeCommand(t *testing.T, env []string, bin string, args ...string) time.Duration {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("miimosa %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return time.Since(start)
}

// timeTerminal launches the terminal with the lookup filled in and polls
// the screen every 5 ms: when its first frame shows, and when the pledges
// pane says it holds all 420.
func timeTerminal(t *testing.T, env []string, bin string, u sandbox.User) (first, total time.Duration) {
	t.Helper()
	term := &terminal{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock"), env: env}
	term.run("-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "120", "-y", "40", "sleep 600")
	defer func() { _ = term.cmd("kill-server").Run() }()
	start := time.Now()
	term.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
		fmt.Sprintf("%q --email %q --birthdate %q", bin, u.Email, u.Birthdate))
	deadline := start.Add(patience)
	for time.Now().Before(deadline) {
		s := term.screen()
		if first == 0 && strings.Contains(s, "127.0.0.1") {
			first = time.Since(start)
		}
		if strings.Contains(s, "Pledges 420") {
			return first, time.Since(start)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no \"Pledges 420\" after %s:\n%s", patience, term.screen())
	return 0, 0
}

// warmCache runs the terminal once until the projects are in, so that the
// cache holds them, and quits.
func warmCache(t *testing.T, env []string, bin string) {
	t.Helper()
	term := openTerminal(t, env, fmt.Sprintf("%q", bin))
	term.waitText("Who is it?")
	term.keys("Escape")
	term.waitFor("the projects", func(s string) bool { return len(projectRows(s)) > 3 && !strings.Contains(s, "updated") })
	term.keys("q")
}

// timeCachedProjects launches the terminal and times the projects list on
// screen, which, from the cache, comes before the server's answer.
func timeCachedProjects(t *testing.T, env []string, bin string) time.Duration {
	t.Helper()
	term := &terminal{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock"), env: env}
	term.run("-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "120", "-y", "40", "sleep 600")
	defer func() { _ = term.cmd("kill-server").Run() }()
	start := time.Now()
	term.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", fmt.Sprintf("%q", bin))
	term.keys("Escape") // the lookup, skipped: typed ahead, it waits in the terminal
	deadline := start.Add(patience)
	for time.Now().Before(deadline) {
		if s := term.screen(); len(projectRows(s)) > 3 && strings.Contains(s, "updated") {
			return time.Since(start)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no cached projects on screen:\n%s", term.screen())
	return 0
}
