package api_test

import (
	"bufio"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

// redirector answers every request with status and a Location on target
// (the same path and query), as a hostile or misconfigured server would.
func redirector(t *testing.T, status int, target string) *server {
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Location", target+r.URL.RequestURI())
		w.WriteHeader(status)
	})
}

// noPersonalData fails when err's text holds the lender's email,
// birthdate or any query.
func noPersonalData(t *testing.T, err error) {
	t.Helper()
	for _, s := range []string{"camille", "example.org", "1980", "user_email", "?"} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("the error holds %q: %v", s, err)
		}
	}
}

func TestRedirectToAnotherPortIsRefused(t *testing.T) {
	// Go keeps Authorization when only the port differs, and the query
	// (email, birthdate) always goes along: the other port gets nothing.
	for _, status := range []int{301, 302, 303, 307, 308} {
		other := newServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `{"id": 1}`) })
		s := redirector(t, status, other.URL)
		c, _ := newTestClient(t, s.URL, false)
		_, err := fast(c).Wallet(context.Background(), lender)
		e := asError(t, err, api.ErrRefused)
		if !strings.Contains(e.Message, "the server redirected to another server ("+other.URL+")") || e.Status != status {
			t.Errorf("%d: %+v", status, e)
		}
		noPersonalData(t, err)
		if n := other.hits.Load(); n != 0 {
			t.Errorf("%d: the other port received %d requests (with the key and the query)", status, n)
		}
		if n := s.hits.Load(); n != 1 {
			t.Errorf("%d: %d tries; a refused redirect cannot succeed", status, n)
		}
	}
}

func TestPostNeverFollowsARedirect(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		other := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, `{"id": 666, "status": "received"}`)
		})
		s := redirector(t, status, other.URL)
		c, _ := newTestClient(t, s.URL, false)
		r, err := c.CreateLead(context.Background(), api.Lead{Email: "farm@example.fr", Firstname: "Jean"})
		e := asError(t, err, api.ErrRefused)
		if !strings.Contains(e.Message, "redirected the lead to "+other.URL) || !strings.Contains(e.Message, "nothing was sent there") || e.Status != status {
			t.Errorf("%d: %+v", status, e)
		}
		if r.ID != 0 {
			t.Errorf("%d: the other server's answer was taken as the receipt: %+v", status, r)
		}
		if n := other.hits.Load(); n != 0 {
			t.Errorf("%d: the lead went to the other server %d times", status, n)
		}
	}
	// Not even to the same server.
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/leads" {
			w.Header().Set("Location", "/leads/again")
			w.WriteHeader(http.StatusTemporaryRedirect)
		}
	})
	c, _ := newTestClient(t, s.URL, false)
	_, err := c.CreateLead(context.Background(), api.Lead{Email: "farm@example.fr"})
	asError(t, err, api.ErrRefused)
	if n := s.hits.Load(); n != 1 {
		t.Errorf("a same-origin 307 on POST: %d requests, want 1", n)
	}
}

func TestSameOriginRedirectIsFollowed(t *testing.T) {
	auth := make(chan string, 2)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		auth <- r.Header.Get("Authorization")
		if r.URL.Query().Get("moved") == "" {
			// Absolute, with the default port of http spelled differently:
			// still this origin.
			w.Header().Set("Location", "http://"+r.Host+r.URL.Path+"?moved=1&"+r.URL.RawQuery)
			w.WriteHeader(http.StatusFound)
			return
		}
		_, _ = io.WriteString(w, `{"id": 7, "balance": "1.00"}`)
	})
	c, _ := newTestClient(t, s.URL, false)
	wl, err := c.Wallet(context.Background(), lender)
	if err != nil || wl.ID != 7 {
		t.Fatalf("Wallet = %+v, %v", wl, err)
	}
	if a1, a2 := <-auth, <-auth; a1 != a2 || a2 == "" {
		t.Errorf("Authorization %q then %q", a1, a2)
	}
}

