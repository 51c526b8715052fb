package api

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Sentinels that errors.Is can tell apart. Every *Error wraps exactly one.
var (
	ErrKeyRejected       = sentinel("the API key was rejected")
	ErrBirthdateMismatch = sentinel("the birthdate does not match")
	ErrNotFound          = sentinel("not found")
	ErrValidation        = sentinel("the server refused the request")
	ErrRateLimited       = sentinel("too many requests")
	ErrServer            = sentinel("the server failed")
	ErrDecode            = sentinel("the server's answer could not be read")
	ErrNetwork           = sentinel("the server could not be reached")
	ErrInvalidParam      = sentinel("invalid parameter")
	// ErrRefused: the server answered something the client will not take (a
	// redirect off the API's origin, a next-page link elsewhere or in a
	// circle, a bad certificate, malformed headers). It is the server's
	// fault, and retrying cannot help.
	ErrRefused = sentinel("the server's answer was refused")
)

type sentinelError string

func sentinel(s string) error         { return sentinelError(s) }
func (e sentinelError) Error() string { return string(e) }

// Error is what every client method returns on failure. Kind is one of the
// sentinels above; the other fields are set where they apply.
type Error struct {
	Kind       error
	Method     string
	Path       string              // path only: never the query, which may hold personal data
	Status     int                 // HTTP status, 0 for network and parameter errors
	Resource   string              // for ErrNotFound: "email", "wallet", "project", "page"
	Message    string              // the server's own message, sanitised
	Fields     map[string][]string // for ErrValidation: Rails model errors by field
	RetryAfter time.Duration       // for ErrRateLimited, when the server said
	Excerpt    string              // for ErrDecode: a short sanitised excerpt of the body
	Err        error               // the underlying cause, if any
	// Sent, for ErrNetwork: the whole request had been written when the
	// exchange failed, so the server may have acted on it. A POST /leads
	// that failed Sent has an unknown outcome: the lead may be filed.
	Sent bool
	// Reason and Args, for ErrRefused: why, for a sentence in the
	// reader's language (see Reason); Message says it in English.
	Reason Reason
	Args   []any
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind.Error())
	if e.Resource != "" && e.Kind == ErrNotFound {
		b.WriteString(": " + e.Resource)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
		fmt.Fprintf(&b, "; %s %s", f, strings.Join(e.Fields[f], ", "))
	}
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d on %s %s)", e.Status, e.Method, e.Path)
	} else if e.Path != "" {
		fmt.Fprintf(&b, " (%s %s)", e.Method, e.Path)
	}
	if e.Err != nil && e.Kind == ErrNetwork {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Is makes errors.Is(err, ErrNotFound) and the like work.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }
