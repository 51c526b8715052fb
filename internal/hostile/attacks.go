package hostile

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Sizes of the oversized answers: past api.MaxResponseBytes (8 MiB), and
// not so far past that a test spends its time sending them.
const (
	HugeBodyBytes     = 9 << 20  // streamed, chunked
	HugeDeclaredBytes = 50 << 20 // announced by Content-Length
	GzipBombBytes     = 64 << 20 // once inflated
)

// RetryAfterStorm is the Retry-After of RateLimitStorm, in seconds: longer
// than a client should wait on its own.
const RetryAfterStorm = 120

// attack answers r the scenario's hostile way and reports whether it did;
// false leaves r to the ordinary answer. body is r's body, already read.
func (s *Server) attack(w http.ResponseWriter, r *http.Request, _ []byte) bool {
	post := r.Method == http.MethodPost
	lead := post && r.URL.Path == "/leads"
	switch s.Scenario {
	case RedirectOtherPort, RedirectToHTTP:
		redirect(w, s.OtherURL+r.URL.RequestURI(), redirectStatus(r))
	case RedirectSameOrigin:
		q := r.URL.Query()
		if post || q.Get("hop") != "" {
			return false
		}
		q.Set("hop", "1")
		redirect(w, r.URL.Path+"?"+q.Encode(), http.StatusMovedPermanently)
	case LeadRedirect307, LeadRedirect308:
		if !lead {
			return false
		}
		status := http.StatusTemporaryRedirect
		if s.Scenario == LeadRedirect308 {
			status = http.StatusPermanentRedirect
		}
		redirect(w, s.OtherURL+"/leads", status)
	case RateLimitStorm:
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfterStorm))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": "slow down"})
	case RateLimitBrief:
		if !s.firstTime(r.Method + " " + r.URL.RequestURI()) {
			return false
		}
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": "slow down"})
	case HugeBody:
		if post {
			return false
		}
		hugeBody(w, r)
	case GzipBomb:
		if post {
			return false
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(gzipBomb())
	case LeadDrop:
		if !lead {
			return false
		}
		hangUp(w, "")
	case MalformedHeaders:
		hangUp(w, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nThis line is not a header\r\nContent-Length: 2\r\n\r\n[]")
	default:
		return false
	}
	return true
}

// redirectStatus varies the redirect by endpoint, so that every kind is
// met: 301, 302, 307 and 308 for GETs, 307 for POST /leads.
func redirectStatus(r *http.Request) int {
	switch p := r.URL.Path; {
	case r.Method != http.MethodGet:
		return http.StatusTemporaryRedirect
	case p == "/projects":
		return http.StatusMovedPermanently
	case p == "/user/wallet":
		return http.StatusFound
	case p == "/user/pledges":
		return http.StatusTemporaryRedirect
	default:
		return http.StatusPermanentRedirect
	}
}

func redirect(w http.ResponseWriter, to string, status int) {
	w.Header().Set("Location", to)
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, "moved\n")
}

// firstTime reports whether key is met for the first time.
func (s *Server) firstTime(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[key] {
		return false
	}
	s.seen[key] = true
	return true
}

// hangUp takes the connection over, writes raw (which may be anything but
// HTTP) and closes it. The request's body has been read: the server has
// the whole request when it hangs up.
func hangUp(w http.ResponseWriter, raw string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	if raw != "" {
		_, _ = buf.WriteString(raw)
		_ = buf.Flush()
	}
}

// hugeBody sends a list as a valid JSON array of HugeBodyBytes, chunked,
// and an object with a Content-Length of HugeDeclaredBytes; it stops when
// the client hangs up.
func hugeBody(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	list := r.URL.Path == "/projects" || r.URL.Path == "/user/pledges"
	size := HugeBodyBytes
	if !list {
		size = HugeDeclaredBytes
		w.Header().Set("Content-Length", strconv.Itoa(size))
	}
	w.WriteHeader(http.StatusOK)
	item := `{"id":1,"title":"x"},`
	chunk := []byte(strings.Repeat(item, (64<<10)/len(item)))
	if _, err := io.WriteString(w, "["); err != nil {
		return
	}
	for sent := 1; sent < size-len(chunk); sent += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
	_, _ = io.WriteString(w, `{"id":1}]`)
}

var bomb struct {
	once sync.Once
	gz   []byte
}

// gzipBomb is a JSON array of GzipBombBytes of blanks, gzipped to about
// 1/1000 of that: valid JSON, were it read whole. It is a stream of gzip
// members, which a reader joins (RFC 1952), so that only one MiB is ever
// compressed.
func gzipBomb() []byte {
	bomb.once.Do(func() {
		member := func(p []byte) []byte {
			var b bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			_, _ = zw.Write(p)
			_ = zw.Close()
			return b.Bytes()
		}
		blanks := member(bytes.Repeat([]byte(" "), 1<<20))
		out := member([]byte("["))
		for range GzipBombBytes >> 20 {
			out = append(out, blanks...)
		}
		bomb.gz = append(out, member([]byte("]"))...)
	})
	return bomb.gz
}
