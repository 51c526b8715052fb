package wallet

import (
	"strings"

	"github.com/NimbleMarkets/ntcharts/v2/sparkline"

	"github.com/miimosa/miimosa/api"

	"github.com/miimosa/miimosa/ui/common"
)

// The income sparkline: one column per month, two when the pane is wide
// enough, sparkHeight rows high.
const (
	sparkMonths = 12
	sparkHeight = 2
)

// takeIncome keeps the monthly income of the newest report of this
// person's pledges (common.InsightMsg), for the sparkline.
func (m Model) takeIncome(msg common.InsightMsg) Model {
	if msg.Gen != m.gen || msg.Seq <= m.incomeSeq || msg.Report == nil || m.user == (api.User{}) {
		return m
	}
	behind := msg.Report.Calendar.Behind
	income := make([]float64, len(behind))
	for i, mf := range behind {
		income[i] = float64(mf.Total()) // for drawing only: the amounts are never shown from it
	}
	m.income, m.incomeSeq = income, msg.Seq
	return m.drawIncome()
}

// drawIncome draws the sparkline for the pane's width with ntcharts.
func (m Model) drawIncome() Model {
	m.spark = nil
	if m.income == nil || m.env == nil {
		return m
	}
	per := 1
	if m.width >= 2*sparkMonths {
		per = 2
	}
	w := per * len(m.income)
	if w == 0 || w > m.width {
		return m
	}
	top := 0.0
	for _, v := range m.income {
		top = max(top, v)
	}
	sl := sparkline.New(w, sparkHeight, sparkline.WithStyle(m.env.Styles.Success),
		sparkline.WithMaxValue(max(top, 1)), sparkline.WithNoAutoMaxValue())
	for _, v := range m.income {
		for range per {
			sl.Push(v)
		}
	}
	sl.Draw()
	m.spark = strings.Split(sl.View(), "\n")
	return m
}

// incomeLines are the sparkline under its title; private, a placeholder
// as wide, whose bars are all alike: a bar's height would tell an amount.
func (m Model) incomeLines() []string {
	if m.spark == nil {
		return nil
	}
	st := m.env.Styles
	if !m.received() && !m.privacy {
		// A flat line under a title reads as a drawing that failed.
		// (Private, the placeholder below: "nothing" is a figure too.)
		return wrap(st.Muted, m.env.T.T("ui.wallet.income_none"), m.width)
	}
	lines := wrap(st.Subtle, m.env.T.T("ui.wallet.income"), m.width)
	if m.privacy {
		w := len(m.income)
		if m.width >= 2*sparkMonths {
			w *= 2
		}
		for range sparkHeight - 1 {
			lines = append(lines, "")
		}
		return append(lines, st.Muted.Render(strings.Repeat("░", w)))
	}
	return append(lines, m.spark...)
}

// received reports whether anything came in the last 12 months.
func (m Model) received() bool {
	for _, v := range m.income {
		if v > 0 {
			return true
		}
	}
	return false
}
