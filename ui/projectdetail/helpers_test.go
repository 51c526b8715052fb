package projectdetail

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
)

var fixedNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// testEnv is the environment the root would give the pane, with a fixed clock.
func testEnv(lang i18n.Lang, c *api.Client) *common.Env {
	p := i18n.New(lang)
	f := format.New(lang)
	f.Loc = time.UTC
	return &common.Env{
		T: p, Format: f, Keys: common.NewKeyMap(p), Styles: common.NewStyles(true),
		Client: c, Now: func() time.Time { return fixedNow },
	}
}

// offlineClient makes requests that are never run: model tests inspect the
// state and feed answers by hand.
func offlineClient(t testing.TB) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: "http://127.0.0.1:9", Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func press(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func plain(s string) string { return ansi.Strip(s) }

func contains(t *testing.T, view, want string) {
	t.Helper()
	if !strings.Contains(plain(view), want) {
		t.Errorf("view lacks %q:\n%s", want, plain(view))
	}
}
