package lead

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDraftSaveLoadDiscard(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "miimosa")
	saved := time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC)
	s := &DraftStore{Dir: dir, Now: func() time.Time { return saved }}

	if _, ok, err := s.Load(); ok || err != nil {
		t.Fatalf("empty store: ok=%v err=%v", ok, err)
	}
	l := good()
	if err := s.Save(l); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("draft mode %v, want 0600: it holds personal data", fi.Mode().Perm())
	}
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if di.Mode().Perm() != 0o700 {
		t.Errorf("state dir mode %v, want 0700", di.Mode().Perm())
	}
	d, ok, err := s.LoadDraft()
	if err != nil || !ok || d.Lead != l || !d.SavedAt.Equal(saved) {
		t.Fatalf("LoadDraft = %+v, %v, %v", d, ok, err)
	}

	// A second save replaces the first, and leaves no temporary file.
	l.City = "Crest"
	if err := s.Save(l); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Load(); got.City != "Crest" {
		t.Fatalf("second save not kept: %+v", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("state dir holds %d files, want only the draft", len(entries))
	}

	if err := s.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Load(); ok {
		t.Fatal("draft still there after Discard")
	}
	if err := s.Discard(); err != nil {
		t.Fatalf("discarding no draft: %v", err)
	}
}

func TestDraftUnreadable(t *testing.T) {
	s := &DraftStore{Dir: t.TempDir()}
	if err := os.WriteFile(s.Path(), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load(); ok || err == nil {
		t.Fatalf("corrupt draft: ok=%v err=%v", ok, err)
	}
}

func TestDraftNoDir(t *testing.T) {
	var s *DraftStore
	if err := s.Save(good()); err == nil {
		t.Fatal("saving with no directory must fail")
	}
	if _, ok, err := s.Load(); ok || err != nil {
		t.Fatal("a store without a directory has no draft")
	}
}
