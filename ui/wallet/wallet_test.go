package wallet

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func update(m Model, msg tea.Msg) (Model, tea.Cmd) { return m.Update(msg) }

func setup(t *testing.T, opts sandbox.Options) (Model, *api.Client) {
	t.Helper()
	srv := uitest.Server(t, opts)
	c := uitest.Client(t, srv.URL, sandbox.DemoKey)
	m := New(uitest.Env(i18n.EN), c).SetSize(30, 8).SetFocused(true)
	return m, c
}

func view(m Model) string { return ansi.Strip(m.View()) }

func user(i int) api.User {
	u := sandbox.DemoUsers()[i]
	return api.User{Email: u.Email, Birthdate: u.Birthdate}
}

func TestShowsTheBalancesTheServerSent(t *testing.T) {
	m, c := setup(t, sandbox.Options{})
	want, err := c.Wallet(context.Background(), user(0))
	if err != nil {
		t.Fatal(err)
	}
	m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
	if !m.Busy() {
		t.Error("not busy while the wallet loads")
	}
	m = uitest.Drain(t, m, update, cmd)
	if m.Busy() {
		t.Error("still busy once the answer came")
	}
	out := view(m)
	f := m.env.Format
	for _, money := range []api.Money{want.AvailableBalance, want.PendingBalance, want.Balance} {
		if !strings.Contains(out, f.Money(money)) {
			t.Errorf("view lacks %s:\n%s", f.Money(money), out)
		}
	}
	for _, label := range []string{"Available", "Pending", "Total", "Updated"} {
		if !strings.Contains(out, label) {
			t.Errorf("view lacks %q:\n%s", label, out)
		}
	}
	if lines := strings.Split(m.View(), "\n"); len(lines) != 8 || ansi.StringWidth(lines[0]) != 30 {
		t.Errorf("view is not the 30×8 it was given: %d lines, first %d wide", len(lines), ansi.StringWidth(lines[0]))
	}

	// Privacy masks every amount.
	m, _ = m.Update(common.PrivacyMsg{On: true})
	out = view(m)
	if strings.Contains(out, f.Money(want.Balance)) || !strings.Contains(out, f.MoneyMasked(want.Balance, true)) {
		t.Errorf("privacy on, the total still shows:\n%s", out)
	}
}

func TestNoWalletIsNotAnError(t *testing.T) {
	m, _ := setup(t, sandbox.Options{})
	m, cmd := m.Update(common.UserMsg{User: user(2), Gen: 1}) // the seed's user without a wallet
	m = uitest.Drain(t, m, update, cmd)
	if out := view(m); !strings.Contains(out, "No wallet yet") || strings.Contains(out, "retry") {
		t.Errorf("a 404 should read as no wallet, not an error:\n%s", out)
	}
	if err := m.Err(); err != nil {
		t.Errorf("a 404 would reach the status line: %v", err)
	}
}

// The wallet is 26 cells wide in the wide layout: what it says with nobody
// looked up wraps there, in both languages, rather than being cut.
func TestEmptyStateWrapsInANarrowPane(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		env := uitest.Env(lang)
		m := New(env, nil).SetSize(26, 7)
		got := strings.Join(strings.Fields(view(m)), " ")
		if want := env.T.T("ui.wallet.nobody"); !strings.Contains(got, want) {
			t.Errorf("%s: the empty state is cut:\n%s\nwant %q", lang, view(m), want)
		}
		if strings.Contains(view(m), "…") {
			t.Errorf("%s: the empty state ends in an ellipsis:\n%s", lang, view(m))
		}
	}
}

func TestAnswerForThePreviousPersonIsDropped(t *testing.T) {
	m, c := setup(t, sandbox.Options{})
	m, first := m.Update(common.UserMsg{User: user(0), Gen: 1})
	m, second := m.Update(common.UserMsg{User: user(1), Gen: 2})
	// The first answer arrives late, after the second lookup.
	late := first()
	m, _ = m.Update(late)
	if !m.Busy() || m.loaded {
		t.Fatalf("the previous person's wallet was taken: loaded=%v", m.loaded)
	}
	m = uitest.Drain(t, m, update, second)
	want, _ := c.Wallet(context.Background(), user(1))
	if out := view(m); !strings.Contains(out, m.env.Format.Money(want.Balance)) {
		t.Errorf("the second person's wallet is not shown:\n%s", out)
	}
}

func TestNewLookupClearsThePreviousPerson(t *testing.T) {
	m, c := setup(t, sandbox.Options{})
	m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
	m = uitest.Drain(t, m, update, cmd)
	want, _ := c.Wallet(context.Background(), user(0))
	total := m.env.Format.Money(want.Balance)
	if !strings.Contains(view(m), total) {
		t.Fatalf("wallet not shown:\n%s", view(m))
	}
	m, cmd = m.Update(common.UserMsg{Gen: 2})
	if cmd != nil {
		t.Error("clearing started a request")
	}
	if out := view(m); strings.Contains(out, total) || !strings.Contains(out, "Look someone up") {
		t.Errorf("the previous person's wallet is still on screen:\n%s", out)
	}
	if m.loaded || m.wallet.Balance.Valid || m.user != (api.User{}) {
		t.Error("the previous person's wallet is still in memory")
	}
}

