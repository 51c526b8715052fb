package cli

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
)

// completions runs cobra's hidden __complete command, which the bash, zsh
// and fish scripts all call, and returns the offered values.
func completions(t *testing.T, env map[string]string, args ...string) []string {
	t.Helper()
	r := run(t, env, append([]string{"__complete"}, args...)...).expectCode(t, ExitOK)
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if strings.HasPrefix(line, ":") { // the directive line
			continue
		}
		out = append(out, line)
	}
	return out
}

func TestCompletionEnums(t *testing.T) {
	env := testEnv(t, "http://127.0.0.1:1")
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"projects", "--category", ""}, api.Categories},
		{[]string{"projects", "--order", ""}, api.Orders},
		{[]string{"projects", "--type", ""}, api.CollectTypes},
		{[]string{"projects", "--region", ""}, api.RegionCodes()},
		{[]string{"projects", "--format", ""}, []string{"table", "json", "ndjson", "csv"}},
		{[]string{"wallet", "--format", ""}, []string{"table", "json", "csv"}},
		{[]string{"project", "1", "--format", ""}, []string{"table", "json"}},
	}
	for _, c := range cases {
		got := completions(t, env, c.args...)
		values := map[string]bool{}
		for _, g := range got {
			v, _, _ := strings.Cut(g, "\t")
			values[v] = true
		}
		for _, w := range c.want {
			if !values[w] {
				t.Errorf("%v: %q not offered (got %q)", c.args, w, got)
			}
		}
		if len(values) != len(c.want) {
			t.Errorf("%v: offered %d values, want %d", c.args, len(values), len(c.want))
		}
	}

	// Regions carry their names, and what was typed narrows the list.
	got := completions(t, env, "projects", "--region", "5")
	if strings.Join(got, "|") != "52\tPays de la Loire|53\tBretagne" {
		t.Errorf("--region 5: %q", got)
	}
	got = completions(t, env, "projects", "--category", "v")
	if len(got) != 1 || !strings.HasPrefix(got[0], "viticulture\t") {
		t.Errorf("--category v: %q", got)
	}
	// Descriptions speak the user's language.
	fr := testEnv(t, "http://127.0.0.1:1")
	fr["LANG"] = "fr_FR.UTF-8"
	got = completions(t, fr, "projects", "--category", "elev")
	if len(got) != 1 || got[0] != "elevage\tÉlevage" {
		t.Errorf("French --category elev: %q", got)
	}
}

// The shells' scripts come from cobra through fang; each must be there and
// call back into the program for the values above.
func TestCompletionScripts(t *testing.T) {
	env := testEnv(t, "http://127.0.0.1:1")
	for _, shell := range []string{"bash", "zsh", "fish"} {
		r := run(t, env, "completion", shell).expectCode(t, ExitOK)
		if !strings.Contains(r.stdout, "__complete") || !strings.Contains(r.stdout, "miimosa") {
			t.Errorf("%s script does not call `miimosa __complete`:\n%.300s", shell, r.stdout)
		}
	}
}

// fang's man command writes to the process's standard output, not to the
// command's, so this test borrows os.Stdout (it does not run in parallel).
func TestManPage(t *testing.T) {
	rd, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = wr
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(rd)
		done <- string(b)
	}()
	r := run(t, testEnv(t, "http://127.0.0.1:1"), "man")
	os.Stdout = saved
	wr.Close()
	page := <-done
	r.expectCode(t, ExitOK)
	for _, want := range []string{".TH", "MIIMOSA", "projects", "project", "wallet", "pledges", "--format"} {
		if !strings.Contains(page, want) {
			t.Errorf("the man page lacks %q:\n%.500s", want, page)
		}
	}
}
