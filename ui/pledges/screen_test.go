package pledges

import (
	"net/http/httptest"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
)

// sandboxEnv serves the real sandbox handler with a fixed clock.
func sandboxEnv(t *testing.T, lang i18n.Lang) *common.Env {
	t.Helper()
	srv := httptest.NewServer(sandbox.NewHandler(sandbox.Options{Key: "k", Now: func() time.Time { return fixedNow }}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{BaseURL: srv.URL, Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	return testEnv(lang, c)
}

// settle runs commands as the program would, feeding their messages back,
// until the pane is idle.
func settle(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("the pane never settles")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case common.StatusMsg, common.ErrorMsg, common.OpenProjectMsg, nil:
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

func keys(t *testing.T, m Model, ks ...string) Model {
	t.Helper()
	for _, k := range ks {
		var cmd tea.Cmd
		m, cmd = m.Update(press(k))
		m = settle(t, m, cmd)
	}
	return m
}

func demoUser(i int) api.User {
	u := sandbox.DemoUsers()[i]
	return api.User{Email: u.Email, Birthdate: u.Birthdate}
}

func screen(m Model) string { return plain(m.View()) + "\n" }

func TestScreens(t *testing.T) {
	sizes := []struct {
		name string
		lang i18n.Lang
		w, h int
	}{
		{"en_100x30", i18n.EN, 100, 30},
		{"fr_60x15", i18n.FR, 60, 15},
	}
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			m := New(sandboxEnv(t, sz.lang)).SetSize(sz.w, sz.h).SetFocused(true)
			m, cmd := m.Update(common.UserMsg{User: demoUser(0), Gen: 1})
			m = settle(t, m, cmd)
			if len(m.items) == 0 || m.err != nil || !m.done {
				t.Fatalf("the demo user's pledges did not load: %d, %v", len(m.items), m.err)
			}
			t.Run("list", func(t *testing.T) { golden.RequireEqual(t, screen(m)) })

			// The first repaying pledge, soonest repayment first.
			s := keys(t, m, "s")
			for i, p := range s.Shown() {
				if p.Status == "repaying" && len(p.Repayments) > 0 {
					s.cursor = i
					break
				}
			}
			d := keys(t, s.scroll(), "enter")
			if !d.DetailOpen() {
				t.Fatal("enter did not open the pledge")
			}
			t.Run("detail", func(t *testing.T) { golden.RequireEqual(t, screen(d)) })
			t.Run("detail_end", func(t *testing.T) { golden.RequireEqual(t, screen(keys(t, d, "G"))) })

			f := keys(t, m, "/")
			for _, r := range "late" {
				f, _ = f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			t.Run("filtered", func(t *testing.T) { golden.RequireEqual(t, screen(f)) })

			p, _ := m.Update(common.PrivacyMsg{On: true})
			t.Run("privacy", func(t *testing.T) { golden.RequireEqual(t, screen(p)) })
		})
	}
}

func TestBigLenderLoadsEveryPage(t *testing.T) {
	m := New(sandboxEnv(t, i18n.EN)).SetSize(60, 15).SetFocused(true)
	m, cmd := m.Update(common.UserMsg{User: demoUser(3), Gen: 1})
	m = settle(t, m, cmd)
	if len(m.items) < 400 || !m.done || m.err != nil {
		t.Fatalf("%d pledges, done %v, err %v", len(m.items), m.done, m.err)
	}
	seen := map[int64]bool{}
	var lent int64
	for _, p := range m.items {
		if seen[p.ID] {
			t.Fatalf("pledge %d loaded twice", p.ID)
		}
		seen[p.ID] = true
		lent += p.Amount.Cents
	}
	if m.totals.lent.Cents != lent {
		t.Errorf("lent total %d, sum %d", m.totals.lent.Cents, lent)
	}
}

func TestLookupErrorsShowInThePane(t *testing.T) {
	m := New(sandboxEnv(t, i18n.EN)).SetSize(100, 10).SetFocused(true)
	u := demoUser(0)
	u.Birthdate = "1999-01-01"
	m, cmd := m.Update(common.UserMsg{User: u, Gen: 1})
	m = settle(t, m, cmd)
	if m.err == nil {
		t.Fatal("a wrong birthdate did not fail")
	}
	contains(t, m.View(), "r to retry")
}
