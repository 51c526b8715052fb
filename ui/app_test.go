package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/zalando/go-keyring"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
	"github.com/miimosa/miimosa/ui/keyprompt"
	"github.com/miimosa/miimosa/ui/leadform"
	"github.com/miimosa/miimosa/ui/pledges"
	"github.com/miimosa/miimosa/ui/wallet"
)

// app drives the root model as the program would, synchronously.
type app struct {
	t    *testing.T
	m    Model
	srv  *httptest.Server
	quit bool
}

type appOpts struct {
	lang    i18n.Lang
	noKey   bool
	demo    bool
	sandbox sandbox.Options
	wrap    func(http.Handler) http.Handler // in front of the sandbox, when set
	tweak   func(*Options)
}

// testOptions starts the sandbox with sbx and returns the root's options
// against it, as host ("" for the server's own address): the demo key
// unless noKey, new keys checked by the same server, a mocked keyring.
func testOptions(t *testing.T, sbx sandbox.Options, host string, lang i18n.Lang, noKey bool) (Options, *httptest.Server) {
	t.Helper()
	return testOptionsWrapped(t, sbx, nil, host, lang, noKey)
}

// testOptionsWrapped is testOptions with wrap (when not nil) in front of the sandbox.
func testOptionsWrapped(t *testing.T, sbx sandbox.Options, wrap func(http.Handler) http.Handler, host string, lang i18n.Lang, noKey bool) (Options, *httptest.Server) {
	t.Helper()
	keyring.MockInit()
	var srv *httptest.Server
	if wrap == nil {
		srv = uitest.Server(t, sbx)
	} else {
		if sbx.Now == nil {
			sbx.Now = uitest.Clock
		}
		srv = httptest.NewServer(wrap(sandbox.NewHandler(sbx)))
		t.Cleanup(srv.Close)
	}
	if host == "" {
		host = strings.TrimPrefix(srv.URL, "http://")
	}
	var client *api.Client
	if !noKey {
		client = uitest.Client(t, srv.URL, sandbox.DemoKey)
	}
	return Options{
		Env:    uitest.Env(lang),
		Client: client,
		Host:   host,
		Key: keyprompt.Config{
			Store:     credentials.NewStore(host, credentials.Options{Getenv: func(string) string { return "" }}),
			NewClient: func(key string) (*api.Client, error) { return uitest.Client(t, srv.URL, key), nil },
		},
	}, srv
}

func newApp(t *testing.T, o appOpts) *app {
	t.Helper()
	opts, srv := testOptionsWrapped(t, o.sandbox, o.wrap, "", o.lang, o.noKey)
	opts.Demo = o.demo
	if o.tweak != nil {
		o.tweak(&opts)
	}
	a := &app{t: t, m: New(opts), srv: srv}
	a.send(tea.WindowSizeMsg{Width: 120, Height: 36})
	a.run(a.m.Init())
	return a
}

func (a *app) update(m Model, msg tea.Msg) (Model, tea.Cmd) {
	if _, ok := msg.(tea.QuitMsg); ok {
		a.quit = true
		return m, nil
	}
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

func (a *app) run(cmd tea.Cmd) { a.m = uitest.Drain(a.t, a.m, a.update, cmd) }

func (a *app) send(msgs ...tea.Msg) {
	a.t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		a.m, cmd = a.update(a.m, msg)
		a.run(cmd)
	}
}

func (a *app) keys(ks ...string) {
	for _, k := range ks {
		a.send(uitest.Key(k))
	}
}

func (a *app) typed(s string) { a.send(uitest.Type(s)...) }

func (a *app) screen() string { return uitest.Plain(a.m.render()) }

func (a *app) lookUp(u api.User) {
	a.t.Helper()
	a.typed(u.Email)
	a.keys("tab")
	a.typed(u.Birthdate)
	a.keys("enter")
	if a.m.modal != modalNone {
		a.t.Fatalf("the lookup did not go through:\n%s", a.screen())
	}
}

func (a *app) wallet() wallet.Model {
	w, ok := unwrap[wallet.Model](a.m.panes[paneWallet])
	if !ok {
		a.t.Fatal("pane 1 is not the wallet")
	}
	return w
}

func (a *app) walletTotal(u api.User) string {
	w, err := uitest.Client(a.t, a.srv.URL, sandbox.DemoKey).Wallet(context.Background(), u)
	if err != nil {
		a.t.Fatal(err)
	}
	return a.m.env.Format.Money(w.Balance)
}

