package insight

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// The figures show before the projects' facts arrive, marked as waiting
// for the regions; once the facts came they are computed again, with the
// regions named, and each report is announced for the other panes.
func TestFiguresComeFirstThenWithTheFacts(t *testing.T) {
	env, c := uitest.SandboxEnv(t, i18n.EN)
	pledges := demoPledges(t, c)
	m := New(env, c).SetSize(100, 200).SetFocused(true)
	m, _ = m.Update(common.UserMsg{User: uitest.Demo(), Gen: 1})
	uitest.Contains(t, m.View(), "Waiting for every pledge")

	m, cmd := m.Update(common.PledgesMsg{Gen: 1, Pledges: pledges})
	if !m.Busy() {
		t.Fatal("not busy while computing and loading the facts")
	}
	uitest.Contains(t, m.View(), "Adding the pledges up")
	reports, facts, _ := split(run(cmd))
	if len(reports) != 1 || len(facts) != 1 {
		t.Fatalf("%d computations and %d loads started, want 1 and 1", len(reports), len(facts))
	}
	m, cmd = m.Update(reports[0])
	first, ok := cmd().(common.InsightMsg)
	if !ok || first.Gen != 1 || first.Report == nil || first.Partial {
		t.Fatalf("the first report was not announced: %#v", first)
	}
	v := m.View()
	uitest.Contains(t, v, "regions loading…")
	uitest.Contains(t, v, "Next repayment  15 Dec 2026")
	uitest.Contains(t, v, "Region unknown")
	if !m.Busy() {
		t.Error("not busy while the facts load")
	}

	m, cmd = m.Update(facts[0])
	reports, _, _ = split(run(cmd))
	if len(reports) != 1 {
		t.Fatalf("the facts started %d computations, want 1", len(reports))
	}
	m, cmd = m.Update(reports[0])
	second := cmd().(common.InsightMsg)
	if second.Seq <= first.Seq {
		t.Errorf("the second report's Seq %d is not above the first's %d", second.Seq, first.Seq)
	}
	// Busy until the announcement came back through the root: the wallet
	// and the details change on it, so the screen has not settled before.
	if !m.Busy() {
		t.Error("settled before the report reached the other panes")
	}
	m, _ = m.Update(first) // the older one, late: still waiting
	if !m.Busy() {
		t.Error("the first report's announcement settled the pane")
	}
	m, _ = m.Update(second)
	v = m.View()
	if m.Busy() || strings.Contains(uitest.Plain(v), "regions loading") || strings.Contains(uitest.Plain(v), "Region unknown") {
		t.Errorf("the facts did not reach the figures (busy %v):\n%s", m.Busy(), uitest.Plain(v))
	}
	// The first report arriving late (its command was slow) does not
	// replace the one with the facts.
	m, cmd = m.Update(reports[0])
	if cmd != nil || m.Report() != second.Report {
		t.Error("an older report replaced a newer one")
	}
}

// A new lookup clears the pane; the previous person's pledges, report and
// facts, still on their way, are dropped.
func TestAPreviousPersonsAnswersAreDropped(t *testing.T) {
	env, c := uitest.SandboxEnv(t, i18n.EN)
	pledges := demoPledges(t, c)
	m := New(env, c).SetSize(100, 40).SetFocused(true)
	m, _ = m.Update(common.UserMsg{User: uitest.Demo(), Gen: 1})
	m, cmd := m.Update(common.PledgesMsg{Gen: 1, Pledges: pledges})
	reports, facts, _ := split(run(cmd))

	m, _ = m.Update(common.UserMsg{Gen: 2}) // n: nobody, until the form is done
	if m.Busy() || m.Report() != nil {
		t.Fatal("a new lookup left the previous figures or their loads")
	}
	m, _ = m.Update(common.UserMsg{User: api.User{Email: "b@example.com", Birthdate: "1990-01-01"}, Gen: 3})
	for _, msg := range []tea.Msg{reports[0], facts[0], common.PledgesMsg{Gen: 1, Pledges: pledges}} {
		m, _ = m.Update(msg)
		if m.Report() != nil || m.got || m.facts != nil {
			t.Fatalf("%T of the previous person was taken", msg)
		}
	}
	uitest.Contains(t, m.View(), "Waiting for every pledge")
	// An older lookup's UserMsg, overtaken, changes nothing.
	m, _ = m.Update(common.UserMsg{User: uitest.Demo(), Gen: 1})
	if m.gen != 3 {
		t.Errorf("an older lookup took the pane back to gen %d", m.gen)
	}
}

