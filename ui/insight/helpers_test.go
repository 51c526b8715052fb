package insight

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// demoPledges is every pledge of the sandbox's demo user.
func demoPledges(t testing.TB, c *api.Client) []api.Pledge {
	t.Helper()
	var out []api.Pledge
	for page, err := range c.PledgePages(context.Background(), uitest.Demo(), common.PledgesPerPage) {
		if err != nil {
			t.Fatalf("loading the demo pledges: %v", err)
		}
		out = append(out, page.Items...)
	}
	if len(out) == 0 {
		t.Fatal("the demo user has no pledges")
	}
	return out
}

// announced is the pane after the demo user's lookup (gen 1) and the
// pledges pane's announcement, every command run: the report with the
// projects' facts. It also returns what the pane announced.
func announced(t testing.TB, lang i18n.Lang, w, h int) (Model, []common.InsightMsg) {
	t.Helper()
	env, c := uitest.SandboxEnv(t, lang)
	pledges := demoPledges(t, c)
	m := New(env, c).SetSize(w, h).SetFocused(true)
	m, _ = m.Update(common.UserMsg{User: uitest.Demo(), Gen: 1})
	var seen []common.InsightMsg
	m, cmd := m.Update(common.PledgesMsg{Gen: 1, Pledges: pledges})
	m = uitest.Drain(t, m, func(m Model, msg tea.Msg) (Model, tea.Cmd) {
		if im, ok := msg.(common.InsightMsg); ok {
			seen = append(seen, im)
		}
		return m.Update(msg)
	}, cmd)
	return m, seen
}

// run calls cmd and the commands of the batches it returns, one after
// another, and returns their messages: for tests that feed the answers
// in an order of their choosing.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, run(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// split sorts messages by kind: reports computed, facts loaded, others.
func split(msgs []tea.Msg) (reports []reportMsg, facts []factsMsg, other []tea.Msg) {
	for _, msg := range msgs {
		switch msg := msg.(type) {
		case reportMsg:
			reports = append(reports, msg)
		case factsMsg:
			facts = append(facts, msg)
		default:
			other = append(other, msg)
		}
	}
	return reports, facts, other
}

var day = func(y int, m time.Month, d int) api.Time {
	return api.Time{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), DateOnly: true, Valid: true}
}

// lenderPledges makes n pledges of 24 monthly instalments over n/3
// projects (so that every list of the report grows with n), made from
// 2024 on: most repaying, every seventh late, every eleventh defaulted,
// every fifth without repayments (its schedule is rebuilt).
func lenderPledges(n int) []api.Pledge {
	out := make([]api.Pledge, n)
	today := uitest.Now
	for i := range out {
		pid := int64(1 + i%max(1, n/3))
		amount := int64(10_000 + (i%97)*1_000)
		created := time.Date(2024, time.Month(1+i%12), 1+i%28, 10, 0, 0, 0, time.UTC)
		p := api.Pledge{
			ID:             int64(i + 1),
			Project:        api.PledgeProject{ID: pid, Title: fmt.Sprintf("Ferme %d", pid), Category: api.Categories[int(pid)%len(api.Categories)]},
			Amount:         uitest.EUR(amount),
			InterestRate:   api.Decimal{Value: int64(300 + i%5*50), Scale: 2, Valid: true},
			DurationMonths: api.Int{Value: 24, Valid: true},
			CreatedAt:      api.Time{Time: created, Valid: true},
			Status:         "repaying",
		}
		switch {
		case i%11 == 0:
			p.Status = "defaulted"
		case i%7 == 0:
			p.Status = "late"
		}
		if i%5 != 0 {
			left := amount
			for k := range 24 {
				d := time.Date(created.Year(), created.Month()+time.Month(k+1), 15, 0, 0, 0, 0, time.UTC)
				capital := amount / 24
				if k == 23 {
					capital = left
				}
				r := api.Repayment{Date: day(d.Year(), d.Month(), d.Day()), Capital: uitest.EUR(capital), Interest: uitest.EUR(left * p.InterestRate.Value / 120_000), Status: "scheduled"}
				if d.Before(today) {
					r.Status = "paid"
					if p.Status != "repaying" && k > 10 {
						r.Status = "late"
					}
				}
				left -= capital
				p.Repayments = append(p.Repayments, r)
			}
		}
		out[i] = p
	}
	return out
}

// withReport is a pane at w×h holding the report of pledges (computed
// here, with no facts), as if it had come through the messages.
func withReport(tb testing.TB, lang i18n.Lang, pledges []api.Pledge, w, h int) Model {
	tb.Helper()
	m := New(uitest.Env(lang), nil).SetSize(w, h).SetFocused(true)
	m, _ = m.Update(common.UserMsg{User: uitest.Demo(), Gen: 1})
	m, cmd := m.Update(common.PledgesMsg{Gen: 1, Pledges: pledges})
	reports, _, _ := split(run(cmd))
	if len(reports) != 1 {
		tb.Fatalf("%d computations started, want 1 (no client: no facts)", len(reports))
	}
	m, _ = m.Update(reports[0])
	if m.Report() == nil {
		tb.Fatal("the report was not taken")
	}
	return m
}
