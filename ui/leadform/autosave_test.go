package leadform

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/lead"
)

// run runs a command and returns its message; nil for none.
func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

func editingWith(t *testing.T, store *lead.DraftStore) Model {
	t.Helper()
	m := New(Config{Drafts: store, Width: 100, Height: 30})
	m, _ = m.Update(draftLoadedMsg{}) // no draft: the form opens
	return m
}

// A tick saves only if nothing was typed since it was set (debounce); the
// longest-wait tick saves whatever the typing.
func TestAutosaveIsDebounced(t *testing.T) {
	store := drafts(t)
	m := typeKeys(editingWith(t, store), "jea")
	if m.auto.edits != 3 {
		t.Fatalf("%d edits counted, want 3", m.auto.edits)
	}
	if _, cmd := m.Update(autosaveMsg{form: m.auto.form, edit: 2}); cmd != nil {
		t.Fatal("a tick set before the last key saved")
	}
	if _, cmd := m.Update(autosaveMsg{form: m.auto.form + 1, edit: 3}); cmd != nil {
		t.Fatal("another form's tick saved this one")
	}
	if _, ok, _ := store.Load(); ok {
		t.Fatal("saved before any tick")
	}
	m2, cmd := m.Update(autosaveMsg{form: m.auto.form, edit: 3})
	saved, ok := run(cmd).(draftSavedMsg)
	if !ok || !saved.written || saved.err != nil || saved.lead.Email != "jea" {
		t.Fatalf("the last tick saved %+v", saved)
	}
	if l, _, _ := store.Load(); l.Email != "jea" {
		t.Fatalf("draft %+v", l)
	}
	// Nothing changed since: the next tick writes nothing.
	if _, cmd := m2.Update(autosaveMsg{form: m.auto.form, edit: 3}); cmd != nil {
		t.Fatal("an unchanged lead was written again")
	}
	// Typing on: the longest-wait tick saves though the keys keep coming.
	m3 := typeKeys(m2, "nne")
	_, cmd = m3.Update(autosaveMsg{form: m.auto.form, longest: true})
	if saved, _ := run(cmd).(draftSavedMsg); !saved.written || saved.lead.Email != "jeanne" {
		t.Fatalf("the longest-wait tick saved %+v", saved)
	}
}

// Two saves taken in order and run in the other order: the draft is the
// later snapshot.
func TestAutosaveKeepsTheLaterSnapshot(t *testing.T) {
	store := drafts(t)
	m := typeKeys(editingWith(t, store), "a@b")
	m, first := m.Update(autosaveMsg{form: m.auto.form, edit: m.auto.edits})
	m = typeKeys(m, ".fr")
	_, second := m.Update(autosaveMsg{form: m.auto.form, edit: m.auto.edits})
	if s, _ := run(second).(draftSavedMsg); !s.written {
		t.Fatalf("the later save: %+v", s)
	}
	if s, _ := run(first).(draftSavedMsg); s.written || s.err != nil {
		t.Fatalf("the earlier save, run last, wrote over the later one: %+v", s)
	}
	if l, _, _ := store.Load(); l.Email != "a@b.fr" {
		t.Fatalf("draft email %q, want the later a@b.fr", l.Email)
	}
}

// After the host's final save (SaveDraft, on quit), a save still on its way
// writes nothing: nothing outlives the program half written.
func TestNoSaveAfterTheFinalOne(t *testing.T) {
	store := drafts(t)
	m := typeKeys(editingWith(t, store), "a@b.fr")
	_, late := m.Update(autosaveMsg{form: m.auto.form, edit: m.auto.edits})
	if err := m.SaveDraft(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(store.Path()); err != nil {
		t.Fatal(err)
	}
	if s, _ := run(late).(draftSavedMsg); s.written || s.err != nil {
		t.Fatalf("a save after the final one: %+v", s)
	}
	if entries, _ := os.ReadDir(store.Dir); len(entries) != 0 {
		t.Fatalf("%d file(s) written after the final save", len(entries))
	}
}

// Erasing everything that was typed deletes the draft this form wrote; a
// declined draft stays until something is typed.
func TestErasedLeadDeletesItsDraft(t *testing.T) {
	store := drafts(t)
	m := typeKeys(editingWith(t, store), "ab")
	m, cmd := m.Update(autosaveMsg{form: m.auto.form, edit: m.auto.edits})
	run(cmd)
	for range 2 {
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	_, cmd = m.Update(autosaveMsg{form: m.auto.form, edit: m.auto.edits})
	if s, _ := run(cmd).(draftSavedMsg); !s.removed || !s.written {
		t.Fatalf("erasing: %+v", s)
	}
	if _, ok, _ := store.Load(); ok {
		t.Fatal("the draft of an erased lead is still there")
	}
}

// Through a running program: typing alone, with no enter and no esc, puts
// the draft on disk (0600 in a 0700 directory), as a kill -9 would find it.
func TestTypingAloneSavesTheDraft(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "miimosa")
	store := &lead.DraftStore{Dir: dir, Now: func() time.Time { return time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC) }}
	d := start(t, Config{Drafts: store})
	d.waitFocus(lead.Email)
	d.tm.Type("jeanne@ferme.fr")
	d.key(tea.KeyEnter)
	d.tm.Type("Jeanne")
	want := api.Lead{Email: "jeanne@ferme.fr", Firstname: "Jeanne"}
	d.waitSaved(want)
	got, ok, err := store.LoadDraft()
	if err != nil || !ok || got.Lead != want {
		t.Fatalf("draft %+v, %v, %v", got, ok, err)
	}
	fi, err := os.Stat(store.Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("draft file %v, %v", fi, err)
	}
	if di, err := os.Stat(dir); err != nil || di.Mode().Perm() != 0o700 {
		t.Errorf("state dir %v, %v", di, err)
	}
}

// Close takes its snapshot when called (in Update): keys handled after it
// do not reach the file, and nothing is written after it.
func TestCloseSavesTheSnapshotOfItsCall(t *testing.T) {
	store := drafts(t)
	m := typeKeys(editingWith(t, store), "a@b.fr")
	closing := m.Close()
	m = typeKeys(m, "xyz")
	_, late := m.Update(autosaveMsg{form: m.auto.form, edit: m.auto.edits})
	if s, _ := run(closing).(draftSavedMsg); s.err != nil {
		t.Fatal(s.err)
	}
	if s, _ := run(late).(draftSavedMsg); s.written {
		t.Fatal("a save after Close was written")
	}
	if l, _, _ := store.Load(); l.Email != "a@b.fr" {
		t.Fatalf("draft email %q, want a@b.fr as it was at Close", l.Email)
	}
}

// Quitting while the lead is being sent keeps it marked as a send in
// doubt: it may arrive, and the next run asks before sending it again.
func TestQuitWhileSendingMarksTheDraft(t *testing.T) {
	store := drafts(t)
	m := New(Config{Drafts: store, Submit: (&fakeAPI{}).submit})
	m.phase = phaseSending
	m.ff = newFormFields(typedLead())
	if err := m.SaveDraft(); err != nil {
		t.Fatal(err)
	}
	d, ok, err := store.LoadDraft()
	if err != nil || !ok || d.Unconfirmed.IsZero() || d.Lead != typedLead() {
		t.Fatalf("draft %+v, %v, %v", d, ok, err)
	}
}
