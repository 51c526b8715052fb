package ui

import tea "charm.land/bubbletea/v2"

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

// slot lets the root hold different pane types in one array and route to
// them alike, without knowing what each one shows.
type slot interface {
	update(tea.Msg) (slot, tea.Cmd)
	view() string
	setSize(width, height int) slot
	setFocused(bool) slot
	capturing() bool
	busy() bool
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
func wrap[M pane[M]](m M) slot            { return adapt[M]{m} }
func unwrap[M pane[M]](s slot) (M, bool)  { a, ok := s.(adapt[M]); return a.m, ok }