func TestLookupFillsEveryPaneAndTheStatusLine(t *testing.T) {
	a := newApp(t, appOpts{})
	if a.m.modal != modalLookup {
		t.Fatalf("with a key, the lookup should open first:\n%s", a.screen())
	}
	u := uitest.Demo()
	a.lookUp(u)
	screen := a.screen()
	for _, want := range []string{u.Email, a.walletTotal(u), "1 Wallet", "2 Pledges", "3 Projects"} {
		if !strings.Contains(screen, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, screen)
		}
	}
	if a.m.focus != panePledges {
		t.Errorf("after a lookup, focus is on pane %d, want the pledges", a.m.focus)
	}
	if a.m.busy() {
		t.Error("still busy once every answer came")
	}
}

func TestAnswersForThePreviousPersonAreDroppedAfterANewLookup(t *testing.T) {
	a := newApp(t, appOpts{})
	first, second := uitest.Demo(), sandbox.DemoUsers()[1]
	a.typed(first.Email)
	a.keys("tab")
	a.typed(first.Birthdate)
	// Submit; the answers for this person are held "on the wire".
	var late []tea.Msg
	m, cmd := a.update(a.m, uitest.Key("enter"))
	a.m = uitest.Drain(t, m, func(m Model, msg tea.Msg) (Model, tea.Cmd) {
		if forPerson(msg) {
			late = append(late, msg)
			return m, nil
		}
		if _, tick := msg.(spinner.TickMsg); tick {
			return m, nil // busy until the held answers come: the spinner would turn forever
		}
		return a.update(m, msg)
	}, cmd)
	if len(late) < 2 || a.m.user != first {
		t.Fatalf("expected the wallet's and the pledges' answers held, got %d", len(late))
	}
	// …but before their answers arrive, n: the next caller.
	a.keys("n")
	a.lookUp(api.User{Email: second.Email, Birthdate: second.Birthdate})
	a.send(late...)
	if screen := a.screen(); strings.Contains(screen, first.Email) || strings.Contains(screen, a.walletTotal(first)) {
		t.Errorf("the previous person's late answers reached the screen:\n%s", screen)
	}
	if !strings.Contains(a.screen(), a.walletTotal(api.User{Email: second.Email, Birthdate: second.Birthdate})) {
		t.Errorf("the second person's wallet is not shown:\n%s", a.screen())
	}
}

// forPerson tells the panes' answers about a person (wallet, pledges)
// from everything else, by their package.
func forPerson(msg tea.Msg) bool {
	name := fmt.Sprintf("%T", msg)
	return strings.HasPrefix(name, "wallet.") || strings.HasPrefix(name, "pledges.")
}

func TestNewLookupClearsThePreviousPerson(t *testing.T) {
	a := newApp(t, appOpts{})
	u := uitest.Demo()
	a.lookUp(u)
	total := a.walletTotal(u)
	a.keys("n")
	if a.m.modal != modalLookup {
		t.Fatal("n does not open the lookup")
	}
	if v := a.m.lookup.View(); strings.Contains(v, u.Email) {
		t.Error("the form is not empty for the next caller")
	}
	a.keys("esc") // skip: the dashboard shows nobody
	screen := a.screen()
	if strings.Contains(screen, u.Email) || strings.Contains(screen, total) {
		t.Errorf("the previous person is still on screen:\n%s", screen)
	}
	if a.m.user != (api.User{}) || a.wallet().Busy() {
		t.Error("the previous person is still in memory")
	}
}

func TestQIsALetterInTheFormAndQuitsElsewhere(t *testing.T) {
	a := newApp(t, appOpts{})
	a.typed("q")
	if a.quit {
		t.Fatal("q in the lookup form quit")
	}
	if !strings.Contains(a.screen(), "q") || a.m.modal != modalLookup {
		t.Errorf("q was not typed:\n%s", a.screen())
	}
	a.keys("esc", "q")
	if !a.quit {
		t.Error("q on the dashboard does not quit")
	}

	b := newApp(t, appOpts{})
	b.keys("ctrl+c")
	if !b.quit {
		t.Error("ctrl+c in the form does not quit")
	}
}

func TestPaneKeysMoveTheFocus(t *testing.T) {
	a := newApp(t, appOpts{})
	a.keys("esc")
	for _, c := range []struct {
		key  string
		want int
	}{
		{"1", paneWallet}, {"tab", panePledges}, {"tab", paneProjects}, {"tab", paneInsight}, {"tab", paneWallet},
		{"shift+tab", paneInsight}, {"shift+tab", paneProjects}, {"2", panePledges}, {"3", paneProjects}, {"4", paneInsight},
	} {
		a.keys(c.key)
		if a.m.focus != c.want {
			t.Errorf("after %s focus is %d, want %d", c.key, a.m.focus, c.want)
		}
	}
}

