package pledges

import (
	"fmt"
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

func send(m Model, keys ...string) Model {
	for _, k := range keys {
		m, _ = m.Update(press(k))
	}
	return m
}

func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func eur(cents int64) api.Money { return api.Money{Cents: cents, Currency: "EUR", Valid: true} }

func plain(s string) string { return ansi.Strip(s) }

func contains(t *testing.T, view, want string) {
	t.Helper()
	if !strings.Contains(plain(view), want) {
		t.Errorf("view lacks %q:\n%s", want, plain(view))
	}
}

var alice = api.User{Email: "alice@example.com", Birthdate: "1980-11-27"}

// makePledges builds n pledges with ids from first; amounts in whole cents
// so totals can be checked exactly.
func makePledges(first, n int) []api.Pledge {
	out := make([]api.Pledge, n)
	for i := range out {
		id := int64(first + i)
		p := api.Pledge{
			ID:      id,
			Project: api.PledgeProject{ID: 1000 + id, Title: fmt.Sprintf("Ferme %03d", id), Slug: fmt.Sprintf("ferme-%d", id), Category: api.Categories[i%len(api.Categories)]},
			Amount:  eur(int64(10000 + i*101)), InterestRate: api.Decimal{Value: int64(30 + i%20), Scale: 1, Valid: true},
			DurationMonths: api.Int{Value: 24, Valid: true}, Status: api.PledgeStatuses[i%len(api.PledgeStatuses)],
			RepaidCapital: eur(int64(i * 33)), PaidInterest: eur(int64(i * 7)), RemainingCapital: eur(int64(10000 + i*101 - i*33)),
		}
		if i%3 != 0 {
			p.NextRepayment = &api.Repayment{Date: api.Time{Time: fixedNow.AddDate(0, 0, n-i), DateOnly: true, Valid: true}, Amount: eur(450)}
		}
		out[i] = p
	}
	return out
}

func pledgePage(items []api.Pledge, next string) api.Page[api.Pledge] {
	return api.Page[api.Pledge]{Items: items, Next: next}
}

// answer feeds the answer to the request in flight.
func answer(t *testing.T, m Model, p api.Page[api.Pledge], err error) Model {
	t.Helper()
	if !m.inflight {
		t.Fatal("no request in flight to answer")
	}
	m, _ = m.Update(pageMsg{gen: m.gen, req: m.req, page: p, err: err})
	return m
}

func lookedUp(t *testing.T, gen int) Model {
	t.Helper()
	m := New(testEnv(i18n.EN, offlineClient(t))).SetSize(100, 30).SetFocused(true)
	m, cmd := m.Update(common.UserMsg{User: alice, Gen: gen})
	if cmd == nil || !m.inflight {
		t.Fatal("a UserMsg did not start loading")
	}
	return m
}
