package cli

import (
	"context"
	"errors"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
)

// Exit codes, stable for scripts.
const (
	ExitOK        = 0
	ExitFailure   = 1 // anything not listed below
	ExitUsage     = 2
	ExitKey       = 3 // key missing or rejected
	ExitNotFound  = 4
	ExitBirthdate = 5
	ExitNetwork   = 6 // network or server failure, or an answer the client refuses
	// ExitOutcomeUnknown: a lead left but no answer came; it may have been
	// filed, so a script must check before sending it again.
	ExitOutcomeUnknown = 7
	// ExitInterrupted: ctrl+c, SIGTERM or SIGHUP stopped the command
	// (128+SIGINT, as shells report it); a lead form interrupted keeps its
	// draft.
	ExitInterrupted = 130
)

// UsageError marks a mistake in how the command was called.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// ErrNoKey is returned when no API key is configured and none can be asked for.
var ErrNoKey = errors.New("no API key")

// ExitCode maps an error to the process exit code.
func ExitCode(err error) int {
	var usage *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.Is(err, lead.ErrOutcomeUnknown):
		return ExitOutcomeUnknown
	case errors.Is(err, api.ErrRefused):
		// The server's fault, never "check your flags", whatever wraps it.
		return ExitNetwork
	case errors.As(err, &usage), isCobraUsage(err), errors.Is(err, api.ErrInvalidParam):
		return ExitUsage
	case errors.Is(err, ErrNoKey), errors.Is(err, api.ErrKeyRejected):
		return ExitKey
	case errors.Is(err, api.ErrNotFound):
		return ExitNotFound
	case errors.Is(err, api.ErrBirthdateMismatch):
		return ExitBirthdate
	case errors.Is(err, api.ErrNetwork), errors.Is(err, api.ErrServer),
		errors.Is(err, api.ErrRateLimited), errors.Is(err, api.ErrDecode),
		errors.Is(err, context.DeadlineExceeded):
		return ExitNetwork
	}
	return ExitFailure
}
