package cache

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/miimosa/miimosa/api"
)

// encodeWithin encodes f, cutting its items to the longest start that fits
// in limit bytes. It fails only when not even one project fits (or f has
// a value JSON cannot hold).
func encodeWithin(f *fileRecord, limit int64) ([]byte, error) {
	all := f.Items
	defer func() { f.Items = all }()
	data, err := encode(f)
	if err != nil || int64(len(data)) <= limit {
		return data, err
	}
	// The largest n whose encoding fits: lo fits (or is 0), hi does not.
	lo, hi := 0, len(all)
	var best []byte
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		f.Items = all[:mid]
		d, err := encode(f)
		if err != nil {
			return nil, err
		}
		if int64(len(d)) <= limit {
			lo, best = mid, d
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return nil, fmt.Errorf("%w (%d bytes)", errOverFile, limit)
	}
	return best, nil
}

var errOverFile = errors.New("one project alone is over the size of an entry")

func encode(f *fileRecord) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // kept as sent: "<", ">" and "&" are not the cache's to escape
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decode reads a file saved for key. It accepts only what Save writes:
// this version, this key, no unknown or missing parts, no trailing data,
// values that pass the records' checks, at most maxItems projects.
func decode(data []byte, key string, maxItems int) (Entry, error) {
	fail := func(kind, err error) (Entry, error) {
		return Entry{}, &Error{Op: "load", Kind: kind, Err: err}
	}
	var f fileRecord
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		if otherVersion(data) {
			return fail(ErrVersion, nil)
		}
		return fail(ErrCorrupt, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fail(ErrCorrupt, errors.New("data after the entry"))
	}
	switch {
	case f.Version == 0:
		return fail(ErrCorrupt, errors.New("no version"))
	case f.Version != FormatVersion:
		return fail(ErrVersion, fmt.Errorf("version %d", f.Version))
	case f.Key != key:
		return fail(ErrCorrupt, errors.New("holds another query"))
	case f.Total.Valid && f.Total.Value < 0:
		return fail(ErrCorrupt, errors.New("a negative total"))
	case len(f.Items) > maxItems:
		return fail(ErrCorrupt, fmt.Errorf("%d projects, more than %d", len(f.Items), maxItems))
	}
	at, err := time.Parse(time.RFC3339Nano, f.FetchedAt)
	if err != nil {
		return fail(ErrCorrupt, errors.New("fetched_at is not an RFC 3339 time"))
	}
	e := Entry{Total: api.Int(f.Total), FetchedAt: at.UTC(), Items: make([]api.Project, len(f.Items))}
	for i, r := range f.Items {
		if e.Items[i], err = r.project(); err != nil {
			return fail(ErrCorrupt, fmt.Errorf("project %d: %w", i, err))
		}
	}
	return e, nil
}

// otherVersion reports whether data, which did not decode as this
// version, is an object naming another one.
func otherVersion(data []byte) bool {
	var v struct {
		Version *int `json:"version"`
	}
	return json.Unmarshal(data, &v) == nil && v.Version != nil && *v.Version != FormatVersion
}
