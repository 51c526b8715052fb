// Package insight is the insight pane (4): what the pledges of the person
// looked up add up to. At its top the three answers a support agent gives
// on the phone (the next repayment, the late loans, this year's interest),
// then the return, the cash-flow calendar, the risk, the diversification
// and the tax years, scrollable.
//
// The figures come from internal/insight, computed in commands, never in
// Update or View: once the pledges pane has every page it announces them
// (common.PledgesMsg); the pane computes a first report at once, loads the
// projects' regions and repayment frequencies (internal/projectfacts), then
// computes it again with them. Each report is announced (common.InsightMsg)
// for the wallet's sparkline and the pledge detail's schedule.
package insight

import (
	"context"
	"errors"
	"maps"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	figures "github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/projectfacts"
	"github.com/miimosa/miimosa/ui/common"
)

// reportMsg is one computed report. gen is the person, list the pledge list
// it was computed from, seq the computation: a later one knows at least as
// much (facts only grow for one person), so the highest seq wins.
type reportMsg struct {
	gen, list, seq int
	sum            summary
}

// factsMsg is the answer to one load of the projects' facts: what it got,
// with the first error met (what it got still counts).
type factsMsg struct {
	gen, req int
	facts    map[int64]figures.ProjectFacts
	err      error
}

// summary is the report and what the pane adds to it, all computed in the
// command.
type summary struct {
	report *figures.Report
	// nominal is the average nominal rate of the loans, weighted by the
	// amount lent; not Valid when no loan has one.
	nominal api.Decimal
	loans   int // loans, pending pledges left out
}

// Model is the insight pane.
type Model struct {
	env           *common.Env
	client        *api.Client
	width, height int
	focused       bool
	privacy       bool

	gen    int  // the person's UserMsg generation
	person bool // someone is looked up

	// The pledges of the person, as the pledges pane announced them.
	pledges []api.Pledge
	got     bool // a PledgesMsg came for this person
	partial bool
	list    int // numbers the PledgesMsgs, so a report of an older list is dropped

	// The projects' facts gathered so far for this person; never written
	// to once handed to a computation: each answer makes a new map.
	facts    map[int64]figures.ProjectFacts
	factsReq common.Request
	factsErr error

	sum       summary
	seq       int // the last computation started
	reportSeq int // the computation sum comes from; 0: none yet
	// announcing: the report was announced and has not come back through
	// the root yet; busy till then, as the wallet and details update on it.
	announcing bool

	// The body, each line laid out at the pane's width once, when it
	// changes: View only picks the lines the viewport's offset shows.
	vp    viewport.Model
	lines []string
	marks []int // the body's line of each section's heading, in order
}

// New returns an empty pane: it computes once the pledges pane announces
// a person's pledges.
func New(env *common.Env, client *api.Client) Model {
	return Model{env: env, client: client, vp: viewport.New()}
}

// Init does nothing: nobody is looked up yet.
func (m Model) Init() tea.Cmd { return nil }

// SetSize sets the size the pane renders at and lays its body out again.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	return m.refresh()
}

// SetFocused says whether keys reach the pane.
func (m Model) SetFocused(f bool) Model { m.focused = f; return m }

// Capturing is false: the pane has no text input.
func (m Model) Capturing() bool { return false }

// Busy reports the facts loading or a report being computed.
func (m Model) Busy() bool { return m.factsReq.Busy() || m.reportSeq < m.seq || m.announcing }

// Report is the report shown, nil before the first.
func (m Model) Report() *figures.Report { return m.sum.report }

// Help is the help bar's keys over the pane.
func (m Model) Help() []key.Binding { return m.env.Keys.InsightHelp() }