func TestPrivacyMasksEveryAmount(t *testing.T) {
	a := newApp(t, appOpts{})
	u := uitest.Demo()
	a.lookUp(u)
	total := a.walletTotal(u)
	a.keys("p")
	screen := a.screen()
	if strings.Contains(screen, total) || !strings.Contains(screen, "masked") {
		t.Errorf("p does not mask the amounts:\n%s", screen)
	}
	if strings.ContainsAny(strings.Join(digitsAfterEuro(screen), ""), "0123456789") {
		t.Errorf("an amount still shows with privacy on: %v", digitsAfterEuro(screen))
	}
	a.keys("p")
	if !strings.Contains(a.screen(), total) {
		t.Error("p again does not show the amounts")
	}
}

// digitsAfterEuro lists what follows each € sign: with privacy on, never a digit.
func digitsAfterEuro(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "€")[1:] {
		out = append(out, string([]rune(part)[:min(3, len([]rune(part)))]))
	}
	return out
}

func TestStartWithoutAKeyAsksForOneThenLooksUp(t *testing.T) {
	u := uitest.Demo()
	a := newApp(t, appOpts{noKey: true, tweak: func(o *Options) {
		o.Email, o.Birthdate, o.LookupNow = u.Email, u.Birthdate, true
	}})
	if a.m.modal != modalKey || !strings.Contains(a.screen(), "API key for") {
		t.Fatalf("without a key the prompt should come first:\n%s", a.screen())
	}
	a.typed("nope-wrong-key")
	a.keys("enter")
	if a.m.modal != modalKey || !strings.Contains(a.screen(), "rejected this key") {
		t.Fatalf("a wrong key should be said and asked again:\n%s", a.screen())
	}
	a.typed(sandbox.DemoKey)
	a.keys("enter")
	// The key is in, and the lookup the flags asked for ran at once.
	if a.m.modal != modalNone || a.m.user != u {
		t.Fatalf("after the key, the flags' lookup should run:\n%s", a.screen())
	}
	if screen := a.screen(); !strings.Contains(screen, "Key saved in the system keyring") || !strings.Contains(screen, a.walletTotal(u)) {
		t.Errorf("dashboard after the key:\n%s", screen)
	}
}

func TestHelpOverlayListsTheKeymap(t *testing.T) {
	a := newApp(t, appOpts{lang: i18n.FR})
	a.keys("esc", "?")
	if a.m.modal != modalHelp {
		t.Fatal("? does not open the help")
	}
	screen := a.screen()
	for _, b := range a.m.env.Keys.FullHelp() {
		for _, k := range b {
			if !strings.Contains(screen, k.Help().Desc) {
				t.Errorf("help lacks %q:\n%s", k.Help().Desc, screen)
			}
		}
	}
	a.keys("q") // not typing: q still quits from the overlay
	if !a.quit {
		t.Error("q does not quit from the help")
	}
	b := newApp(t, appOpts{})
	b.keys("esc", "?", "esc")
	if b.m.modal != modalNone {
		t.Error("esc does not close the help")
	}
}

func TestDemoKeyIsFixed(t *testing.T) {
	a := newApp(t, appOpts{demo: true})
	a.keys("esc", "K")
	if a.m.modal != modalNone || !strings.Contains(a.screen(), "demo key is fixed") {
		t.Errorf("K in demo should say the key is fixed:\n%s", a.screen())
	}
	if !strings.Contains(a.screen(), "[sandbox]") {
		t.Errorf("the status line does not say sandbox:\n%s", a.screen())
	}
}

func TestKeyMenuForgetAsksForANewKey(t *testing.T) {
	a := newApp(t, appOpts{})
	a.keys("esc", "K")
	if a.m.modal != modalKey || a.m.capturing() {
		t.Fatalf("K should open the menu:\n%s", a.screen())
	}
	a.keys("down", "enter")
	if a.m.client == nil || a.m.capturing() || !strings.Contains(a.screen(), "Forget this key?") {
		t.Fatalf("forget should ask first, the key still in use:\n%s", a.screen())
	}
	a.keys("y") // a letter for the question, not a global key
	if a.m.modal != modalKey || a.m.client != nil || !a.m.capturing() {
		t.Fatalf("forget should drop the client and ask for a key:\n%s", a.screen())
	}
	a.typed(sandbox.DemoKey)
	a.keys("enter")
	if a.m.client == nil {
		t.Error("a new key after forgetting is not used")
	}
}

