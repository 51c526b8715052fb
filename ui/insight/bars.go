package insight

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/NimbleMarkets/ntcharts/v2/barchart"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/ui/common"
)

// minBarCells is the least room a bar is drawn in: below it the chart
// gives way to its table (the label and the figures).
const minBarCells = 6

// chart is a table with a horizontal bar in each row: the label, the bar,
// then the figures. The bars are drawn by ntcharts; the figures are the
// exact amounts, formatted from cents.
type chart struct {
	head  []string        // the label's and the cells' headers; nil: no header row
	cells []common.Column // the figures' columns (Priority drops them when narrow)
	rows  []barRow
	max   float64 // the value of a full bar
}

// barRow is one row: values are stacked in the bar (capital, then
// interest), for drawing only.
type barRow struct {
	label  string
	values []float64
	cells  []string
}

// draw lays the chart out at w cells. Private, no bar is drawn: a bar's
// length would tell the amount the figures mask.
func (p painter) draw(c chart) []string {
	if len(c.rows) == 0 {
		return nil
	}
	bars := !p.private
	cols := make([]common.Column, 0, 2+len(c.cells))
	natural := make([]int, 0, cap(cols))
	labelW := 0
	if c.head != nil {
		labelW = ansi.StringWidth(c.head[0])
	}
	for _, r := range c.rows {
		labelW = max(labelW, ansi.StringWidth(r.label))
	}
	cols = append(cols, common.Column{Width: min(labelW, 12), Max: max(12, p.w*2/5), Flex: !bars})
	natural = append(natural, labelW)
	if bars {
		cols = append(cols, common.Column{Width: minBarCells, Flex: true})
		natural = append(natural, 0)
	}
	for i, col := range c.cells {
		w := 0
		if c.head != nil {
			w = ansi.StringWidth(c.head[i+1])
		}
		for _, r := range c.rows {
			w = max(w, ansi.StringWidth(r.cells[i]))
		}
		cols = append(cols, col)
		natural = append(natural, w)
	}
	widths := common.FitContent(cols, natural, p.w)

	var barLines []string
	if bars && widths[1] >= minBarCells {
		barLines = p.bars(c, widths[1])
	} else if bars {
		widths[1] = 0 // no room: the table alone
	}
	row := func(label, bar string, cells []string) string {
		all := make([]string, 0, len(cols))
		all = append(all, label)
		if bars {
			all = append(all, bar)
		}
		return common.Row(append(all, cells...), widths, cols)
	}
	out := make([]string, 0, len(c.rows)+1)
	if c.head != nil {
		out = append(out, p.env.Styles.Header.Render(row(c.head[0], "", c.head[1:])))
	}
	for i, r := range c.rows {
		bar := ""
		if barLines != nil {
			bar = barLines[i]
		}
		out = append(out, row(r.label, bar, r.cells))
	}
	return out
}

// bars draws every row's bar w cells wide with ntcharts, one row a bar.
func (p painter) bars(c chart, w int) []string {
	top := c.max
	if top <= 0 {
		top = 1 // nothing to draw: empty bars rather than a division by zero
	}
	st := p.env.Styles
	styles := []lipgloss.Style{st.Success, st.Warning} // capital, interest
	bc := barchart.New(w, len(c.rows),
		barchart.WithHorizontalBars(), barchart.WithNoAxis(), barchart.WithBarGap(0),
		barchart.WithMaxValue(top), barchart.WithNoAutoMaxValue())
	data := make([]barchart.BarData, len(c.rows))
	for i, r := range c.rows {
		vs := make([]barchart.BarValue, len(r.values))
		for j, v := range r.values {
			vs[j] = barchart.BarValue{Value: v, Style: styles[j%len(styles)]}
		}
		data[i] = barchart.BarData{Values: vs}
	}
	bc.PushAll(data)
	bc.Draw()
	lines := strings.Split(bc.View(), "\n")
	for len(lines) < len(c.rows) {
		lines = append(lines, "")
	}
	return lines[:len(c.rows)]
}