// A list cut short still gives figures, marked partial, and announced so.
func TestAPartialListGivesPartialFigures(t *testing.T) {
	env, c := uitest.SandboxEnv(t, i18n.FR)
	pledges := demoPledges(t, c)[:5]
	m := New(env, c).SetSize(100, 40).SetFocused(true)
	m, _ = m.Update(common.UserMsg{User: uitest.Demo(), Gen: 1})
	m, cmd := m.Update(common.PledgesMsg{Gen: 1, Pledges: pledges, Partial: true})
	reports, _, _ := split(run(cmd))
	m, cmd = m.Update(reports[0])
	if msg := cmd().(common.InsightMsg); !msg.Partial {
		t.Error("the report of a partial list is announced whole")
	}
	v := m.View()
	uitest.Contains(t, v, "partiel · régions en chargement…")
	uitest.Contains(t, v, "Partiel : tous les prêts n'ont pas été chargés")
	uitest.Contains(t, v, "Prochaine échéance")
}

// The projects failing to load leaves the figures, with regions unknown,
// says so, and r asks again for them.
func TestFactsFailingStillGivesFigures(t *testing.T) {
	env, good := uitest.SandboxEnv(t, i18n.EN)
	pledges := demoPledges(t, good)
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	t.Cleanup(down.Close)
	m := New(env, uitest.Client(t, down.URL, "k")).SetSize(100, 200).SetFocused(true)
	m, _ = m.Update(common.UserMsg{User: uitest.Demo(), Gen: 1})
	m, cmd := m.Update(common.PledgesMsg{Gen: 1, Pledges: pledges})
	m = uitest.Settle(t, m, cmd)
	if m.Busy() || m.Report() == nil {
		t.Fatalf("busy %v, report %v", m.Busy(), m.Report() != nil)
	}
	v := m.View()
	uitest.Contains(t, v, "Some regions unknown: the server failed")
	uitest.Contains(t, v, "r to retry")
	uitest.Contains(t, v, "Region unknown")
	uitest.Contains(t, v, "Next repayment  15 Dec 2026")

	m, cmd = m.Update(uitest.Key("r"))
	if cmd == nil || !m.Busy() {
		t.Fatal("r did not ask for the facts again")
	}
	m = uitest.Settle(t, m, cmd)
	uitest.Contains(t, m.View(), "Some regions unknown: the server failed")
	// The server is back: r's answer brings the regions in.
	m, _ = m.Update(common.ClientMsg{Client: good})
	m, cmd = m.Update(uitest.Key("r"))
	m = uitest.Settle(t, m, cmd)
	v = m.View()
	if strings.Contains(uitest.Plain(v), "Region unknown") || strings.Contains(uitest.Plain(v), "Some regions unknown") {
		t.Errorf("the retry did not bring the regions:\n%s", uitest.Plain(v))
	}
}

// With no pledges at all the pane says so rather than show zeros.
func TestNoPledges(t *testing.T) {
	m := withReport(t, i18n.EN, nil, 60, 15)
	uitest.Contains(t, m.View(), "No pledges: nothing to add up.")
}

// j, pgdn and the wheel scroll the body; the title stays and says where.
func TestTheBodyScrolls(t *testing.T) {
	m, _ := announced(t, i18n.EN, 60, 15)
	top := uitest.Plain(m.View())
	m = uitest.Press(m, "pgdown")
	if uitest.Plain(m.View()) == top {
		t.Fatal("pgdown did not scroll")
	}
	uitest.Contains(t, m.View(), "Portfolio on 27 Nov 2026")
	m = uitest.Press(m, "g")
	if uitest.Plain(m.View()) != top {
		t.Error("g did not go back to the top")
	}
	m = uitest.Send(m, common.WheelMsg{Lines: 3})
	if m.vp.YOffset() != 3 {
		t.Errorf("the wheel scrolled to %d, want 3", m.vp.YOffset())
	}
	// Keys reach the pane only when it is focused.
	m = m.SetFocused(false)
	m = uitest.Press(m, "G")
	if m.vp.YOffset() != 3 {
		t.Error("an unfocused pane moved on a key")
	}
}

// ] and [ jump from section to section: the risk is three keys from the
// top, whatever the width, and [ comes back.
func TestSectionsAreReachableByKeys(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		m, _ := announced(t, lang, 60, 15)
		headings := map[i18n.Lang][]string{
			i18n.EN: {"Return", "Cash-flow calendar", "Risk", "Diversification of the capital at work", "Tax years"},
			i18n.FR: {"Rendement", "Calendrier des flux", "Risque", "Diversification du capital engagé", "Années fiscales"},
		}[lang]
		for i, h := range headings[:4] { // the tax years are at the end: they may not reach the top
			m = uitest.Press(m, "]")
			if got := strings.Split(uitest.Plain(m.View()), "\n")[1]; strings.TrimSpace(got) != h {
				t.Errorf("%s: after ] ×%d the first line is %q, want %q", lang, i+1, got, h)
			}
		}
		m = uitest.Press(m, "]")
		uitest.Contains(t, m.View(), headings[4])
		m = uitest.Press(m, "[", "[", "[", "[", "[", "[")
		if m.vp.YOffset() != 0 {
			t.Errorf("%s: [ did not come back to the top: offset %d", lang, m.vp.YOffset())
		}
	}
}