// Update handles the root's messages, the pane's answers and, focused, keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.env == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case common.UserMsg:
		if msg.Gen < m.gen {
			return m, nil
		}
		m = m.clear()
		m.gen, m.person = msg.Gen, msg.User != (api.User{})
		return m.refresh(), nil
	case common.PledgesMsg:
		return m.gotPledges(msg)
	case factsMsg:
		return m.gotFacts(msg)
	case reportMsg:
		return m.gotReport(msg)
	case common.InsightMsg:
		if msg.Gen == m.gen && msg.Seq == m.reportSeq {
			m.announcing = false // heard by every pane and detail
		}
		return m, nil
	case common.ClientMsg:
		m.client = msg.Client
		if m.client == nil {
			m.factsReq.Abandon()
		}
		return m, nil
	case common.EnvMsg:
		m.env = msg.Env
		return m.refresh(), nil
	case common.PrivacyMsg:
		m.privacy = msg.On
		return m.refresh(), nil
	case common.WheelMsg:
		if msg.Lines > 0 {
			m.vp.ScrollDown(msg.Lines)
		} else {
			m.vp.ScrollUp(-msg.Lines)
		}
		return m, nil
	case tea.KeyPressMsg:
		if !m.focused {
			return m, nil
		}
		switch k := m.env.Keys; {
		case key.Matches(msg, k.Reload):
			return m.retryFacts()
		case key.Matches(msg, k.NextSection):
			return m.jump(1), nil
		case key.Matches(msg, k.PrevSection):
			return m.jump(-1), nil
		}
		m.env.Keys.Scroll(&m.vp, msg)
		return m, nil
	}
	return m, nil
}

// clear forgets the person: figures leave memory and screen, and the
// answers still on their way are dropped (their gen is older).
func (m Model) clear() Model {
	m.factsReq.Abandon()
	m.person, m.got, m.partial = false, false, false
	m.pledges, m.facts, m.factsErr = nil, nil, nil
	m.sum, m.reportSeq = summary{}, m.seq // a computation in flight is no one's now
	m.announcing = false
	m.vp.GotoTop()
	return m
}

// gotPledges starts the figures of a new list: at once with the facts
// known so far (none for a new person), and again once the missing facts
// came.
func (m Model) gotPledges(msg common.PledgesMsg) (Model, tea.Cmd) {
	if msg.Gen != m.gen || !m.person {
		return m, nil // another person's, or announced after a new lookup cleared the pane
	}
	m.list++
	m.pledges, m.partial, m.got = msg.Pledges, msg.Partial, true
	var compute, load tea.Cmd
	m, compute = m.compute()
	m, load = m.loadFacts()
	return m.refresh(), tea.Batch(compute, load)
}

// compute starts a computation of the held pledges with the held facts.
func (m Model) compute() (Model, tea.Cmd) {
	m.seq++
	gen, list, seq := m.gen, m.list, m.seq
	pledges, facts, now := m.pledges, m.facts, m.env.Now()
	return m, func() tea.Msg {
		return reportMsg{gen: gen, list: list, seq: seq, sum: summarise(pledges, facts, now)}
	}
}

