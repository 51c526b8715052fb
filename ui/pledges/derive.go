package pledges

import (
	"cmp"
	"math/big"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// sortSpec is one step of the s cycle: a column and a direction.
type sortSpec struct {
	col  int // -1: the server's order
	desc bool
}

// sorts is the cycle s steps through, each column in the direction people
// ask for first (biggest amounts, soonest repayments), then the other way
// for the amount.
var sorts = []sortSpec{
	{col: -1},
	{col: colNextDate},
	{col: colAmount, desc: true},
	{col: colAmount},
	{col: colRate, desc: true},
	{col: colRepaid, desc: true},
	{col: colStatus},
	{col: colProject},
	{col: colCategory},
	{col: colDuration, desc: true},
}

// derive recomputes what depends on the filter and the sort: the shown
// indices and their totals. The list keeps the cursor on the same pledge.
func (m Model) derive() Model {
	needle := fold(strings.TrimSpace(m.filter.Value()))
	shown := make([]int, 0, len(m.items))
	for i := range m.items {
		if needle == "" || strings.Contains(m.hay[i], needle) {
			shown = append(shown, i)
		}
	}
	if s := sorts[m.sortBy]; s.col >= 0 {
		slices.SortStableFunc(shown, func(a, b int) int {
			c := m.compare(s.col, a, b)
			if s.desc {
				c = -c
			}
			return c
		})
	}
	m = m.retitle()
	m.list = m.list.SetOrder(shown)
	m.totals = m.sum()
	m.upcoming = m.upcoming.SetRows(m.upcomingRows())
	return m.fit()
}

// compare orders two pledges (indices into items) by one column. Text
// columns sort by what the column shows (the category's label in the
// person's language, not the API's code: "elevage" is shown "Livestock").
// Status keeps its lifecycle order, which reads better than the alphabet.
// The next repayment is the one shown: a late instalment, the oldest
// first, before the next one to come.
func (m Model) compare(col, i, j int) int {
	a, b := m.items[i], m.items[j]
	switch col {
	case colProject:
		return cmp.Compare(fold(textsafe.Clean(a.Project.Title)), fold(textsafe.Clean(b.Project.Title)))
	case colCategory:
		return cmp.Compare(fold(labels.Category(m.env.T, a.Project.Category)), fold(labels.Category(m.env.T, b.Project.Category)))
	case colAmount:
		return cmp.Compare(a.Amount.Cents, b.Amount.Cents)
	case colRate:
		return compareDecimal(a.InterestRate, b.InterestRate)
	case colDuration:
		return cmp.Compare(a.DurationMonths.Value, b.DurationMonths.Value)
	case colStatus:
		return cmp.Compare(slices.Index(api.PledgeStatuses, a.Status), slices.Index(api.PledgeStatuses, b.Status))
	case colRepaid:
		return compareShare(a, b)
	case colNextDate, colNextAmount:
		return compareDue(m.dues[i], m.owes[i], m.dues[j], m.owes[j])
	}
	return cmp.Compare(m.hay[i], m.hay[j])
}

// compareDecimal compares exact decimals without floats.
func compareDecimal(a, b api.Decimal) int {
	if !a.Valid || !b.Valid {
		return cmp.Compare(boolInt(a.Valid), boolInt(b.Valid))
	}
	av, bv := a.Value, b.Value
	for s := a.Scale; s < b.Scale; s++ {
		av *= 10
	}
	for s := b.Scale; s < a.Scale; s++ {
		bv *= 10
	}
	return cmp.Compare(av, bv)
}

// compareShare compares repaid/amount across pledges by cross-multiplying
// cents, exact and float-free.
func compareShare(a, b api.Pledge) int {
	if a.Amount.Cents <= 0 || b.Amount.Cents <= 0 {
		return cmp.Compare(boolInt(a.Amount.Cents > 0), boolInt(b.Amount.Cents > 0))
	}
	// big.Int: a product of two amounts in cents overflows int64.
	mul := func(x, y int64) *big.Int { return new(big.Int).Mul(big.NewInt(x), big.NewInt(y)) }
	return mul(a.RepaidCapital.Cents, b.Amount.Cents).Cmp(mul(b.RepaidCapital.Cents, a.Amount.Cents))
}

// compareDue puts pledges that owe nothing (or on no known date) after
// those that do, so "soonest first" lists what is coming.
func compareDue(a common.Due, aok bool, b common.Due, bok bool) int {
	ak, bk := aok && a.Date.Valid, bok && b.Date.Valid
	switch {
	case !ak && !bk:
		return 0
	case !ak:
		return 1
	case !bk:
		return -1
	}
	return a.Date.Compare(b.Date.Time)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// buildHay is what the filter searches: the project title, the category
// and the status, as codes and as shown, folded (case and accents).
func (m Model) buildHay(ps []api.Pledge, dst []string) []string {
	for _, p := range ps {
		dst = append(dst, fold(strings.Join([]string{
			textsafe.Clean(p.Project.Title),
			p.Project.Category, labels.Category(m.env.T, p.Project.Category),
			p.Status, labels.PledgeStatus(m.env.T, p.Status),
		}, "\x00")))
	}
	return dst
}

// fold lowers case and drops accents, so "elevage" finds "Élevage".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// totals are sums in integer cents over the shown pledges.
type totals struct {
	lent, repaid, interest, outstanding api.Money
}

func (m Model) sum() totals {
	var t totals
	add := func(dst *api.Money, v api.Money) {
		if !v.Valid {
			return
		}
		if !dst.Valid {
			*dst = api.Money{Currency: v.Currency, Valid: true}
		}
		dst.Cents += v.Cents
	}
	for _, i := range m.list.Shown() {
		p := m.items[i]
		add(&t.lent, p.Amount)
		add(&t.repaid, p.RepaidCapital)
		add(&t.interest, p.PaidInterest)
		add(&t.outstanding, p.RemainingCapital)
	}
	return t
}
