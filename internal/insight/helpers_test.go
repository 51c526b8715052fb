package insight

import (
	"time"

	"github.com/miimosa/miimosa/api"
)

// now is the report's day in the tests: Tuesday 10 March 2026, in Paris.
var now = time.Date(2026, time.March, 10, 9, 30, 0, 0, time.FixedZone("CET", 3600))

func eur(cents int64) api.Money { return api.Money{Cents: cents, Currency: "EUR", Valid: true} }

func pct(s string) api.Decimal {
	d, err := api.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func day0(s string) api.Time {
	return api.Time{Time: date(s), DateOnly: true, Valid: true}
}

func at(s string) api.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return api.Time{Time: t, Valid: true}
}

func rep(d string, capital, interest int64, status string) api.Repayment {
	return api.Repayment{Date: day0(d), Capital: eur(capital), Interest: eur(interest), Status: status}
}

// pledge is a lending pledge; the options fill the rest in.
func pledge(id int64, status string, amount int64, created string, opts ...func(*api.Pledge)) api.Pledge {
	p := api.Pledge{
		ID: id, Status: status, Amount: eur(amount), CreatedAt: at(created),
		Project:      api.PledgeProject{ID: 1000 + id, Title: "Projet", Category: "lait"},
		InterestRate: pct("5"), DurationMonths: api.Int{Value: 12, Valid: true},
	}
	for _, o := range opts {
		o(&p)
	}
	return p
}

func repayments(rs ...api.Repayment) func(*api.Pledge) {
	return func(p *api.Pledge) { p.Repayments = rs }
}

func terms(rate string, months int64) func(*api.Pledge) {
	return func(p *api.Pledge) {
		p.InterestRate = pct(rate)
		p.DurationMonths = api.Int{Value: months, Valid: true}
	}
}

func repaid(capital int64) func(*api.Pledge) {
	return func(p *api.Pledge) { p.RepaidCapital = eur(capital) }
}

func project(id int64, title, category string) func(*api.Pledge) {
	return func(p *api.Pledge) { p.Project = api.PledgeProject{ID: id, Title: title, Category: category} }
}

func sumCapital(s []Instalment) Cents {
	var c Cents
	for _, in := range s {
		c += in.Capital
	}
	return c
}

func states(s []Instalment) []State {
	out := make([]State, len(s))
	for i, in := range s {
		out[i] = in.State
	}
	return out
}
