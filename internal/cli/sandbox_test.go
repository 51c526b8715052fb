package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/internal/testio"
)

func sandboxApp(env map[string]string) (*App, *testio.SyncBuffer, *testio.SyncBuffer) {
	out, errOut := &testio.SyncBuffer{}, &testio.SyncBuffer{}
	return &App{
		Stdin: strings.NewReader(""), Stdout: out, Stderr: errOut,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return false },
	}, out, errOut
}

var listeningURL = regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)

// The command serves until its context is cancelled (what SIGINT does
// through fang), printing what someone needs to use it.
func TestSandboxCommandServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	app, out, errOut := sandboxApp(nil)
	code := make(chan int, 1)
	go func() { code <- Main(ctx, []string{"sandbox", "--addr", "127.0.0.1:0", "--key", "my test key"}, app) }()

	// The URL comes first, the key and the demo users after it: wait for
	// the last line of what is printed.
	last := sandbox.DemoUsers()[len(sandbox.DemoUsers())-1].Email
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; {
		if m := listeningURL.FindStringSubmatch(out.String()); m != nil && strings.Contains(out.String(), last) {
			base = m[1]
			break
		}
		select {
		case c := <-code:
			t.Fatalf("the command returned %d before listening: %s%s", c, out, errOut)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	printed := out.String()
	for _, want := range []string{"API key: my test key", "MIIMOSA_API_URL=" + base + " MIIMOSA_API_KEY='my test key' miimosa"} {
		if !strings.Contains(printed, want) {
			t.Errorf("output lacks %q:\n%s", want, printed)
		}
	}
	for _, u := range sandbox.DemoUsers() {
		if !strings.Contains(printed, u.Email) || !strings.Contains(printed, u.Birthdate) {
			t.Errorf("output lacks demo user %s %s", u.Email, u.Birthdate)
		}
	}

	req, _ := http.NewRequest("GET", base+"/projects?per_page=3", nil)
	req.Header.Set("Authorization", `Token token="my test key"`)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Total") == "" || !bytes.HasPrefix(body, []byte("[{")) {
		t.Fatalf("GET /projects: %d %.80s", res.StatusCode, body)
	}
	if !strings.Contains(errOut.String(), "path=/projects") || strings.Contains(errOut.String(), "my test key") {
		t.Errorf("request log: %q", errOut.String())
	}

	cancel()
	select {
	case c := <-code:
		if c != ExitOK {
			t.Errorf("exit code %d: %s", c, errOut)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the command did not return after its context was cancelled")
	}
	if _, err := http.Get(base + "/projects"); err == nil {
		t.Error("the server still answers after the command returned")
	}
}

func TestSandboxCommandRefusesBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--addr", "0.0.0.0:0"}, "--addr 0.0.0.0:0 is not a loopback address"},
		{[]string{"--addr", ":8080"}, "is not a loopback address"},
		{[]string{"--fail-rate", "1.5"}, "--fail-rate must be between 0 and 1"},
		{[]string{"--malformed-rate", "-0.1"}, "--malformed-rate must be between 0 and 1"},
		{[]string{"--rate-limit", "-3"}, "--rate-limit must be 0"},
		{[]string{"--latency", "-1s"}, "--latency cannot be negative"},
	} {
		app, out, errOut := sandboxApp(map[string]string{"LANG": "en_US.UTF-8"})
		code := Main(context.Background(), append([]string{"sandbox"}, tc.args...), app)
		if code != ExitUsage || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %d and %q", tc.args, code, errOut, ExitUsage, tc.want)
		}
		if strings.Contains(out.String(), "listening") {
			t.Errorf("%v: the sandbox started", tc.args)
		}
	}
}

func TestSandboxCommandInFrench(t *testing.T) {
	app, _, errOut := sandboxApp(map[string]string{"LANG": "fr_FR.UTF-8"})
	if code := Main(context.Background(), []string{"sandbox", "--addr", "192.168.0.1:80"}, app); code != ExitUsage ||
		!strings.Contains(errOut.String(), "n'est pas une adresse locale") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"demo-key-miimosa-sandbox": "demo-key-miimosa-sandbox",
		"http://127.0.0.1:8080":    "http://127.0.0.1:8080",
		"http://[::1]:8080":        "'http://[::1]:8080'",
		"it's $HOME":               `'it'\''s $HOME'`,
		"":                         "''",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}
