package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/miimosa/miimosa/internal/records"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// Resolve turns the name typed into the absolute path written to: relative
// to the current directory, "~/" for the home directory.
func Resolve(name string) (string, error) {
	if rest, ok := strings.CutPrefix(name, "~"+string(filepath.Separator)); ok || name == "~" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		name = filepath.Join(home, rest)
	}
	return filepath.Abs(name)
}

// WriteCSV writes table to path, readable by its owner only (0600: the
// file holds what someone lent). Without overwrite an existing file is
// left alone and the error is fs.ErrExist; with it, the file is replaced
// whole (written beside it, then renamed), so a failure never leaves half
// a file where a good one was.
func WriteCSV(path string, table [][]string, overwrite bool) error {
	if !overwrite {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		if err := writeTable(f, table); err != nil {
			_ = os.Remove(path)
			return err
		}
		return nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if err := errors.Join(f.Chmod(0o600), writeTable(f, table)); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// writeTable writes the rows as CSV, every cell cleaned of control
// characters (the server's text) and defused (records.Defuse), and closes f.
func writeTable(f *os.File, table [][]string) error {
	b := bufio.NewWriter(f)
	w := csv.NewWriter(b)
	for _, row := range table {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = records.Defuse(textsafe.Clean(c))
		}
		if err := w.Write(out); err != nil {
			_ = f.Close()
			return err
		}
	}
	w.Flush()
	return errors.Join(w.Error(), b.Flush(), f.Sync(), f.Close())
}
