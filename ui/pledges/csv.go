package pledges

import (
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// csvHeader is the commands' CSV columns (miimosa pledges --format csv), so
// a file exported here reads like one a script wrote: English, stable.
var csvHeader = []string{
	"id", "project_id", "project_title", "project_category", "amount", "interest_rate",
	"duration_months", "status", "created_at", "repaid_capital", "paid_interest",
	"remaining_capital", "next_repayment_date", "next_repayment_amount",
}

// csvRow is one pledge as the commands write it: plain decimals, ISO dates,
// codes rather than labels, "" for unknown.
func csvRow(p api.Pledge) []string {
	nextDate, nextAmount := "", ""
	if n := p.NextRepayment; n != nil {
		nextDate, nextAmount = isoTime(n.Date), n.Amount.String()
	}
	return []string{
		strconv.FormatInt(p.ID, 10), strconv.FormatInt(p.Project.ID, 10), textsafe.Clean(p.Project.Title),
		textsafe.Clean(p.Project.Category), p.Amount.String(), p.InterestRate.String(), intText(p.DurationMonths),
		textsafe.Clean(p.Status), isoTime(p.CreatedAt), p.RepaidCapital.String(), p.PaidInterest.String(),
		p.RemainingCapital.String(), nextDate, nextAmount,
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

// startExport opens the export prompt for the pledges shown, filtered and
// sorted as on screen. With amounts masked it refuses: privacy mode is the
// promise that no amount leaves the screen while it is shared, and a file
// of masked amounts would look like an export and be none.
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
	for _, p := range m.Shown() {
		table = append(table, csvRow(p))
	}
	_, loc := m.today()
	name := "miimosa-pledges-" + m.env.Now().In(loc).Format(time.DateOnly) + ".csv"
	var cmd tea.Cmd
	m.export, cmd = m.export.Open(table, name, [2]string{t("lists.noun.pledge"), t("lists.noun.pledges")})
	return m, cmd
}
