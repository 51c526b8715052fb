package sandbox

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// authorized reports whether the request carries the key the way Rails'
// authenticate_with_http_token reads it: the scheme Token (or Bearer), then
// token=KEY, token="KEY", or a bare KEY, with other "name=value" pairs after a
// comma or semicolon ignored. Case and spaces are read liberally.
func authorized(r *http.Request, key string) bool {
	got, ok := tokenFrom(r.Header.Get("Authorization"))
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(key)) == 1
}

func tokenFrom(header string) (string, bool) {
	header = strings.TrimSpace(header)
	scheme, rest, found := strings.Cut(header, " ")
	if !found || !(strings.EqualFold(scheme, "Token") || strings.EqualFold(scheme, "Bearer")) {
		return "", false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(rest), ",")
	first, _, _ = strings.Cut(first, ";")
	first = strings.TrimSpace(first)
	if name, value, ok := strings.Cut(first, "="); ok && strings.EqualFold(strings.TrimSpace(name), "token") {
		first = strings.TrimSpace(value)
	}
	if len(first) >= 2 && first[0] == '"' && first[len(first)-1] == '"' {
		first = first[1 : len(first)-1]
	}
	return first, first != ""
}

// deny is Rails' answer to a missing or wrong token: plain text, not JSON.
func deny(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Token realm="Application"`)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	_, _ = w.Write([]byte("HTTP Token: Access denied.\n"))
}
