package projects

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// field is what a picker chooses.
type field int

const (
	fieldAll field = iota // the all-filters menu: picks a field to change, or a value found by typing
	fieldOrder
	fieldStatus
	fieldCategory
	fieldType
	fieldRegion
	fieldSort
)

// fields are the all-filters menu's entries, in its order.
var fields = []field{fieldOrder, fieldStatus, fieldCategory, fieldType, fieldRegion, fieldSort}

// paletteFields are the fields whose values typing finds in the
// all-filters menu, in the order equal matches are listed: the status
// before the order, so "coll" finds the status Collecting before the
// order Collecting now, which s reaches anyway.
var paletteFields = []field{fieldStatus, fieldType, fieldRegion, fieldCategory, fieldSort, fieldOrder}

// choice is one line of a picker. In the all-filters menu a line either
// opens a field's picker (open) or, found by typing, sets a field's value
// at once; prefix then names the field ("Region: ").
type choice struct {
	field  field
	value  string
	label  string
	prefix string
	open   bool
}

// menu is a picker shown in place of the rows: c opens the category one,
// f the all-filters one, whose entries open the others. Typing filters it
// (fuzzy, accents folded), with the letters matched shown.
type menu struct {
	field   field
	title   string
	choices []choice // every choice, in the picker's order
	query   string
	shown   []match // the choices the query keeps, best first
	cursor  int     // into shown
}

type match struct {
	i   int   // into choices
	pos []int // matched runes of the label
}

func (m Model) newMenu(f field) menu {
	env, q := m.env, m.query
	t := env.T.T
	mn := menu{field: f}
	cur := ""
	all := func(k i18n.Key) choice { return choice{field: f, label: t(k)} }
	switch f {
	case fieldAll:
		mn.title = t("lists.filters.title")
		for _, fl := range fields {
			mn.choices = append(mn.choices, choice{field: fl, label: m.fieldLine(fl), open: true})
		}
		// Every value of every field, found by typing ("bre" → Bretagne):
		// hidden until something is typed.
		for _, fl := range paletteFields {
			prefix := m.fieldName(fl) + " "
			for _, c := range m.newMenu(fl).choices {
				c.prefix = prefix
				mn.choices = append(mn.choices, c)
			}
		}
	case fieldOrder:
		mn.title, cur = t("lists.picker.title", t("panes.filter.order")), q.Order
		for _, o := range api.Orders {
			mn.choices = append(mn.choices, choice{field: f, value: o, label: labels.Order(env.T, o)})
		}
	case fieldStatus:
		mn.title, cur = t("lists.picker.title", t("lists.filter.status")), m.status
		mn.choices = []choice{all("lists.all.status")}
		for _, s := range statusOrder {
			mn.choices = append(mn.choices, choice{field: f, value: s, label: labels.ProjectStatus(env.T, s)})
		}
	case fieldCategory:
		mn.title, cur = t("lists.picker.title", t("panes.filter.category")), q.Category
		var cs []choice
		for _, c := range api.Categories {
			cs = append(cs, choice{field: f, value: c, label: labels.Category(env.T, c)})
		}
		sortByLabel(env.T.Lang, cs)
		mn.choices = append([]choice{all("panes.all.category")}, cs...)
	case fieldType:
		mn.title, cur = t("lists.picker.title", t("panes.filter.type")), q.Type
		mn.choices = []choice{all("panes.all.type")}
		for _, c := range api.CollectTypes {
			mn.choices = append(mn.choices, choice{field: f, value: c, label: labels.CollectType(env.T, c)})
		}
	case fieldRegion:
		mn.title, cur = t("lists.picker.title", t("panes.filter.region")), q.Region
		var cs []choice
		for _, r := range api.Regions {
			cs = append(cs, choice{field: f, value: r.Code, label: r.Name + " (" + r.Code + ")"})
		}
		sortByLabel(env.T.Lang, cs)
		mn.choices = append([]choice{all("panes.all.region")}, cs...)
	case fieldSort:
		mn.title, cur = t("lists.picker.title", t("lists.filter.sort")), strconv.Itoa(int(m.sortBy))
		for _, s := range clientSorts {
			mn.choices = append(mn.choices, choice{field: f, value: strconv.Itoa(int(s)), label: t(sortLabels[s])})
		}
	}
	mn = mn.filter()
	if f != fieldAll {
		for i, s := range mn.shown {
			if mn.choices[s.i].value == cur {
				mn.cursor = i
			}
		}
	}
	return mn
}

