package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/i18n"
)

// pane is the contract every pane package meets (PLAN.md): Update and the
// setters return the pane's own type, as Bubble Tea components do.
type pane[M any] interface {
	Update(tea.Msg) (M, tea.Cmd)
	View() string
	SetSize(width, height int) M
	SetFocused(bool) M
	Capturing() bool
	Busy() bool
}

// What a pane may say beyond the contract. The wallet, pledges and
// projects panes say both; the details show their errors in full, so they
// only name their keys.
type (
	// failing panes report their error until they recover: the status
	// line is derived from it, so it never outlives the failure.
	failing interface{ Err() error }
	// helping panes name the keys of what they show now (a list, a
	// search box, a picker) for the help bar.
	helping interface{ Help() []key.Binding }
)

// slot lets the root hold different pane types in one array and route to
// them alike, without knowing what each one shows.
type slot interface {
	update(tea.Msg) (slot, tea.Cmd)
	view() string
	setSize(width, height int) slot
	setFocused(bool) slot
	capturing() bool
	busy() bool
	err() error                  // nil when the pane does not fail, or cannot say
	help() ([]key.Binding, bool) // false: the pane leaves its help bar to the root
}

type adapt[M pane[M]] struct{ m M }

func (a adapt[M]) update(msg tea.Msg) (slot, tea.Cmd) {
	m, cmd := a.m.Update(msg)
	return adapt[M]{m}, cmd
}
func (a adapt[M]) view() string           { return a.m.View() }
func (a adapt[M]) setSize(w, h int) slot  { return adapt[M]{a.m.SetSize(w, h)} }
func (a adapt[M]) setFocused(f bool) slot { return adapt[M]{a.m.SetFocused(f)} }
func (a adapt[M]) capturing() bool        { return a.m.Capturing() }
func (a adapt[M]) busy() bool             { return a.m.Busy() }
func (a adapt[M]) err() error {
	if f, ok := any(a.m).(failing); ok {
		return f.Err()
	}
	return nil
}
func (a adapt[M]) help() ([]key.Binding, bool) {
	if h, ok := any(a.m).(helping); ok {
		return h.Help(), true
	}
	return nil, false
}
func wrap[M pane[M]](m M) slot           { return adapt[M]{m} }
func unwrap[M pane[M]](s slot) (M, bool) { a, ok := s.(adapt[M]); return a.m, ok }

// detail is a detail view in front of the panes, with the title of its frame.
type detail struct {
	slot
	title i18n.Key
}
