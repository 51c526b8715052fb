package projects

import (
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// csvHeader is the commands' CSV columns (miimosa projects --format csv),
// so a file exported here reads like one a script wrote: English, stable.
var csvHeader = []string{
	"id", "title", "status", "collect_type", "category", "region_code", "region_name",
	"department", "city", "owner_first_name", "owner_last_name", "target", "collected",
	"backers_count", "interest_rate", "duration_months", "repayment_frequency",
	"published_at", "ends_at", "url",
}

// csvRow is one project as the commands write it: plain decimals, ISO
// dates, codes rather than labels, "" for unknown.
func csvRow(p api.Project) []string {
	c := textsafe.Clean
	return []string{
		strconv.FormatInt(p.ID, 10), c(p.Title), c(p.Status), c(p.CollectType), c(p.Category),
		c(p.Region.Code), c(p.Region.Name), c(p.Department), c(p.City), c(p.Owner.FirstName), c(p.Owner.LastName),
		p.Target.String(), p.Collected.String(), intText(p.BackersCount),
		p.InterestRate.String(), intText(p.DurationMonths), c(p.RepaymentFrequency),
		isoTime(p.PublishedAt), isoTime(p.EndsAt), c(p.URL),
	}
}

func isoTime(t api.Time) string {
	switch {
	case !t.Valid:
		return ""
	case t.DateOnly:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

func intText(i api.Int) string {
	if !i.Valid {
		return ""
	}
	return strconv.FormatInt(i.Value, 10)
}

// startExport opens the export prompt for the projects shown: the whole
// list the filters keep (every page was loaded first), in the order shown.
// With amounts masked it refuses, as the pledges pane does: privacy mode
// promises that no amount leaves the screen, and a file of masked amounts
// would look like an export and be none.
func (m Model) startExport() (Model, tea.Cmd) {
	t := m.env.T.T
	say := func(k i18n.Key) (Model, tea.Cmd) {
		text := t(k)
		return m, func() tea.Msg { return common.StatusMsg{Text: text} }
	}
	switch {
	case m.privacy:
		return say("lists.export.private")
	case m.list.Len() == 0:
		return say("lists.export.empty")
	}
	table := [][]string{csvHeader}
	for _, i := range m.list.Shown() {
		table = append(table, csvRow(m.items[i]))
	}
	name := "miimosa-projects-" + m.env.Now().In(m.zone()).Format(time.DateOnly) + ".csv"
	var cmd tea.Cmd
	m.export, cmd = m.export.Open(table, name, [2]string{t("lists.noun.project"), t("lists.noun.projects")})
	return m, cmd
}

// zone is where the person's calendar day is.
func (m Model) zone() *time.Location {
	if l := m.env.Format.Loc; l != nil {
		return l
	}
	return time.Local
}
