package pledges

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// dashboardSizes are the pledges pane's inner sizes in the dashboard of
// the terminal sizes people use: wide (≥100×22) the pane is the width
// less the wallet (30) and the frames (4), on the top row; stacked (<100)
// it is the width less a margin, on the whole main area.
var dashboardSizes = []struct {
	name string
	w, h int
}{
	{"120x36", 86, 13},
	{"100x30", 66, 10},
	{"80x24", 78, 21},
}

// The figures people ask for show at every dashboard size: the project's
// title, the amount, the next date and the next amount; the optional
// columns leave first.
func TestDashboardSizesShowTitleAmountAndNextAmount(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, sz := range dashboardSizes {
			t.Run(fmt.Sprintf("%s_%s", lang, sz.name), func(t *testing.T) {
				m := New(uitest.SandboxEnv(t, lang)).SetSize(sz.w, sz.h).SetFocused(true)
				m, cmd := m.Update(common.UserMsg{User: demoUser(0), Gen: 1})
				m = uitest.Settle(t, m, cmd)
				if len(m.items) == 0 || !m.done {
					t.Fatalf("the demo user's pledges did not load: %v", m.err)
				}
				for _, c := range []int{colProject, colAmount, colNextDate, colNextAmount} {
					if !m.list.Shows(c) {
						t.Errorf("column %d is not shown at %d cells", c, sz.w)
					}
				}
				if w := m.list.ColumnWidth(colProject); w < 16 {
					t.Errorf("titles cut to %d cells", w)
				}
				v := uitest.Plain(m.View())
				first := m.Shown()[0]
				f := m.env.Format
				uitest.Contains(t, v, ansi.Truncate(first.Project.Title, 14, ""))
				uitest.Contains(t, v, f.Money(first.Amount))
				uitest.Contains(t, v, m.env.T.T("panes.col.next_amount"))
				for _, p := range m.Shown()[:min(len(m.items), m.list.Height())] {
					if d, ok := common.NextDue(p, m.todayNum(), m.zone()); ok {
						uitest.Contains(t, v, f.Money(d.Amount))
					}
				}
				uitest.Golden(t, m)
			})
		}
	}
}

// Between the stacked and the wide layout, at every width the dashboard
// gives the pane, the four figures stay and the status comes before the
// share repaid.
func TestPriorityColumnsStayAtEveryDashboardWidth(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 30), ""), nil)
	for w := 56; w <= 140; w++ {
		m = m.SetSize(w, 20)
		for _, c := range []int{colProject, colAmount, colNextDate, colNextAmount} {
			if !m.list.Shows(c) {
				t.Errorf("at %d cells column %d is dropped", w, c)
			}
		}
		if m.list.Shows(colRepaid) && !m.list.Shows(colStatus) {
			t.Errorf("at %d cells the share repaid shows, not the status", w)
		}
	}
}

// The totals break between their parts, never inside "capital repaid
// €5,178.60", at the widths of 80 to 100 column terminals.
func TestTotalsWrapBetweenParts(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, w := range []int{62, 66, 78, 80, 86, 88, 90, 96, 98, 100} {
			m := New(uitest.Env(lang), uitest.Offline(t)).SetSize(w, 20).SetFocused(true)
			m, _ = m.Update(common.UserMsg{User: alice, Gen: 1})
			m = answer(t, m, pledgePage(makePledges(1, 400), ""), nil)
			f, tt := m.env.Format, m.totals
			parts := []string{
				m.env.T.T("panes.pledges.total_lent", f.Money(tt.lent)),
				m.env.T.T("panes.pledges.total_repaid", f.Money(tt.repaid)),
				m.env.T.T("panes.pledges.total_interest", f.Money(tt.interest)),
				m.env.T.T("panes.pledges.total_outstanding", f.Money(tt.outstanding)),
			}
			lines := strings.Split(uitest.Plain(m.View()), "\n")
			for _, p := range parts {
				found := false
				for _, l := range lines {
					found = found || strings.Contains(l, p)
				}
				if !found {
					t.Errorf("%s at %d: %q is split across lines:\n%s", lang, w, p, strings.Join(lines[len(lines)-3:], "\n"))
				}
			}
		}
	}
}

// todayNum and zone are the pane's calendar day and zone, for tests.
func (m Model) todayNum() int64 { d, _ := m.today(); return d }
func (m Model) zone() *time.Location {
	_, l := m.today()
	return l
}