// fieldName is a field's name as the filters line says it ("Region:").
func (m Model) fieldName(f field) string {
	t := m.env.T.T
	switch f {
	case fieldOrder:
		return t("panes.filter.order")
	case fieldStatus:
		return t("lists.filter.status")
	case fieldCategory:
		return t("panes.filter.category")
	case fieldType:
		return t("panes.filter.type")
	case fieldRegion:
		return t("panes.filter.region")
	case fieldSort:
		return t("lists.filter.sort")
	}
	return ""
}

// fieldLine is an all-filters entry: the field and its value now.
func (m Model) fieldLine(f field) string {
	env, q := m.env, m.query
	name := m.fieldName(f) + " "
	switch f {
	case fieldOrder:
		return name + labels.Order(env.T, q.Order)
	case fieldStatus:
		return name + orAll(env, "lists.all.status", labels.ProjectStatus(env.T, m.status), m.status)
	case fieldCategory:
		return name + orAll(env, "panes.all.category", labels.Category(env.T, q.Category), q.Category)
	case fieldType:
		return name + orAll(env, "panes.all.type", labels.CollectType(env.T, q.Type), q.Type)
	case fieldRegion:
		return name + orAll(env, "panes.all.region", regionLabel(q.Region), q.Region)
	case fieldSort:
		return name + env.T.T(sortLabels[m.sortBy])
	}
	return name
}

// orAll is a filter's value, or the word for no filter, which agrees in
// French with the filter's noun (catégorie: toutes, type: tous).
func orAll(env *common.Env, all i18n.Key, label, code string) string {
	if code == "" {
		return env.T.T(all)
	}
	return label
}

// filter keeps the choices the query matches, best first; with no query,
// every choice in the picker's order (in the all-filters menu: the fields).
func (mn menu) filter() menu {
	mn.shown = mn.shown[:0:0]
	type scored struct {
		match
		score int
	}
	var found []scored
	for i, c := range mn.choices {
		if mn.query == "" {
			if mn.field != fieldAll || c.open {
				mn.shown = append(mn.shown, match{i: i})
			}
			continue
		}
		if s, pos, ok := fuzzyMatch(mn.query, c.label); ok {
			found = append(found, scored{match{i, pos}, s})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return b.score - a.score })
	for _, f := range found {
		mn.shown = append(mn.shown, f.match)
	}
	mn.cursor = 0
	return mn
}

// menuKey moves in the innermost picker, picks with enter, backs out with
// esc (after clearing what was typed); every letter types, q and x too.
func (m Model) menuKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.env.Keys
	// Copy the stack before changing it: older models share its array.
	menus := append([]menu(nil), m.menus...)
	top := &menus[len(menus)-1]
	n := len(top.shown)
	switch {
	case key.Matches(msg, k.Back):
		if top.query != "" {
			top.query = ""
			*top = top.filter()
			m.menus = menus
			return m, nil
		}
		m.menus = menus[:len(menus)-1]
		return m, nil
	case key.Matches(msg, k.Open):
		if n == 0 {
			return m, nil
		}
		return m.pick(menus)
	case msg.Text != "":
		// A letter, q and x included, is the start of a name.
		top.query += textsafe.Clean(msg.Text)
		*top = top.filter()
	case msg.Code == tea.KeyBackspace:
		if r := []rune(top.query); len(r) > 0 {
			top.query = string(r[:len(r)-1])
			*top = top.filter()
		}
	case key.Matches(msg, k.Down):
		top.cursor = min(top.cursor+1, n-1)
	case key.Matches(msg, k.Up):
		top.cursor = max(top.cursor-1, 0)
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.Bottom):
		top.cursor = n - 1
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.Top):
		top.cursor = 0
	}
	top.cursor = max(0, min(top.cursor, len(top.shown)-1))
	m.menus = menus
	return m, nil
}

// menuPaste types pasted text into the picker's query.
func (m Model) menuPaste(text string) Model {
	menus := append([]menu(nil), m.menus...)
	top := &menus[len(menus)-1]
	top.query += textsafe.Clean(text)
	*top = top.filter()
	m.menus = menus
	return m
}

