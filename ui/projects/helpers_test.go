package projects

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

// makeProjects builds n projects with ids from first, half lending.
func makeProjects(first, n int) []api.Project {
	out := make([]api.Project, n)
	for i := range out {
		id := int64(first + i)
		p := api.Project{
			ID: id, Title: fmt.Sprintf("Projet %d", id), Slug: fmt.Sprintf("projet-%d", id),
			URL:    fmt.Sprintf("https://www.miimosa.com/fr/projects/projet-%d", id),
			Status: "in_progress", Category: api.Categories[i%len(api.Categories)],
			Region: api.Regions[i%len(api.Regions)], City: "Lyon",
			Target: eur(2000000), Collected: eur(int64(i%10) * 250000),
			EndsAt: api.Time{Time: fixedNow.AddDate(0, 0, 12), Valid: true},
		}
		if i%2 == 0 {
			p.CollectType = "lending"
			p.InterestRate = api.Decimal{Value: 45, Scale: 1, Valid: true}
			p.DurationMonths = api.Int{Value: 24, Valid: true}
		} else {
			p.CollectType = "donation"
		}
		out[i] = p
	}
	return out
}

func page(items []api.Project, next string, total int64) api.Page[api.Project] {
	p := api.Page[api.Project]{Items: items, Next: next}
	if total >= 0 {
		p.Total = api.Int{Value: total, Valid: true}
	}
	return p
}

// answer feeds the answer to the request in flight.
func answer(t *testing.T, m Model, p api.Page[api.Project], err error) Model {
	t.Helper()
	if !m.inflight {
		t.Fatal("no request in flight to answer")
	}
	m, _ = m.Update(pageMsg{req: m.req, page: p, err: err})
	return m
}

func plain(s string) string { return ansi.Strip(s) }

func contains(t *testing.T, view, want string) {
	t.Helper()
	if !strings.Contains(plain(view), want) {
		t.Errorf("view lacks %q:\n%s", want, plain(view))
	}
}
