package common

import (
	"context"
	"errors"
	"os/exec"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// ErrorText says in one line, in the person's language, what went wrong.
// The api's own messages are English sentences for logs and scripts; the
// screen gets the catalogue's. Unknown errors fall back to their own text,
// cleaned, because hiding them would leave the person with nothing to act on.
func ErrorText(t i18n.Printer, err error) string {
	var ae *api.Error
	var ee *exec.Error
	switch {
	case err == nil:
		return ""
	case errors.Is(err, api.ErrKeyRejected):
		return t.T("ui.err.key_rejected")
	case errors.Is(err, api.ErrBirthdateMismatch):
		return t.T("ui.err.birthdate")
	case errors.Is(err, api.ErrNotFound):
		return t.T("ui.err.not_found")
	case errors.Is(err, api.ErrRateLimited):
		if errors.As(err, &ae) && ae.RetryAfter > 0 {
			return t.T("ui.err.rate_limited_after", int(ae.RetryAfter.Seconds()+0.5))
		}
		return t.T("ui.err.rate_limited")
	case errors.Is(err, api.ErrRefused):
		// The server's fault; the reason is the client's own words.
		why := ""
		if errors.As(err, &ae) {
			why = labels.Refusal(t, ae)
		}
		return t.T("ui.err.refused", why)
	case errors.Is(err, api.ErrServer):
		return t.T("ui.err.server")
	case errors.Is(err, api.ErrDecode):
		return t.T("ui.err.decode")
	case errors.Is(err, api.ErrNetwork) && errors.As(err, &ae) && ae.Status != 0:
		return t.T("ui.err.stalled") // began to answer, then stopped
	case errors.Is(err, context.DeadlineExceeded):
		return t.T("ui.err.timeout")
	case errors.Is(err, api.ErrNetwork):
		return t.T("ui.err.network")
	case errors.Is(err, api.ErrValidation):
		if errors.As(err, &ae) && ae.Message != "" {
			return t.T("ui.err.validation_msg", textsafe.Clean(ae.Message))
		}
		return t.T("ui.err.validation")
	case errors.Is(err, api.ErrInvalidParam):
		return t.T("ui.err.invalid_param")
	case errors.As(err, &ee):
		// Starting the browser (o): the one program the terminal runs.
		if errors.Is(ee.Err, exec.ErrNotFound) {
			return t.T("ui.err.no_opener", textsafe.Clean(ee.Name))
		}
		return t.T("ui.err.opener_failed")
	case errors.Is(err, ErrNotWebURL):
		return t.T("ui.err.not_web_url")
	case errors.Is(err, credentials.ErrNoKeyring):
		return t.T("ui.err.no_keyring")
	}
	return textsafe.Clean(err.Error())
}
