// Package uitest holds what the terminal's tests share: the real sandbox
// handler behind httptest, an environment with a fixed clock and zone, a
// driver that runs a model's commands until it settles, and (pane.go) the
// ways a pane's tests press keys, take snapshots and check a drawn frame.
package uitest

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	// Every ui test package imports uitest, so each one accepts the -update
	// flag of `go test ./ui/... -update`, goldens of its own or not.
	_ "github.com/charmbracelet/x/exp/golden"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
)

// Now is "today" in every screen test: the sandbox's seed dates and the
// panes' "days left" both follow it, so snapshots never drift.
var Now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

// Clock returns Now.
func Clock() time.Time { return Now }

// Server serves the sandbox's API with opts (Now fixed when unset) until
// the test ends.
func Server(tb testing.TB, opts sandbox.Options) *httptest.Server {
	tb.Helper()
	if opts.Now == nil {
		opts.Now = Clock
	}
	srv := httptest.NewServer(sandbox.NewHandler(opts))
	tb.Cleanup(srv.Close)
	return srv
}

// Client is an API client for url with key, one try per request so a test
// about a failure does not wait for retries.
func Client(tb testing.TB, url, key string) *api.Client {
	tb.Helper()
	c, err := api.New(api.Config{BaseURL: url, Key: key, UserAgent: "miimosa-test", MaxTries: 1, Timeout: 10 * time.Second})
	if err != nil {
		tb.Fatalf("api.New: %v", err)
	}
	return c
}

// Env is a pane environment in lang with a dark palette, the fixed clock
// and UTC dates.
func Env(lang i18n.Lang) *common.Env {
	t := i18n.New(lang)
	f := format.New(lang)
	f.Loc = time.UTC
	return &common.Env{
		T:      t,
		Format: f,
		Keys:   common.NewKeyMap(t),
		Styles: common.NewStyles(true),
		Now:    Clock,
	}
}

// Demo is the seed's rich demo user, as the API client sends it.
func Demo() api.User {
	u := sandbox.DemoUsers()[0]
	return api.User{Email: u.Email, Birthdate: u.Birthdate}
}

// Key is a key press as Bubble Tea delivers it: "enter", "tab", "esc",
// "ctrl+c", "shift+tab", "pgdown", or a single character.
func Key(s string) tea.KeyPressMsg {
	if k, ok := namedKeys[s]; ok {
		return k
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// namedKeys are the keys Key knows by name rather than by the character typed.
var namedKeys = map[string]tea.KeyPressMsg{
	"enter":     {Code: tea.KeyEnter},
	"tab":       {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"esc":       {Code: tea.KeyEscape},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"pgup":      {Code: tea.KeyPgUp},
	"pgdown":    {Code: tea.KeyPgDown},
	"backspace": {Code: tea.KeyBackspace},
	"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
}

// Type turns text into key presses.
func Type(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, Key(string(r)))
	}
	return out
}

// Drain runs cmd and every command its messages lead to, at once as the
// program would, feeding each message to update until nothing is left.
// Animation frames (spinner, cursor blink) are not fed back: they would
// go on forever, and a model must settle without them.
func Drain[M any](tb testing.TB, m M, update func(M, tea.Msg) (M, tea.Cmd), cmd tea.Cmd) M {
	tb.Helper()
	results := make(chan tea.Msg, 16)
	pending := 0
	launch := func(c tea.Cmd) {
		if c != nil {
			pending++
			go func() { results <- c() }()
		}
	}
	launch(cmd)
	deadline := time.After(drainPatience)
	for pending > 0 {
		var msg tea.Msg
		select {
		case msg = <-results:
			pending--
		case <-deadline:
			tb.Fatalf("Drain: a command is still running after %s", drainPatience)
		}
		switch msg := msg.(type) {
		case nil, spinner.TickMsg, cursor.BlinkMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				launch(c)
			}
		default:
			if seq, ok := sequence(msg); ok {
				// tea.Sequence: one command after another, in order.
				var cmds []tea.Cmd
				for _, c := range seq {
					if c != nil {
						cmds = append(cmds, c)
					}
				}
				pending += len(cmds)
				go func() {
					for _, c := range cmds {
						results <- c()
					}
				}()
				continue
			}
			var next tea.Cmd
			m, next = update(m, msg)
			launch(next)
		}
	}
	return m
}

// sequence recognises the message of tea.Sequence, whose type Bubble Tea
// does not export: a slice of commands that is not a batch.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

// drainPatience bounds a Drain: every request goes to a local test server.
const drainPatience = 30 * time.Second

// ASCII renders a view as a terminal without colours shows it: the
// palette's colours dropped, text attributes (bold, faint) kept. Screen
// snapshots are compared in this form, so they hold no colour codes.
func ASCII(view string) string {
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ASCII}
	_, _ = w.WriteString(view)
	return b.String()
}
