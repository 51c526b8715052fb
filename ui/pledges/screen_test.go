package pledges

import (
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func demoUser(i int) api.User {
	u := sandbox.DemoUsers()[i]
	return api.User{Email: u.Email, Birthdate: u.Birthdate}
}

func TestScreens(t *testing.T) {
	for _, sz := range uitest.Sizes {
		t.Run(sz.Name, func(t *testing.T) {
			m := New(uitest.SandboxEnv(t, sz.Lang)).SetSize(sz.W, sz.H).SetFocused(true)
			m, cmd := m.Update(common.UserMsg{User: demoUser(0), Gen: 1})
			m = uitest.Settle(t, m, cmd)
			if len(m.items) == 0 || m.err != nil || !m.done {
				t.Fatalf("the demo user's pledges did not load: %d, %v", len(m.items), m.err)
			}
			t.Run("list", func(t *testing.T) { uitest.Golden(t, m) })

			f := uitest.Keys(t, m, "/")
			f = uitest.Send(f, uitest.Type("late")...)
			t.Run("filtered", func(t *testing.T) { uitest.Golden(t, f) })

			p, _ := m.Update(common.PrivacyMsg{On: true})
			t.Run("privacy", func(t *testing.T) { uitest.Golden(t, p) })
		})
	}
}

func TestBigLenderLoadsEveryPage(t *testing.T) {
	m := New(uitest.SandboxEnv(t, i18n.EN)).SetSize(60, 15).SetFocused(true)
	m, cmd := m.Update(common.UserMsg{User: demoUser(3), Gen: 1})
	m = uitest.Settle(t, m, cmd)
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
	m := New(uitest.SandboxEnv(t, i18n.EN)).SetSize(100, 10).SetFocused(true)
	u := demoUser(0)
	u.Birthdate = "1999-01-01"
	m, cmd := m.Update(common.UserMsg{User: u, Gen: 1})
	m = uitest.Settle(t, m, cmd)
	if m.err == nil {
		t.Fatal("a wrong birthdate did not fail")
	}
	uitest.Contains(t, m.View(), "r to retry")
}
