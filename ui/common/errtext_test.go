package common

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
)

// What reaches the status line is a sentence from the catalogue in the
// person's language, not a Go error: the browser that could not start, a
// refused address, the missing keyring, a request the client would not send.
func TestErrorsPeopleSeeComeFromTheCatalogue(t *testing.T) {
	cases := []struct {
		err  error
		key  i18n.Key
		args []any
	}{
		{&exec.Error{Name: "xdg-open", Err: exec.ErrNotFound}, "ui.err.no_opener", []any{"xdg-open"}},
		{fmt.Errorf("opening: %w", &exec.Error{Name: "open", Err: errors.New("permission denied")}), "ui.err.opener_failed", nil},
		{ErrNotWebURL, "ui.err.not_web_url", nil},
		{fmt.Errorf("%w: exec: \"dbus-launch\": executable file not found in $PATH", credentials.ErrNoKeyring), "ui.err.no_keyring", nil},
		{&api.Error{Kind: api.ErrInvalidParam, Path: "/projects", Message: "page 0: pages start at 1"}, "ui.err.invalid_param", nil},
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		p := i18n.New(lang)
		for _, c := range cases {
			got := ErrorText(p, c.err)
			if want := p.T(c.key, c.args...); got != want {
				t.Errorf("%s: ErrorText(%v) = %q, want %q", lang, c.err, got, want)
			}
			if strings.Contains(got, c.err.Error()) {
				t.Errorf("%s: the raw error reaches the screen: %q", lang, got)
			}
		}
	}
}
