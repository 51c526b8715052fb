package cache

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
)

// savedFile saves a small entry and returns the store, its path and the
// bytes Save wrote.
func savedFile(t *testing.T) (*Store, string, []byte) {
	t.Helper()
	s, _ := newStore(t, Options{})
	mustSave(t, s, host, query, []api.Project{richProject(1), decodedProject(t)}, api.Int{Value: 2, Valid: true})
	path := entryPath(t, s, host, query)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s, path, data
}

// edited is the saved file with one part of its JSON changed by edit.
func edited(t *testing.T, data []byte, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func item(m map[string]any, i int) map[string]any { return m["items"].([]any)[i].(map[string]any) }

// refused checks that Load reports nothing, with an error of kind, and
// that the next Save replaces the file.
func refused(t *testing.T, s *Store, kind error) {
	t.Helper()
	e, ok, err := s.Load(host, query)
	if ok || e.Items != nil {
		t.Fatalf("Load = %+v, ok; want the file refused", e)
	}
	if !errors.Is(err, kind) {
		t.Fatalf("Load err = %v, want %v", err, kind)
	}
	mustSave(t, s, host, query, []api.Project{richProject(5)}, api.Int{})
	if e := mustLoad(t, s, host, query); e.Items[0].ID != 5 {
		t.Fatalf("after a new save, id %d", e.Items[0].ID)
	}
}

func TestRefusedFiles(t *testing.T) {
	_, _, good := savedFile(t)
	other, err := keyOf(host, api.ProjectQuery{Keyword: "autre"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data func(t *testing.T) []byte
		kind error
	}{
		{"empty", func(*testing.T) []byte { return nil }, ErrCorrupt},
		{"not JSON", func(*testing.T) []byte { return []byte("\x00\xff garbage") }, ErrCorrupt},
		{"a JSON array", func(*testing.T) []byte { return []byte(`[1,2]`) }, ErrCorrupt},
		{"null", func(*testing.T) []byte { return []byte(`null`) }, ErrCorrupt},
		{"no version", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { delete(m, "version") }) }, ErrCorrupt},
		{"version 2, same shape", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { m["version"] = 2 }) }, ErrVersion},
		{"version 2, another shape", func(*testing.T) []byte { return []byte(`{"version": 2, "entries": {"x": [1]}}`) }, ErrVersion},
		{"version 0", func(*testing.T) []byte { return []byte(`{"version": 0}`) }, ErrCorrupt},
		{"version as a string", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { m["version"] = "1" }) }, ErrCorrupt},
		{"another query's file", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { m["key"] = other }) }, ErrCorrupt},
		{"unknown field", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { m["email"] = "x" }) }, ErrCorrupt},
		{"unknown field in a project", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { item(m, 0)["birthdate"] = "1958-01-09" })
		}, ErrCorrupt},
		{"data after the entry", func(*testing.T) []byte { return append(bytes.Clone(good), `{"version":1}`...) }, ErrCorrupt},
		{"two entries", func(*testing.T) []byte { return append(bytes.Clone(good), good...) }, ErrCorrupt},
		{"items an object", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { m["items"] = map[string]any{} })
		}, ErrCorrupt},
		{"total a string", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { m["total"] = map[string]any{"value": "2", "valid": true} })
		}, ErrCorrupt},
		{"negative total", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { m["total"] = map[string]any{"value": -2, "valid": true} })
		}, ErrCorrupt},
		{"cents a string", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { item(m, 0)["target"].(map[string]any)["cents"] = "150000" })
		}, ErrCorrupt},
		{"cents a fraction", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { item(m, 0)["target"].(map[string]any)["cents"] = 1.5 })
		}, ErrCorrupt},
		{"cents past int64", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) {
				item(m, 0)["target"].(map[string]any)["cents"] = json.Number("9223372036854775808")
			})
		}, ErrCorrupt},
		{"id a string", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { item(m, 0)["id"] = "1" }) }, ErrCorrupt},
		{"title a number", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { item(m, 1)["title"] = 3 }) }, ErrCorrupt},
		{"a project null", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { m["items"].([]any)[1] = "x" })
		}, ErrCorrupt},
		{"currency with an escape", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { item(m, 0)["collected"].(map[string]any)["currency"] = "\x1b[2" })
		}, ErrCorrupt},
		{"scale out of range", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { item(m, 0)["interest_rate"].(map[string]any)["scale"] = 400 })
		}, ErrCorrupt},
		{"time not RFC 3339", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { item(m, 0)["ends_at"].(map[string]any)["at"] = "tomorrow" })
		}, ErrCorrupt},
		{"fetched_at missing", func(t *testing.T) []byte { return edited(t, good, func(m map[string]any) { delete(m, "fetched_at") }) }, ErrCorrupt},
		{"fetched_at garbage", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { m["fetched_at"] = "yesterday" })
		}, ErrCorrupt},
		{"personal unknown field", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) { item(m, 0)["extra"].(map[string]any)["contact_email"] = "a@b.fr" })
		}, ErrCorrupt},
		{"more items than kept", func(t *testing.T) []byte {
			return edited(t, good, func(m map[string]any) {
				one := m["items"].([]any)[0]
				items := make([]any, DefaultMaxItems+1)
				for i := range items {
					items[i] = one
				}
				m["items"] = items
			})
		}, ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, path, _ := savedFile(t)
			writeFile(t, path, c.data(t))
			refused(t, s, c.kind)
		})
	}
}

