package pledges

import (
	"fmt"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

var alice = api.User{Email: "alice@example.com", Birthdate: "1980-11-27"}

// makePledges builds n pledges with ids from first; amounts in whole cents
// so totals can be checked exactly.
func makePledges(first, n int) []api.Pledge {
	out := make([]api.Pledge, n)
	for i := range out {
		id := int64(first + i)
		p := api.Pledge{
			ID:      id,
			Project: api.PledgeProject{ID: 1000 + id, Title: fmt.Sprintf("Ferme %03d", id), Slug: fmt.Sprintf("ferme-%d", id), Category: api.Categories[i%len(api.Categories)]},
			Amount:  uitest.EUR(int64(10000 + i*101)), InterestRate: api.Decimal{Value: int64(30 + i%20), Scale: 1, Valid: true},
			DurationMonths: api.Int{Value: 24, Valid: true}, Status: api.PledgeStatuses[i%len(api.PledgeStatuses)],
			RepaidCapital: uitest.EUR(int64(i * 33)), PaidInterest: uitest.EUR(int64(i * 7)), RemainingCapital: uitest.EUR(int64(10000 + i*101 - i*33)),
		}
		if i%3 != 0 {
			p.NextRepayment = &api.Repayment{Date: api.Time{Time: uitest.Now.AddDate(0, 0, n-i), DateOnly: true, Valid: true}, Amount: uitest.EUR(450)}
		}
		out[i] = p
	}
	return out
}

func pledgePage(items []api.Pledge, next string) api.Page[api.Pledge] {
	return api.Page[api.Pledge]{Items: items, Next: next}
}

// answer feeds the walk in flight its next step: a page, or the error
// that ends it; a page with no next link ends the walk too, as the walk
// would after its last page.
func answer(t *testing.T, m Model, p api.Page[api.Pledge], err error) Model {
	t.Helper()
	if !m.req.Busy() {
		t.Fatal("no walk in flight to answer")
	}
	m, _ = m.Update(pageMsg{gen: m.gen, req: m.req.Seq(), page: p, err: err})
	if err == nil && p.Next == "" {
		m, _ = m.Update(pageMsg{gen: m.gen, req: m.req.Seq(), end: true})
	}
	return m
}

func lookedUp(t *testing.T, gen int) Model {
	t.Helper()
	m := New(uitest.Env(i18n.EN), uitest.Offline(t)).SetSize(100, 30).SetFocused(true)
	m, cmd := m.Update(common.UserMsg{User: alice, Gen: gen})
	if cmd == nil || !m.req.Busy() {
		t.Fatal("a UserMsg did not start loading")
	}
	return m
}
