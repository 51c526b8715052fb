// Package atomicfile replaces a file whole or not at all: the lead draft and
// the project cache are written this way, so that a crash, a kill -9 or a
// reader at the wrong moment sees the old file or the new one, never part
// of either.
package atomicfile

import (
	"os"
	"path/filepath"
	"time"
)

// Write replaces path with data, readable by its owner only (0600): a
// temporary file named after pattern (as os.CreateTemp takes it) in path's
// directory, written, synced, stamped with mtime when it is not zero, then
// renamed over path, and the directory synced so the rename survives a
// crash. Of two writers, the last rename wins.
func Write(path, pattern string, data []byte, mtime time.Time) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil { // CreateTemp makes it 0600; say so anyway
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if !mtime.IsZero() {
		if err := os.Chtimes(tmp.Name(), mtime, mtime); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	renamed = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: some file systems cannot sync a directory
		d.Close()
	}
	return nil
}