// From the pledges, enter opens the pledge, enter again its project, over
// the whole main area; esc goes back one step at a time.
func TestPledgeOpensItsProjectAndEscComesBack(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	pl, ok := unwrap[pledges.Model](a.m.panes[panePledges])
	if !ok {
		t.Fatal("pane 2 is not the pledges")
	}
	first, ok := pl.Selected()
	if !ok {
		t.Fatal("no pledge to open")
	}
	a.keys("enter")
	if len(a.m.details) != 1 || !strings.Contains(a.screen(), fmt.Sprintf("Pledge #%d", first.ID)) {
		t.Fatalf("the pledge is not shown:\n%s", a.screen())
	}
	a.keys("enter")
	if len(a.m.details) != 2 || !strings.Contains(a.screen(), ansi.Strip(first.Project.Title)) || !strings.Contains(a.screen(), "Project · esc to go back") {
		t.Fatalf("the project detail is not shown:\n%s", a.screen())
	}
	a.keys("esc")
	if len(a.m.details) != 1 || !strings.Contains(a.screen(), fmt.Sprintf("Pledge #%d", first.ID)) {
		t.Fatalf("esc did not go back to the pledge:\n%s", a.screen())
	}
	a.keys("esc")
	if len(a.m.details) != 0 || a.m.focus != panePledges {
		t.Errorf("esc does not leave the detail:\n%s", a.screen())
	}
}

// A project opened from the projects list takes the whole main area, as
// one opened from a pledge does, and esc gives the list back.
func TestProjectFromTheListTakesTheWholeArea(t *testing.T) {
	a := newApp(t, appOpts{})
	a.keys("esc") // no lookup
	a.keys("enter")
	if len(a.m.details) != 1 {
		t.Fatalf("enter on a project opened no detail:\n%s", a.screen())
	}
	screen := a.screen()
	if strings.Contains(screen, "1 Wallet") || strings.Contains(screen, "2 Pledges") {
		t.Errorf("the wallet and pledges still share the screen with the detail:\n%s", screen)
	}
	if !strings.Contains(screen, "Project · esc to go back") {
		t.Errorf("the detail is not framed as the project:\n%s", screen)
	}
	a.keys("esc")
	if len(a.m.details) != 0 || !strings.Contains(a.screen(), "3 Projects") {
		t.Errorf("esc did not give the list back:\n%s", a.screen())
	}
}

func TestAnErrorNoPaneKeepsLastsUntilTheNextKey(t *testing.T) {
	a := newApp(t, appOpts{})
	a.keys("esc")
	a.send(common.ErrorMsg{Err: &api.Error{Kind: api.ErrServer, Status: 503}})
	if !strings.Contains(a.statusLine(), "the server failed") {
		t.Errorf("the error is not on the status line:\n%s", a.screen())
	}
	a.keys("j")
	if strings.Contains(a.statusLine(), "the server failed") {
		t.Errorf("the error outlived the next key:\n%s", a.screen())
	}
}

// faults makes the sandbox fail some paths on demand: 503 for the wallet,
// 429 for the projects, so that their errors read differently.
type faults struct{ wallet, projects atomic.Bool }

func (f *faults) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case f.wallet.Load() && strings.HasSuffix(r.URL.Path, "/user/wallet"):
			http.Error(w, `{"error": "down for maintenance"}`, http.StatusServiceUnavailable)
		case f.projects.Load() && strings.HasSuffix(r.URL.Path, "/projects"):
			http.Error(w, `{"error": "slow down"}`, http.StatusTooManyRequests)
		default:
			h.ServeHTTP(w, r)
		}
	})
}

