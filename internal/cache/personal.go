package cache

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/miimosa/miimosa/api"
)

// Project data is public, but two things that reach the cache are not
// chosen by the API's types: what a person typed as the keyword, and the
// fields of a project the client does not know (Extra). A support agent may
// paste a caller's email or birthdate into the wrong box, and a server may
// one day send an owner's contact in a project; neither may land on disk.

// digitRun finds 8 digits or more, spaces, dots and dashes allowed between
// them: a compact date (19580109), a phone number (06 12 34 56 78), an
// IBAN's digits.
var digitRun = regexp.MustCompile(`\d(?:[\s.\-]?\d){7,}`)

// dateLike finds a date as people type one: 09/01/1958, 1958-01-09, 9.1.58.
var dateLike = regexp.MustCompile(`\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}`)

// personalKeyword reports whether a keyword may be an email, a date or a
// phone number. A project search never needs one.
func personalKeyword(kw string) bool {
	return strings.Contains(kw, "@") || dateLike.MatchString(kw) || digitRun.MatchString(kw)
}

// personalNames are parts of field names that hold personal data or
// secrets, lower case.
var personalNames = []string{"mail", "birth", "phone", "mobile", "iban", "password", "secret", "token", "apikey", "api_key", "access_key"}

func personalName(name string) bool {
	name = strings.ToLower(name)
	for _, p := range personalNames {
		if strings.Contains(name, p) {
			return true
		}
	}
	return false
}

// emailLike finds an email address in raw JSON.
var emailLike = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// personalField reports whether an unknown field must stay off disk: its
// name says it is personal, or its value holds an email or an object with
// a field whose name says so.
func personalField(name string, raw json.RawMessage) bool {
	if personalName(name) {
		return true
	}
	// Without escapes the bytes say what the JSON says, and most values
	// are settled without decoding them.
	if bytes.IndexByte(raw, '\\') < 0 {
		if bytes.IndexByte(raw, '@') >= 0 && emailLike.Match(raw) {
			return true
		}
		if len(raw) == 0 || (raw[0] != '{' && raw[0] != '[') || !personalName(string(raw)) {
			return false // a scalar, or no field name inside can be personal
		}
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return true // not JSON: not ours to keep either
	}
	return holdsPersonal(v)
}

// holdsPersonal walks a decoded value for a personal field name or an
// email in a string.
func holdsPersonal(v any) bool {
	switch v := v.(type) {
	case string:
		return emailLike.MatchString(v)
	case map[string]any:
		for k, x := range v {
			if personalName(k) || holdsPersonal(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if holdsPersonal(x) {
				return true
			}
		}
	}
	return false
}

// publicExtra returns e without its personal fields; e itself when it has
// none (the common case: no copy).
func publicExtra(e api.Extra) api.Extra {
	var out api.Extra
	for k, raw := range e {
		if personalField(k, raw) {
			if out == nil {
				out = make(api.Extra, len(e))
				for k2, v := range e {
					out[k2] = v
				}
			}
			delete(out, k)
		}
	}
	if out == nil {
		return e
	}
	return out
}
