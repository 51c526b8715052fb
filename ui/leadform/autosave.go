package leadform

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
)

// The draft is saved as it is typed, so that a closed terminal (SIGHUP) or
// a kill -9 loses at most the last moment of typing: debounce after the
// last change, and at the latest every autosaveMax while typing goes on.
const (
	autosaveDelay = 500 * time.Millisecond
	autosaveMax   = 3 * time.Second
)

// formIDs numbers the forms of the process, so that a tick meant for a
// closed form never saves into the next one.
var formIDs atomic.Uint64

// autosave is the form's bookkeeping of what is on disk.
type autosave struct {
	form  uint64   // this form's number
	edits int      // changes to the lead since the form opened
	base  api.Lead // what the draft file holds from this form (or was restored from)
	// baseUnconfirmed is base's mark of a send in doubt.
	baseUnconfirmed time.Time
	wrote           bool // the draft file is this form's: erasing everything deletes it
	armed           bool // an autosaveMax tick is on its way
}

// autosaveMsg is a debounce tick: the save happens if nothing changed since
// (edit is still the count), or unconditionally for the autosaveMax tick.
type autosaveMsg struct {
	form    uint64
	edit    int
	longest bool
}

// draftSavedMsg says how a save (or a deletion) of the draft went. lead is
// the snapshot it wrote; written is false for one dropped because a newer
// snapshot was on disk already, or because the form was closed.
type draftSavedMsg struct {
	form    uint64
	lead    api.Lead
	removed bool // the draft was deleted (accepted, or everything erased)
	written bool
	err     error
}

// errFormClosed: a save that came after the form's last one.
var errFormClosed = errors.New("the form is closed")

// saveGate lets the form's writes happen until it is closed, and closing
// waits for the one under way: nothing is written after a host's final
// save, and no write is left half done when the program exits.
type saveGate struct {
	mu     sync.Mutex
	closed bool
}

func (g *saveGate) do(write func() error) error {
	if g == nil {
		return errFormClosed
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return errFormClosed
	}
	return write()
}

func (g *saveGate) close() {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}

// changed notes a change to the lead and schedules its save.
func (m Model) changed() (Model, tea.Cmd) {
	if m.cfg.Drafts == nil {
		return m, nil
	}
	m.auto.edits++
	form, edit := m.auto.form, m.auto.edits
	cmds := []tea.Cmd{tea.Tick(autosaveDelay, func(time.Time) tea.Msg { return autosaveMsg{form: form, edit: edit} })}
	if !m.auto.armed {
		m.auto.armed = true
		cmds = append(cmds, tea.Tick(autosaveMax, func(time.Time) tea.Msg { return autosaveMsg{form: form, longest: true} }))
	}
	return m, tea.Batch(cmds...)
}

// autosaveTick saves the lead if the tick is still the latest word.
func (m Model) autosaveTick(msg autosaveMsg) (Model, tea.Cmd) {
	if msg.form != m.auto.form {
		return m, nil
	}
	if msg.longest {
		m.auto.armed = false
	} else if msg.edit != m.auto.edits {
		return m, nil // typed since: the later tick saves
	}
	return m.persist(false)
}

// canSave: the lead is the form's to keep (not before the draft question is
// answered, not once the server has accepted it).
func (m Model) canSave() bool {
	switch m.phase {
	case phaseLoading, phaseOffer, phaseSent:
		return false
	}
	return m.cfg.Drafts != nil && m.ff != nil
}

