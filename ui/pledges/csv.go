package pledges

import (
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/records"
)

// startExport opens the export prompt for the pledges shown, filtered and
// sorted as on screen (refused with amounts masked: see export.Begin).
func (m Model) startExport() (Model, tea.Cmd) {
	var rows [][]string
	for _, p := range m.Shown() {
		rows = append(rows, records.Pledge(p))
	}
	t := m.env.T.T
	_, loc := m.today()
	var cmd tea.Cmd
	m.export, cmd = m.export.Begin(m.privacy, records.PledgeHeader, rows, "pledges", m.env.Now().In(loc),
		[2]string{t("lists.noun.pledge"), t("lists.noun.pledges")})
	return m, cmd
}
