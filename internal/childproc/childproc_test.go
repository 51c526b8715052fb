package childproc

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestEnvironDropsOurVariablesOnly(t *testing.T) {
	in := []string{
		"PATH=/usr/bin", "MIIMOSA_API_KEY=s3cr3t", "HOME=/home/a", "MIIMOSA_API_URL=http://127.0.0.1:1",
		"miimosa_api_key=lower", "Miimosa_Api_Key=mixed", "MIIMOSA_=empty-name", "MIIMOSAX=kept",
		"BROWSER=firefox", "=C:=C:\\", "A=MIIMOSA_API_KEY=in-a-value",
	}
	want := []string{"PATH=/usr/bin", "HOME=/home/a", "MIIMOSAX=kept", "BROWSER=firefox", "=C:=C:\\", "A=MIIMOSA_API_KEY=in-a-value"}
	if got := Environ(in); !slices.Equal(got, want) {
		t.Errorf("Environ:\n got %q\nwant %q", got, want)
	}
}

// A real child started with Command sees no MIIMOSA_ variable, and does see
// the rest of the environment.
func TestCommandChildHasNoSecret(t *testing.T) {
	t.Setenv("MIIMOSA_API_KEY", "s3cr3t-key-4821")
	t.Setenv("MIIMOSA_API_URL", "http://127.0.0.1:9")
	t.Setenv("CHILDPROC_KEEP", "visible")
	cmd := Command(context.Background(), os.Args[0], "-test.run=^TestCommandChildHasNoSecret$")
	cmd.Env = append(cmd.Env, "CHILDPROC_PRINT_ENV=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v", err)
	}
	env := string(out)
	if strings.Contains(env, "MIIMOSA_") || strings.Contains(env, "s3cr3t-key-4821") {
		t.Errorf("the child's environment holds a secret:\n%s", env)
	}
	if !strings.Contains(env, "CHILDPROC_KEEP=visible") {
		t.Errorf("the child lost the rest of the environment:\n%s", env)
	}
}

// TestMain is also the child of TestCommandChildHasNoSecret: it prints its
// environment and exits.
func TestMain(m *testing.M) {
	if os.Getenv("CHILDPROC_PRINT_ENV") == "1" {
		for _, kv := range os.Environ() {
			fmt.Println(kv)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// After Withhold, the process's environment has no secret left for any
// child to inherit, and the returned getenv still reads them.
func TestWithholdKeepsSecretsFromTheProcessEnvironment(t *testing.T) {
	t.Setenv("MIIMOSA_API_KEY", "s3cr3t-key-4821")
	t.Setenv("MIIMOSA_API_URL", "http://127.0.0.1:9")
	t.Setenv("CHILDPROC_KEEP", "visible")
	getenv := Withhold()
	for _, kv := range os.Environ() {
		if strings.HasPrefix(strings.ToUpper(kv), SecretPrefix) {
			t.Errorf("still in the process environment: %s", kv)
		}
	}
	for name, want := range map[string]string{
		"MIIMOSA_API_KEY": "s3cr3t-key-4821", "MIIMOSA_API_URL": "http://127.0.0.1:9", "CHILDPROC_KEEP": "visible", "CHILDPROC_UNSET": "",
	} {
		if got := getenv(name); got != want {
			t.Errorf("getenv(%q) = %q, want %q", name, got, want)
		}
	}
}
