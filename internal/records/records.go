// Package records is how a project or a pledge is written as data: the CSV
// columns scripts rely on (English, stable), and the cells, as plain
// decimals, ISO dates and the API's codes, "" for unknown. The commands'
// --format csv and the terminal's CSV export write the same records.
package records

import (
	"strconv"
	"strings"
	"time"

	"github.com/miimosa/miimosa/api"
)

// ProjectHeader names a project's columns.
var ProjectHeader = []string{
	"id", "title", "status", "collect_type", "category", "region_code", "region_name",
	"department", "city", "owner_first_name", "owner_last_name", "target", "collected",
	"backers_count", "interest_rate", "duration_months", "repayment_frequency",
	"published_at", "ends_at", "url",
}

// Project is a project's cells, as the server sent them (callers clean
// and defuse them for where they go).
func Project(pr api.Project) []string {
	return []string{
		strconv.FormatInt(pr.ID, 10), pr.Title, pr.Status, pr.CollectType, pr.Category,
		pr.Region.Code, pr.Region.Name, pr.Department, pr.City, pr.Owner.FirstName, pr.Owner.LastName,
		pr.Target.String(), pr.Collected.String(), Int(pr.BackersCount),
		pr.InterestRate.String(), Int(pr.DurationMonths), pr.RepaymentFrequency,
		Time(pr.PublishedAt), Time(pr.EndsAt), pr.URL,
	}
}

// PledgeHeader names a pledge's columns.
var PledgeHeader = []string{
	"id", "project_id", "project_title", "project_category", "amount", "interest_rate",
	"duration_months", "status", "created_at", "repaid_capital", "paid_interest",
	"remaining_capital", "next_repayment_date", "next_repayment_amount",
}

// Pledge is a pledge's cells, as the server sent them.
func Pledge(pl api.Pledge) []string {
	nextDate, nextAmount := "", ""
	if n := pl.NextRepayment; n != nil {
		nextDate, nextAmount = Time(n.Date), n.Amount.String()
	}
	return []string{
		strconv.FormatInt(pl.ID, 10), strconv.FormatInt(pl.Project.ID, 10), pl.Project.Title,
		pl.Project.Category, pl.Amount.String(), pl.InterestRate.String(), Int(pl.DurationMonths),
		pl.Status, Time(pl.CreatedAt), pl.RepaidCapital.String(), pl.PaidInterest.String(),
		pl.RemainingCapital.String(), nextDate, nextAmount,
	}
}

// DueDateHeader names the columns of one date of the next repayments (the
// pledges pane's v view): what the shown pledges owe on it.
var DueDateHeader = []string{"date", "pledges", "amount_due", "late"}

// DueDate is one date's cells.
func DueDate(date api.Time, pledges int, amount api.Money, late bool) []string {
	return []string{Time(date), strconv.Itoa(pledges), amount.String(), strconv.FormatBool(late)}
}

// Time is a date as YYYY-MM-DD, a date-time as RFC 3339 in the offset the
// server gave; "" when unknown.
func Time(t api.Time) string {
	switch {
	case !t.Valid:
		return ""
	case t.DateOnly:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// Int is an integer, "" when unknown.
func Int(i api.Int) string {
	if !i.Valid {
		return ""
	}
	return strconv.FormatInt(i.Value, 10)
}

// formulaStart are the characters with which a spreadsheet (Excel,
// LibreOffice, Google Sheets) starts a formula, or which it skips before
// one: OWASP's list for CSV injection.
const formulaStart = "=+-@\t\r"

// Defuse keeps a spreadsheet from running a cell as a formula (a server
// string "=HYPERLINK(…)" or "@SUM(…)"): a cell starting with = + - @, a tab
// or a carriage return gets a single quote before it, as OWASP
// recommends; the spreadsheet shows the text, quote hidden. Leading spaces
// do not hide one (" =1+1": a spreadsheet may trim them on import, and a
// tab or carriage return is cleaned to a space before it gets here).
// Negative numbers are defused too ("'-5"): the API sends none.
func Defuse(cell string) string {
	if t := strings.TrimLeft(cell, " "); t != "" && strings.ContainsRune(formulaStart, rune(t[0])) {
		return "'" + cell
	}
	return cell
}
