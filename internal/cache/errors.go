package cache

import (
	"errors"
	"strings"
)

// The kinds of failure, for errors.Is. None of them is the caller's to
// report as a failure: a cache that cannot be read or written is a cache
// that is empty, and these are for a debug log.
var (
	// ErrUnreadable: the entry could not be opened or read (permissions, a
	// directory or device in its place).
	ErrUnreadable = errors.New("cannot be read")
	// ErrTooLarge: the file is over the size a cache entry may have (it is
	// not read), or one project alone is over it (nothing is written).
	ErrTooLarge = errors.New("too large")
	// ErrCorrupt: not JSON, truncated, of the wrong shape or types, with
	// values that fail validation, or holding another query.
	ErrCorrupt = errors.New("corrupt")
	// ErrVersion: written in another format version.
	ErrVersion = errors.New("from another format version")
	// ErrPersonal: the keyword looks like an email, a date or a phone
	// number, so the query is neither cached nor looked up.
	ErrPersonal = errors.New("keyword looks like personal data")
	// ErrInvalid: no API host was given, or a project holds a value the
	// cache could not give back exactly (a time that RFC 3339 cannot write,
	// a currency that is not three letters); nothing is written.
	ErrInvalid = errors.New("not cacheable")
	// ErrUnwritable: the directory or the file could not be written.
	ErrUnwritable = errors.New("cannot be written")
)

// Error is a failure of one operation on the cache. Kind is one of the
// Err* values above; Err, when set, is the cause (an *fs.PathError, a JSON
// error). Neither ever holds project data or the query's text.
type Error struct {
	Op   string // "load", "save" or "clear"
	Path string // the file or directory, when there is one
	Kind error
	Err  error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("cache ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(" ")
		b.WriteString(e.Path)
	}
	b.WriteString(": ")
	b.WriteString(e.Kind.Error())
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap makes both the kind and the cause visible to errors.Is and As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}
