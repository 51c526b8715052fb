package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWriteReplacesWholeAndPrivately(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.json")
	if err := os.WriteFile(path, []byte("old, and longer than the new"), 0o644); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	if err := Write(path, ".draft-*.tmp", []byte("new"), at); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "new" {
		t.Fatalf("read %q, %v", b, err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 || !fi.ModTime().Equal(at) {
		t.Errorf("mode %v, mtime %v", fi.Mode(), fi.ModTime())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left: %v", entries)
	}
}

func TestAFailedWriteLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "draft.json") // no such directory
	if err := Write(path, ".draft-*.tmp", []byte("new"), time.Time{}); err == nil {
		t.Fatal("a write into a missing directory succeeded")
	}
}
