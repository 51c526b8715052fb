package cli

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
)

// userError is an error whose text is already the one line a person reads:
// localized, saying what happened and what to do. It wraps the cause, so
// ExitCode still tells a rejected key from a network failure.
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

// usageErr is a mistake in how the command was called (exit 2).
func usageErr(msg string) error {
	return &UsageError{Err: &userError{msg: msg}}
}

// explain turns an error from the session or the API into the sentence
// printed on standard error. host names the server in the message; keyEnv
// says the key came from MIIMOSA_API_KEY, which changes what to check.
func explain(p i18n.Printer, err error, host string, keyEnv bool) error {
	var ue *userError
	if err == nil || errors.As(err, &ue) {
		return err
	}
	var ae *api.Error
	errors.As(err, &ae)
	msg := ""
	switch {
	case errors.Is(err, context.Canceled):
		msg = p.T("cli.err.canceled")
	case errors.Is(err, ErrNoKey):
		msg = p.T("cli.err.no_key")
	case errors.Is(err, api.ErrKeyRejected) && keyEnv:
		msg = p.T("cli.err.key_rejected_env", host)
	case errors.Is(err, api.ErrKeyRejected):
		msg = p.T("cli.err.key_rejected", host)
	case errors.Is(err, api.ErrBirthdateMismatch):
		msg = p.T("cli.err.birthdate_mismatch")
	case errors.Is(err, api.ErrNotFound) && ae != nil && ae.Resource == "email":
		msg = p.T("cli.err.no_email")
	case errors.Is(err, api.ErrNotFound) && ae != nil && ae.Resource == "wallet":
		msg = p.T("cli.err.no_wallet")
	case errors.Is(err, api.ErrNotFound) && ae != nil && ae.Resource == "project":
		msg = p.T("cli.err.no_project")
	case errors.Is(err, api.ErrNotFound):
		msg = p.T("cli.err.not_found", host)
	case errors.Is(err, api.ErrRateLimited) && ae != nil && ae.RetryAfter > 0:
		msg = p.T("cli.err.rate_limited_wait", host, ae.RetryAfter.String())
	case errors.Is(err, api.ErrRateLimited):
		msg = p.T("cli.err.rate_limited", host)
	case errors.Is(err, api.ErrServer) && ae != nil && ae.Status != 0:
		msg = p.T("cli.err.server_status", host, ae.Status)
	case errors.Is(err, api.ErrServer):
		msg = p.T("cli.err.server", host)
	case errors.Is(err, api.ErrRefused) && ae != nil && strings.TrimSpace(ae.Message) != "":
		msg = p.T("cli.err.refused_why", host, labels.Refusal(p, ae))
	case errors.Is(err, api.ErrRefused):
		msg = p.T("cli.err.refused", host)
	case errors.Is(err, api.ErrDecode):
		msg = p.T("cli.err.decode", host)
	case errors.Is(err, api.ErrNetwork) && ae != nil && ae.Status != 0:
		// The headers came, the body did not: the server reached us and
		// stopped, not the network failing to reach it.
		msg = p.T("cli.err.stalled", host)
	case errors.Is(err, api.ErrNetwork), errors.Is(err, context.DeadlineExceeded):
		msg = p.T("cli.err.network", host)
	case errors.Is(err, api.ErrInvalidParam):
		// The client names the allowed values; our own checks come first,
		// so this is a value the server refused.
		msg = p.T("cli.err.invalid_param", err.Error())
	default:
		return err
	}
	return &userError{msg: msg, err: err}
}

// hostOf is the host of a base URL, for messages; the URL itself when it
// does not parse.
func hostOf(base string) string {
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		return u.Host
	}
	return base
}
