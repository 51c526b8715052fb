package lead

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/miimosa/miimosa/api"
)

// DraftFile is the draft's name in the state directory.
const DraftFile = "lead-draft.json"

// maxDraftSize bounds what Load reads: a draft is a few kilobytes, and a
// huge file there is not ours.
const maxDraftSize = 1 << 20

// DraftStore keeps one unsent lead in Dir (the state directory). The draft
// holds personal data (the farmer's email, phone, birthdate) because the
// issue asks that nothing typed be lost; so it is written only when sending
// failed or the form was left unsent, readable by its owner only (0600 in a
// 0700 directory), and deleted once the lead is accepted.
type DraftStore struct {
	Dir string
	// Now stamps saved drafts; nil means time.Now.
	Now func() time.Time
}

// Draft is a saved lead and when it was saved.
type Draft struct {
	Lead    api.Lead  `json:"lead"`
	SavedAt time.Time `json:"saved_at"`
}

// Path is the draft file's path.
func (s *DraftStore) Path() string { return filepath.Join(s.Dir, DraftFile) }

// Save writes the draft atomically: a crash leaves the old draft or the new
// one, never half of either.
func (s *DraftStore) Save(l api.Lead) error {
	if s == nil || s.Dir == "" {
		return errors.New("no state directory to keep the draft in")
	}
	clock := s.Now
	if clock == nil {
		clock = time.Now
	}
	data, err := json.MarshalIndent(Draft{Lead: l, SavedAt: clock().UTC().Truncate(time.Second)}, "", "  ")
	if err != nil {
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	tmp, err := os.CreateTemp(s.Dir, ".lead-draft-*.tmp") // CreateTemp makes it 0600
	if err != nil {
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.Path()); err != nil {
		return fmt.Errorf("saving the lead draft: %w", err)
	}
	return nil
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

// Discard deletes the draft; there being none is not an error.
func (s *DraftStore) Discard() error {
	if s == nil || s.Dir == "" {
		return nil
	}
	if err := os.Remove(s.Path()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("deleting the lead draft: %w", err)
	}
	return nil
}