// The status line shows the newest error of the panes failing now, and
// lets it go when that pane recovers: it is read from the panes.
func TestTheStatusLineFollowsThePanesThatAreFailing(t *testing.T) {
	const walletErr, projectsErr = "the server failed", "too many requests"
	f := &faults{}
	f.wallet.Store(true)
	f.projects.Store(true)
	a := newApp(t, appOpts{wrap: f.wrap})
	if s := a.statusLine(); !strings.Contains(s, projectsErr) {
		t.Fatalf("the projects' failure is not on the status line: %q", s)
	}
	a.lookUp(uitest.Demo())
	if s := a.statusLine(); !strings.Contains(s, walletErr) || strings.Contains(s, projectsErr) {
		t.Errorf("the wallet failed last, the status line says: %q", s)
	}
	f.wallet.Store(false)
	a.keys("1", "r")
	if s := a.statusLine(); strings.Contains(s, walletErr) || !strings.Contains(s, projectsErr) {
		t.Errorf("the wallet recovered, the projects still fail; the status line says: %q", s)
	}
	a.send(common.StatusMsg{Text: "URL copied"})
	if s := a.statusLine(); !strings.Contains(s, "URL copied") {
		t.Errorf("a notice newer than the failure is not shown: %q", s)
	}
	a.keys("j")
	if s := a.statusLine(); strings.Contains(s, "URL copied") || !strings.Contains(s, projectsErr) {
		t.Errorf("after the notice, the failure should be back: %q", s)
	}
	f.projects.Store(false)
	a.keys("3", "r")
	if s := a.statusLine(); strings.Contains(s, walletErr) || strings.Contains(s, projectsErr) || strings.Contains(s, "⚠") {
		t.Errorf("every pane recovered, the status line still says: %q", s)
	}
}

// statusLine is the screen's status line, as text.
func (a *app) statusLine() string {
	lines := strings.Split(a.screen(), "\n")
	return lines[len(lines)-2]
}

// Closing anything in front of the panes gives the focused pane its keys
// back at once: / opens the projects' search.
func TestClosingAModalGivesTheKeysBackToThePane(t *testing.T) {
	a := newApp(t, appOpts{tweak: func(o *Options) { o.LeadDrafts = &lead.DraftStore{Dir: t.TempDir()} }})
	a.keys("esc") // the lookup, skipped
	for _, c := range []struct {
		name string
		keys []string
	}{
		{"the lookup skipped", nil},
		{"the help closed with esc", []string{"?", "esc"}},
		{"the help closed with ?", []string{"?", "?"}},
		{"the K menu cancelled", []string{"K", "esc"}},
		{"the K menu's cancel", []string{"K", "down", "down", "enter"}},
		{"a replacement cancelled", []string{"K", "enter", "esc"}},
		{"forgetting declined", []string{"K", "down", "enter", "n", "esc"}},
		{"the lead form left", []string{"L", "esc"}},
		{"a new lookup skipped", []string{"n", "esc"}},
	} {
		a.keys(c.keys...)
		if a.m.modal != modalNone {
			t.Fatalf("%s: still in front:\n%s", c.name, a.screen())
		}
		a.keys("/")
		if !a.m.capturing() {
			t.Errorf("after %s, the projects pane ignores /:\n%s", c.name, a.screen())
		}
		a.keys("esc") // closes the search
	}
	a.keys("2", "enter", "esc")
	a.send(common.OpenProjectMsg{Project: api.Project{ID: 1}})
	a.keys("esc") // the detail closed
	a.keys("/")
	if !a.m.capturing() {
		t.Errorf("after the detail, the pledges pane ignores /:\n%s", a.screen())
	}
}

// ctrl+c with the lead form open keeps what was typed as a draft, which
// the form offers back next time; an untouched form leaves none.
func TestQuittingFromTheLeadFormKeepsTheDraft(t *testing.T) {
	dir := t.TempDir()
	drafts := &lead.DraftStore{Dir: dir}
	a := newApp(t, appOpts{tweak: func(o *Options) { o.LeadDrafts = drafts }})
	a.keys("esc", "L", "ctrl+c")
	if !a.quit {
		t.Fatal("ctrl+c does not quit from the lead form")
	}
	if _, ok, err := drafts.Load(); ok || err != nil {
		t.Fatalf("an untouched form left a draft (err %v)", err)
	}

	b := newApp(t, appOpts{tweak: func(o *Options) { o.LeadDrafts = drafts }})
	b.keys("esc", "L")
	b.send(tea.PasteMsg{Content: "Ferme du Bois Joli"}) // one message: typing key by key waits on every autosave tick
	b.keys("ctrl+c")
	if !b.quit {
		t.Fatal("ctrl+c does not quit from the lead form")
	}
	l, ok, err := drafts.Load()
	if err != nil || !ok {
		t.Fatalf("what was typed is lost: ok=%v err=%v", ok, err)
	}
	if !strings.Contains(fmt.Sprintf("%+v", l), "Ferme du Bois Joli") {
		t.Errorf("the draft lacks what was typed: %+v", l)
	}
	info, err := os.Stat(drafts.Path())
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("draft file: %v, mode %v", err, info.Mode())
	}
}

