package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/cache"
)

func TestCacheClearDeletesTheProjectLists(t *testing.T) {
	env := testEnv(t, "http://127.0.0.1:9")
	env["XDG_CACHE_HOME"] = filepath.Join(env["HOME"], "cache")
	getenv := func(k string) string { return env[k] }
	st, err := cache.Open(getenv, cache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := api.ProjectQuery{Order: "populars"}
	if err := st.Save("api.miimosa.com", q, []api.Project{{ID: 1, Title: "Des ruches"}}, api.Int{}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := st.Load("api.miimosa.com", q); !ok {
		t.Fatal("the entry was not saved")
	}
	r := run(t, env, "cache", "clear").expectCode(t, ExitOK)
	if !strings.Contains(r.stderr, "cache cleared: "+st.Dir()) || r.stdout != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	if _, ok, _ := st.Load("api.miimosa.com", q); ok {
		t.Error("the entry survived cache clear")
	}
	// Clearing an empty or missing cache is not an error.
	_ = os.RemoveAll(st.Dir())
	run(t, env, "cache", "clear").expectCode(t, ExitOK)
}

func TestCacheClearWithoutAHomeSaysWhatToSet(t *testing.T) {
	env := map[string]string{"LANG": "C.UTF-8"}
	run(t, env, "cache", "clear").expectCode(t, ExitFailure).expectOneLineError(t, "HOME or XDG_CACHE_HOME")
}
