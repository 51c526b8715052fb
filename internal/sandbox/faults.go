package sandbox

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// faults injects what a real network and a busy server do to a client:
// latency, 5xx answers, 429 above a request rate, and truncated JSON.
// Rates of 0 and 1 are deterministic (never, always), which tests rely on.
type faults struct {
	latency   time.Duration
	failRate  float64
	malformed float64
	limiter   *limiter // nil: no rate limit
}

func newFaults(opts Options) *faults {
	f := &faults{latency: opts.Latency, failRate: opts.FailRate, malformed: opts.MalformedRate}
	if opts.RateLimit > 0 {
		f.limiter = newLimiter(opts.RateLimit, time.Now)
	}
	return f
}

// apply runs the faults in the order a request meets them and reports
// whether the request should go on to the API.
func (f *faults) apply(w *statusWriter, r *http.Request) bool {
	if f.latency > 0 {
		t := time.NewTimer(f.latency)
		select {
		case <-t.C:
		case <-r.Context().Done(): // the client gave up: nothing to answer
			t.Stop()
			w.status = 499 // for the log only, as nginx records "client closed request"
			return false
		}
	}
	if f.limiter != nil && !f.limiter.allow() {
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusTooManyRequests, "rate limit exceeded, retry later")
		return false
	}
	if chance(f.failRate) {
		serverFailure(w)
		return false
	}
	w.truncate = chance(f.malformed)
	return true
}

func chance(rate float64) bool {
	switch {
	case rate <= 0:
		return false
	case rate >= 1:
		return true
	}
	return rand.Float64() < rate
}

// serverFailure answers one of the 5xx a client meets in the wild, each in
// the body its usual source sends: Rails JSON, an nginx HTML page, plain text.
func serverFailure(w http.ResponseWriter) {
	switch rand.IntN(3) {
	case 0:
		writeJSON(w, http.StatusInternalServerError, map[string]any{"status": 500, "error": "Internal Server Error"})
	case 1:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"))
	default:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("Service Unavailable\n"))
	}
}

// limiter is a token bucket: rate tokens a second, at most rate in reserve,
// so a burst of rate requests passes and the next one within the second waits.
type limiter struct {
	mu     sync.Mutex
	rate   float64
	tokens float64
	last   time.Time
	now    func() time.Time
}

func newLimiter(perSecond int, now func() time.Time) *limiter {
	return &limiter{rate: float64(perSecond), tokens: float64(perSecond), last: now(), now: now}
}

func (l *limiter) allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.now()
	l.tokens = min(l.rate, l.tokens+t.Sub(l.last).Seconds()*l.rate)
	l.last = t
	if l.tokens < 1 {
		return false
	}
	l.tokens--
	return true
}
