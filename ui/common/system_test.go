package common

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/internal/i18n"
)

// With no browser on the machine, o leaves on the status line a sentence
// in the person's language saying what to do instead, never the Go error
// about $PATH.
func TestOpenInBrowserWithNoBrowserIsWorded(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no opener to be found
	msg := OpenInBrowser("https://www.miimosa.com/fr/projects/x", "opened")()
	em, ok := msg.(ErrorMsg)
	if !ok || !errors.Is(em.Err, exec.ErrNotFound) {
		t.Fatalf("got %#v, want an ErrorMsg for a missing opener", msg)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		got := ErrorText(i18n.New(lang), em.Err)
		if got == "" || strings.Contains(got, "$PATH") || strings.Contains(got, "executable file") || !strings.Contains(got+" ", " y ") {
			t.Errorf("%v: status line %q: not worded, or no next step", lang, got)
		}
	}
}

func TestOpenInBrowserRefusesWhatIsNotAWebPage(t *testing.T) {
	msg := OpenInBrowser("javascript:alert(1)", "opened")()
	em, ok := msg.(ErrorMsg)
	if !ok || !errors.Is(em.Err, ErrNotWebURL) {
		t.Fatalf("got %#v", msg)
	}
	if got := ErrorText(i18n.New(i18n.FR), em.Err); got == em.Err.Error() {
		t.Errorf("status line %q is the raw error", got)
	}
}
