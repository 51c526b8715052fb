package api

import (
	"context"
	"sync"
)

// gate admits the requests of one parallel walk: at most limit at once,
// the lowest page first (it is the one the consumer waits for). A 429 lowers
// the limit to one for the rest of the walk: the server asked us to slow down.
type gate struct {
	mu       sync.Mutex
	limit    int
	inflight int
	waiting  []*waiter
}

type waiter struct {
	page  int
	ready chan struct{} // closed when admitted
}

func newGate(limit int) *gate { return &gate{limit: max(limit, 1)} }

// admitLocked lets in the lowest pages waiting while there is room.
func (g *gate) admitLocked() {
	for g.inflight < g.limit && len(g.waiting) > 0 {
		low := 0
		for i, w := range g.waiting {
			if w.page < g.waiting[low].page {
				low = i
			}
		}
		w := g.waiting[low]
		g.waiting = append(g.waiting[:low], g.waiting[low+1:]...)
		g.inflight++
		close(w.ready)
	}
}

// ticket is a page's place in the gate; it is what callWith is given.
type ticket struct {
	g    *gate
	page int
}

// enter waits for room, or for ctx to end.
func (t ticket) enter(ctx context.Context) error {
	g := t.g
	w := &waiter{page: t.page, ready: make(chan struct{})}
	g.mu.Lock()
	g.waiting = append(g.waiting, w)
	g.admitLocked()
	g.mu.Unlock()
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-w.ready: // admitted meanwhile: give the place back
		g.inflight--
		g.admitLocked()
	default:
		for i, o := range g.waiting {
			if o == w {
				g.waiting = append(g.waiting[:i], g.waiting[i+1:]...)
				break
			}
		}
	}
	return context.Cause(ctx)
}

// leave gives the place back.
func (t ticket) leave() {
	t.g.mu.Lock()
	t.g.inflight--
	t.g.admitLocked()
	t.g.mu.Unlock()
}

// throttle lowers the limit to one: the server answered 429.
func (t ticket) throttle() {
	t.g.mu.Lock()
	t.g.limit = 1
	t.g.mu.Unlock()
}

// crowded reports whether more requests are in flight than now allowed:
// a request about to wait and retry then leaves, and enters again in turn.
func (t ticket) crowded() bool {
	t.g.mu.Lock()
	defer t.g.mu.Unlock()
	return t.g.inflight > t.g.limit
}
