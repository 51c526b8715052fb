package cache

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

// entryBytes is the size of one entry of n projects from projects(n).
func entryBytes(t *testing.T, n int) int64 {
	t.Helper()
	s, _ := newStore(t, Options{})
	mustSave(t, s, host, query, projects(n), api.Int{})
	fi, err := os.Stat(entryPath(t, s, host, query))
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func cacheBytes(t *testing.T, s *Store) (total int64, n int) {
	t.Helper()
	des, err := os.ReadDir(s.entriesDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		if isEntryName(de.Name()) {
			fi, err := de.Info()
			if err != nil {
				t.Fatal(err)
			}
			total += fi.Size()
			n++
		}
	}
	return total, n
}

func TestLeastRecentlyUsedEntriesGoFirst(t *testing.T) {
	one := entryBytes(t, 10)
	// Room for three entries, not four.
	s, clk := newStore(t, Options{MaxBytes: 3*one + one/2})
	q := func(kw string) api.ProjectQuery { return api.ProjectQuery{Order: "populars", Keyword: kw} }
	for _, kw := range []string{"a", "b", "c"} {
		mustSave(t, s, host, q(kw), projects(10), api.Int{})
		clk.Advance(time.Minute)
	}
	mustLoad(t, s, host, q("a")) // a is used again: b is now the oldest
	clk.Advance(time.Minute)
	mustSave(t, s, host, q("d"), projects(10), api.Int{})

	if _, ok, err := s.Load(host, q("b")); ok || err != nil {
		t.Errorf("b, least recently used, is still there (ok %v, err %v)", ok, err)
	}
	for _, kw := range []string{"a", "c", "d"} {
		mustLoad(t, s, host, q(kw))
	}
	if total, n := cacheBytes(t, s); total > 3*one+one/2 || n != 3 {
		t.Errorf("%d entries, %d bytes; want 3 within %d", n, total, 3*one+one/2)
	}
}

func TestTotalSizeStaysBounded(t *testing.T) {
	const limit = 64 << 10
	s, clk := newStore(t, Options{MaxBytes: limit})
	for i := range 40 {
		mustSave(t, s, host, api.ProjectQuery{Region: string(rune('a' + i%26)), Keyword: strings.Repeat("k", i)}, projects(5+i%7), api.Int{})
		clk.Advance(time.Second)
		if total, _ := cacheBytes(t, s); total > limit {
			t.Fatalf("after %d saves the entries take %d bytes, over %d", i+1, total, limit)
		}
	}
	// The last one saved is always kept.
	mustLoad(t, s, host, api.ProjectQuery{Region: string(rune('a' + 39%26)), Keyword: strings.Repeat("k", 39)})
}

func TestEvictionClearsLeftoversAndSparesOthers(t *testing.T) {
	s, clk := newStore(t, Options{})
	mustSave(t, s, host, query, nil, api.Int{})
	dir := s.entriesDir()
	crashed := filepath.Join(dir, "."+fileName(strings.Repeat("b", 64))+".111.tmp")
	writing := filepath.Join(dir, "."+fileName(strings.Repeat("c", 64))+".222.tmp")
	notOurs := filepath.Join(dir, "README")
	for _, p := range []string{crashed, writing, notOurs} {
		writeFile(t, p, []byte("x"))
	}
	old := clk.Now().Add(-time.Hour)
	if err := os.Chtimes(crashed, old, old); err != nil {
		t.Fatal(err)
	}
	now := clk.Now()
	if err := os.Chtimes(writing, now, now); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, host, api.ProjectQuery{Keyword: "x"}, nil, api.Int{})
	if _, err := os.Stat(crashed); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a crashed write's temporary file is still there: %v", err)
	}
	for _, p := range []string{writing, notOurs} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}

func TestModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits on Windows")
	}
	defer setUmask(0)() // the loosest umask: the modes must not come from it
	s, _ := newStore(t, Options{})
	mustSave(t, s, host, query, projects(2), api.Int{})
	checkMode(t, s.Dir(), 0o700)
	checkMode(t, s.entriesDir(), 0o700)
	checkMode(t, entryPath(t, s, host, query), 0o600)

	// A directory made looser by hand or by another tool is tightened.
	if err := os.Chmod(s.Dir(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(s.entriesDir(), 0o777); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, host, query, projects(2), api.Int{})
	checkMode(t, s.Dir(), 0o700)
	checkMode(t, s.entriesDir(), 0o700)
	// A file replaced by a looser one is replaced by a 0600 one.
	path := entryPath(t, s, host, query)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, host, query, projects(2), api.Int{})
	checkMode(t, path, 0o600)
}

func checkMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", path, got, want)
	}
}
