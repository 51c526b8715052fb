package projects

import (
	"strings"
	"testing"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func TestScreens(t *testing.T) {
	for _, sz := range uitest.Sizes {
		t.Run(sz.Name, func(t *testing.T) {
			env, client := uitest.SandboxEnv(t, sz.Lang)
			m := New(env, client).SetSize(sz.W, sz.H).SetFocused(true)
			m = uitest.Settle(t, m, m.Init())
			if len(m.items) == 0 || m.err != nil {
				t.Fatalf("nothing loaded from the sandbox: %v", m.err)
			}
			t.Run("list", func(t *testing.T) { uitest.Golden(t, m) })

			// Collecting now first, lending only, then the region of the
			// first of those (so the screen holds rows whatever the seed),
			// found by typing its code in the all-filters menu, the status
			// and the best rate first, as someone looking for an open
			// lending project near them with the best rate would.
			f := uitest.Keys(t, m, "s", "t", "t")
			if len(f.items) == 0 {
				t.Fatal("no lending project collecting now in the sandbox")
			}
			region := f.items[0].Region.Code
			f = uitest.Keys(t, f, "f")
			words := map[i18n.Lang][]string{i18n.EN: {"collecting", "best"}, i18n.FR: {"collecte", "meilleur"}}[sz.Lang]
			for _, typed := range append([]string{"(" + region + ")"}, words...) {
				f = uitest.Send(f, uitest.Type(typed)...)
				f = uitest.Keys(t, f, "enter")
			}
			f = uitest.Keys(t, f, "esc")
			if q := f.Query(); q.Type != "lending" || q.Region != region || q.Order != "in_progress" || f.status != "in_progress" || f.sortBy != sortRate {
				t.Fatalf("filters not applied: %+v, status %q, sort %d", q, f.status, f.sortBy)
			}
			if len(f.items) == 0 || f.next != "" {
				t.Fatalf("the filtered list is empty or not whole: %d, next %q", len(f.items), f.next)
			}
			for _, p := range f.items {
				if p.CollectType != "lending" || p.Region.Code != region {
					t.Fatalf("the sandbox sent %s in %s", p.CollectType, p.Region.Code)
				}
			}
			shown := f.list.Shown()
			for i := 1; i < len(shown); i++ {
				if compareDecimal(f.items[shown[i-1]].InterestRate, f.items[shown[i]].InterestRate) < 0 {
					t.Fatalf("not the best rate first: row %d", i)
				}
			}
			t.Run("filtered", func(t *testing.T) { uitest.Golden(t, f) })

			picker := uitest.Keys(t, m, "c", "down", "down")
			t.Run("category_picker", func(t *testing.T) { uitest.Golden(t, picker) })

			typed := uitest.Keys(t, m, "c")
			typed = uitest.Send(typed, uitest.Type(map[i18n.Lang]string{i18n.EN: "so", i18n.FR: "el"}[sz.Lang])...)
			t.Run("category_picker_typed", func(t *testing.T) { uitest.Golden(t, typed) })
		})
	}
}

func TestKeywordSearchAgainstTheSandbox(t *testing.T) {
	m := New(uitest.SandboxEnv(t, i18n.EN)).SetSize(100, 30).SetFocused(true)
	m = uitest.Settle(t, m, m.Init())
	all := m.total
	m = uitest.Keys(t, m, "/")
	m = uitest.Keys(t, m, strings.Split("ruches", "")...) // each tick is superseded but the last
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
	m = uitest.Keys(t, m, "esc")
	if m.query.Keyword != "" || m.Capturing() {
		t.Error("esc did not drop the keyword")
	}
}

func TestScrollingLoadsEveryPageFromTheSandbox(t *testing.T) {
	m := New(uitest.SandboxEnv(t, i18n.EN)).SetSize(60, 15).SetFocused(true)
	m = uitest.Settle(t, m, m.Init())
	for range 400 {
		m = uitest.Keys(t, m, "pgdown")
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