// persist writes what is typed now, in a command: the snapshot and its
// number are taken here, in Update, so that saves land in the order of the
// changes whatever order the commands run in. Nothing typed and no draft of
// this form's on disk: nothing to do. Unless force is set (after a failed
// send), a snapshot already on disk is not written again.
func (m Model) persist(force bool) (Model, tea.Cmd) {
	if !m.canSave() {
		return m, nil
	}
	if !force && m.auto.wrote && m.ff.lead == m.auto.base && m.unconfirmed.Equal(m.auto.baseUnconfirmed) {
		return m, nil
	}
	l := m.ff.lead
	if lead.Empty(l) && !m.auto.wrote {
		m.auto.base = l
		return m, nil // a declined draft stays until something is typed
	}
	store, gate, form := m.cfg.Drafts, m.gate, m.auto.form
	seq := store.Next()
	draft := lead.Draft{Lead: l, Unconfirmed: m.unconfirmed}
	clock := m.clock()
	m.auto.base, m.auto.baseUnconfirmed, m.auto.wrote = l, m.unconfirmed, !lead.Empty(l)
	return m, func() tea.Msg {
		msg := draftSavedMsg{form: form, lead: l}
		msg.err = gate.do(func() error {
			var err error
			if lead.Empty(l) {
				msg.removed = true
				msg.written, err = store.DiscardAt(seq)
				return err
			}
			draft.SavedAt = clock()
			msg.written, err = store.Put(seq, draft)
			return err
		})
		if errors.Is(msg.err, errFormClosed) {
			msg.err = nil
		}
		return msg
	}
}

// discard deletes the draft once the lead is accepted, ordered with the
// saves like them.
func (m Model) discard() (Model, tea.Cmd) {
	store := m.cfg.Drafts
	if store == nil {
		return m, nil
	}
	gate, form, seq := m.gate, m.auto.form, store.Next()
	m.auto.base, m.auto.wrote = api.Lead{}, false
	return m, func() tea.Msg {
		msg := draftSavedMsg{form: form, removed: true}
		msg.err = gate.do(func() error {
			var err error
			msg.written, err = store.DiscardAt(seq)
			return err
		})
		if errors.Is(msg.err, errFormClosed) {
			msg.err = nil
		}
		return msg
	}
}

// saved takes a save's answer: a failure is said beside the notice until a
// later save succeeds.
func (m Model) saved(msg draftSavedMsg) Model {
	if msg.form != m.auto.form {
		return m
	}
	switch {
	case msg.err != nil:
		m.saveErr = msg.err
	case msg.written:
		m.saveErr = nil
	}
	return m
}

// clock stamps saved drafts: the store's, else the host's, else time.Now.
func (m Model) clock() func() time.Time {
	switch {
	case m.cfg.Drafts != nil && m.cfg.Drafts.Now != nil:
		return m.cfg.Drafts.Now
	case m.cfg.Now != nil:
		return m.cfg.Now
	}
	return time.Now
}

// SaveDraft writes what is typed to the draft now and closes the form's
// saving: later saves from this form, and any still on their way, are
// dropped. It is for a host that quits (ctrl+c) with the form open; it
// waits for a save under way, and does nothing for an untouched or
// accepted lead. A send under way is marked as such in the draft: it may
// arrive. It reads the model: call it where nothing updates the model at
// the same time (after the program, or on a copy); Close takes its
// snapshot in Update instead.
func (m Model) SaveDraft() error { return m.finalSave()() }

// Close is SaveDraft as a command, its snapshot taken now, in Update: a
// host that quits with the form open runs tea.Sequence(form.Close(),
// tea.Quit).
func (m Model) Close() tea.Cmd {
	save, form := m.finalSave(), m.auto.form
	return func() tea.Msg { return draftSavedMsg{form: form, err: save()} }
}

// finalSave takes the snapshot of the final save now and returns its
// write.
func (m Model) finalSave() func() error {
	gate := m.gate
	if gate == nil {
		return func() error { return nil }
	}
	if !m.canSave() || lead.Empty(m.ff.lead) && !m.auto.wrote {
		return func() error { gate.close(); return nil }
	}
	l, store, clock := m.ff.lead, m.cfg.Drafts, m.clock()
	unconfirmed := m.unconfirmed
	if m.phase == phaseSending && unconfirmed.IsZero() {
		unconfirmed = clock()
	}
	return func() error {
		defer gate.close()
		return gate.do(func() error {
			if lead.Empty(l) {
				_, err := store.DiscardAt(store.Next())
				return err
			}
			_, err := store.Put(store.Next(), lead.Draft{Lead: l, SavedAt: clock(), Unconfirmed: unconfirmed})
			return err
		})
	}
}

// draftWorthSaving: SaveDraft would write a draft.
func (m Model) draftWorthSaving() bool {
	return m.canSave() && !lead.Empty(m.ff.lead)
}

// stopSaving waits for a save under way and drops every later one.
func (m Model) stopSaving() { m.gate.close() }
