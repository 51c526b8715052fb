package uitest

import (
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
)

// Pane is a pane's model as the helpers drive it: Update returns the
// pane's own type, as every pane package's Model does.
type Pane[M any] interface {
	Update(tea.Msg) (M, tea.Cmd)
	View() string
}

// Offline is a client whose requests are never run: model tests inspect
// the state and feed the answers by hand.
func Offline(tb testing.TB) *api.Client {
	tb.Helper()
	c, err := api.New(api.Config{BaseURL: "http://127.0.0.1:9", Key: "k"})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// SandboxEnv is a pane environment in lang and a client that talks to the
// real sandbox handler, which shares the fixed clock, until the test ends.
func SandboxEnv(tb testing.TB, lang i18n.Lang) (*common.Env, *api.Client) {
	tb.Helper()
	srv := Server(tb, sandbox.Options{Key: "k"})
	return Env(lang), Client(tb, srv.URL, "k")
}

// Send feeds msgs to m one after another, dropping the commands: for tests
// of the state a message leaves, with answers fed by hand.
func Send[M Pane[M]](m M, msgs ...tea.Msg) M {
	for _, msg := range msgs {
		m, _ = m.Update(msg)
	}
	return m
}

// Press is Send for key presses named as Key names them.
func Press[M Pane[M]](m M, keys ...string) M {
	for _, k := range keys {
		m, _ = m.Update(Key(k))
	}
	return m
}

// Settle runs cmd and all it leads to against m (see Drain).
func Settle[M Pane[M]](tb testing.TB, m M, cmd tea.Cmd) M {
	tb.Helper()
	return Drain(tb, m, func(m M, msg tea.Msg) (M, tea.Cmd) { return m.Update(msg) }, cmd)
}

// Keys presses each key in turn and lets m settle after each, as a person
// typing slower than the server answers.
func Keys[M Pane[M]](tb testing.TB, m M, keys ...string) M {
	tb.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(Key(k))
		m = Settle(tb, m, cmd)
	}
	return m
}

// Plain is a view with every escape sequence removed: the panes' own
// snapshots and assertions are about text only.
//
// No-break spaces (dates inside sentences) read as the spaces they show as.
func Plain(view string) string { return strings.ReplaceAll(ansi.Strip(view), "\u00a0", " ") }

// Contains fails the test when the view, as text, lacks want.
func Contains(tb testing.TB, view, want string) {
	tb.Helper()
	if !strings.Contains(Plain(view), want) {
		tb.Errorf("view lacks %q:\n%s", want, Plain(view))
	}
}

// Golden compares a pane's view, as text, with the test's golden file.
func Golden[M Pane[M]](tb testing.TB, m M) {
	tb.Helper()
	golden.RequireEqual(tb, Plain(m.View())+"\n")
}

// Size is a screen the panes' snapshots are taken at.
type Size struct {
	Name string
	Lang i18n.Lang
	W, H int
}

// Sizes are the snapshot screens: English at full size, French (longer
// words) at the smallest size the terminal supports.
var Sizes = []Size{
	{"en_100x30", i18n.EN, 100, 30},
	{"fr_60x15", i18n.FR, 60, 15},
}

// EUR is an amount in euro cents.
func EUR(cents int64) api.Money { return api.Money{Cents: cents, Currency: "EUR", Valid: true} }

// Frame fails the test unless view is exactly h lines of w cells with no
// control character, escape (ESC or CSI) or bidi override in it: what a
// pane with plain styles must draw of any server data. A pane given no
// room has nothing to measure.
func Frame(tb testing.TB, view string, w, h int) {
	tb.Helper()
	if w <= 0 || h <= 0 {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		tb.Fatalf("%d lines, want %d", len(lines), h)
	}
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			tb.Fatalf("line %q is %d wide, want %d", l, lw, w)
		}
		for _, r := range l {
			if r == 0x1b || r == 0x9b || unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				tb.Fatalf("control %U reached the screen in %q", r, l)
			}
		}
	}
}
