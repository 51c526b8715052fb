package pledges

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// step feeds the walk one step and returns what the pane said back: after
// a page, whether it announced anything (its command waits for the next
// step, which the test gives by hand: it is not run); after the end or a
// failure, the command's message.
func step(t *testing.T, m Model, msg pageMsg) (Model, tea.Msg) {
	t.Helper()
	msg.gen, msg.req = m.gen, m.req.Seq()
	m, cmd := m.Update(msg)
	if cmd == nil {
		return m, nil
	}
	if msg.end || msg.err != nil {
		return m, cmd()
	}
	return m, nil
}

// Once the walk is over the pane tells every pane its pledges, whole or
// cut short.
func TestThePledgesAreAnnouncedWhenTheWalkEnds(t *testing.T) {
	m := lookedUp(t, 4)
	m, _ = step(t, m, pageMsg{page: pledgePage(makePledges(1, 3), "/p?page=2")})
	m, _ = step(t, m, pageMsg{page: pledgePage(makePledges(4, 2), "")})
	m, said := step(t, m, pageMsg{end: true})
	msg, ok := said.(common.PledgesMsg)
	if !ok || msg.Gen != 4 || len(msg.Pledges) != 5 || msg.Partial {
		t.Fatalf("the walk's end announced %#v", said)
	}
	if cap(msg.Pledges) != len(msg.Pledges) {
		t.Error("the announced slice can be appended into")
	}
	// Busy until the announcement came back through the root, so the
	// screen is not taken as settled before the insight pane has it.
	if !m.Busy() {
		t.Error("settled before the pledges reached the other panes")
	}
	m, _ = m.Update(common.PledgesMsg{Gen: 3})
	if !m.Busy() {
		t.Error("an older lookup's announcement settled the pane")
	}
	if m, _ = m.Update(msg); m.Busy() {
		t.Error("still busy once the announcement came back")
	}

	// A walk stopped by a failure announces what it had, as partial.
	m = lookedUp(t, 5)
	m, _ = step(t, m, pageMsg{page: pledgePage(makePledges(1, 3), "/p?page=2")})
	_, said = step(t, m, pageMsg{err: errors.New("page 2 failed")})
	if msg, ok := said.(common.PledgesMsg); !ok || !msg.Partial || len(msg.Pledges) != 3 {
		t.Errorf("a failed walk announced %#v", said)
	}
}

// enter hands the pledge's loan from the newest report to its detail.
func TestEnterHandsTheLoanToTheDetail(t *testing.T) {
	m := lookedUp(t, 1)
	items := makePledges(1, 3)
	for i := range items { // a report leaves out pledges with no creation date
		items[i].CreatedAt = api.Time{Time: uitest.Now.AddDate(-1, 0, 0), Valid: true}
	}
	m = answer(t, m, pledgePage(items, ""), nil)
	open := func(m Model) common.OpenPledgeMsg {
		_, cmd := m.Update(uitest.Key("enter"))
		return cmd().(common.OpenPledgeMsg)
	}
	if got := open(m); got.Loan != nil {
		t.Error("a loan before any report")
	}
	r := insight.Compute(items, nil, uitest.Now)
	m = uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 2, Report: &r})
	got := open(m)
	if got.Loan == nil || got.Loan.ID != items[0].ID || got.LoanSeq != 2 {
		t.Errorf("enter sent loan %v with seq %d", got.Loan, got.LoanSeq)
	}
	// Another person's report, or an older one, is not taken; a new
	// lookup forgets the report.
	other := insight.Compute(makePledges(1, 1), nil, uitest.Now)
	if got := open(uitest.Send(m, common.InsightMsg{Gen: 1, Seq: 1, Report: &other})); got.LoanSeq != 2 {
		t.Error("an older report replaced the newer one")
	}
	if got := open(uitest.Send(m, common.InsightMsg{Gen: 0, Seq: 9, Report: &other})); got.LoanSeq != 2 {
		t.Error("a previous person's report was taken")
	}
	m = uitest.Send(m, common.UserMsg{User: alice, Gen: 2})
	if m.report != nil {
		t.Error("a new lookup kept the report")
	}
}
