package hostile_test

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/hostile"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/pledges"
)

// The terminal's pledges pane against page links a server made up: it
// stops within its caps, keeps what it loaded and says why it stopped.

const paneWidth, paneHeight = 120, 30

// paneEnv is a pane environment in English with a dark palette and a fixed
// clock, as the root builds one.
func paneEnv() *common.Env {
	t := i18n.New(i18n.EN)
	f := format.New(i18n.EN)
	f.Loc = time.UTC
	return &common.Env{
		T:      t,
		Format: f,
		Keys:   common.NewKeyMap(t),
		Styles: common.NewStyles(true),
		Now:    func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) },
	}
}

// maxSteps bounds a drive: far more messages than a bounded walk needs
// (its page cap), so only a pane that follows links forever reaches it.
const maxSteps = 300

// lookUp sends the pane a lookup of the lender and runs every command it
// leads to, as the program would, until the pane is quiet. It reports
// false when the pane was still asking for pages after maxSteps messages.
func lookUp(t *testing.T, s *hostile.Server) (pledges.Model, bool) {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: s.URL, Key: testKey, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	m := pledges.New(paneEnv(), c).SetSize(paneWidth, paneHeight).SetFocused(true)
	m, cmd := m.Update(common.UserMsg{User: lender, Gen: 1})
	return drive(t, m, cmd)
}

// drive runs cmd and the commands its messages lead to, feeding each
// message to the pane; animation frames are dropped (they never end).
func drive(t *testing.T, m pledges.Model, cmd tea.Cmd) (pledges.Model, bool) {
	t.Helper()
	done := make(chan struct{})
	defer close(done)
	results := make(chan tea.Msg)
	pending := 0
	launch := func(c tea.Cmd) {
		if c == nil {
			return
		}
		pending++
		go func() {
			msg := c()
			select {
			case results <- msg:
			case <-done:
			}
		}()
	}
	launch(cmd)
	deadline := time.After(30 * time.Second)
	for steps := 0; pending > 0; steps++ {
		if steps > maxSteps {
			return m, false
		}
		var msg tea.Msg
		select {
		case msg = <-results:
			pending--
		case <-deadline:
			t.Fatalf("a command of the pane is still running after 30s")
		}
		switch msg := msg.(type) {
		case nil, spinner.TickMsg, cursor.BlinkMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				launch(c)
			}
		default:
			if seq, ok := sequence(msg); ok {
				// tea.Sequence: in order, one after another.
				var cmds []tea.Cmd
				for _, c := range seq {
					if c != nil {
						cmds = append(cmds, c)
					}
				}
				pending += len(cmds)
				go func() {
					for _, c := range cmds {
						select {
						case results <- c():
						case <-done:
							return
						}
					}
				}()
				continue
			}
			var next tea.Cmd
			m, next = m.Update(msg)
			launch(next)
		}
	}
	return m, true
}

// sequence recognises tea.Sequence's message, whose type is not exported.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

const needsBoundedWalk = "needs the pane on the bounded walk"

// expectStoppedAndSaid checks a pane stopped by the server: ErrRefused,
// said on screen, with n pledges loaded.
func expectStoppedAndSaid(t *testing.T, m pledges.Model, n int) {
	t.Helper()
	if !errors.Is(m.Err(), api.ErrRefused) {
		t.Errorf("the pane's error is %v, want ErrRefused", m.Err())
	}
	if got := len(m.Pledges()); got != n {
		t.Errorf("the pane holds %d pledges, want the %d loaded", got, n)
	}
	if m.Busy() {
		t.Errorf("the pane is still busy")
	}
	view := ansi.Strip(m.View())
	line := ansi.Strip(common.ErrorLine(paneEnv(), m.Err()))
	if words := strings.Fields(line); len(words) < 3 || !strings.Contains(strings.Join(strings.Fields(view), " "), strings.Join(words[:3], " ")) {
		t.Errorf("the pane does not say why it stopped (%q):\n%s", line, view)
	}
}

func TestPledgesPaneStopsOnALoopOfNextLinks(t *testing.T) {
	s := hostile.Start(t, hostile.NextLoop)
	m, quiet := lookUp(t, s)
	if !quiet {
		t.Skip(needsBoundedWalk)
	}
	hits := s.Hits(hostile.API, http.MethodGet, "/user/pledges")
	if hits != 2 {
		t.Errorf("%d pages asked for, want 2 (page 1, page 2, then the link back)", hits)
	}
	expectStoppedAndSaid(t, m, 2*hostile.LinkPageSize)
}

func TestPledgesPaneStopsOnEndlessNextLinks(t *testing.T) {
	s := hostile.Start(t, hostile.NextEndless)
	m, quiet := lookUp(t, s)
	if !quiet {
		t.Skip(needsBoundedWalk)
	}
	hits := s.Hits(hostile.API, http.MethodGet, "/user/pledges")
	if hits < 2 {
		t.Errorf("%d pages asked for", hits)
	}
	// Sequential (no Total): every page asked for was loaded, none twice.
	expectStoppedAndSaid(t, m, hits*hostile.LinkPageSize)
	for i, p := range m.Pledges() {
		if p.ID != hostile.PledgeID(i) {
			t.Fatalf("pledge %d is %d, want %d", i, p.ID, hostile.PledgeID(i))
		}
	}
}

func TestPledgesPaneRefusesANextLinkToAnotherServer(t *testing.T) {
	s := hostile.Start(t, hostile.NextOtherHost)
	m, quiet := lookUp(t, s)
	if !quiet {
		t.Fatal("the pane did not stop")
	}
	expectStoppedAndSaid(t, m, hostile.PledgeCount)
	expectNothingElsewhere(t, s)
}

// Hostile titles on screen: no escape sequence but the pane's own colours,
// no C1, bidi or joiner character, and every line as wide by the layout's
// measure as by the terminal's.
func TestPledgesPaneDrawsHostileTitlesSafely(t *testing.T) {
	for _, sc := range []hostile.Scenario{hostile.EscapeTitles, hostile.C1BidiTitles, hostile.ZWJTitles} {
		t.Run(string(sc), func(t *testing.T) {
			s := hostile.Start(t, sc)
			m, quiet := lookUp(t, s)
			if !quiet || m.Err() != nil || len(m.Pledges()) != hostile.PledgeCount {
				t.Fatalf("the pane did not load the %d pledges: %d, %v", hostile.PledgeCount, len(m.Pledges()), m.Err())
			}
			view := m.View()
			for _, bad := range []string{"\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x07", "\x1b[2J", "\x1b[H"} {
				if strings.Contains(view, bad) {
					t.Errorf("the view holds %q", bad)
				}
			}
			plain := ansi.Strip(view)
			expectNoControls(t, "the view", plain)
			for i, line := range strings.Split(plain, "\n") {
				if w, wc := ansi.StringWidth(line), ansi.StringWidthWc(line); w != wc || w > paneWidth {
					t.Errorf("line %d is %d cells by the layout, %d by wcwidth (pane %d): %q", i, w, wc, paneWidth, line)
				}
			}
		})
	}
}
