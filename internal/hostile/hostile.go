// Package hostile is a hostile MiiMOSA API for tests: an httptest server
// that plays one named Scenario of what a broken or malicious server does,
// and records what it received, so that a test can check that the client,
// the commands and the terminal stay safe.
//
//	srv := hostile.Start(t, hostile.RedirectOtherPort)
//	c, _ := api.New(api.Config{BaseURL: srv.URL, Key: "k", HTTPClient: srv.HTTPClient()})
//	_, err := c.Wallet(ctx, user)                // refused: ErrRefused
//	if srv.Elsewhere.Hits() != 0 { ... }         // the other port got nothing
//
// Which scenario covers which case of issue 8:
//
//	The key and personal data stay with the API server
//	  RedirectOtherPort     GET and POST answered 302 to the same host on another port (Go keeps Authorization)
//	  RedirectToHTTP        an https server redirecting to plain http
//	  LeadRedirect307/308   POST /leads answered 307/308: the body must not go to the new target
//	  RedirectSameOrigin    a redirect within the origin (safe: followed)
//	No unbounded work from the server
//	  PageLoop              next-page links 1 → 2 → 1 → 2…
//	  EndlessPages          distinct next-page links without end, no Total
//	  LyingTotal            Total says a billion items; full pages and next links without end
//	  NextOtherHost         a next-page link to another host name on the same port
//	  RateLimitStorm        every request but the first page answered 429, Retry-After: 1
//	  HugeBody              answers of 9 MiB
//	  GzipBomb              64 MiB of JSON in a gzip body of a few KiB
//	Errors say whose fault it is
//	  MalformedHeaders      an answer whose header line has no colon (a raw listener)
//	  BadCertificate        https with a certificate nobody trusts
//	  StalledBody           GETs answered 200 and the start of a body, then nothing
//	No lead lost
//	  LeadNoAnswer          POST /leads read in full, then never answered
//	Output stays data (the strings are in Titles)
//	  EscapeTitles          CSI, OSC 52 (clipboard), OSC 8 (links), window titles
//	  C1Titles              C1 controls U+0080–U+009F
//	  BidiTitles            bidi controls U+202A–U+202E, U+2066–U+2069
//	  FormulaTitles         CSV formula cells: titles starting with =, +, -, @, tab, CR
//	  ZWJTitles             ZWJ emoji sequences and stray zero-width joiners
//	  NullsAndWrongTypes    nulls everywhere, strings for numbers, objects for strings
//
// Every scenario serves the whole API (GET /projects, /projects/{id},
// /user/wallet, /user/pledges, POST /leads) and misbehaves where its case
// lies; the rest is a small, well-formed answer. The lists (/projects and
// /user/pledges) are paginated by page and per_page (20 by default).
//
// Adding a test per scenario: the tests of this package hold one check per
// scenario for each layer (apiChecks for the api client; the commands and
// the terminal add theirs beside it), and TestEveryScenarioIsChecked fails
// when a scenario has no check.
package hostile

import (
	"bufio"
	"encoding/pem"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Request is what the server received, as it received it.
type Request struct {
	Method string
	Host   string // the Host header: tells a link to another host name
	Path   string
	Query  url.Values // holds the lender's email and birthdate on /user paths
	Header http.Header
	Body   []byte
}

// Record is what one origin received. It is safe for concurrent use.
type Record struct {
	mu    sync.Mutex
	reqs  []Request
	conns atomic.Int64
}

// Requests returns a copy of the requests received, in order of arrival.
func (r *Record) Requests() []Request {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reqs)
}

// Hits is the number of requests received.
func (r *Record) Hits() int {
	if r == nil {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs)
}

// Conns is the number of connections accepted: a client that gives up at
// the TLS handshake or on a malformed answer makes one per try, though no
// request is ever recorded.
func (r *Record) Conns() int {
	if r == nil {
		return 0
	}
	return int(r.conns.Load())
}

func (r *Record) add(req *http.Request) Request {
	body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	rec := Request{Method: req.Method, Host: req.Host, Path: req.URL.Path, Query: req.URL.Query(), Header: req.Header.Clone(), Body: body}
	r.mu.Lock()
	r.reqs = append(r.reqs, rec)
	r.mu.Unlock()
	return rec
}

// Server is a running scenario.
type Server struct {
	URL      string   // the API's base URL, for api.Config.BaseURL or --api-url
	Scenario Scenario // what it plays
	API      *Record  // what the API's origin received
	// Elsewhere is what the other origin received (another port, plain
	// http): the scenarios that redirect send clients there, and nothing
	// should ever arrive. Nil for the others (its methods then say 0).
	Elsewhere *Record

	client *http.Client
	cert   []byte
}

// HTTPClient is the HTTP client a test should give the api client: for
// RedirectToHTTP one that trusts the server's test certificate (so that
// the redirect, not the certificate, is what is refused); nil otherwise
// (api.New then makes its own, which trusts only the system's authorities,
// as BadCertificate needs).
func (s *Server) HTTPClient() *http.Client { return s.client }

// CertPEM is the server's certificate for the https scenarios (nil for the
// others), e.g. to write to a file named by SSL_CERT_FILE for the binary.
func (s *Server) CertPEM() []byte { return s.cert }

// Start runs scenario sc until the test ends.
func Start(t testing.TB, sc Scenario) *Server {
	t.Helper()
	play, ok := scenarios[sc]
	if !ok {
		t.Fatalf("hostile: no scenario %q", sc)
	}
	s := &Server{Scenario: sc, API: &Record{}}
	play(t, s)
	return s
}

// serve starts an httptest server for h on 127.0.0.1, counting connections
// into rec; tlsOn makes it https. Its error log is silenced: handshakes that
// fail and clients that hang up are what the scenarios are for.
func serve(t testing.TB, rec *Record, tlsOn bool, h http.HandlerFunc) *httptest.Server {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h(w, r)
	}))
	srv.Listener = &countingListener{Listener: srv.Listener, rec: rec}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	if tlsOn {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	return srv
}

// recording wraps h so that every request is first recorded in rec; the
// handler then finds the body in the returned Request.
func recording(rec *Record, h func(w http.ResponseWriter, r *http.Request, got Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		got := rec.add(r)
		h(w, r, got)
	}
}

func certPEM(srv *httptest.Server) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
}

type countingListener struct {
	net.Listener
	rec *Record
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.rec.conns.Add(1)
	}
	return c, err
}

// rawServer answers every request on a plain listener with answer, bytes
// as they are, whatever they break: what net/http's server would refuse to
// write. Requests are recorded as they arrive.
func rawServer(t testing.TB, rec *Record, answer string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("hostile: %v", err)
	}
	ln = &countingListener{Listener: ln, rec: rec}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer conn.Close()
				_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				rec.add(req)
				_, _ = io.WriteString(conn, answer)
			}()
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		wg.Wait()
	})
	return "http://" + ln.Addr().String()
}
