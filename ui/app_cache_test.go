package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/cache"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// Nothing personal ever reaches the cache: after a lookup, the pledges and
// the wallet loaded, a keyword search and an email pasted into the search
// box, the cache directory holds no email, no birthdate and no pledge.
func TestNothingPersonalIsWrittenToTheCache(t *testing.T) {
	dir := t.TempDir()
	st := cache.New(dir, cache.Options{Now: uitest.Clock})
	a := newApp(t, appOpts{tweak: func(o *Options) { o.Cache = st }})
	demo := uitest.Demo()
	a.lookUp(demo)
	a.keys("3", "/")
	a.typed("miel")
	a.keys("enter")
	a.keys("/")
	a.send(tea.PasteMsg{Content: demo.Email}) // pasted, as from the caller's file: one debounce
	a.keys("enter")

	var files int
	bd := strings.Split(demo.Birthdate, "-") // YYYY-MM-DD
	leaks := []string{demo.Email, demo.Birthdate, bd[2] + "/" + bd[1] + "/" + bd[0], "user_email", "user_birthdate", "pledge", "wallet"}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, l := range leaks {
			if strings.Contains(strings.ToLower(string(b)), strings.ToLower(l)) {
				t.Errorf("%s holds %q", path, l)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatal("nothing was cached: the test proves nothing")
	}
}
