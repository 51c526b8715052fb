package textsafe

import "net/url"

// WebURL returns the server's URL, cleaned, when it is an absolute http or
// https address with a host, and false otherwise: a javascript:, data: or
// file: URL from an untrusted server must never be shown as a link to
// follow, nor handed to a browser. The CLI's tables and the terminal UI
// share this one check.
func WebURL(s string) (string, bool) {
	s = Clean(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return "", false
	}
	return u.String(), true
}
