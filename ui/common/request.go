package common

import "context"

// Request is the one request a model waits for at a time (a page, the key
// check, the lookup). Starting another or abandoning it cancels its
// context and bumps its number, so the answer to an abandoned request,
// which may still come, is told apart and dropped. The zero Request is
// ready to use.
type Request struct {
	seq     int
	ctx     context.Context
	cancel  context.CancelFunc
	pending bool
}

// Start abandons the request in flight and begins another: ctx is cancelled
// if it is abandoned, seq tags its answer.
func (r *Request) Start() (ctx context.Context, seq int) {
	r.Abandon()
	r.ctx, r.cancel = context.WithCancel(context.Background())
	r.pending = true
	return r.ctx, r.seq
}

// Abandon cancels the request in flight, if any; its answer will be dropped.
func (r *Request) Abandon() {
	r.end()
	r.seq++
}

// Answered reports whether seq tags the answer to the request in flight;
// if so the request is over, and a second answer to it is not taken.
func (r *Request) Answered(seq int) bool {
	if seq != r.seq || !r.pending {
		return false
	}
	r.end()
	return true
}

// Busy reports a request in flight.
func (r Request) Busy() bool { return r.pending }

// Seq is the newest request's number.
func (r Request) Seq() int { return r.seq }

// Context is the newest request's context, nil before the first; it stays
// after the request ends, cancelled.
func (r Request) Context() context.Context { return r.ctx }

func (r *Request) end() {
	if r.cancel != nil {
		r.cancel() // releases the context once it is no longer needed
	}
	r.cancel, r.pending = nil, false
}
