package hostile

import (
	"net/http"
	"net/url"
	"slices"
	"sync"
)

// Origin says which of the two servers a request reached.
type Origin string

const (
	// API is the server the client was pointed at.
	API Origin = "api"
	// Other is the other origin (same host, another port) to which hostile
	// answers point: redirects, next-page links. Nothing should reach it.
	Other Origin = "other"
)

// Request is what a server received.
type Request struct {
	Origin        Origin
	Method        string
	Path          string
	Query         url.Values
	Authorization bool // an Authorization header was sent
	Body          []byte
}

// record is the log of every request both servers received; safe for
// concurrent use.
type record struct {
	mu   sync.Mutex
	reqs []Request
}

func (rc *record) add(o Origin, r *http.Request, body []byte) {
	req := Request{
		Origin:        o,
		Method:        r.Method,
		Path:          r.URL.Path,
		Query:         r.URL.Query(),
		Authorization: r.Header.Get("Authorization") != "",
		Body:          body,
	}
	rc.mu.Lock()
	rc.reqs = append(rc.reqs, req)
	rc.mu.Unlock()
}

// Requests is every request received so far, in the order they arrived.
func (s *Server) Requests() []Request {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	return slices.Clone(s.rec.reqs)
}

// Hits counts the requests that reached origin o with method and path
// ("" for any method, any path).
func (s *Server) Hits(o Origin, method, path string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Origin == o && (method == "" || r.Method == method) && (path == "" || r.Path == path) {
			n++
		}
	}
	return n
}

// OtherRequests is what reached the other origin: a test of a hostile
// redirect or link expects none.
func (s *Server) OtherRequests() []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Origin == Other {
			out = append(out, r)
		}
	}
	return out
}

// Conns is how many connections the API server accepted: a request that
// fails in the TLS handshake reaches no handler, but it is counted here.
func (s *Server) Conns() int { return int(s.conns.Load()) }
