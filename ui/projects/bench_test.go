package projects

import (
	"testing"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// benchPane is the pane at 160×45 with n projects loaded and the cursor in
// the middle, as after a long scroll.
func benchPane(b *testing.B, n int) Model {
	m := New(uitest.Env(i18n.FR), uitest.Offline(b)).SetSize(160, 45).SetFocused(true)
	m, _ = m.Update(pageMsg{req: m.req.Seq(), page: page(makeProjects(1, n), "/projects?page=2", int64(n*2))})
	m.list = m.list.MoveTo(n / 2)
	return m
}

func benchmarkView(b *testing.B, n int) {
	m := benchPane(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// The two must cost about the same: View draws the visible window only.
func BenchmarkProjectsView100(b *testing.B)   { benchmarkView(b, 100) }
func BenchmarkProjectsView10000(b *testing.B) { benchmarkView(b, 10000) }

// The same check without timing, so it cannot flake on a slow machine:
// drawing with 10,000 projects loaded allocates as drawing with 100 does.
func TestViewCostFollowsVisibleRows(t *testing.T) {
	allocs := func(n int) float64 {
		m := New(uitest.Env(i18n.FR), uitest.Offline(t)).SetSize(160, 45).SetFocused(true)
		m, _ = m.Update(pageMsg{req: m.req.Seq(), page: page(makeProjects(1, n), "/projects?page=2", int64(n*2))})
		m.list = m.list.MoveTo(n / 2)
		return testing.AllocsPerRun(20, func() { _ = m.View() })
	}
	small, big := allocs(100), allocs(10000)
	if big > small*1.1 {
		t.Errorf("View allocates %.0f times with 10,000 projects, %.0f with 100", big, small)
	}
}

// A sort done here re-sorts every row loaded as each page arrives: this is
// its cost for the last page of 10,000 projects.
func BenchmarkArrangeByRate10000(b *testing.B) {
	m := benchPane(b, 10000)
	m.sortBy = sortRate
	for i := range m.items {
		m.items[i].InterestRate.Value = int64(i*7919) % 800
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.arrange()
	}
}

// What a page of 40 costs to place among 10,000 sorted here.
func BenchmarkArrangePageByRate10000(b *testing.B) {
	m := benchPane(b, 10040)
	m.sortBy = sortRate
	for i := range m.items {
		m.items[i].InterestRate.Value = int64(i*7919) % 800
	}
	all := m.items
	m.items = all[:10000]
	m = m.arrange()
	m.items = all
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.arrangeFrom(10000)
	}
}