func TestRedirectFromHTTPSToHTTPIsRefused(t *testing.T) {
	plain := newServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `[]`) })
	var hits atomic.Int64
	tls := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, plain.URL+r.URL.RequestURI(), http.StatusFound)
	}))
	t.Cleanup(tls.Close)
	// A client that trusts the test certificate, and has no redirect policy
	// of its own: api.New gives it ours.
	c, err := api.New(api.Config{BaseURL: tls.URL, Key: testKey, HTTPClient: tls.Client()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = fast(c).Pledges(context.Background(), lender, 0, 0)
	if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "plain http ("+plain.URL+")") {
		t.Errorf("https to http: %+v", e)
	}
	noPersonalData(t, err)
	if plain.hits.Load() != 0 || hits.Load() != 1 {
		t.Errorf("plain http got %d requests; the TLS server %d", plain.hits.Load(), hits.Load())
	}
}

func TestRedirectChainIsBounded(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"?x="+r.URL.Query().Get("x")+"x", http.StatusFound)
	})
	c, _ := newTestClient(t, s.URL, false)
	_, err := fast(c).Project(context.Background(), 1)
	if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "more than 5 times") {
		t.Errorf("redirect chain: %+v", e)
	}
	if n := s.hits.Load(); n != 5 {
		t.Errorf("%d requests for one try of 5 redirects", n)
	}
}

// countingListener counts the connections a server accepts: a client that
// gives up at the TLS handshake or on a malformed answer never reaches a
// handler, but each try is a connection.
type countingListener struct {
	net.Listener
	n atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

func TestUntrustedCertificateIsRefusedAtOnce(t *testing.T) {
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `[]`) }))
	ln := &countingListener{Listener: s.Listener}
	s.Listener = ln
	s.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake errors are expected
	s.StartTLS()
	t.Cleanup(s.Close)
	// The shared client of a run: it trusts the system's authorities, not
	// the test server's own certificate.
	c, err := api.New(api.Config{BaseURL: s.URL, Key: testKey, HTTPClient: api.NewHTTPClient()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = fast(c).Projects(context.Background(), api.ProjectQuery{})
	if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "certificate") {
		t.Errorf("untrusted certificate: %+v", e)
	}
	if n := ln.n.Load(); n != 1 {
		t.Errorf("%d connections; a certificate refused is refused once", n)
	}
}

func TestCertificateForAnotherNameIsRefused(t *testing.T) {
	// httptest's certificate names 127.0.0.1 and example.com; "localhost" is
	// another name, though the client trusts the certificate itself.
	s := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `[]`) }))
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	t.Cleanup(s.Close)
	u := strings.Replace(s.URL, "127.0.0.1", "localhost", 1)
	c, err := api.New(api.Config{BaseURL: u, Key: testKey, HTTPClient: s.Client()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = fast(c).Projects(context.Background(), api.ProjectQuery{})
	if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "certificate is for another name") {
		t.Errorf("wrong name: %+v", e)
	}
}

// rawServer answers every connection with answer, whatever was asked, and
// counts connections.
func rawServer(t *testing.T, answer string) (url string, conns *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns = &atomic.Int64{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			go func() {
				defer conn.Close()
				_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
				br := bufio.NewReader(conn)
				if _, err := http.ReadRequest(br); err != nil {
					return
				}
				_, _ = io.WriteString(conn, answer)
			}()
		}
	}()
	t.Cleanup(func() { _ = ln.Close(); <-done })
	return "http://" + ln.Addr().String(), conns
}

func TestMalformedAnswersAreRefusedAtOnce(t *testing.T) {
	for name, answer := range map[string]string{
		"header line without a colon": "HTTP/1.1 200 OK\r\nContent-Type application/json\r\nContent-Length: 2\r\n\r\n[]",
		"not HTTP at all":             "SSH-2.0-OpenSSH_9.6\r\n\r\n",
		"bad status code":             "HTTP/1.1 2000 OK\r\nContent-Length: 2\r\n\r\n[]",
		"two Content-Lengths":         "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n[]",
		"broken chunks":               "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			u, conns := rawServer(t, answer)
			c, _ := newTestClient(t, u, false)
			_, err := fast(c).Projects(context.Background(), api.ProjectQuery{})
			if e := asError(t, err, api.ErrRefused); !strings.Contains(e.Message, "not valid HTTP") {
				t.Errorf("%+v", e)
			}
			if n := conns.Load(); n != 1 {
				t.Errorf("%d connections; a malformed answer is refused once", n)
			}
		})
	}
}
