package projects

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/records"
)

// startExport opens the export prompt for the projects shown: the whole
// list the filters keep (every page was loaded first), in the order shown.
// Refused with amounts masked (see export.Begin).
func (m Model) startExport() (Model, tea.Cmd) {
	var rows [][]string
	for _, i := range m.list.Shown() {
		rows = append(rows, records.Project(m.items[i]))
	}
	t := m.env.T.T
	var cmd tea.Cmd
	m.export, cmd = m.export.Begin(m.privacy, records.ProjectHeader, rows, "projects", m.env.Now().In(m.zone()),
		[2]string{t("lists.noun.project"), t("lists.noun.projects")})
	return m, cmd
}

// zone is where the person's calendar day is.
func (m Model) zone() *time.Location {
	if l := m.env.Format.Loc; l != nil {
		return l
	}
	return time.Local
}
