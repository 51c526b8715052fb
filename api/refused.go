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
	reason Reason
	args   []any
}

func (r *redirectRefusal) Error() string { return fmt.Sprintf(reasonEnglish[r.reason], r.args...) }

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
		return &redirectRefusal{reason: ReasonRedirectHTTP, args: []any{to}}
	case !sameOrigin(orig.URL, req.URL) || req.URL.User != nil:
		return &redirectRefusal{reason: ReasonRedirectOrigin, args: []any{to}}
	case len(via) >= maxRedirects:
		return &redirectRefusal{reason: ReasonRedirectMany, args: []any{maxRedirects}}
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
	withTo, without := ReasonRedirectRequestTo, ReasonRedirectRequest
	if ep == epLeads {
		withTo, without = ReasonRedirectLeadTo, ReasonRedirectLead
	}
	switch {
	case method != http.MethodGet && method != http.MethodHead && to != "":
		return e.refusalOf(withTo, to)
	case method != http.MethodGet && method != http.MethodHead:
		return e.refusalOf(without)
	}
	return e.refusalOf(ReasonRedirectUnfollowed, status)
}

// refusal says why a failed exchange is the server's fault and cannot
// succeed by trying again ("" when it may be the network's): a redirect
// refused, a certificate this computer does not trust, a server that does
// not speak TLS or HTTP properly.
func refusal(err error) (Reason, []any) {
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
		return rr.reason, rr.args
	case errors.As(err, &unknown):
		return ReasonCertAuthority, nil
	case errors.As(err, &hostname):
		return ReasonCertName, nil
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return ReasonCertExpired, nil
		}
		return ReasonCertInvalid, nil
	case errors.As(err, &verify):
		return ReasonCertUnverified, nil
	case errors.As(err, &record):
		return ReasonNotTLS, nil
	case errors.As(err, &proto), malformedHTTP(err):
		return ReasonMalformedHTTP, nil
	}
	return "", nil
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