// pick applies the choice under the cursor of the innermost picker. A field
// picked from the all-filters menu opens its picker, which returns to the
// menu; a value found by typing in the menu is applied at once. Either
// way the menu stays, so several filters can be set in a row.
func (m Model) pick(menus []menu) (Model, tea.Cmd) {
	top := menus[len(menus)-1]
	c := top.choices[top.shown[top.cursor].i]
	if top.field == fieldAll && c.open {
		m.menus = append(menus, m.newMenu(c.field))
		return m, nil
	}
	if top.field != fieldAll {
		menus = menus[:len(menus)-1]
	}
	m, cmd := m.apply(c.field, c.value)
	if len(menus) > 0 {
		// Back in the all-filters menu: its lines show the new values, and
		// what was typed is cleared for the next one.
		cursor := menus[len(menus)-1].cursor
		if menus[len(menus)-1].query != "" {
			cursor = 0
		}
		menus[len(menus)-1] = m.newMenu(fieldAll)
		menus[len(menus)-1].cursor = min(cursor, len(menus[len(menus)-1].shown)-1)
	}
	m.menus = menus
	return m, cmd
}

// apply sets one filter: the API's reload the list, the status and the
// sort are applied to the rows loaded.
func (m Model) apply(f field, value string) (Model, tea.Cmd) {
	q := m.query
	switch f {
	case fieldOrder:
		q.Order = value
	case fieldCategory:
		q.Category = value
	case fieldType:
		q.Type = value
	case fieldRegion:
		q.Region = value
	case fieldStatus:
		return m.setStatus(value)
	case fieldSort:
		n, _ := strconv.Atoi(value)
		return m.setSort(clientSort(n))
	}
	if q == m.query {
		return m, nil
	}
	return m.setQuery(q)
}

// menuLines is how many lines a picker draws above its choices: its
// title, then what was typed when something was.
func (mn menu) headLines() int {
	if mn.query != "" {
		return 2
	}
	return 1
}

// clickAt moves the picker's cursor to the choice drawn on line y of the
// picker (0: its title) in h lines.
func (mn menu) clickAt(y, h int) menu {
	i := y - mn.headLines()
	if i < 0 {
		return mn
	}
	i += mn.offset(h)
	if i < len(mn.shown) {
		mn.cursor = i
	}
	return mn
}

// offset is the first choice drawn in h lines, so the cursor shows.
func (mn menu) offset(h int) int {
	rows := h - mn.headLines()
	if rows > 0 && mn.cursor >= rows {
		return mn.cursor - rows + 1
	}
	return 0
}

// view draws the picker in h lines, scrolled so its cursor shows, with the
// letters the query matched marked.
func (mn menu) view(env *common.Env, h int) []string {
	s := env.Styles
	if h <= 0 {
		return nil
	}
	lines := []string{s.Header.Render(mn.title)}
	if mn.query != "" {
		n := func(i int) string { return env.Format.Int(api.Int{Value: int64(i), Valid: true}) }
		total := len(mn.choices)
		if mn.field == fieldAll {
			total -= len(fields) // the field entries are not values
		}
		lines = append(lines, s.Accent.Render("/ "+mn.query)+" "+s.Subtle.Render(env.T.T("lists.picker.matches", n(len(mn.shown)), n(total))))
		if len(mn.shown) == 0 {
			lines = append(lines, s.Subtle.Render(env.T.T("lists.picker.none")))
		}
	}
	off := mn.offset(h)
	for i := off; i < len(mn.shown) && len(lines) < h; i++ {
		sh := mn.shown[i]
		c := mn.choices[sh.i]
		// The letters matched in the palette's accent (bold, so they show
		// without colour too).
		base, prefix, mark := lipgloss.NewStyle(), s.Subtle, s.Accent
		lead := "  "
		if i == mn.cursor {
			base, prefix, mark, lead = s.Selected, s.Selected, s.Accent.Inherit(s.Selected), "> "
		}
		line := base.Render(lead)
		if c.prefix != "" {
			line += prefix.Render(c.prefix)
		}
		lines = append(lines, line+highlight(c.label, sh.pos, base, mark))
	}
	return lines
}

// highlight draws label in base, the runes at pos (the match) in mark.
func highlight(label string, pos []int, base, mark lipgloss.Style) string {
	var b, run strings.Builder
	flush := func() {
		if run.Len() > 0 {
			b.WriteString(base.Render(run.String()))
			run.Reset()
		}
	}
	j := 0
	for i, r := range []rune(label) {
		if j < len(pos) && pos[j] == i {
			flush()
			b.WriteString(mark.Render(string(r)))
			j++
			continue
		}
		run.WriteRune(r)
	}
	flush()
	return b.String()
}
