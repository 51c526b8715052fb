package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// endpoint names which API call an answer belongs to, so a 404 can say what
// was not found.
type endpoint int

const (
	epProjects endpoint = iota
	epProject
	epWallet
	epPledges
	epLeads
)

// Limits on what goes into an error message.
const (
	maxMessageRunes = 200
	maxExcerptRunes = 80
	maxFieldRunes   = 60
)

// statusError turns a non-2xx answer into an *Error. The body may be JSON of
// either Rails form, plain text, HTML or empty: nothing about it is assumed.
func statusError(method, path string, ep endpoint, status int, h http.Header, body []byte, now time.Time) *Error {
	msg, fields := errorBody(h, body)
	e := &Error{Method: method, Path: path, Status: status, Message: msg}
	switch {
	case status == http.StatusUnauthorized:
		e.Kind = ErrKeyRejected
	case status == http.StatusForbidden:
		e.Kind = ErrBirthdateMismatch
		if ep != epWallet && ep != epPledges {
			// Outside the /user endpoints a 403 is about the key's rights.
			e.Kind = ErrKeyRejected
		}
	case status == http.StatusNotFound:
		e.Kind = ErrNotFound
		e.Resource = notFoundResource(ep, msg)
	case status == http.StatusTooManyRequests:
		e.Kind = ErrRateLimited
		e.RetryAfter, _ = parseRetryAfter(h.Get("Retry-After"), now)
	case status >= 500:
		e.Kind = ErrServer
		if status == http.StatusServiceUnavailable {
			// RFC 9110 lets a 503 say when to come back, too.
			e.RetryAfter, _ = parseRetryAfter(h.Get("Retry-After"), now)
		}
	case status >= 400:
		e.Kind = ErrValidation
		e.Fields = fields
	default:
		// 1xx or another status outside the classes above: not an answer we can use.
		e.Kind = ErrDecode
		e.Message = fmt.Sprintf("unexpected HTTP status %d", status)
	}
	return e
}

// notFoundResource says what a 404 is about: the server's words first
// ("no wallet found", "email not found"), else what the endpoint serves.
func notFoundResource(ep endpoint, msg string) string {
	switch ep {
	case epProject:
		return "project"
	case epProjects:
		return "page"
	case epWallet, epPledges:
		m := strings.ToLower(msg)
		switch {
		case strings.Contains(m, "wallet"):
			return "wallet"
		case strings.Contains(m, "email"), strings.Contains(m, "user"):
			return "email"
		case ep == epWallet:
			return "wallet"
		}
		return "email"
	}
	return ""
}

// errorBody extracts the server's message and Rails field errors from an
// error body of any shape. Everything returned is sanitised.
func errorBody(h http.Header, body []byte) (string, map[string][]string) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return "", nil
	}
	if body[0] == '{' {
		if msg, fields, ok := jsonErrorBody(body); ok {
			return msg, fields
		}
	}
	ct := strings.ToLower(h.Get("Content-Type"))
	if strings.Contains(ct, "html") || body[0] == '<' {
		return htmlTitle(body), nil
	}
	if strings.Contains(ct, "json") || body[0] == '{' || body[0] == '[' {
		// JSON we could not read: no message rather than a fragment of syntax.
		return "", nil
	}
	return sanitize(string(body), maxMessageRunes), nil
}

// jsonErrorBody reads {"error": "..."}, {"errors": {"field": ["..."]}},
// {"errors": ["..."]} and {"message": "..."}.
func jsonErrorBody(body []byte) (string, map[string][]string, bool) {
	var o map[string]json.RawMessage
	if json.Unmarshal(body, &o) != nil {
		return "", nil, false
	}
	var fields map[string][]string
	var msgs []string
	if raw, ok := o["errors"]; ok {
		var byField map[string]json.RawMessage
		if json.Unmarshal(raw, &byField) == nil {
			for name, v := range byField {
				name = sanitize(name, maxFieldRunes)
				if name == "" {
					continue
				}
				if fields == nil {
					fields = map[string][]string{}
				}
				fields[name] = append(fields[name], textList(v)...)
			}
		} else {
			msgs = append(msgs, textList(raw)...)
		}
	}
	for _, k := range []string{"error", "message"} {
		if raw, ok := o[k]; ok {
			msgs = append(msgs, textList(raw)...)
		}
	}
	return sanitize(strings.Join(msgs, "; "), maxMessageRunes), fields, true
}

// textList reads a string, an array of strings, or an object with a
// "message", and returns sanitised texts; other shapes give none.
func textList(raw json.RawMessage) []string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s = sanitize(s, maxMessageRunes); s != "" {
			return []string{s}
		}
		return nil
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		var out []string
		for _, item := range list {
			out = append(out, textList(item)...)
		}
		return out
	}
	var obj struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &obj) == nil && obj.Message != "" {
		return []string{sanitize(obj.Message, maxMessageRunes)}
	}
	return nil
}

// htmlTitle returns the <title> of an HTML error page (a proxy's "502 Bad
// Gateway"), sanitised; "" when there is none.
func htmlTitle(body []byte) string {
	lower := bytes.ToLower(body)
	start := bytes.Index(lower, []byte("<title"))
	if start < 0 {
		return ""
	}
	gt := bytes.IndexByte(lower[start:], '>')
	if gt < 0 {
		return ""
	}
	start += gt + 1
	end := bytes.Index(lower[start:], []byte("</title"))
	if end < 0 {
		return ""
	}
	return sanitize(string(body[start:start+end]), maxMessageRunes)
}

// maxRetryAfter bounds a Retry-After a hostile server could make absurd.
const maxRetryAfter = 24 * time.Hour

// parseRetryAfter reads Retry-After as delay-seconds or an HTTP-date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	switch {
	case d < 0:
		return 0, true
	case d > maxRetryAfter:
		return maxRetryAfter, true
	}
	return d, true
}

// decodeError is the ErrDecode for a 2xx body that could not be read.
func decodeError(method, path string, status int, body []byte, err error) *Error {
	return &Error{
		Kind:    ErrDecode,
		Method:  method,
		Path:    path,
		Status:  status,
		Message: sanitize(err.Error(), maxMessageRunes),
		Excerpt: sanitize(string(body), maxExcerptRunes),
		Err:     err,
	}
}
