package lead

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/atomicfile"
)

// DraftFile is the draft's name in the state directory.
const DraftFile = "lead-draft.json"

// tempPrefix names the files a save writes before renaming them over the
// draft; one left behind by a process killed mid-write is swept away.
const tempPrefix = ".lead-draft-"

// maxDraftSize bounds what Load reads: a draft is a few kilobytes, and a
// huge file there is not ours.
const maxDraftSize = 1 << 20

// staleTemp is the age past which a temporary file can only be a dead
// writer's: a save takes milliseconds.
const staleTemp = time.Minute

// DraftStore keeps one unsent lead in Dir (the state directory). The draft
// holds personal data (the farmer's email, phone, birthdate) because the
// issue asks that nothing typed be lost, even to a closed terminal or a
// kill -9; so it is readable by its owner only (0600 in a 0700 directory),
// written atomically, and deleted once the lead is accepted.
//
// Saves may come from several goroutines (the form's commands): each one
// carries a number taken from Next when its snapshot was taken, and a save
// older than the last one written or discarded is dropped, so that an older
// snapshot never overwrites a newer one. A DraftStore must not be copied
// after first use.
type DraftStore struct {
	Dir string
	// Now stamps saved drafts; nil means time.Now.
	Now func() time.Time

	next    atomic.Uint64 // the last number handed out by Next
	mu      sync.Mutex    // one writer at a time
	applied uint64        // the number of the last save or discard done
}

// Draft is a saved lead and when it was saved.
type Draft struct {
	Lead    api.Lead  `json:"lead"`
	SavedAt time.Time `json:"saved_at"`
	// Unconfirmed is when this lead was last sent without an answer: it may
	// have been received, and sending it again may file it twice. Zero
	// when no send of it is in doubt.
	Unconfirmed time.Time `json:"unconfirmed_at,omitzero"`
}

// Path is the draft file's path.
func (s *DraftStore) Path() string { return filepath.Join(s.Dir, DraftFile) }

// Next hands out the number of a snapshot about to be saved: call it when
// the snapshot is taken (in Update), then save it later with Put or
// DiscardAt. It never blocks.
func (s *DraftStore) Next() uint64 { return s.next.Add(1) }

// Save writes l as the draft now, stamped with the store's clock.
func (s *DraftStore) Save(l api.Lead) error {
	if s == nil {
		return errNoDir
	}
	_, err := s.Put(s.Next(), Draft{Lead: l, SavedAt: s.now()})
	return err
}

// Discard deletes the draft now; there being none is not an error.
func (s *DraftStore) Discard() error {
	if s == nil || s.Dir == "" {
		return nil
	}
	_, err := s.DiscardAt(s.Next())
	return err
}

var errNoDir = errors.New("no state directory to keep the draft in")

func (s *DraftStore) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Put writes d as the draft if no later snapshot than seq was written or
// discarded; written says whether it was. The write is atomic: a crash or a
// kill leaves the old draft or the new one, never half of either.
func (s *DraftStore) Put(seq uint64, d Draft) (written bool, err error) {
	if s == nil || s.Dir == "" {
		return false, errNoDir
	}
	d.SavedAt = d.SavedAt.UTC().Truncate(time.Second)
	if !d.Unconfirmed.IsZero() {
		d.Unconfirmed = d.Unconfirmed.UTC().Truncate(time.Second)
	}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return false, fmt.Errorf("saving the lead draft: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq < s.applied {
		return false, nil // a newer snapshot is already on disk
	}
	if err := s.write(data); err != nil {
		return false, fmt.Errorf("saving the lead draft: %w", err)
	}
	s.applied = seq
	return true, nil
}

// DiscardAt deletes the draft unless a later snapshot than seq was written;
// done says whether it was deleted (or absent). Temporary files a killed
// writer left behind go too: they hold the same personal data.
func (s *DraftStore) DiscardAt(seq uint64) (done bool, err error) {
	if s == nil || s.Dir == "" {
		return false, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq < s.applied {
		return false, nil
	}
	if err := os.Remove(s.Path()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("deleting the lead draft: %w", err)
	}
	s.sweep(0)
	s.applied = seq
	return true, nil
}

// write puts data in the draft file: a temporary file in the same
// directory (0600), synced, renamed over the draft, and the directory
// synced so that the rename itself survives a power cut.
func (s *DraftStore) write(data []byte) error {
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return err
	}
	if fi, err := os.Stat(s.Dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
		// The state directory is ours alone: tighten one made by hand.
		if err := os.Chmod(s.Dir, 0o700); err != nil {
			return err
		}
	}
	s.sweep(staleTemp)
	return atomicfile.Write(s.Path(), tempPrefix+"*.tmp", data, time.Time{})
}

// sweep removes temporary files older than age (all of them for 0) that a
// writer killed between create and rename left behind. Called with mu held,
// so none of them is this process's own save under way.
func (s *DraftStore) sweep(age time.Duration) {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, tempPrefix) || !strings.HasSuffix(name, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		if age > 0 {
			fi, err := e.Info()
			if err != nil || time.Since(fi.ModTime()) < age {
				continue
			}
		}
		_ = os.Remove(filepath.Join(s.Dir, name))
	}
}

// LoadDraft reads the draft; ok is false when there is none.
func (s *DraftStore) LoadDraft() (d Draft, ok bool, err error) {
	if s == nil || s.Dir == "" {
		return Draft{}, false, nil
	}
	f, err := os.Open(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, fmt.Errorf("reading the lead draft: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDraftSize+1))
	if err != nil {
		return Draft{}, false, fmt.Errorf("reading the lead draft: %w", err)
	}
	if len(data) > maxDraftSize {
		return Draft{}, false, fmt.Errorf("reading the lead draft %s: too large; delete it with miimosa lead --discard-draft", s.Path())
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return Draft{}, false, fmt.Errorf("reading the lead draft %s: %w; delete it with miimosa lead --discard-draft", s.Path(), err)
	}
	return d, true, nil
}

// Load reads the draft's lead; ok is false when there is none.
func (s *DraftStore) Load() (api.Lead, bool, error) {
	d, ok, err := s.LoadDraft()
	return d.Lead, ok, err
}
