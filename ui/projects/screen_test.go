package projects

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
)

// sandboxEnv serves the real sandbox handler with a fixed clock.
func sandboxEnv(t *testing.T, lang i18n.Lang) *common.Env {
	t.Helper()
	srv := httptest.NewServer(sandbox.NewHandler(sandbox.Options{Key: "k", Now: func() time.Time { return fixedNow }}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{BaseURL: srv.URL, Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	return testEnv(lang, c)
}

// settle runs commands as the program would, feeding their messages back,
// until the pane is idle. Debounce ticks are run too (they only sleep).
func settle(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("the pane never settles")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case common.StatusMsg, common.ErrorMsg, nil:
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

func keys(t *testing.T, m Model, ks ...string) Model {
	t.Helper()
	for _, k := range ks {
		var cmd tea.Cmd
		m, cmd = m.Update(press(k))
		m = settle(t, m, cmd)
	}
	return m
}

// screen is the pane's view without escape sequences, as the ASCII colour
// profile would print it.
func screen(m Model) string { return plain(m.View()) + "\n" }

func TestScreens(t *testing.T) {
	sizes := []struct {
		name string
		lang i18n.Lang
		w, h int
	}{
		{"en_100x30", i18n.EN, 100, 30},
		{"fr_60x15", i18n.FR, 60, 15},
	}
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			env := sandboxEnv(t, sz.lang)
			m := New(env).SetSize(sz.w, sz.h).SetFocused(true)
			m = settle(t, m, m.Init())
			if len(m.items) == 0 || m.err != nil {
				t.Fatalf("nothing loaded from the sandbox: %v", m.err)
			}
			t.Run("list", func(t *testing.T) { golden.RequireEqual(t, screen(m)) })

			// Collecting now first, lending only, then the region of the
			// first of those (so the screen holds rows whatever the seed).
			f := keys(t, m, "s", "t", "t")
			if len(f.items) == 0 {
				t.Fatal("no lending project collecting now in the sandbox")
			}
			region := f.items[0].Region.Code
			f = keys(t, f, "f", "j", "j", "j", "enter")
			for i := 0; i <= slices.IndexFunc(api.Regions, func(r api.Region) bool { return r.Code == region }); i++ {
				f = keys(t, f, "j") // the picker starts on "all"
			}
			f = keys(t, f, "enter", "esc")
			if q := f.Query(); q.Type != "lending" || q.Region != region || q.Order != "in_progress" {
				t.Fatalf("filters not applied: %+v", q)
			}
			if len(f.items) == 0 {
				t.Fatal("the filtered list is empty")
			}
			for _, p := range f.items {
				if p.CollectType != "lending" || p.Region.Code != region {
					t.Fatalf("the sandbox sent %s in %s", p.CollectType, p.Region.Code)
				}
			}
			t.Run("filtered", func(t *testing.T) { golden.RequireEqual(t, screen(f)) })

			picker := keys(t, m, "c", "j", "j")
			t.Run("category_picker", func(t *testing.T) { golden.RequireEqual(t, screen(picker)) })

			d := keys(t, f, "enter")
			if !d.DetailOpen() {
				t.Fatal("enter did not open the detail")
			}
			t.Run("detail", func(t *testing.T) { golden.RequireEqual(t, screen(d)) })
		})
	}
}

func TestKeywordSearchAgainstTheSandbox(t *testing.T) {
	m := New(sandboxEnv(t, i18n.EN)).SetSize(100, 30).SetFocused(true)
	m = settle(t, m, m.Init())
	all := m.total
	m = keys(t, m, "/")
	for _, r := range "ruches" {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m = settle(t, m, cmd) // each tick is superseded but the last
	}
	if m.query.Keyword != "ruches" || len(m.items) == 0 {
		t.Fatalf("keyword %q, %d items", m.query.Keyword, len(m.items))
	}
	if !m.total.Valid || m.total.Value >= all.Value {
		t.Errorf("the search did not narrow the list: %v of %v", m.total, all)
	}
	for _, p := range m.items {
		text := strings.ToLower(p.Title + p.Description + p.City + p.Owner.FirstName + p.Owner.LastName)
		if !strings.Contains(text, "ruche") {
			t.Errorf("%q does not match", p.Title)
		}
	}
	m = keys(t, m, "esc")
	if m.query.Keyword != "" || m.Capturing() {
		t.Error("esc did not drop the keyword")
	}
}

func TestScrollingLoadsEveryPageFromTheSandbox(t *testing.T) {
	m := New(sandboxEnv(t, i18n.EN)).SetSize(60, 15).SetFocused(true)
	m = settle(t, m, m.Init())
	for range 400 {
		m = keys(t, m, "pgdown")
		if m.next == "" {
			break
		}
	}
	if !m.total.Valid || int64(len(m.items)) != m.total.Value {
		t.Fatalf("loaded %d of %v", len(m.items), m.total)
	}
	seen := map[int64]bool{}
	for _, p := range m.items {
		if seen[p.ID] {
			t.Fatalf("project %d loaded twice", p.ID)
		}
		seen[p.ID] = true
	}
}
