package cache

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/miimosa/miimosa/internal/atomicfile"
)

var errNotRegular = errors.New("not a regular file")

// readFile reads path whole, refusing what is not a regular file or is over
// limit bytes without reading it.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, readFlags, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &Error{Op: "load", Path: path, Kind: ErrUnreadable, Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{Op: "load", Path: path, Kind: ErrUnreadable, Err: err}
	}
	if !fi.Mode().IsRegular() {
		return nil, &Error{Op: "load", Path: path, Kind: ErrUnreadable, Err: errNotRegular}
	}
	if fi.Size() > limit {
		return nil, &Error{Op: "load", Path: path, Kind: ErrTooLarge}
	}
	var b bytes.Buffer
	b.Grow(int(fi.Size()) + bytes.MinRead)
	// The limit holds even if the file grows after the Stat.
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, &Error{Op: "load", Path: path, Kind: ErrUnreadable, Err: err}
	}
	if int64(b.Len()) > limit {
		return nil, &Error{Op: "load", Path: path, Kind: ErrTooLarge}
	}
	return b.Bytes(), nil
}

// ensureDir makes dir and its missing parents, and keeps it the owner's
// alone: one made earlier by a looser umask or by hand is tightened.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if runtime.GOOS == "windows" {
		return nil // no Unix permission bits to tighten
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if fi.Mode().Perm() != 0o700 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}

// writeAtomic replaces path with data, stamped with mtime (the entry's
// last use): a reader, or a crash, sees the old file or the new one.
func writeAtomic(path string, data []byte, mtime time.Time) error {
	return atomicfile.Write(path, "."+filepath.Base(path)+".*.tmp", data, mtime)
}

// staleTemp is the age past which a temporary file is a crashed write's
// leftover rather than another process's write in progress.
const staleTemp = 10 * time.Minute

// evict keeps the entries of dir within maxBytes: the most recently used
// first (by modification time, which Save and Load set), keep always, the
// rest removed. Leftover temporary files go too. Files this package does
// not write are left alone and not counted.
func evict(dir, keep string, maxBytes int64, now time.Time) error {
	des, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	type entry struct {
		name string
		size int64
		used time.Time
	}
	var entries []entry
	var errs []error
	kept := int64(0)
	for _, de := range des {
		name := de.Name()
		entryName, temp := isEntryName(name), isTempName(name)
		if !entryName && !temp {
			continue
		}
		fi, err := de.Info()
		if err != nil || !fi.Mode().IsRegular() {
			continue // gone meanwhile, or not ours to remove
		}
		switch {
		case temp:
			if now.Sub(fi.ModTime()) > staleTemp {
				errs = append(errs, removeMissingOK(filepath.Join(dir, name)))
			}
		case name == keep:
			kept += fi.Size()
		default:
			entries = append(entries, entry{name, fi.Size(), fi.ModTime()})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := b.used.Compare(a.used); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	full := false // once one entry does not fit, every older one goes too
	for _, e := range entries {
		if !full && kept+e.size <= maxBytes {
			kept += e.size
			continue
		}
		full = true
		errs = append(errs, removeMissingOK(filepath.Join(dir, e.name)))
	}
	return errors.Join(errs...)
}

func removeMissingOK(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
