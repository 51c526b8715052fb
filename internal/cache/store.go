// Package cache keeps, on disk, the last list of public projects the
// terminal saw for each API host and filter set, so that the projects pane
// can open with it at once, say how old it is, and replace it when the
// fresh answer comes.
//
// Public project data only. Save takes a []api.Project and the
// api.ProjectQuery it answers, and nothing else: there is no way to hand it
// a wallet, a pledge or a user, nothing from /user/... A keyword that looks
// like an email, a date or a phone number is neither cached nor looked up,
// unknown project fields whose name or value look personal are dropped,
// and the query itself is stored only as a hash.
//
// Each entry is one file in <Dir>/projects, 0600 in 0700 directories,
// replaced atomically. The entries together stay under MaxBytes, the least
// recently used going first; a file over MaxFileBytes is not even read.
// Whatever is wrong with a file (corrupt, truncated, of another version,
// unreadable, of the wrong shape) makes Load report nothing, with an error
// for a debug log: the cache never fails its caller.
//
// A Store is safe for concurrent use. Two processes sharing the directory
// cannot corrupt an entry; the last to write it wins.
//
// A nil *Store, or one made with Options.Disabled (--no-cache), loads
// nothing, saves nothing and clears nothing.
package cache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/config"
)

const (
	// DefaultMaxItems is how many projects an entry keeps: the first ones,
	// as the pane showed them.
	DefaultMaxItems = 200
	// DefaultMaxBytes bounds the files of all entries together.
	DefaultMaxBytes = 4 << 20
	// MaxFileBytes bounds one entry: a longer list is cut to fit when
	// saved, a larger file is refused unread when loaded.
	MaxFileBytes = 1 << 20
)

// projectsDir is the folder of the entries inside the cache directory.
const projectsDir = "projects"

// Dir is the cache directory: $XDG_CACHE_HOME/miimosa, else
// ~/.cache/miimosa. Everything the package writes is under it.
func Dir(getenv func(string) string) (string, error) { return config.CacheDir(getenv) }

// Options tune a Store; the zero value is the defaults.
type Options struct {
	Disabled bool             // --no-cache: the store does nothing
	MaxItems int              // projects per entry; 0 means DefaultMaxItems
	MaxBytes int64            // all entries together; 0 means DefaultMaxBytes
	Now      func() time.Time // stamps entries; nil means time.Now
}

// Store is the cache in one directory.
type Store struct {
	dir      string
	disabled bool
	maxItems int
	maxBytes int64
	now      func() time.Time

	mu sync.Mutex // one write (save, evict, clear) at a time in this process
}

