package api

import "fmt"

// Reason names why the client refused a server's answer (an ErrRefused),
// so that a person reads it in their own language: the catalogue has a
// sentence per reason (key "refusal." + the reason), taking Error.Args.
// Error.Message holds the same sentence in English, for logs and scripts.
type Reason string

// The reasons, each with its English sentence (a fmt format over Args).
const (
	ReasonRedirectHTTP       Reason = "redirect_http"         // to
	ReasonRedirectOrigin     Reason = "redirect_origin"       // to
	ReasonRedirectMany       Reason = "redirect_many"         // count
	ReasonRedirectLeadTo     Reason = "redirect_lead_to"      // to
	ReasonRedirectLead       Reason = "redirect_lead"         //
	ReasonRedirectRequestTo  Reason = "redirect_request_to"   // to
	ReasonRedirectRequest    Reason = "redirect_request"      //
	ReasonRedirectUnfollowed Reason = "redirect_unfollowable" // status
	ReasonCertAuthority      Reason = "cert_authority"
	ReasonCertName           Reason = "cert_name"
	ReasonCertExpired        Reason = "cert_expired"
	ReasonCertInvalid        Reason = "cert_invalid"
	ReasonCertUnverified     Reason = "cert_unverified"
	ReasonNotTLS             Reason = "not_tls"
	ReasonMalformedHTTP      Reason = "malformed_http"
	ReasonNextNotURL         Reason = "next_not_url"
	ReasonNextOtherServer    Reason = "next_other_server" // to
	ReasonNextOtherPath      Reason = "next_other_path"   // path, want
	ReasonTooManyItems       Reason = "too_many_items"    // count
	ReasonTooManyPages       Reason = "too_many_pages"    // count
	ReasonPagesInACircle     Reason = "pages_in_a_circle" // pages
)

var reasonEnglish = map[Reason]string{
	ReasonRedirectHTTP:       "the server redirected to plain http (%s): not followed, the API key would travel in clear",
	ReasonRedirectOrigin:     "the server redirected to another server (%s): not followed, the API key and the query would go there",
	ReasonRedirectMany:       "the server redirected more than %d times: stopped",
	ReasonRedirectLeadTo:     "the server redirected the lead to %s: not followed, nothing was sent there",
	ReasonRedirectLead:       "the server answered the lead with a redirect: not followed, nothing was sent elsewhere",
	ReasonRedirectRequestTo:  "the server redirected the request to %s: not followed, nothing was sent there",
	ReasonRedirectRequest:    "the server answered the request with a redirect: not followed, nothing was sent elsewhere",
	ReasonRedirectUnfollowed: "the server answered with a redirect (HTTP %d) that cannot be followed",
	ReasonCertAuthority:      "the server's certificate is not signed by an authority this computer trusts: refused, the connection would not be private",
	ReasonCertName:           "the server's certificate is for another name: refused, the connection would not be private",
	ReasonCertExpired:        "the server's certificate has expired or is not valid yet: refused, the connection would not be private",
	ReasonCertInvalid:        "the server's certificate is not valid: refused, the connection would not be private",
	ReasonCertUnverified:     "the server's certificate could not be verified: refused, the connection would not be private",
	ReasonNotTLS:             "the server does not speak TLS (https) on this port",
	ReasonMalformedHTTP:      "the server's answer is not valid HTTP (malformed status line, headers or body framing)",
	ReasonNextNotURL:         "the server's next-page link is not a URL: not followed",
	ReasonNextOtherServer:    "the server's next-page link points to another server (%s): not followed, the API key would go there",
	ReasonNextOtherPath:      "the server's next-page link points to %s, not %s: not followed",
	ReasonTooManyItems:       "the server sent more than %d items: stopped",
	ReasonTooManyPages:       "the server sent more than %d pages: stopped",
	ReasonPagesInACircle:     "the server's next-page links go in a circle: stopped after %d pages",
}

// Reasons lists every reason, for the catalogue's tests.
func Reasons() []Reason {
	out := make([]Reason, 0, len(reasonEnglish))
	for r := range reasonEnglish {
		out = append(out, r)
	}
	return out
}

// refusalOf fills e in as a refusal for reason r.
func (e *Error) refusalOf(r Reason, args ...any) *Error {
	e.Kind, e.Reason, e.Args = ErrRefused, r, args
	e.Message = fmt.Sprintf(reasonEnglish[r], args...)
	return e
}

// English is the reason's sentence in English, a fmt format over the
// error's Args: the catalogue's English must say the same.
func (r Reason) English() string { return reasonEnglish[r] }
