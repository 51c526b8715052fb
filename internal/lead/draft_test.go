package lead

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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

// Saves carry the number of their snapshot: one that arrives after a newer
// one was written (or the draft discarded) is dropped, never written over it.
func TestDraftOlderSnapshotNeverOverwritesNewer(t *testing.T) {
	s := &DraftStore{Dir: t.TempDir()}
	older, newer := s.Next(), s.Next()
	l1, l2 := good(), good()
	l1.City, l2.City = "Crest", "Die"
	if ok, err := s.Put(newer, Draft{Lead: l2}); !ok || err != nil {
		t.Fatalf("newer: %v %v", ok, err)
	}
	if ok, err := s.Put(older, Draft{Lead: l1}); ok || err != nil {
		t.Fatalf("an older snapshot was written over a newer one: %v %v", ok, err)
	}
	if got, _, _ := s.Load(); got.City != "Die" {
		t.Fatalf("draft city %q, want the newer Die", got.City)
	}
	// A save older than a discard (the lead was accepted) brings nothing back.
	stale, gone := s.Next(), s.Next()
	if ok, err := s.DiscardAt(gone); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if ok, _ := s.Put(stale, Draft{Lead: l1}); ok {
		t.Fatal("a save older than the discard recreated the draft")
	}
	if _, ok, _ := s.Load(); ok {
		t.Fatal("the accepted lead's draft is back")
	}
}

// Many savers at once, each with its snapshot's number: whatever order they
// run in, the draft ends as the last snapshot.
func TestDraftConcurrentSavesKeepTheLast(t *testing.T) {
	s := &DraftStore{Dir: t.TempDir()}
	const n = 40
	seqs := make([]uint64, n)
	for i := range seqs {
		seqs[i] = s.Next()
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := n - 1; i >= 0; i-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			l := good()
			l.CampaignID = strconv.Itoa(i)
			if _, err := s.Put(seqs[i], Draft{Lead: l}); err != nil {
				t.Error(err)
			}
		}()
	}
	close(start)
	wg.Wait()
	if got, _, _ := s.Load(); got.CampaignID != strconv.Itoa(n-1) {
		t.Fatalf("draft holds snapshot %q, want the last, %d", got.CampaignID, n-1)
	}
	if entries, _ := os.ReadDir(s.Dir); len(entries) != 1 {
		t.Fatalf("%d files in the state dir, want the draft alone", len(entries))
	}
}

// The draft holds personal data: its directory is made 0700 even when it
// already existed looser, and the temporary files of a writer killed
// mid-save do not outlive the lead.
func TestDraftPrivateDirAndNoLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := &DraftStore{Dir: dir}
	old := filepath.Join(dir, ".lead-draft-1.tmp")
	fresh := filepath.Join(dir, ".lead-draft-2.tmp")
	for _, f := range []string{old, fresh} {
		if err := os.WriteFile(f, []byte(`{"lead":{"email":"x@y.fr"}}`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * staleTemp)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(good()); err != nil {
		t.Fatal(err)
	}
	if di, _ := os.Stat(dir); di.Mode().Perm() != 0o700 {
		t.Errorf("state dir mode %v, want 0700", di.Mode().Perm())
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("a stale temporary draft was left")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temporary file young enough to be another writer's was removed")
	}
	if err := s.Discard(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("after the lead was accepted, the state dir still holds %d file(s)", len(entries))
	}
}

// A send in doubt is kept with the draft, to ask before sending again.
func TestDraftKeepsAnUnconfirmedSend(t *testing.T) {
	s := &DraftStore{Dir: t.TempDir()}
	at := time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC)
	if _, err := s.Put(s.Next(), Draft{Lead: good(), SavedAt: at, Unconfirmed: at}); err != nil {
		t.Fatal(err)
	}
	d, ok, err := s.LoadDraft()
	if err != nil || !ok || !d.Unconfirmed.Equal(at) {
		t.Fatalf("draft %+v, %v, %v", d, ok, err)
	}
	if err := s.Save(good()); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path())
	if strings.Contains(string(raw), "unconfirmed") {
		t.Errorf("a draft with no send in doubt says one:\n%s", raw)
	}
}

// BenchmarkDraftPut is one autosave: temp file, fsync, rename, directory
// sync. It bounds how often saving as typed can reasonably write.
func BenchmarkDraftPut(b *testing.B) {
	s := &DraftStore{Dir: b.TempDir()}
	l := good()
	for b.Loop() {
		if _, err := s.Put(s.Next(), Draft{Lead: l, SavedAt: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}
