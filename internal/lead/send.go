package lead

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"

	"github.com/miimosa/miimosa/api"
)

// ErrOutcomeUnknown: the lead left (its body was written to the server) but
// no answer came back, or one that cannot be read. It may have been filed:
// sending it again may file it twice, so the person is asked first.
var ErrOutcomeUnknown = errors.New("the lead was sent but no answer came: it may have been received")

// OutcomeUnknownError is what Send returns when the lead may have been
// received; errors.Is(err, ErrOutcomeUnknown) holds, and the api error
// behind it stays reachable (errors.As, errors.Is(err, api.ErrNetwork)).
type OutcomeUnknownError struct{ Err error }

func (e *OutcomeUnknownError) Error() string {
	return ErrOutcomeUnknown.Error() + " (" + e.Err.Error() + ")"
}

// Is makes errors.Is(err, ErrOutcomeUnknown) true.
func (e *OutcomeUnknownError) Is(target error) bool { return target == ErrOutcomeUnknown }

// Unwrap returns the client's error.
func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// Submit sends a lead: the api client's CreateLead, or a test's.
type Submit func(ctx context.Context, l api.Lead) (api.LeadResult, error)

// Send sends l with submit and tells "not sent" from "outcome unknown": it
// watches, through the context (the client builds its request with it),
// whether the request was written to the connection. A failure before
// that (refused connection, DNS, TLS) is returned as it is: nothing left.
// A timeout or a lost connection after it, a gateway that gave up waiting
// for the server (504), or a success whose answer cannot be read, is an
// *OutcomeUnknownError.
func Send(ctx context.Context, submit Submit, l api.Lead) (api.LeadResult, error) {
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				wrote.Store(true)
			}
		},
	}
	res, err := submit(httptrace.WithClientTrace(ctx, trace), l)
	if err != nil && outcomeUnknown(err, wrote.Load()) {
		return res, &OutcomeUnknownError{Err: err}
	}
	return res, err
}

// outcomeUnknown reports whether a failed send may still have filed the
// lead.
func outcomeUnknown(err error, wrote bool) bool {
	var ae *api.Error
	if errors.As(err, &ae) && ae.Status != 0 {
		// The server answered: a 2xx whose body could not be read is a
		// lead filed; a gateway timeout is a server that may be filing it.
		return (ae.Status >= 200 && ae.Status <= 299) || ae.Status == http.StatusGatewayTimeout
	}
	if !wrote {
		return false // nothing reached the server
	}
	// Written, and no status: the answer never came (a timeout, a lost
	// connection, a cancellation while waiting), or came as something that
	// is not HTTP (refused): either way the lead may have been filed.
	return errors.Is(err, api.ErrNetwork) || errors.Is(err, api.ErrRefused) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || ae == nil
}
