package keyprompt

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/internal/uitest"
	"github.com/zalando/go-keyring"
)

// prompt drives the key prompt as the root would, remembering what it said.
type prompt struct {
	m         Model
	store     *credentials.Store
	done      []DoneMsg
	forgotten []ForgottenMsg
	cancelled int
}

func newPrompt(t *testing.T, source credentials.Source) *prompt {
	t.Helper()
	srv := uitest.Server(t, sandbox.Options{})
	host := strings.TrimPrefix(srv.URL, "http://")
	store := credentials.NewStore(host, credentials.Options{Getenv: func(string) string { return "" }})
	cfg := Config{
		Host:   host,
		Store:  store,
		Source: source,
		NewClient: func(key string) (*api.Client, error) {
			return uitest.Client(t, srv.URL, key), nil
		},
	}
	return &prompt{m: New(uitest.Env(i18n.EN), cfg).SetSize(80, 24), store: store}
}

func (p *prompt) send(t *testing.T, msgs ...tea.Msg) {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		p.m, cmd = p.m.Update(msg)
		p.m = uitest.Drain(t, p.m, func(m Model, msg tea.Msg) (Model, tea.Cmd) {
			switch msg := msg.(type) {
			case DoneMsg:
				p.done = append(p.done, msg)
				return m, nil
			case ForgottenMsg:
				p.forgotten = append(p.forgotten, msg)
				return m, nil
			case CancelMsg:
				p.cancelled++
				return m, nil
			}
			return m.Update(msg)
		}, cmd)
	}
}

func (p *prompt) enter(t *testing.T, key string) {
	t.Helper()
	p.send(t, uitest.Type(key)...)
	p.send(t, uitest.Key("enter"))
}

func (p *prompt) view() string { return ansi.Strip(p.m.View()) }

func TestRejectedKeyIsSaidAndAskedAgainThenTheGoodOneIsSaved(t *testing.T) {
	keyring.MockInit()
	p := newPrompt(t, credentials.SourceNone)
	p.send(t, uitest.Type("wrong-key-123")...)
	if strings.Contains(p.view(), "wrong-key-123") {
		t.Fatalf("the key is shown as typed:\n%s", p.view())
	}
	p.send(t, uitest.Key("enter"))
	if len(p.done) != 0 {
		t.Fatal("a rejected key was accepted")
	}
	if out := p.view(); !strings.Contains(out, "rejected this key") {
		t.Errorf("the rejection is not said:\n%s", out)
	}
	if _, _, err := p.store.Get(); !errors.Is(err, credentials.ErrNotFound) {
		t.Errorf("a rejected key was saved: %v", err)
	}

	p.enter(t, sandbox.DemoKey) // typed over the rejected one, which it replaces
	if len(p.done) != 1 || p.done[0].Client == nil {
		t.Fatalf("the good key was not accepted:\n%s", p.view())
	}
	if p.done[0].Notice != "Key saved in the system keyring" {
		t.Errorf("notice = %q", p.done[0].Notice)
	}
	if key, src, err := p.store.Get(); err != nil || key != sandbox.DemoKey || src != credentials.SourceKeyring {
		t.Errorf("keyring holds (%v, %v, %v), want the key", key != "", src, err)
	}
	if p.m.input.Value() != "" {
		t.Error("the key stays in the prompt after it was handed over")
	}
}

func TestWithoutAKeyringTheKeyIsKeptForTheSession(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.DBus.Error.ServiceUnknown"))
	p := newPrompt(t, credentials.SourceNone)
	p.enter(t, sandbox.DemoKey)
	if len(p.done) != 1 {
		t.Fatalf("the key was not accepted:\n%s", p.view())
	}
	if want := "No keyring on this machine: the key is kept for this session only"; p.done[0].Notice != want {
		t.Errorf("notice = %q, want %q", p.done[0].Notice, want)
	}
}

func TestWithoutAKeyEscDoesNotLeave(t *testing.T) {
	keyring.MockInit()
	p := newPrompt(t, credentials.SourceNone)
	p.send(t, uitest.Key("esc"))
	if p.cancelled != 0 {
		t.Error("esc left a prompt there is no going back from")
	}
	p.send(t, uitest.Type("q")...)
	if p.m.input.Value() != "q" || !p.m.Capturing() {
		t.Error("q is not typed into the key field")
	}
}