// New returns the store kept in dir (as Dir gives it). Nothing is created
// until the first Save. An empty dir is a disabled store.
func New(dir string, o Options) *Store {
	s := &Store{dir: dir, disabled: o.Disabled || dir == "", maxItems: o.MaxItems, maxBytes: o.MaxBytes, now: o.Now}
	if s.maxItems <= 0 {
		s.maxItems = DefaultMaxItems
	}
	if s.maxBytes <= 0 {
		s.maxBytes = DefaultMaxBytes
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// Open returns the store in the user's cache directory (see Dir).
func Open(getenv func(string) string, o Options) (*Store, error) {
	dir, err := Dir(getenv)
	if err != nil {
		return nil, err
	}
	return New(dir, o), nil
}

// Dir is the directory the store keeps its files under; "" for a nil store.
func (s *Store) Dir() string {
	if s == nil {
		return ""
	}
	return s.dir
}

func (s *Store) enabled() bool { return s != nil && !s.disabled }

func (s *Store) entriesDir() string { return filepath.Join(s.dir, projectsDir) }

func (s *Store) fileCap() int64 { return min(s.maxBytes, MaxFileBytes) }

// Entry is a list as it was saved.
type Entry struct {
	Items     []api.Project // the first projects of the list, in order
	Total     api.Int       // how many the server said the list holds, when it said
	FetchedAt time.Time     // when it was saved (UTC)
}

// Age is how long ago the entry was fetched; never negative, even when the
// clock went back.
func (e Entry) Age(now time.Time) time.Duration { return max(0, now.Sub(e.FetchedAt)) }

// Load returns the list last saved for host and q. ok is false when there
// is none to show: nothing saved, the store disabled, or a file that is
// refused, whose reason is err (an *Error) for a debug log. host is the API
// server's host, as config.Host gives it ("api.miimosa.com").
//
// The projects come from a file anyone with the user's rights could have
// written: they are as untrusted as a server's answer, and sanitised for
// display the same way.
func (s *Store) Load(host string, q api.ProjectQuery) (e Entry, ok bool, err error) {
	if !s.enabled() {
		return Entry{}, false, nil
	}
	key, err := keyOf(host, q)
	if err != nil {
		return Entry{}, false, &Error{Op: "load", Kind: err}
	}
	path := filepath.Join(s.entriesDir(), fileName(key))
	data, err := readFile(path, s.fileCap())
	if errors.Is(err, fs.ErrNotExist) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, err
	}
	e, err = decode(data, key, s.maxItems)
	if err != nil {
		var ce *Error
		if errors.As(err, &ce) {
			ce.Path = path
		}
		return Entry{}, false, err
	}
	now := s.now()
	_ = os.Chtimes(path, now, now) // marks it used; a read-only cache still loads
	return e, true, nil
}

// Save replaces the list kept for host and q with items (at most MaxItems
// of them, fewer if they would not fit in MaxFileBytes) and total, stamped
// now, then evicts the least recently used entries over MaxBytes. Load
// gives every field back as it was, except that unknown fields (Extra)
// lose their insignificant spaces and those that look personal are left
// out. An error (an *Error) is for a debug log: the list on screen is not
// affected.
func (s *Store) Save(host string, q api.ProjectQuery, items []api.Project, total api.Int) error {
	if !s.enabled() {
		return nil
	}
	key, err := keyOf(host, q)
	if err != nil {
		return &Error{Op: "save", Kind: err}
	}
	if total.Valid && total.Value < 0 {
		return &Error{Op: "save", Kind: ErrInvalid, Err: errors.New("a negative total")}
	}
	items = items[:min(len(items), s.maxItems)]
	now := s.now()
	f := fileRecord{
		Version:   FormatVersion,
		Key:       key,
		FetchedAt: now.UTC().Format(time.RFC3339Nano),
		Total:     intRecord(total),
		Items:     make([]projectRecord, len(items)),
	}
	for i, p := range items {
		f.Items[i] = recordOf(p)
		// What Load would refuse, or give back changed, is not written.
		back, err := f.Items[i].project()
		if err == nil && !sameTimes(back, p) {
			err = errors.New("a time whose offset has seconds, which RFC 3339 cannot write")
		}
		if err != nil {
			return &Error{Op: "save", Kind: ErrInvalid, Err: fmt.Errorf("project %d: %w", p.ID, err)}
		}
	}
	data, err := encodeWithin(&f, s.fileCap())
	if err != nil && !errors.Is(err, errOverFile) {
		return &Error{Op: "save", Kind: ErrInvalid, Err: err}
	}
	path := filepath.Join(s.entriesDir(), fileName(key))

	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		// The entry kept for this query would be older than what is on
		// screen: better none.
		_ = removeMissingOK(path)
		return &Error{Op: "save", Path: path, Kind: ErrTooLarge, Err: err}
	}
	if err := ensureDir(s.entriesDir()); err != nil {
		return &Error{Op: "save", Path: s.entriesDir(), Kind: ErrUnwritable, Err: err}
	}
	if err := ensureDir(s.dir); err != nil {
		return &Error{Op: "save", Path: s.dir, Kind: ErrUnwritable, Err: err}
	}
	if err := writeAtomic(path, data, now); err != nil {
		return &Error{Op: "save", Path: path, Kind: ErrUnwritable, Err: err}
	}
	if err := evict(s.entriesDir(), fileName(key), s.maxBytes, now); err != nil {
		return &Error{Op: "save", Path: s.entriesDir(), Kind: ErrUnwritable, Err: err}
	}
	return nil
}

// Clear removes every entry (miimosa cache clear), then the directories if
// that left them empty. Files it did not write are left alone, so a cache
// directory pointed somewhere shared loses nothing else. Nothing to clear
// is not an error.
func (s *Store) Clear() error {
	if !s.enabled() {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	dir := s.entriesDir()
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &Error{Op: "clear", Path: dir, Kind: ErrUnwritable, Err: err}
	}
	var errs []error
	for _, de := range des {
		if name := de.Name(); !de.IsDir() && (isEntryName(name) || isTempName(name)) {
			errs = append(errs, removeMissingOK(filepath.Join(dir, name)))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return &Error{Op: "clear", Path: dir, Kind: ErrUnwritable, Err: err}
	}
	// Only empty directories go: os.Remove refuses the others.
	_ = os.Remove(dir)
	_ = os.Remove(s.dir)
	return nil
}
