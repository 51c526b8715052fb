package pledges

import (
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/records"
)

// startExport opens the export prompt for what is shown: the pledges,
// filtered and sorted as on screen, or, in the v view, the dates they owe
// something on (refused with amounts masked: see export.Begin).
func (m Model) startExport() (Model, tea.Cmd) {
	t := m.env.T.T
	_, loc := m.today()
	header, name, nouns := records.PledgeHeader, "pledges", [2]string{t("lists.noun.pledge"), t("lists.noun.pledges")}
	var rows [][]string
	if m.showUpcoming {
		header, name, nouns = records.DueDateHeader, "repayments", [2]string{t("lists.noun.date"), t("lists.noun.dates")}
		for _, g := range byDate(m.list.Shown(), m.dues, m.owes, loc) {
			rows = append(rows, records.DueDate(g.date, g.pledges, g.amount, g.late))
		}
	} else {
		for _, p := range m.Shown() {
			rows = append(rows, records.Pledge(p))
		}
	}
	var cmd tea.Cmd
	m.export, cmd = m.export.Begin(m.privacy, header, rows, name, m.env.Now().In(loc), nouns)
	return m, cmd
}
