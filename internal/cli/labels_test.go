package cli

import (
	"testing"
)

func TestCompletionDescribesWithTheLabels(t *testing.T) {
	env := testEnv(t, "http://127.0.0.1:1")
	got := completions(t, env, "projects", "--category", "alc")
	if len(got) != 1 || got[0] != "alcool\tBeer, cider & spirits" {
		t.Errorf("completion of alc: %q", got)
	}
	env["LANG"] = "fr_FR.UTF-8"
	got = completions(t, env, "projects", "--type", "l")
	if len(got) != 1 || got[0] != "lending\tPrêt" {
		t.Errorf("French completion of l: %q", got)
	}
}
