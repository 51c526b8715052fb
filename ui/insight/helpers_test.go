package insight

import (
	"context"
	"testing"

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
