package leadform

import (
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
)

// snapshot is the form as the program last left it, taken on the program's
// goroutine so that the test never touches the live model.
type snapshot struct {
	view    string // ANSI stripped
	phase   phase
	focused string
	lead    api.Lead
	notice  string
	done    *DoneMsg
	saves   []draftSavedMsg // every save's answer the form got, in order
}

type probe struct {
	mu    sync.Mutex
	last  snapshot
	saves []draftSavedMsg
}

func (p *probe) get() snapshot {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// harness hosts the form as the root model would, recording each state.
type harness struct {
	m Model
	p *probe
}

func (h harness) Init() tea.Cmd {
	h.record(nil)
	return h.m.Init()
}

func (h harness) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(draftSavedMsg); ok {
		h.p.mu.Lock()
		h.p.saves = append(h.p.saves, s)
		h.p.mu.Unlock()
	}
	if d, ok := msg.(DoneMsg); ok {
		h.record(&d)
		return h, nil
	}
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	h.record(nil)
	return h, cmd
}

func (h harness) record(done *DoneMsg) {
	s := snapshot{
		view:    ansi.Strip(h.m.View()),
		phase:   h.m.phase,
		focused: h.m.focused(),
		lead:    h.m.ff.lead,
		notice:  h.m.noticeText(),
	}
	h.p.mu.Lock()
	defer h.p.mu.Unlock()
	s.saves = append([]draftSavedMsg(nil), h.p.saves...)
	if done == nil {
		done = h.p.last.done
	}
	s.done = done
	h.p.last = s
}

func (h harness) View() tea.View { return tea.NewView(h.m.View()) }

type driver struct {
	t  *testing.T
	tm *teatest.TestModel
	p  *probe
}

func start(t *testing.T, cfg Config) *driver {
	t.Helper()
	if cfg.Width == 0 {
		cfg.Width, cfg.Height = 100, 30
	}
	p := &probe{}
	m := New(cfg)
	tm := teatest.NewTestModel(t, harness{m: m, p: p}, teatest.WithInitialTermSize(cfg.Width, cfg.Height))
	t.Cleanup(func() {
		_ = tm.Quit()
		// A save may still be on its way when the test ends: wait for it, and
		// let none start, before the test's directory is removed.
		m.stopSaving()
	})
	return &driver{t: t, tm: tm, p: p}
}

// wait waits for the form to reach a state; the deadline only catches a
// form that never gets there, it measures nothing.
func (d *driver) wait(what string, cond func(snapshot) bool) snapshot {
	d.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := d.p.get()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("never %s; last screen:\n%s\nnotice: %q", what, s.view, s.notice)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func (d *driver) waitFocus(field string) {
	d.t.Helper()
	d.wait("focused "+field, func(s snapshot) bool { return s.focused == field })
}

func (d *driver) key(code rune) { d.tm.Send(tea.KeyPressMsg{Code: code}) }

// fill types text into field (once it has the cursor) and presses enter.
func (d *driver) fill(field, text string) {
	d.t.Helper()
	d.waitFocus(field)
	d.tm.Type(text)
	d.wait("typed into "+field, func(s snapshot) bool { return lead.Get(s.lead, field) == text })
	d.key(tea.KeyEnter)
}

// pick moves an inline select right n times, then presses enter.
func (d *driver) pick(field string, n int) {
	d.t.Helper()
	d.waitFocus(field)
	for range n {
		d.key(tea.KeyRight)
	}
	d.key(tea.KeyEnter)
}

// waitSaved waits for the form's own word that l was written to the draft.
func (d *driver) waitSaved(l api.Lead) draftSavedMsg {
	d.t.Helper()
	var saved draftSavedMsg
	d.wait("the draft saved", func(s snapshot) bool {
		for _, m := range s.saves {
			if m.written && m.err == nil && !m.removed && m.lead == l {
				saved = m
				return true
			}
		}
		return false
	})
	return saved
}