func TestEverySizeRendersExactly(t *testing.T) {
	a := newApp(t, appOpts{})
	a.lookUp(uitest.Demo())
	for _, s := range [][2]int{{160, 45}, {120, 36}, {100, 30}, {99, 30}, {60, 15}, {40, 10}, {10, 3}, {1, 1}} {
		a.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		lines := strings.Split(a.m.render(), "\n")
		if len(lines) != s[1] {
			t.Errorf("%dx%d: %d lines", s[0], s[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != s[0] {
				t.Errorf("%dx%d: line %d is %d wide", s[0], s[1], i, w)
				break
			}
		}
	}
	a.send(tea.WindowSizeMsg{Width: 0, Height: 0})
	_ = a.m.View()
}

func TestLeadFormOpensOnLAndEscLeavesIt(t *testing.T) {
	a := newApp(t, appOpts{})
	a.keys("esc", "L")
	if a.m.modal != modalLead || !a.m.capturing() {
		t.Fatalf("L does not open the lead form:\n%s", a.screen())
	}
	a.typed("q") // a letter in the form, not quit
	if a.quit {
		t.Fatal("q quit from inside the lead form")
	}
	a.keys("ctrl+c")
	if !a.quit {
		t.Error("ctrl+c does not quit from the lead form")
	}

	b := newApp(t, appOpts{})
	b.keys("esc", "L", "esc")
	if b.m.modal != modalNone {
		t.Errorf("esc on an untouched lead form does not leave it:\n%s", b.screen())
	}
}

func TestPasteGoesOnlyToWhatHasTheKeyboard(t *testing.T) {
	a := newApp(t, appOpts{noKey: true})
	a.send(tea.PasteMsg{Content: sandbox.DemoKey})
	a.keys("enter")
	if a.m.client == nil {
		t.Errorf("a pasted key was not taken:\n%s", a.screen())
	}
}

// Any sequence of keys, clicks, turns of the wheel and sizes leaves the root drawable: no panic, and
// every frame exactly the terminal's size. Commands are not run (no
// network): the panes stay as they are, which is the point — keys arrive
// while answers are pending.
func FuzzKeysAndSizes(f *testing.F) {
	for _, seed := range []string{"", "q", "\x00\x01\x02", "?jjjkk\x1b", "nK\x1bL\x1b123\t", "p/abc\r\x1b\x1b", "\xff\xfe\x80", "z\xc0\xc1\xc8\x1f\xd0\xfc\xc4"} {
		f.Add([]byte(seed))
	}
	alphabet := []string{"tab", "shift+tab", "esc", "enter", "up", "down", "backspace",
		"1", "2", "3", "?", "p", "n", "K", "L", "r", "/", "s", "c", "t", "f", "x", "j", "k", "g", "G", "o", "a", "@", ".", "z", "y"}
	sizes := [][2]int{{160, 45}, {100, 30}, {60, 15}, {20, 5}, {0, 0}, {1, 40}}
	f.Fuzz(func(t *testing.T, script []byte) {
		keyring.MockInit()
		env := uitest.Env(i18n.EN)
		var m tea.Model = New(Options{Env: env, Client: uitest.Client(t, "http://127.0.0.1:9", sandbox.DemoKey), Host: "fuzz.test"})
		m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		w, h := 100, 30
		for _, b := range script {
			var msg tea.Msg
			switch {
			case int(b) >= 256-len(sizes):
				s := sizes[255-int(b)]
				w, h = s[0], s[1]
				msg = tea.WindowSizeMsg{Width: w, Height: h}
			case b >= 192:
				// The mouse anywhere on the screen, and off it.
				x, y := int(b)*13%(w+2)-1, int(b)*7%(h+2)-1
				if b%2 == 0 {
					msg = tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
				} else {
					msg = tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelDown}
				}
			default:
				msg = uitest.Key(alphabet[int(b)%len(alphabet)])
			}
			m, _ = m.Update(msg)
			if w > 0 && h > 0 {
				if lines := strings.Split(m.(Model).render(), "\n"); len(lines) != h {
					t.Fatalf("%dx%d: %d lines", w, h, len(lines))
				}
			}
		}
	})
}

// On a narrow terminal the message wins over where and who: the host and
// the email are shortened first, the message is cut last, and only when
// nothing else is left to shorten.
func TestTheStatusMessageHasPriorityOnNarrowTerminals(t *testing.T) {
	a := newApp(t, appOpts{demo: true, tweak: func(o *Options) { o.Privacy = true }})
	u := uitest.Demo()
	a.lookUp(u)
	opener := &exec.Error{Name: "xdg-open", Err: exec.ErrNotFound}
	for _, w := range []int{40, 60, 66, 80, 100, 120, 160} {
		a.send(tea.WindowSizeMsg{Width: w, Height: 30})
		a.send(common.StatusMsg{Text: "URL copied"})
		line := a.statusLine()
		if ansi.StringWidth(line) != w {
			t.Errorf("%d wide: the status line is %d wide", w, ansi.StringWidth(line))
		}
		for _, want := range []string{"URL copied", "[sandbox]", "masked"} {
			if !strings.Contains(line, want) && (w >= 60 || want == "URL copied") {
				t.Errorf("%d wide: the status line lacks %q: %q", w, want, line)
			}
		}
		if w >= 100 && !strings.Contains(line, maskEmail(u.Email)) { // privacy is on
			t.Errorf("%d wide: the email is shortened with room to spare: %q", w, line)
		}
		a.send(common.ErrorMsg{Err: opener})
		line = a.statusLine()
		msg := "⚠ " + common.ErrorText(a.m.env.T, opener)
		if want := msg[:min(len(msg), 25)]; w >= 60 && !strings.Contains(line, want) {
			t.Errorf("%d wide: the browser's failure is cut short: %q", w, line)
		}
		// What to do instead is what a person needs most: it is never cut
		// where the status line has room for a sentence.
		if next := "copy the address with y"; w >= 80 && !strings.Contains(line, next) {
			t.Errorf("%d wide: the browser's failure lost its next step: %q", w, line)
		}
		if w >= 120 && !strings.Contains(line, msg) {
			t.Errorf("%d wide: the browser's failure is cut with room to spare: %q", w, line)
		}
		a.keys("j")
	}
}

// The help bar lists the keys of what has the keyboard, and nothing under
// the modals, which carry their own hints.
func TestTheHelpBarFollowsWhatHasTheKeyboard(t *testing.T) {
	a := newApp(t, appOpts{})
	bar := func() string {
		lines := strings.Split(a.screen(), "\n")
		return lines[len(lines)-1]
	}
	check := func(where string, want, notWant []string) {
		t.Helper()
		b := bar()
		for _, w := range want {
			if !strings.Contains(b, w) {
				t.Errorf("%s: the help bar lacks %q: %q", where, w, b)
			}
		}
		for _, w := range notWant {
			if strings.Contains(b, w) {
				t.Errorf("%s: the help bar offers %q: %q", where, w, b)
			}
		}
	}
	if strings.TrimSpace(bar()) != "" {
		t.Errorf("under the lookup form the help bar says %q", bar())
	}
	a.keys("esc")
	check("projects", []string{"/ search", "s order", "c category", "t type"}, []string{"mask amounts"})
	a.keys("c")
	check("category picker", []string{"enter choose", "esc cancel"}, []string{"category", "/ search"})
	a.keys("esc", "/")
	check("search box", []string{"enter apply", "esc cancel"}, []string{"category"})
	a.keys("esc", "1")
	check("wallet", []string{"tab next pane", "r reload", "p mask amounts", "n new lookup", "? help"}, []string{"search", "category"})
	a.keys("2")
	check("pledges", []string{"enter open", "/ search", "s order", "y copy"}, []string{"category"})
	a.send(common.OpenProjectMsg{Project: api.Project{ID: 1}})
	check("project detail", []string{"esc back", "o open in browser", "y copy", "r reload"}, []string{"/ search", "category"})
	a.keys("esc", "?")
	if strings.TrimSpace(bar()) != "" {
		t.Errorf("under the help overlay the help bar says %q", bar())
	}
}

// Without a keyring the key typed in is kept for the session only; K →
// Forget drops it and asks for another, as with a stored key.
func TestForgettingASessionKeyAsksForANewOne(t *testing.T) {
	a := newApp(t, appOpts{noKey: true})
	keyring.MockInitWithError(errors.New(`exec: "dbus-launch": executable file not found in $PATH`))
	a.typed(sandbox.DemoKey)
	a.keys("enter", "esc")
	if a.m.client == nil || a.m.modal != modalNone {
		t.Fatalf("the key was not taken:\n%s", a.screen())
	}
	a.keys("K", "down", "enter", "y")
	if a.m.modal != modalKey || a.m.client != nil || !a.m.capturing() || strings.Contains(a.screen(), "could not be forgotten") {
		t.Fatalf("forget should drop the session's key and ask for another:\n%s", a.screen())
	}
	if !strings.Contains(a.screen(), "Key forgotten") {
		t.Errorf("forgetting is not said:\n%s", a.screen())
	}
}

// Switching panes while a pledge's project is still loading drops the
// detail; its request must end too, not run on until the client's timeout.
func TestLeavingAProjectDetailCancelsItsLoad(t *testing.T) {
	var once sync.Once
	started, cancelled := make(chan struct{}), make(chan struct{})
	hold := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.URL.Path, "/projects/") {
				h.ServeHTTP(w, r)
				return
			}
			once.Do(func() { close(started) })
			<-r.Context().Done()
			close(cancelled)
		})
	}
	// A client that would wait an hour: only a cancel can end the request
	// within the test's bound, not the client's own timeout.
	patient := func(o *Options) {
		c, err := api.New(api.Config{BaseURL: o.Client.BaseURL(), Key: sandbox.DemoKey, MaxTries: 1, Timeout: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		o.Client = c
	}
	a := newApp(t, appOpts{wrap: hold, tweak: patient})
	a.keys("esc") // no lookup: the detail alone
	next, cmd := a.m.Update(common.OpenProjectMsg{Project: api.Project{ID: 1001}})
	a.m = next.(Model)
	go runAll(cmd) // the load blocks in the server: run it beside the test
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("the detail never asked for its project")
	}
	next, _ = a.m.Update(uitest.Key("1"))
	a.m = next.(Model)
	if len(a.m.details) > 0 {
		t.Fatal("switching panes left the detail open")
	}
	select {
	case <-cancelled:
	case <-time.After(30 * time.Second):
		t.Fatal("the detail's request was not cancelled when the detail was left")
	}
}

