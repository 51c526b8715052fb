package projects

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/cache"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

const cacheHost = "api.miimosa.com"

// store is a cache that saved, five minutes before the tests' now, the
// list of the pane's first query.
func store(t *testing.T, items []api.Project) *cache.Store {
	t.Helper()
	st := cache.New(t.TempDir(), cache.Options{Now: func() time.Time { return uitest.Now.Add(-5 * time.Minute) }})
	if items != nil {
		if err := st.Save(cacheHost, api.ProjectQuery{Order: api.Orders[0]}, items, api.Int{Value: 360, Valid: true}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// The pane opens with the last list it saw for the same filters, says how
// old it is, and the server's first page replaces it; that page is kept for
// the next start.
func TestOpensWithTheLastListThenTheFreshOne(t *testing.T) {
	st := store(t, makeProjects(1, 3))
	m := New(uitest.Env(i18n.EN), uitest.Offline(t)).WithCache(st, cacheHost).SetSize(100, 30).SetFocused(true)
	msg := m.loadCached()()
	if msg == nil {
		t.Fatal("nothing read from the cache")
	}
	m, _ = m.Update(msg)
	v := m.View()
	uitest.Contains(t, v, "Projet 3")
	uitest.Contains(t, v, "updated 5 min ago")
	if !m.req.Busy() {
		t.Fatal("the fresh first page is no longer asked for")
	}

	fresh := makeProjects(50, 2)
	m, cmd := m.Update(pageMsg{req: m.req.Seq(), first: true, page: page(fresh, "", 2)})
	v = uitest.Plain(m.View())
	if m.cachedAt != (time.Time{}) || len(m.items) != 2 {
		t.Fatalf("the fresh page did not replace the cached list: %d items", len(m.items))
	}
	uitest.Contains(t, v, "Projet 51")
	if strings.Contains(v, "Projet 3") || strings.Contains(v, "updated") {
		t.Errorf("the cached list or its age outlived the fresh answer:\n%s", v)
	}
	runSaves(cmd)
	e, ok, err := st.Load(cacheHost, api.ProjectQuery{Order: api.Orders[0]})
	if !ok || err != nil || len(e.Items) != 2 || e.Items[0].ID != 50 {
		t.Errorf("the fresh page was not kept: ok %v err %v %+v", ok, err, e.Items)
	}
}

// A cached list that arrives after the server's answer, or for filters
// changed since, is dropped; a failed first page leaves the cached list
// with its age and the error.
func TestTheCacheNeverOvertakesTheServer(t *testing.T) {
	st := store(t, makeProjects(1, 3))
	m := New(uitest.Env(i18n.EN), uitest.Offline(t)).WithCache(st, cacheHost).SetSize(100, 30)
	late := m.loadCached()()
	m = answer(t, m, page(makeProjects(9, 1), "", 1), nil)
	m, _ = m.Update(late)
	if len(m.items) != 1 || m.items[0].ID != 9 {
		t.Fatalf("a late cached list replaced the server's answer: %d items", len(m.items))
	}

	m = New(uitest.Env(i18n.EN), uitest.Offline(t)).WithCache(st, cacheHost).SetSize(100, 30)
	m, _ = m.Update(m.loadCached()())
	m = answer(t, m, page(nil, "", -1), errors.New("no network"))
	uitest.Contains(t, m.View(), "Projet 1")
	uitest.Contains(t, m.View(), "updated 5 min ago")
	if m.Err() == nil {
		t.Error("the failure is not reported")
	}
}

// Without a store (--no-cache, --demo) nothing is read or kept.
func TestNoStoreNoCache(t *testing.T) {
	m := New(uitest.Env(i18n.EN), uitest.Offline(t)).WithCache(nil, cacheHost)
	if m.loadCached() != nil || m.saveCached(page(makeProjects(1, 1), "", 1)) != nil {
		t.Error("a nil store was used")
	}
}

// runSaves runs cmd and the commands of its batches, dropping their
// messages: the save writes the file; page requests are not among them.
func runSaves(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			runSaves(c)
		}
	}
}
