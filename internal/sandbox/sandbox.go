// Package sandbox is the MiiMOSA API v1 served locally with deterministic,
// realistic seed data: what `miimosa sandbox`, `miimosa --demo` and the tests
// talk to. It follows seed/miimosa-api-v1.txt and contract.md on its own and
// does not import package api, so that a mistake shared by both sides cannot
// hide behind a common type.
package sandbox

import (
	"log/slog"
	"time"
)

// DemoKey is the API key the sandbox accepts unless Options.Key says otherwise.
// It is not a secret: it only opens this local server.
const DemoKey = "demo-key-miimosa-sandbox"

// Options configure the sandbox. The zero value serves the seed data with the
// demo key, no faults, no logs and the real clock.
type Options struct {
	// Key is the API key to accept; "" means DemoKey.
	Key string
	// Latency is added to every request.
	Latency time.Duration
	// FailRate is the share of requests answered with a 5xx (500, 502 or 503);
	// 0 never, 1 always.
	FailRate float64
	// RateLimit is the number of requests per second above which the sandbox
	// answers 429 with Retry-After: 1; 0 means no limit.
	RateLimit int
	// MalformedRate is the share of JSON answers whose body is cut in half;
	// 0 never, 1 always.
	MalformedRate float64
	// Logger receives one line per request (method, path, status, duration)
	// and one per lead received; nil discards them.
	Logger *slog.Logger
	// Now fixes "today" for the seed data (publication and end dates,
	// repayment schedules); it is read once, when the handler is built. nil
	// means time.Now. Tests pass a fixed date.
	Now func() time.Time
}