// runAll runs a command and every command a batch holds, each in its own
// goroutine, dropping their messages.
func runAll(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			go runAll(c)
		}
	}
}

// A second "lead closed" answer (a key pressed twice on the receipt) comes
// after the form is gone: it must not close what is in front now.
func TestALateLeadDoneClosesNothingElse(t *testing.T) {
	a := newApp(t, appOpts{})
	if a.m.modal != modalLookup {
		t.Fatalf("the lookup form is not in front at start:\n%s", a.screen())
	}
	a.send(leadform.DoneMsg{ID: 7, Notice: "Lead received: #7"})
	if a.m.modal != modalLookup || strings.Contains(a.statusLine(), "#7") {
		t.Errorf("a stray lead answer closed the lookup form or spoke:\n%s", a.screen())
	}
}

// ? shows the whole overlay, its bottom edge included, at the smallest
// size the terminal supports and above; the status line stays under it.
func TestTheHelpOverlayFitsTheScreen(t *testing.T) {
	a := newApp(t, appOpts{})
	a.keys("esc", "?")
	for _, s := range [][2]int{{40, 10}, {60, 15}, {100, 30}} {
		a.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		lines := strings.Split(a.screen(), "\n")
		main := strings.Join(lines[:s[1]-2], "\n")
		if !strings.Contains(main, "╭") || !strings.Contains(main, "╰") || !strings.Contains(main, "╯") {
			t.Errorf("%dx%d: the overlay is cut:\n%s", s[0], s[1], a.screen())
		}
		if !strings.Contains(lines[s[1]-2], "nobody looked up") {
			t.Errorf("%dx%d: the status line is not under the overlay:\n%s", s[0], s[1], a.screen())
		}
	}
}

