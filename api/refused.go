package api

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
)

// What the client refuses from a server, and how it says so: every refusal
// is an *Error of Kind ErrRefused, whose Message names the server as the
// cause and, for a redirect, where it tried to send us (scheme and host
// only: the query holds the lender's email and birthdate). None is retried.

// maxRedirects bounds a chain of same-origin redirects.
const maxRedirects = 5

// redirectRefusal is what checkRedirect returns for a redirect it will not
// follow; networkError turns it into ErrRefused.
type redirectRefusal struct {
	to  string // scheme://host of the target, sanitised
	why string
}

func (r *redirectRefusal) Error() string { return r.why }

// checkRedirect is the CheckRedirect of every client: a redirect is
// followed only within the origin of the request (scheme, host and port,
// default ports made explicit). Go keeps the Authorization header when only
// the port changes, and the query always travels: both would reach another
// server. A request other than GET or HEAD never follows one: a 307 or 308
// would send the lead's body to the new target.
func checkRedirect(req *http.Request, via []*http.Request) error {
	orig := via[0]
	if orig.Method != http.MethodGet && orig.Method != http.MethodHead {
		return http.ErrUseLastResponse
	}
	to := originText(req.URL)
	switch {
	case !strings.EqualFold(orig.URL.Scheme, req.URL.Scheme) && strings.EqualFold(orig.URL.Scheme, "https"):
		return &redirectRefusal{to: to, why: fmt.Sprintf("the server redirected to plain http (%s): not followed, the API key would travel in clear", to)}
	case !sameOrigin(orig.URL, req.URL) || req.URL.User != nil:
		return &redirectRefusal{to: to, why: fmt.Sprintf("the server redirected to another server (%s): not followed, the API key and the query would go there", to)}
	case len(via) >= maxRedirects:
		return &redirectRefusal{to: to, why: fmt.Sprintf("the server redirected more than %d times: stopped", maxRedirects)}
	}
	return nil
}

// sameOrigin compares scheme, host and port (RFC 6454), default ports explicit.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && hostPort(a) == hostPort(b)
}

// originText is scheme://host[:port] of u, sanitised, for a message: never
// the path or the query.
func originText(u *url.URL) string {
	return sanitize(strings.ToLower(u.Scheme)+"://"+u.Host, maxFieldRunes)
}

// redirectAnswer is the error for a 3xx that reached the caller: a redirect
// of a POST (never followed), or one without a usable Location.
func redirectAnswer(method string, u *url.URL, ep endpoint, status int, h http.Header) *Error {
	e := &Error{Kind: ErrRefused, Method: method, Path: u.Path, Status: status}
	to := ""
	if loc := strings.TrimSpace(h.Get("Location")); loc != "" {
		if ref, err := url.Parse(loc); err == nil {
			to = originText(u.ResolveReference(ref))
		}
	}
	what := "the request"
	if ep == epLeads {
		what = "the lead"
	}
	switch {
	case method != http.MethodGet && method != http.MethodHead && to != "":
		e.Message = fmt.Sprintf("the server redirected %s to %s: not followed, nothing was sent there", what, to)
	case method != http.MethodGet && method != http.MethodHead:
		e.Message = fmt.Sprintf("the server answered %s with a redirect: not followed, nothing was sent elsewhere", what)
	default:
		e.Message = fmt.Sprintf("the server answered with a redirect (HTTP %d) that cannot be followed", status)
	}
	return e
}

// refusal says why a failed exchange is the server's fault and cannot
// succeed by trying again ("" when it may be the network's): a redirect
// refused, a certificate this computer does not trust, a server that does
// not speak TLS or HTTP properly.
func refusal(err error) string {
	var (
		rr       *redirectRefusal
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		proto    textproto.ProtocolError
	)
	switch {
	case errors.As(err, &rr):
		return rr.why
	case errors.As(err, &unknown):
		return "the server's certificate is not signed by an authority this computer trusts: refused, the connection would not be private"
	case errors.As(err, &hostname):
		return "the server's certificate is for another name: refused, the connection would not be private"
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return "the server's certificate has expired or is not valid yet: refused, the connection would not be private"
		}
		return "the server's certificate is not valid: refused, the connection would not be private"
	case errors.As(err, &verify):
		return "the server's certificate could not be verified: refused, the connection would not be private"
	case errors.As(err, &record):
		return "the server does not speak TLS (https) on this port"
	case errors.As(err, &proto), malformedHTTP(err):
		return "the server's answer is not valid HTTP (malformed status line, headers or body framing)"
	}
	return ""
}

// malformedHTTP recognises net/http's errors for a response it could not
// parse. Most are not typed, so their text is matched; the list is short
// and a miss only means the error is retried as a network error.
func malformedHTTP(err error) bool {
	msg := err.Error()
	for _, s := range []string{
		"malformed HTTP", "malformed MIME header", "malformed chunked encoding", "invalid byte in chunk length",
		"bad Content-Length", "multiple Content-Length", "unsupported transfer encoding",
		"too many transfer encodings", "server response headers exceeded",
	} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
