package insight

import (
	"testing"

	"github.com/miimosa/miimosa/internal/i18n"
)

// benchPane is the pane at 160×45 holding the report of n pledges,
// scrolled to the middle of its body.
func benchPane(tb testing.TB, n int) Model {
	m := withReport(tb, i18n.FR, lenderPledges(n), 160, 45)
	m.vp.SetYOffset(m.vp.TotalLineCount() / 2)
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

// The two must cost about the same: the figures are computed in a command
// and laid out when they arrive; View only slices the lines on screen.
func BenchmarkInsightView420(b *testing.B)   { benchmarkView(b, 420) }
func BenchmarkInsightView10000(b *testing.B) { benchmarkView(b, 10000) }

// What laying the body out costs when a report arrives or the size changes.
func BenchmarkInsightLayout10000(b *testing.B) {
	m := benchPane(b, 10000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.refresh()
	}
}

// The same check without timing, so it cannot flake on a slow machine:
// drawing the report of 10,000 pledges allocates as drawing 420's does.
func TestViewCostDoesNotGrowWithThePledges(t *testing.T) {
	allocs := func(n int) float64 {
		m := benchPane(t, n)
		if m.sum.loans < n*8/10 {
			t.Fatalf("%d loans in the report of %d pledges", m.sum.loans, n)
		}
		return testing.AllocsPerRun(20, func() { _ = m.View() })
	}
	small, big := allocs(420), allocs(10000)
	if big > small*1.1 {
		t.Errorf("View allocates %.0f times with 10,000 pledges, %.0f with 420", big, small)
	}
}
