package projects

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/ui/common"
)

// field is what a picker chooses.
type field int

const (
	fieldAll field = iota // the all-filters menu: picks a field to change
	fieldOrder
	fieldCategory
	fieldType
	fieldRegion
)

type choice struct{ value, label string }

// menu is a picker shown in place of the rows: c opens the category one,
// f the all-filters one, whose entries open the others.
type menu struct {
	field   field
	title   string
	choices []choice
	cursor  int
}

func (m Model) newMenu(f field) menu {
	env, q := m.env, m.query
	t := env.T.T
	all := func(k i18n.Key) choice { return choice{"", t(k)} }
	mn := menu{field: f}
	cur := ""
	switch f {
	case fieldAll:
		mn.title = t("panes.filters.title")
		mn.choices = []choice{
			{"order", t("panes.filter.order") + " " + labels.Order(env.T, q.Order)},
			{"category", t("panes.filter.category") + " " + orAll(env, "panes.all.category", labels.Category(env.T, q.Category), q.Category)},
			{"type", t("panes.filter.type") + " " + orAll(env, "panes.all.type", labels.CollectType(env.T, q.Type), q.Type)},
			{"region", t("panes.filter.region") + " " + orAll(env, "panes.all.region", regionLabel(q.Region), q.Region)},
		}
	case fieldOrder:
		mn.title, cur = t("panes.filter.order"), q.Order
		for _, o := range api.Orders {
			mn.choices = append(mn.choices, choice{o, labels.Order(env.T, o)})
		}
	case fieldCategory:
		mn.title, cur = t("panes.filter.category"), q.Category
		mn.choices = []choice{all("panes.all.category")}
		for _, c := range api.Categories {
			mn.choices = append(mn.choices, choice{c, labels.Category(env.T, c)})
		}
	case fieldType:
		mn.title, cur = t("panes.filter.type"), q.Type
		mn.choices = []choice{all("panes.all.type")}
		for _, c := range api.CollectTypes {
			mn.choices = append(mn.choices, choice{c, labels.CollectType(env.T, c)})
		}
	case fieldRegion:
		mn.title, cur = t("panes.filter.region"), q.Region
		mn.choices = []choice{all("panes.all.region")}
		for _, r := range api.Regions {
			mn.choices = append(mn.choices, choice{r.Code, r.Name + " (" + r.Code + ")"})
		}
	}
	if f != fieldAll {
		for i, c := range mn.choices {
			if c.value == cur {
				mn.cursor = i
			}
		}
	}
	return mn
}

// orAll is a filter's value, or the word for no filter, which agrees in
// French with the filter's noun (catégorie: toutes, type: tous).
func orAll(env *common.Env, all i18n.Key, label, code string) string {
	if code == "" {
		return env.T.T(all)
	}
	return label
}

// menuKey moves in the innermost picker, picks with enter, backs out with
// esc or q (q reaches here as a letter because a picker captures the keys).
func (m Model) menuKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.env.Keys
	// Copy the stack before changing it: older models share its array.
	menus := append([]menu(nil), m.menus...)
	top := &menus[len(menus)-1]
	n := len(top.choices)
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
		m.menus = menus[:len(menus)-1]
		return m, nil
	case key.Matches(msg, k.Down):
		top.cursor = min(top.cursor+1, n-1)
	case key.Matches(msg, k.Up):
		top.cursor = max(top.cursor-1, 0)
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.Bottom):
		top.cursor = n - 1
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.Top):
		top.cursor = 0
	case key.Matches(msg, k.Clear):
		m.menus = nil
		m.search.SetValue("")
		return m.setQuery(api.ProjectQuery{Order: m.query.Order})
	case key.Matches(msg, k.Open):
		return m.pick(menus)
	}
	m.menus = menus
	return m, nil
}

// pick applies the choice under the cursor of the innermost picker. A field
// picked from the all-filters menu returns to it, so several can be set.
func (m Model) pick(menus []menu) (Model, tea.Cmd) {
	top := menus[len(menus)-1]
	c := top.choices[top.cursor]
	q := m.query
	switch top.field {
	case fieldAll:
		f := map[string]field{"order": fieldOrder, "category": fieldCategory, "type": fieldType, "region": fieldRegion}[c.value]
		m.menus = append(menus, m.newMenu(f))
		return m, nil
	case fieldOrder:
		q.Order = c.value
	case fieldCategory:
		q.Category = c.value
	case fieldType:
		q.Type = c.value
	case fieldRegion:
		q.Region = c.value
	}
	menus = menus[:len(menus)-1]
	var cmd tea.Cmd
	if q != m.query {
		m, cmd = m.setQuery(q)
	}
	if len(menus) > 0 {
		// Back in the all-filters menu: its labels show the new values.
		cursor := menus[len(menus)-1].cursor
		menus[len(menus)-1] = m.newMenu(fieldAll)
		menus[len(menus)-1].cursor = cursor
	}
	m.menus = menus
	return m, cmd
}

// view draws the picker in h lines, scrolled so its cursor shows.
func (mn menu) view(env *common.Env, h int) []string {
	s := env.Styles
	if h <= 0 {
		return nil
	}
	lines := []string{s.Header.Render(mn.title)}
	rows := h - 1
	off := 0
	if rows > 0 && mn.cursor >= rows {
		off = mn.cursor - rows + 1
	}
	for i := off; i < len(mn.choices) && i < off+rows; i++ {
		if i == mn.cursor {
			lines = append(lines, s.Selected.Render("> "+mn.choices[i].label))
		} else {
			lines = append(lines, "  "+mn.choices[i].label)
		}
	}
	return lines
}
