package api

import (
	"context"
	"iter"
)

// PageResult is one step of a walk delivered by Feed: a page, or the error
// that ended the walk (after the pages loaded before it).
type PageResult[T any] struct {
	Page Page[T]
	Err  error
}

// Feed runs a walk (ProjectPages, PledgePages) on its own goroutine and
// sends its steps, in page order, on the returned channel, which is closed
// when the walk ends. It is for a caller that cannot range over the walk
// itself: a Bubble Tea model gets one message per command, so each command
// receives one step from the channel, and the model asks for the next one
// when it has applied it.
//
// ctx must be the context the walk was made with: cancelling it stops the
// walk, cancels its requests in flight, and ends the goroutine. A caller
// that stops reading before the channel is closed must cancel ctx.
func Feed[T any](ctx context.Context, walk iter.Seq2[Page[T], error]) <-chan PageResult[T] {
	ch := make(chan PageResult[T])
	go func() {
		defer close(ch)
		for p, err := range walk {
			select {
			case ch <- PageResult[T]{Page: p, Err: err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}