func TestMenuReplacesOrForgetsOrCancels(t *testing.T) {
	keyring.MockInit()
	p := newPrompt(t, credentials.SourceKeyring)
	if _, err := p.store.Save("old-key-abcdef"); err != nil {
		t.Fatal(err)
	}

	p.m = p.m.Menu()
	if p.m.Capturing() {
		t.Error("the menu captures letters")
	}
	out := p.view()
	for _, want := range []string{"Replace the key", "Forget the key", "Cancel", "kept in the system keyring"} {
		if !strings.Contains(out, want) {
			t.Errorf("menu lacks %q:\n%s", want, out)
		}
	}
	p.send(t, uitest.Key("esc"))
	if p.cancelled != 1 {
		t.Error("esc does not cancel the menu")
	}

	// Replace, then change one's mind: the old key stays.
	p.m = p.m.Menu()
	p.send(t, uitest.Key("enter"))
	if !p.m.Capturing() {
		t.Fatal("replace does not ask for a key")
	}
	p.send(t, uitest.Key("esc"))
	if p.cancelled != 2 {
		t.Error("esc does not cancel a replacement")
	}

	// Forget, once confirmed.
	p.m = p.m.Menu()
	p.send(t, uitest.Key("down"), uitest.Key("enter"), uitest.Key("y"))
	if len(p.forgotten) != 1 {
		t.Fatalf("forget did not report:\n%s", p.view())
	}
	if _, _, err := p.store.Get(); !errors.Is(err, credentials.ErrNotFound) {
		t.Errorf("the key is still stored: %v", err)
	}
	if !p.m.Capturing() {
		t.Error("after forgetting, the prompt should ask for another key")
	}
	p.send(t, uitest.Key("esc"))
	if p.cancelled != 2 {
		t.Error("with the key forgotten, esc should not leave the prompt")
	}
}

func TestAKeyFromTheEnvironmentIsNotForgottenHere(t *testing.T) {
	keyring.MockInit()
	p := newPrompt(t, credentials.SourceEnv)
	p.m = p.m.Menu()
	p.send(t, uitest.Key("down"), uitest.Key("enter"))
	if len(p.forgotten) != 0 || !strings.Contains(p.view(), "MIIMOSA_API_KEY") {
		t.Errorf("forgetting an environment key should point at the variable:\n%s", p.view())
	}
}

func TestNotAKeyIsRefusedBeforeAnyRequest(t *testing.T) {
	keyring.MockInit()
	p := newPrompt(t, credentials.SourceNone)
	p.enter(t, "two words")
	if p.m.Busy() || len(p.done) != 0 || !strings.Contains(p.view(), "cannot be an API key") {
		t.Errorf("a key with a space should be refused on the spot:\n%s", p.view())
	}
}

// Without a keyring the key lives in the client only: forgetting it must
// not fail on the keyring it was never in.
func TestASessionKeyIsForgottenWithoutAKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New(`exec: "dbus-launch": executable file not found in $PATH`))
	p := newPrompt(t, credentials.SourceNone)
	p.enter(t, sandbox.DemoKey)
	if len(p.done) != 1 {
		t.Fatalf("the key was not accepted:\n%s", p.view())
	}
	p.m = p.m.Menu()
	p.send(t, uitest.Key("down"), uitest.Key("enter"), uitest.Key("enter"))
	if len(p.forgotten) != 1 || strings.Contains(p.view(), "could not be forgotten") {
		t.Fatalf("forgetting a session key failed:\n%s", p.view())
	}
	if !p.m.Capturing() || p.m.mode != modeAsk {
		t.Errorf("after forgetting, the prompt should ask for another key:\n%s", p.view())
	}
}