// p masks the caller's email on the status line too, and p again shows it.
func TestPrivacyMasksTheCallersEmail(t *testing.T) {
	a := newApp(t, appOpts{})
	u := uitest.Demo()
	a.lookUp(u)
	a.keys("p")
	masked := maskEmail(u.Email)
	if s := a.statusLine(); strings.Contains(a.screen(), u.Email) || !strings.Contains(s, masked) {
		t.Errorf("with privacy on the email shows, or its mask does not (%q): %q", masked, s)
	}
	a.keys("p")
	if s := a.statusLine(); !strings.Contains(s, u.Email) {
		t.Errorf("privacy off: the email is not back: %q", s)
	}
}

func TestMaskEmail(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"camille.durand@example.com", "c•••••@e•••••.com"},
		{"a@b.fr", "a•••••@b•••••.fr"},
		{"jean@mail.example.co.uk", "j•••••@m•••••.uk"},
		{"élodie@ferme", "é•••••@f•••••"},
		{"@example.com", "•••••@e•••••.com"},
		{"no-at-sign", "•••••"},
		{"", "•••••"},
	} {
		if got := maskEmail(c.in); got != c.want {
			t.Errorf("maskEmail(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Two addresses of different lengths mask to the same length.
	if a, b := maskEmail("a@example.com"), maskEmail("a.very.long.name@example.com"); a != b {
		t.Errorf("the mask gives the length away: %q, %q", a, b)
	}
}
