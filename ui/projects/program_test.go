package projects

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// host runs the pane alone in a real Bubble Tea program, as the root would:
// size from the terminal, every message routed to it. It quits once done
// says the pane reached the state under test, so the final screen does not
// depend on timing.
type host struct {
	pane Model
	done func(Model) bool
}

func (h host) Init() tea.Cmd { return h.pane.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		h.pane = h.pane.SetSize(ws.Width, ws.Height)
		return h, nil
	}
	var cmd tea.Cmd
	h.pane, cmd = h.pane.Update(msg)
	if h.done(h.pane) {
		return h, tea.Quit
	}
	return h, cmd
}

func (h host) View() tea.View { return tea.NewView(h.pane.View()) }

// Typing a keyword in a running program: the debounce ticks for real, the
// request goes to the sandbox, and only the last keyword's answer shows.
func TestProgramKeywordSearch(t *testing.T) {
	for _, sz := range uitest.Sizes {
		t.Run(sz.Name, func(t *testing.T) {
			pane := New(uitest.SandboxEnv(t, sz.Lang)).SetFocused(true)
			h := host{pane: pane, done: func(m Model) bool {
				return m.Query().Keyword == "vignes" && !m.Busy() && len(m.items) > 0 && !m.Capturing()
			}}
			tm := teatest.NewTestModel(t, h, teatest.WithInitialTermSize(sz.W, sz.H),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			tm.Type("/")
			tm.Type("vigne")
			time.Sleep(50 * time.Millisecond) // a pause shorter than the debounce
			tm.Type("s")
			tm.Send(uitest.Key("enter"))
			final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(host)
			for _, p := range final.pane.items {
				if p.ID == 0 {
					t.Fatal("an empty project was shown")
				}
			}
			uitest.Golden(t, final.pane)
		})
	}
}
