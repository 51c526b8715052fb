package insight_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/ical"
	"github.com/miimosa/miimosa/internal/insight"
)

func money(cents int64) api.Money { return api.Money{Cents: cents, Currency: "EUR", Valid: true} }

// A terminal pane or a command computes the report once, then reads figures
// off it; money is formatted by the caller (internal/format takes
// Cents.Money(), Rate.Percent(n) and the api.Time dates as they are).
func Example() {
	now := time.Date(2026, time.March, 10, 9, 0, 0, 0, time.UTC)
	pledges := []api.Pledge{{
		ID: 7, Project: api.PledgeProject{ID: 42, Title: "Ferme des Prés", Category: "lait"},
		Amount: money(120000), InterestRate: api.Decimal{Value: 5, Valid: true},
		DurationMonths: api.Int{Value: 12, Valid: true}, Status: "repaying",
		CreatedAt: api.Time{Time: time.Date(2025, time.June, 20, 10, 0, 0, 0, time.UTC), Valid: true},
		// No repayments sent: the schedule is rebuilt from the terms.
	}}
	facts := map[int64]insight.ProjectFacts{42: {Region: api.Region{Code: "53", Name: "Bretagne"}, Frequency: "monthly"}}
	r := insight.Compute(pledges, facts, now)

	l, _ := r.Loan(7)
	fmt.Println("nominal", l.NominalRate.String(), "realised", l.Realised.Percent(2).String(), "expected", l.Expected.Percent(2).String(), "estimated", l.Estimated)
	fmt.Println("outstanding", r.Risk.Outstanding, "at risk", r.Risk.AtRisk)
	a := r.Answers
	fmt.Println("next", a.NextDate.Format(time.DateOnly), a.NextAmount(), "interest this year", a.InterestThisYear)
	fmt.Println("2026 withholding", r.TaxYear(2026).Withholding)

	// The schedule command: the next 3 months as an iCalendar file.
	cal := ical.Calendar{ProdID: "-//MiiMOSA//miimosa//EN"}
	for _, d := range insight.ByDay(r.Upcoming(3)) {
		cal.Events = append(cal.Events, ical.Event{
			UID:     "repayment-" + d.Date.Format("20060102") + "@miimosa",
			Date:    d.Date.Time,
			Summary: fmt.Sprintf("Repayment %d cents", d.Total()), // callers word and format it
		})
	}
	var out bytes.Buffer
	if err := ical.Write(&out, cal, now); err != nil {
		panic(err)
	}
	fmt.Println(strings.Count(out.String(), "BEGIN:VEVENT"), "events")
	// Output:
	// nominal 5 realised 5.01 expected 5.24 estimated true
	// outstanding 40665 at risk 0
	// next 2026-03-15 10273 interest this year 464
	// 2026 withholding 145
	// 3 events
}
