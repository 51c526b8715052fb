// Package hostile is an API server that misbehaves on purpose: one
// Scenario per way a server can attack or break the client, as issue 8
// lists them ("every server is hostile until proven otherwise"). Tests
// start one with Start, point the api client, a command or a pane at its
// URL, and check the safe outcome against what the server recorded
// (methods, paths, queries, whether Authorization was sent, bodies, hits).
//
// Everything a scenario does not name is served as contract.md says: a
// list of projects and of pledges paginated with Link, Total and Per-Page,
// a project's detail, a wallet, and POST /leads answered "received".
//
// Each scenario, and the case of issue 8 it covers ("passes" marks a case
// the client already survived when the issue was filed, kept so that it
// stays so):
//
// The key and personal data stay with the API server:
//   - RedirectOtherPort: every GET is redirected (301, 302, 307, 308 by
//     endpoint) and POST /leads with a 307, to the same host on another
//     port, which would answer well.
//   - RedirectToHTTP: the API speaks https and redirects every request to
//     plain http.
//   - RedirectSameOrigin (passes): a redirect within the origin, which is
//     followed.
//   - LeadRedirect307, LeadRedirect308: POST /leads answered with a redirect
//     to another server, which would answer "received".
//
// No unbounded work from the server:
//   - NextLoop: the next-page links go 1 → 2 → 1 → 2…, without Total.
//   - NextEndless: every page links to a next one, distinct, forever.
//     Both serve LinkPageSize items a page at most.
//   - NextOtherHost: page 1's next link points to another server, with the
//     lender's email and birthdate in its query.
//   - LyingTotal: /projects announces far more items than it has (Total
//     and rel="last"), /user/pledges far fewer.
//   - HugeBody (passes): answers larger than api.MaxResponseBytes, sent
//     chunked (lists) or with a Content-Length saying so (objects).
//   - GzipBomb (passes): a small gzip body that inflates past the cap.
//   - RateLimitStorm: every request answered 429 with a Retry-After of two
//     minutes.
//   - RateLimitBrief (passes): each request answered 429 with Retry-After: 1
//     the first time, then served.
//
// No lead lost:
//   - LeadDrop: POST /leads reads the whole lead, then drops the connection
//     without answering.
//
// Output stays data:
//   - EscapeTitles (passes): titles with CSI, OSC 52 (clipboard write), OSC 8
//     and screen-clearing sequences.
//   - C1BidiTitles: titles with C1 controls (U+0080–U+009F) and bidi
//     controls (U+202A–U+202E, U+2066–U+2069).
//   - CSVFormulaTitles: titles starting with =, +, -, @, tab and carriage
//     return.
//   - ZWJTitles: titles with ZWJ emoji sequences and stray joiners.
//   - NullsWrongTypes (passes): null fields, numbers as strings, fields of
//     the wrong type.
//
// Errors say whose fault it is:
//   - MalformedHeaders: an answer whose header lines are not HTTP.
//   - BadCertificate: https with a certificate the client does not trust.
//
// The server is safe for concurrent use; its records are complete for
// every request whose answer the client has seen, so tests wait on their
// own calls, never on time.
package hostile