func TestFailureShowsItsErrorAndRetries(t *testing.T) {
	m, _ := setup(t, sandbox.Options{FailRate: 1})
	m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
	m = uitest.Drain(t, m, update, cmd)
	out := view(m)
	if !strings.Contains(out, "r to retry") || !strings.Contains(out, "server failed") {
		t.Fatalf("a failure should show its error and r to retry:\n%s", out)
	}
	if !errors.Is(m.Err(), api.ErrServer) {
		t.Errorf("Err() = %v while failing, want the server's error", m.Err())
	}
	m, cmd = m.Update(uitest.Key("r"))
	if cmd == nil || !m.Busy() {
		t.Error("r did not retry")
	}
	if m.Err() != nil {
		t.Errorf("Err() = %v while retrying: the status line would keep the old error", m.Err())
	}
	// Not focused: r belongs to another pane.
	m = m.SetFocused(false)
	m = uitest.Drain(t, m, update, cmd)
	if _, cmd = m.Update(uitest.Key("r")); cmd != nil {
		t.Error("an unfocused wallet reacted to r")
	}
}

func TestRejectedKeySaysSo(t *testing.T) {
	srv := uitest.Server(t, sandbox.Options{})
	m := New(uitest.Env(i18n.FR), uitest.Client(t, srv.URL, "wrong-key")).SetSize(40, 8)
	m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
	m = uitest.Drain(t, m, update, cmd)
	if out := view(m); !strings.Contains(out, "clé d'API a été refusée") || !strings.Contains(out, "r pour réessayer") {
		t.Errorf("a rejected key should say K replaces it, in French:\n%s", out)
	}
}

func TestTinySizesDoNotPanic(t *testing.T) {
	m, _ := setup(t, sandbox.Options{})
	m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
	m = uitest.Drain(t, m, update, cmd)
	for _, s := range [][2]int{{0, 0}, {1, 1}, {3, 2}, {10, 1}, {200, 50}} {
		_ = m.SetSize(s[0], s[1]).View()
	}
}

// r keeps the balances on screen while it asks again and after a failed
// reload: the error and "r to retry" go above them, and when the server
// last updated them stays, at the wallet's size in the 100×30 layout.
func TestFailedReloadKeepsTheBalances(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		srv := uitest.Server(t, sandbox.Options{})
		c := uitest.Client(t, srv.URL, sandbox.DemoKey)
		m := New(uitest.Env(lang), c).SetSize(26, 10).SetFocused(true)
		m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
		m = uitest.Drain(t, m, update, cmd)
		want, err := c.Wallet(context.Background(), user(0))
		if err != nil {
			t.Fatal(err)
		}
		f, tr := m.env.Format, m.env.T
		total, updated := f.Money(want.Balance), strings.Fields(tr.T("ui.wallet.updated", f.DateTime(want.UpdatedAt)))
		m, cmd = m.Update(uitest.Key("r"))
		if cmd == nil || !strings.Contains(view(m), total) {
			t.Fatalf("%s: r did not ask again with the balances still shown:\n%s", lang, view(m))
		}
		m, _ = m.Update(loadedMsg{gen: m.gen, req: m.req.Seq(), err: &api.Error{Kind: api.ErrServer, Status: 503}})
		out := view(m)
		for _, w := range []string{total, f.Money(want.AvailableBalance), tr.T("ui.retry_hint"), tr.T("ui.err.server")[:12], updated[len(updated)-1]} {
			if !strings.Contains(out, w) {
				t.Errorf("%s: after a failed reload the wallet lacks %q:\n%s", lang, w, out)
			}
		}
		if !errors.Is(m.Err(), api.ErrServer) {
			t.Errorf("%s: Err() = %v after a failed reload", lang, m.Err())
		}
	}
}

// A click on "r to retry" retries, as r does; a click anywhere else in the
// wallet asks for nothing (the root focuses the pane).
func TestAClickOnTheRetryHintRetries(t *testing.T) {
	m, _ := setup(t, sandbox.Options{FailRate: 1})
	m, cmd := m.Update(common.UserMsg{User: user(0), Gen: 1})
	m = uitest.Drain(t, m, update, cmd)
	lines := strings.Split(view(m), "\n")
	hint := -1
	for i, l := range lines {
		if strings.Contains(l, "r to retry") {
			hint = i
		}
	}
	if hint < 0 {
		t.Fatalf("no retry hint:\n%s", view(m))
	}
	for y := range lines {
		if y == hint {
			continue
		}
		if _, cmd := m.Update(common.ClickMsg{X: 2, Y: y}); cmd != nil {
			t.Errorf("a click on line %d (%q) asked the server", y, lines[y])
		}
	}
	m, cmd = m.Update(common.ClickMsg{X: 2, Y: hint})
	if cmd == nil || !m.Busy() || m.Err() != nil {
		t.Errorf("a click on the retry hint did not retry")
	}
	// Loaded: nothing to click on.
	ok, _ := setup(t, sandbox.Options{})
	ok, cmd = ok.Update(common.UserMsg{User: user(0), Gen: 1})
	ok = uitest.Drain(t, ok, update, cmd)
	for y := range 8 {
		if _, cmd := ok.Update(common.ClickMsg{X: 2, Y: y}); cmd != nil {
			t.Errorf("a click on line %d of the balances asked the server", y)
		}
	}
}
