package projects

import (
	"fmt"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// makeProjects builds n projects with ids from first, half lending.
func makeProjects(first, n int) []api.Project {
	out := make([]api.Project, n)
	for i := range out {
		id := int64(first + i)
		p := api.Project{
			ID: id, Title: fmt.Sprintf("Projet %d", id), Slug: fmt.Sprintf("projet-%d", id),
			URL:    fmt.Sprintf("https://www.miimosa.com/fr/projects/projet-%d", id),
			Status: "in_progress", Category: api.Categories[i%len(api.Categories)],
			Region: api.Regions[i%len(api.Regions)], City: "Lyon",
			Target: uitest.EUR(2000000), Collected: uitest.EUR(int64(i%10) * 250000),
			EndsAt: api.Time{Time: uitest.Now.AddDate(0, 0, 12), Valid: true},
		}
		if i%2 == 0 {
			p.CollectType = "lending"
			p.InterestRate = api.Decimal{Value: 45, Scale: 1, Valid: true}
			p.DurationMonths = api.Int{Value: 24, Valid: true}
		} else {
			p.CollectType = "donation"
		}
		out[i] = p
	}
	return out
}

func page(items []api.Project, next string, total int64) api.Page[api.Project] {
	p := api.Page[api.Project]{Items: items, Next: next}
	if total >= 0 {
		p.Total = api.Int{Value: total, Valid: true}
	}
	return p
}

// answer feeds the answer to the request in flight.
func answer(t *testing.T, m Model, p api.Page[api.Project], err error) Model {
	t.Helper()
	if !m.req.Busy() {
		t.Fatal("no request in flight to answer")
	}
	m, _ = m.Update(pageMsg{req: m.req.Seq(), page: p, err: err})
	return m
}
