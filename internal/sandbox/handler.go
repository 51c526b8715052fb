package sandbox

import (
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Handler is the whole API. It is safe for concurrent use; the seed data is
// read-only once built, and the leads are guarded by a mutex.
type Handler struct {
	key    string
	log    *slog.Logger
	data   *seedData
	faults *faults

	mu         sync.Mutex
	leads      []ReceivedLead
	nextLeadID int64
}

// NewHandler builds the seed data for opts.Now's day and returns the API.
func NewHandler(opts Options) *Handler {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	key := opts.Key
	if key == "" {
		key = DemoKey
	}
	return &Handler{
		key:        key,
		log:        logger,
		data:       seedFor(now()),
		faults:     newFaults(opts),
		nextLeadID: firstLeadID,
	}
}

// ServeHTTP applies the configured faults, routes, checks the key and logs
// one line per request. The log names the path only: the query of the user
// endpoints carries an email and a birthdate.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		h.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.statusCode(), "duration", time.Since(start).Round(time.Microsecond))
	}()
	if !h.faults.apply(sw, r) {
		return
	}
	h.route(sw, r)
}

// route finds the endpoint. Unknown paths are 404 and known paths with another
// method 405 (with Allow), both before the key is checked, as Rails routes
// before its controllers authenticate.
func (h *Handler) route(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	const get, post = "GET, HEAD", "POST"
	var allow string
	var serve func()
	switch {
	case path == "/projects":
		allow, serve = get, func() { h.listProjects(w, r) }
	case strings.HasPrefix(path, "/projects/") && !strings.Contains(path[len("/projects/"):], "/"):
		allow, serve = get, func() { h.getProject(w, r, path[len("/projects/"):]) }
	case path == "/user/wallet":
		allow, serve = get, func() { h.getWallet(w, r) }
	case path == "/user/pledges":
		allow, serve = get, func() { h.listPledges(w, r) }
	case path == "/leads":
		allow, serve = post, func() { h.createLead(w, r) }
	default:
		writeError(w, http.StatusNotFound, "not found")
		return
	}
	if !slices.Contains(strings.Split(allow, ", "), r.Method) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; allowed: "+allow)
		return
	}
	if !authorized(r, h.key) {
		deny(w)
		return
	}
	serve()
}

// statusWriter remembers the status for the log and can cut a JSON body in
// half for the malformed-body fault.
type statusWriter struct {
	http.ResponseWriter
	status   int
	truncate bool // set by the malformed fault
	cut      bool
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if w.truncate && strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		if w.cut {
			return len(p), nil // the rest of a cut body is dropped
		}
		w.cut = true
		_, err := w.ResponseWriter.Write(p[:len(p)/2])
		return len(p), err
	}
	return w.ResponseWriter.Write(p)
}

func (w *statusWriter) statusCode() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}