// The edits above start from a file that loads: the test of the test.
func TestTheEditedFileLoadsUnedited(t *testing.T) {
	s, path, good := savedFile(t)
	writeFile(t, path, edited(t, good, func(map[string]any) {}))
	mustLoad(t, s, host, query)
}

func TestTruncatedFilesAreRefused(t *testing.T) {
	s, path, good := savedFile(t)
	key, _ := keyOf(host, query)
	end := len(bytes.TrimRight(good, "\n"))
	for n := range end {
		if _, err := decode(good[:n], key, DefaultMaxItems); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("cut at %d of %d bytes: err %v; want ErrCorrupt", n, len(good), err)
		}
	}
	// The same through the file, at a few places.
	for _, n := range []int{0, 1, end / 3, end / 2, end - 2, end - 1} {
		writeFile(t, path, good[:n])
		if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrCorrupt) {
			t.Fatalf("file cut at %d of %d bytes: ok %v, err %v; want ErrCorrupt", n, len(good), ok, err)
		}
	}
	writeFile(t, path, good[:end]) // without its final newline it is whole
	mustLoad(t, s, host, query)
}

func TestHugeFileIsRefusedUnread(t *testing.T) {
	s, path, _ := savedFile(t)
	// A sparse gigabyte: it costs no disk, and reading it would cost
	// a gigabyte of memory.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, ok, err := s.Load(host, query)
	runtime.ReadMemStats(&after)
	if ok || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Load = %v, %v; want ErrTooLarge", ok, err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("refusing the file allocated %d bytes", grew)
	}
	refused(t, s, ErrTooLarge)
}

func TestFileJustOverTheCapIsRefused(t *testing.T) {
	s, path, good := savedFile(t)
	big := append(bytes.Clone(good[:len(good)-1]), bytes.Repeat([]byte(" "), MaxFileBytes-len(good)+2)...)
	writeFile(t, path, big)
	if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("%d bytes: ok %v, err %v; want ErrTooLarge", len(big), ok, err)
	}
	writeFile(t, path, big[:MaxFileBytes]) // at the cap, still whole JSON
	mustLoad(t, s, host, query)
}

// unreadable puts at path a file that cannot be read. chmod 000 does that
// for a user; root reads through any mode, so for root the same refusal
// is had with a directory in the file's place.
func unreadable(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		if err := os.Chmod(path, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(path, 0o600) })
		return
	}
	t.Logf("running as root: a directory stands for the unreadable file")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o700); err != nil {
		t.Fatal(err)
	}
}

func TestUnreadableFileIsIgnored(t *testing.T) {
	s, path, _ := savedFile(t)
	unreadable(t, path)
	if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrUnreadable) {
		t.Fatalf("Load = %v, %v; want ErrUnreadable", ok, err)
	}
	// Saving over it is reported, not a panic; the next Load still refuses.
	_ = s.Save(host, query, nil, api.Int{})
}

func TestDirectoryInPlaceOfTheFileIsIgnored(t *testing.T) {
	s, path, _ := savedFile(t)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrUnreadable) {
		t.Fatalf("Load = %v, %v; want ErrUnreadable", ok, err)
	}
	if err := s.Save(host, query, nil, api.Int{}); !errors.Is(err, ErrUnwritable) {
		t.Errorf("Save over a directory = %v, want ErrUnwritable", err)
	}
	if err := s.Clear(); err != nil {
		t.Errorf("Clear = %v", err)
	}
}

func TestSymlinkLoopIsIgnored(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	s, path, _ := savedFile(t)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Base(path), path); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrUnreadable) {
		t.Fatalf("Load = %v, %v; want ErrUnreadable", ok, err)
	}
	refused(t, s, ErrUnreadable) // the rename replaces the link
}

func TestCacheDirectoryThatIsAFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "miimosa")
	writeFile(t, dir, []byte("not a directory"))
	s := New(dir, Options{})
	if err := s.Save(host, query, nil, api.Int{}); !errors.Is(err, ErrUnwritable) {
		t.Errorf("Save = %v, want ErrUnwritable", err)
	}
	if _, ok, err := s.Load(host, query); ok || !errors.Is(err, ErrUnreadable) {
		t.Errorf("Load = %v, %v; want ErrUnreadable", ok, err)
	}
	if err := s.Clear(); !errors.Is(err, ErrUnwritable) {
		t.Errorf("Clear = %v, want ErrUnwritable", err)
	}
	if data, _ := os.ReadFile(dir); !strings.Contains(string(data), "not a directory") {
		t.Error("the file in the cache directory's place was changed")
	}
}