// loadFacts asks for the facts of the projects not known yet.
func (m Model) loadFacts() (Model, tea.Cmd) {
	c := m.client
	if c == nil {
		m.factsReq.Abandon()
		return m, nil
	}
	ctx, req := m.factsReq.Start()
	m.factsErr = nil
	gen, pledges, known := m.gen, m.pledges, m.facts
	return m, func() tea.Msg {
		var ids []int64
		for _, id := range projectfacts.IDs(pledges) {
			if _, ok := known[id]; !ok {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			return factsMsg{gen: gen, req: req}
		}
		facts, err := projectfacts.Load(ctx, c, ids)
		return factsMsg{gen: gen, req: req, facts: facts, err: err}
	}
}

// retryFacts (r) asks again for the facts a failed load did not get.
func (m Model) retryFacts() (Model, tea.Cmd) {
	if !m.got || m.factsReq.Busy() || m.factsErr == nil {
		return m, nil
	}
	m, cmd := m.loadFacts()
	return m.refresh(), cmd
}

func (m Model) gotFacts(msg factsMsg) (Model, tea.Cmd) {
	if msg.gen != m.gen || !m.factsReq.Answered(msg.req) {
		return m, nil // another person's, or superseded
	}
	if msg.err != nil && !errors.Is(msg.err, context.Canceled) {
		m.factsErr = msg.err // the figures come anyway, with some regions unknown
	}
	if len(msg.facts) == 0 {
		return m.refresh(), nil // nothing new: the report stands
	}
	facts := make(map[int64]figures.ProjectFacts, len(m.facts)+len(msg.facts))
	maps.Copy(facts, m.facts)
	maps.Copy(facts, msg.facts)
	m.facts = facts
	m, cmd := m.compute()
	return m.refresh(), cmd
}

func (m Model) gotReport(msg reportMsg) (Model, tea.Cmd) {
	if msg.gen != m.gen || msg.list != m.list || msg.seq <= m.reportSeq {
		return m, nil // another person's, an older list's, or overtaken
	}
	m.sum, m.reportSeq, m.announcing = msg.sum, msg.seq, true
	announce := common.InsightMsg{Gen: m.gen, Seq: msg.seq, Report: msg.sum.report, Partial: m.partial}
	return m.refresh(), func() tea.Msg { return announce }
}

// summarise computes the report and the average nominal rate.
func summarise(pledges []api.Pledge, facts map[int64]figures.ProjectFacts, now time.Time) summary {
	r := figures.Compute(pledges, facts, now)
	s := summary{report: &r}
	var weighted, lent float64 // for drawing a rate only: money is never added up here
	for i := range r.Loans {
		l := &r.Loans[i]
		if l.Pending() {
			continue
		}
		s.loans++
		if !l.NominalRate.Valid || l.Amount <= 0 {
			continue
		}
		rate := float64(l.NominalRate.Value)
		for range l.NominalRate.Scale {
			rate /= 10
		}
		weighted += rate * float64(l.Amount)
		lent += float64(l.Amount)
	}
	if lent > 0 {
		s.nominal = api.Decimal{Value: int64(weighted/lent*100 + 0.5), Scale: 2, Valid: true}
	}
	return s
}

// View draws the title line and the scrolled body at exactly the size
// given. The body's lines are already the pane's width: its cost is the
// lines on screen, whatever the report holds.
func (m Model) View() string {
	if m.env == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	c := common.Canvas{W: m.width, H: m.height}
	c.Line(common.DetailTitle(m.env.Styles, m.title(), m.tail(), m.vp, m.width))
	from := min(m.vp.YOffset(), len(m.lines))
	for _, l := range m.lines[from:min(len(m.lines), from+m.height-1)] {
		c.Exact(l)
	}
	return c.String()
}

// title names the day of the figures and how many loans they add up.
func (m Model) title() string {
	t, f := m.env.T, m.env.Format
	if m.sum.report == nil {
		return t.T("ui.pane.insight")
	}
	return t.T("ui.insight.title", f.Date(m.sum.report.Today), labels.Loans(m.env.T, m.env.Format, m.sum.loans))
}

// tail says what the figures still wait for, or lack.
func (m Model) tail() string {
	t := m.env.T
	var parts []string
	if m.sum.report != nil && m.partial {
		parts = append(parts, t.T("ui.insight.partial"))
	}
	if m.sum.report != nil && m.factsReq.Busy() {
		parts = append(parts, t.T("ui.insight.facts_loading"))
	}
	return strings.Join(parts, " · ")
}

// refresh lays the body out again: on a new report, size, palette or
// privacy, never in View.
func (m Model) refresh() Model {
	if m.env == nil {
		return m
	}
	m.vp.SetWidth(m.width)
	m.vp.SetHeight(max(0, m.height-1))
	var lines []string
	lines, m.marks = m.body(max(1, m.width))
	for i, l := range lines {
		lines[i] = common.FitLine(l, m.width)
	}
	m.lines = lines
	m.vp.SetContentLines(lines)
	return m
}

// jump scrolls to the next section's heading (dir 1) or the previous
// one's (-1): the risk or the tax years in one or two keys.
func (m Model) jump(dir int) Model {
	at := m.vp.YOffset()
	target := -1
	for _, line := range m.marks {
		if dir > 0 && line > at {
			target = line
			break
		}
		if dir < 0 && line < at {
			target = line
		}
	}
	if target < 0 {
		target = 0 // before the first section: the top, with the notes
		if dir > 0 {
			return m
		}
	}
	m.vp.SetYOffset(target)
	return m
}
