package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/internal/uitest"
	"github.com/miimosa/miimosa/ui/pledgedetail"
)

// scripted runs the real program like a person would: it waits for a
// state, types, waits for the next state… and quits once the last one is
// reached. States are judged on the model, not on timing, so a snapshot
// never holds a half-loaded pane however slow the machine.
type scripted struct {
	Model
	steps []step
}

type step struct {
	when func(Model) bool
	keys []tea.Msg // typed once when holds; none on the last step: quit
}

func (s scripted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := s.Model.Update(msg)
	s.Model = next.(Model)
	if len(s.steps) == 0 || !s.steps[0].when(s.Model) {
		return s, cmd
	}
	st := s.steps[0]
	s.steps = s.steps[1:]
	if len(s.steps) == 0 {
		return s, tea.Quit
	}
	// In order, after what the model asked for.
	typing := make([]tea.Cmd, 0, len(st.keys)+1)
	typing = append(typing, cmd)
	for _, k := range st.keys {
		typing = append(typing, func() tea.Msg { return k })
	}
	return s, tea.Sequence(typing...)
}

// pledgeOpen: a pledge's detail is in front.
func pledgeOpen(m Model) bool {
	if len(m.details) != 1 {
		return false
	}
	_, ok := unwrap[pledgedetail.Model](m.details[0].slot)
	return ok
}

// settled: nothing in flight, so no spinner on the status line.
func settled(m Model) bool { return !m.busy() }

type screenCase struct {
	name    string
	lang    i18n.Lang
	noKey   bool
	privacy bool
	user    *api.User // looked up at start, as --email and --birthdate do
	keys    []tea.Msg // typed once the program has started
	then    []step    // more steps before the last
	ready   func(Model) bool
	sizes   [][2]int // the screens it is taken at; nil: 100×30 and 60×15
}

// The screens of issue 3, each at 100×30 and 60×15 (the dashboard also at
// 120×36 and 80×24; the zoom and the share of the focused pane at 100×30),
// through the real sandbox and the real program loop.
func TestScreens(t *testing.T) {
	demo := uitest.Demo()
	wrongBirthdate := append(uitest.Type(demo.Email), uitest.Key("tab"))
	wrongBirthdate = append(wrongBirthdate, uitest.Type("28/11/1980")...)
	wrongBirthdate = append(wrongBirthdate, uitest.Key("enter"))
	cases := []screenCase{
		{name: "first_start_without_key", noKey: true,
			ready: func(m Model) bool { return m.modal == modalKey && settled(m) }},
		{name: "lookup", keys: uitest.Type(demo.Email),
			ready: func(m Model) bool {
				return m.modal == modalLookup && settled(m) && strings.Contains(m.lookup.View(), demo.Email)
			}},
		{name: "lookup_403", keys: wrongBirthdate,
			ready: func(m Model) bool {
				return m.modal == modalLookup && settled(m) && strings.Contains(m.lookup.View(), "does not match")
			}},
		{name: "dashboard", user: &demo, sizes: [][2]int{{120, 36}, {100, 30}, {80, 24}, {60, 15}},
			ready: func(m Model) bool { return m.modal == modalNone && m.user == demo && settled(m) }},
		// The projects focused: the bottom row gets the larger share.
		{name: "projects_focused", user: &demo, keys: []tea.Msg{uitest.Key("3")}, sizes: [][2]int{{100, 30}},
			ready: func(m Model) bool { return m.focus == paneProjects && settled(m) }},
		// z: the pledges alone in the main area, z again to restore.
		{name: "zoom_pledges", user: &demo, keys: []tea.Msg{uitest.Key("z")}, sizes: [][2]int{{100, 30}},
			ready: func(m Model) bool { return m.zoomed() && settled(m) }},
		// z over a detail: the project without its frame.
		{name: "zoom_detail", keys: []tea.Msg{uitest.Key("esc")}, sizes: [][2]int{{100, 30}},
			then: []step{
				{when: func(m Model) bool { return m.modal == modalNone && settled(m) }, keys: []tea.Msg{uitest.Key("enter")}},
				{when: func(m Model) bool { return len(m.details) == 1 && settled(m) }, keys: []tea.Msg{uitest.Key("z")}},
			},
			ready: func(m Model) bool { return len(m.details) == 1 && m.zoomed() && settled(m) }},
		{name: "dashboard_fr", user: &demo, lang: i18n.FR,
			ready: func(m Model) bool { return m.modal == modalNone && m.user == demo && settled(m) }},
		{name: "privacy_on", user: &demo, privacy: true,
			ready: func(m Model) bool { return m.modal == modalNone && m.user == demo && settled(m) }},
		{name: "help", keys: []tea.Msg{uitest.Key("esc")},
			then:  []step{{when: func(m Model) bool { return m.modal == modalNone }, keys: []tea.Msg{uitest.Key("?")}}},
			ready: func(m Model) bool { return m.modal == modalHelp && settled(m) }},
		{name: "project_detail_from_list", keys: []tea.Msg{uitest.Key("esc")},
			// The lookup skipped, enter opens the first project over the whole area.
			then:  []step{{when: func(m Model) bool { return m.modal == modalNone && settled(m) }, keys: []tea.Msg{uitest.Key("enter")}}},
			ready: func(m Model) bool { return len(m.details) == 1 && settled(m) }},
		// 4: the insight in the bottom row (the stacked 4th tab at 60×15),
		// the three answers at its top.
		{name: "insight", user: &demo, keys: []tea.Msg{uitest.Key("4")},
			ready: func(m Model) bool { return m.focus == paneInsight && m.bottom == paneInsight && settled(m) }},
		{name: "pledge_project_detail", user: &demo, keys: []tea.Msg{uitest.Key("enter")},
			// enter opens the pledge and its schedule; enter again, its project.
			then:  []step{{when: pledgeOpen, keys: []tea.Msg{uitest.Key("enter")}}},
			ready: func(m Model) bool { return len(m.details) == 2 && settled(m) }},
	}
	for _, c := range cases {
		sizes := c.sizes
		if sizes == nil {
			sizes = [][2]int{{100, 30}, {60, 15}}
		}
		for _, size := range sizes {
			t.Run(c.name+"_"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
				golden.RequireEqual(t, runScreen(t, c, size[0], size[1]))
			})
		}
	}
}

func runScreen(t *testing.T, c screenCase, w, h int) string {
	t.Helper()
	const host = "api.example.test" // the test server's port changes; the screen must not
	opts, _ := testOptions(t, sandbox.Options{}, host, c.lang, c.noKey)
	opts.Privacy = c.privacy
	var steps []step
	if c.user != nil {
		// Filled in as the flags do, and sent once the first pages are in:
		// how many pages a list loads ahead depends on its height, which
		// follows the focus, which the lookup moves. Sent at once, the
		// snapshot would depend on which answer came first.
		opts.Email, opts.Birthdate = c.user.Email, c.user.Birthdate
		steps = append(steps, step{when: settled, keys: []tea.Msg{uitest.Key("enter")}})
	}
	start := func(m Model) bool {
		return settled(m) && (c.user == nil || m.user == *c.user)
	}
	steps = append(append(append(steps, step{when: start, keys: c.keys}), c.then...), step{when: c.ready})
	tm := teatest.NewTestModel(t, scripted{New(opts), steps}, teatest.WithInitialTermSize(w, h))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(60*time.Second)).(scripted)
	return uitest.ASCII(final.render())
}

func itoa(i int) string { return strconv.Itoa(i) }
