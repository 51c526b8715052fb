package hostile

import (
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Server is a running scenario: the API server at URL, and the other
// origin at OtherURL to which its hostile answers point.
type Server struct {
	URL      string // the API's base URL: https for RedirectToHTTP and BadCertificate
	OtherURL string // same host, another port, plain http
	Scenario Scenario

	api, other *httptest.Server
	rec        record
	conns      atomic.Int64

	mu   sync.Mutex
	seen map[string]bool // RateLimitBrief: requests already answered 429
}

// Start runs scenario sc until the test ends.
func Start(tb testing.TB, sc Scenario) *Server {
	tb.Helper()
	s := &Server{Scenario: sc, seen: map[string]bool{}}
	s.other = httptest.NewServer(http.HandlerFunc(s.serveOther))
	tb.Cleanup(s.other.Close)
	s.OtherURL = s.other.URL

	s.api = httptest.NewUnstartedServer(http.HandlerFunc(s.serveAPI))
	s.api.Listener = &countingListener{Listener: s.api.Listener, n: &s.conns}
	// A refused handshake is the expected outcome, not a log line.
	s.api.Config.ErrorLog = log.New(io.Discard, "", 0)
	if sc.tls() {
		s.api.StartTLS()
	} else {
		s.api.Start()
	}
	tb.Cleanup(s.api.Close)
	s.URL = s.api.URL
	return s
}

// HTTPClient is an HTTP client that trusts the API server's certificate,
// for scenarios that need https to get as far as their attack
// (RedirectToHTTP); without it the client refuses the certificate.
func (s *Server) HTTPClient() *http.Client { return s.api.Client() }

// countingListener counts the connections accepted.
type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

// maxBody bounds what the server keeps of a request body.
const maxBody = 1 << 20

// receive records r and returns its body.
func (s *Server) receive(o Origin, r *http.Request) []byte {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	s.rec.add(o, r, body)
	return body
}

// serveOther answers well: a client that followed a hostile answer here
// would succeed, so only the client's refusal keeps a test green.
func (s *Server) serveOther(w http.ResponseWriter, r *http.Request) {
	s.receive(Other, r)
	if r.Method == http.MethodPost && r.URL.Path == "/leads" {
		writeJSON(w, http.StatusOK, map[string]any{"id": OtherLeadID, "status": "received"})
		return
	}
	Valid.serveEndpoint(w, r, "")
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	body := s.receive(API, r)
	if s.attack(w, r, body) {
		return
	}
	s.Scenario.serveEndpoint(w, r, s.OtherURL)
}

// serveEndpoint answers r as contract.md says, with the scenario's data
// and page links; other is the other origin's URL, for links to it.
func (sc Scenario) serveEndpoint(w http.ResponseWriter, r *http.Request, other string) {
	path := r.URL.Path
	switch {
	case r.Method == http.MethodPost && path == "/leads":
		writeJSON(w, http.StatusOK, map[string]any{"id": LeadID, "status": "received"})
	case r.Method != http.MethodGet:
		writeJSON(w, http.StatusMethodNotAllowed, map[string]any{"error": "method not allowed"})
	case path == "/projects":
		sc.serveList(w, r, other, ProjectCount, sc.project)
	case strings.HasPrefix(path, "/projects/"):
		id, err := strconv.ParseInt(strings.TrimPrefix(path, "/projects/"), 10, 64)
		k := int(id - ProjectID(0))
		if err != nil || k < 0 || k >= ProjectCount {
			writeJSON(w, http.StatusNotFound, map[string]any{"error": "project not found"})
			return
		}
		writeJSON(w, http.StatusOK, sc.projectDetail(k))
	case path == "/user/wallet":
		writeJSON(w, http.StatusOK, sc.wallet())
	case path == "/user/pledges":
		sc.serveList(w, r, other, PledgeCount, sc.pledge)
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"error": "not found"})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