func TestOnlyTheKeyringsAbsenceIsForgiven(t *testing.T) {
	noKeyring := fmt.Errorf("%w: no session bus", credentials.ErrNoKeyring)
	fileErr := errors.New("cannot remove /x/key: permission denied")
	for _, c := range []struct {
		err, want error
	}{
		{nil, nil},
		{noKeyring, nil},
		{errors.Join(noKeyring), nil},
		{fileErr, fileErr},
		{errors.Join(noKeyring, fileErr), fileErr},
	} {
		got := withoutNoKeyring(c.err)
		if (got == nil) != (c.want == nil) || (got != nil && !errors.Is(got, c.want)) || errors.Is(got, credentials.ErrNoKeyring) {
			t.Errorf("withoutNoKeyring(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// The prompt says where the key will be kept from what is known of the
// machine, and never two contradicting things; the same after K → Replace.
func TestThePromptSaysWhereTheKeyWillBeKept(t *testing.T) {
	keyring.MockInit()
	for _, c := range []struct {
		lang                i18n.Lang
		noKeyring, insecure bool
		want                i18n.Key
	}{
		{i18n.EN, false, false, "ui.key.intro_keyring"},
		{i18n.EN, true, false, "ui.key.intro_session"},
		{i18n.FR, true, false, "ui.key.intro_session"},
		{i18n.EN, true, true, "ui.key.intro_file"},
		{i18n.FR, false, true, "ui.key.intro_either"},
	} {
		p := newPrompt(t, credentials.SourceNone)
		env := uitest.Env(c.lang)
		p.m = New(env, p.m.cfg).SetSize(80, 24)
		p.m.cfg.NoKeyring, p.m.cfg.Insecure = c.noKeyring, c.insecure
		for _, mode := range []string{"ask", "replace"} {
			if mode == "replace" {
				p.m.cfg.Source = credentials.SourceSession
				p.m = p.m.Menu()
				p.send(t, uitest.Key("enter"))
			}
			out := cardText(p.view())
			for _, k := range []i18n.Key{"ui.key.intro_keyring", "ui.key.intro_either", "ui.key.intro_file", "ui.key.intro_session", "ui.key.no_keyring"} {
				said := strings.Contains(out, cardText(env.T.T(k)))
				if k == c.want && !said {
					t.Errorf("%s %s: the prompt does not say %q:\n%s", c.lang, mode, env.T.T(k), p.view())
				}
				if k != c.want && said {
					t.Errorf("%s %s: the prompt also says %q:\n%s", c.lang, mode, env.T.T(k), p.view())
				}
			}
		}
	}
}

// cardText is what a card says, its border and line breaks left out, and
// the spaces with them (a word may be broken at a hyphen).
func cardText(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "│", " ")), "")
}

// A save that finds no keyring is remembered: the next prompt (K →
// Replace) no longer promises the keyring; on a short screen the one line
// that matters is kept.
func TestAKeyringFoundMissingChangesTheNextPrompt(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.DBus.Error.ServiceUnknown"))
	p := newPrompt(t, credentials.SourceNone)
	p.enter(t, sandbox.DemoKey)
	p.m = p.m.Menu()
	p.send(t, uitest.Key("enter"))
	out := cardText(p.view())
	if strings.Contains(out, "keptinthesystemkeyring") || !strings.Contains(out, "thissessiononly") {
		t.Errorf("after a save without keyring, the replace prompt says:\n%s", p.view())
	}
	p.m = p.m.SetSize(60, 13)
	if out := cardText(p.view()); !strings.Contains(out, cardText("No keyring on this machine")) {
		t.Errorf("a short prompt drops that the key will not be kept:\n%s", p.view())
	}
}

// K → Forget asks first: n or esc goes back to the menu with the key
// kept; y or enter forgets it.
func TestForgettingAsksForConfirmation(t *testing.T) {
	keyring.MockInit()
	for _, yes := range []string{"y", "enter"} {
		for _, no := range []string{"n", "esc"} {
			p := newPrompt(t, credentials.SourceKeyring)
			if _, err := p.store.Save("old-key-abcdef"); err != nil {
				t.Fatal(err)
			}
			p.m = p.m.Menu()
			p.send(t, uitest.Key("down"), uitest.Key("enter"))
			if len(p.forgotten) != 0 || !strings.Contains(cardText(p.view()), cardText("Forget this key?")) || p.m.Capturing() {
				t.Fatalf("forget did not ask first:\n%s", p.view())
			}
			p.send(t, uitest.Key(no))
			if len(p.forgotten) != 0 || p.cancelled != 0 || p.m.mode != modeMenu {
				t.Fatalf("%s: not back at the menu with the key kept:\n%s", no, p.view())
			}
			if _, _, err := p.store.Get(); err != nil {
				t.Fatalf("%s: the key is gone: %v", no, err)
			}
			p.send(t, uitest.Key("enter")) // still on Forget
			p.send(t, uitest.Key(yes))
			if len(p.forgotten) != 1 || p.m.mode != modeAsk {
				t.Fatalf("%s: the key was not forgotten:\n%s", yes, p.view())
			}
			if _, _, err := p.store.Get(); !errors.Is(err, credentials.ErrNotFound) {
				t.Errorf("%s: the key is still stored: %v", yes, err)
			}
		}
	}
}

// A refused key stays in the field, all of it selected, so that a typo
// can be corrected: a cursor key keeps it to edit, typing or pasting
// replaces it, a deletion empties it. The key is never shown.
func TestARefusedKeyStaysSelected(t *testing.T) {
	keyring.MockInit()
	typo := sandbox.DemoKey + "x"
	reject := func(p *prompt, key string) {
		t.Helper()
		p.enter(t, key)
		if len(p.done) != 0 || !p.m.selected || p.m.input.Value() != strings.TrimSpace(key) {
			t.Fatalf("the refused key is not kept selected (%v, %d chars):\n%s", p.m.selected, len(p.m.input.Value()), p.view())
		}
		if out := p.view(); strings.Contains(out, key) || !strings.Contains(cardText(out), cardText("or press ← or → to correct it")) {
			t.Fatalf("the prompt shows the key, or not what to do:\n%s", out)
		}
	}

	// → keeps it to correct: backspace takes the typo off.
	p := newPrompt(t, credentials.SourceNone)
	reject(p, typo)
	p.send(t, tea.KeyPressMsg{Code: tea.KeyRight}, uitest.Key("backspace"), uitest.Key("enter"))
	if len(p.done) != 1 {
		t.Fatalf("the corrected key was not accepted:\n%s", p.view())
	}

	// A paste replaces it.
	p = newPrompt(t, credentials.SourceNone)
	reject(p, typo)
	p.send(t, tea.PasteMsg{Content: sandbox.DemoKey}, uitest.Key("enter"))
	if len(p.done) != 1 {
		t.Fatalf("the pasted key did not replace the refused one:\n%s", p.view())
	}

	// Backspace empties it; what is typed next is the new key.
	p = newPrompt(t, credentials.SourceNone)
	reject(p, typo)
	p.send(t, uitest.Key("backspace"))
	if p.m.input.Value() != "" || p.m.selected {
		t.Fatalf("backspace on the selection left %d chars", len(p.m.input.Value()))
	}

	// Not a key at all: kept the same way, no request made.
	p = newPrompt(t, credentials.SourceNone)
	p.send(t, tea.PasteMsg{Content: "two words"}, uitest.Key("enter"))
	if p.m.Busy() || !p.m.selected || !strings.Contains(p.view(), "cannot be an API key") {
		t.Fatalf("a key with a space is not kept selected:\n%s", p.view())
	}
	p.send(t, uitest.Type(sandbox.DemoKey)...)
	p.send(t, uitest.Key("enter"))
	if len(p.done) != 1 {
		t.Fatalf("the key typed over the refused one was not accepted:\n%s", p.view())
	}
}

// With the key in use from MIIMOSA_API_KEY the keyring was never asked:
// K → Replace says what happens either way, one sentence that holds,
// rather than promise the keyring. The same machine once known to have
// no keyring says the session only.
func TestReplacingAKeyFromTheEnvironmentPromisesNothingUnknown(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.DBus.Error.ServiceUnknown"))
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		env := uitest.Env(lang)
		p := newPrompt(t, credentials.SourceEnv)
		p.m = New(env, p.m.cfg).SetSize(80, 24).Menu()
		p.send(t, uitest.Key("enter"))
		out := cardText(p.view())
		if !strings.Contains(out, cardText(env.T.T("ui.key.intro_maybe"))) || strings.Contains(out, cardText(env.T.T("ui.key.intro_keyring"))) {
			t.Errorf("%s: the replace prompt says:\n%s", lang, p.view())
		}
		p.send(t, uitest.Type(sandbox.DemoKey)...)
		p.send(t, uitest.Key("enter"))
		if len(p.done) != 1 || p.done[0].Notice != env.T.T("ui.key.no_keyring") {
			t.Fatalf("%s: the key was not taken for the session: %+v", lang, p.done)
		}
		p.m = p.m.Menu()
		p.send(t, uitest.Key("enter"))
		if out := cardText(p.view()); !strings.Contains(out, cardText(env.T.T("ui.key.intro_session"))) {
			t.Errorf("%s: once the keyring is known missing, the prompt says:\n%s", lang, p.view())
		}
	}
}
