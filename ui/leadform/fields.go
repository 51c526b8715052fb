package leadform

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/ui/common"
)

// groups are the form's pages, as the issue lists them, each with its API
// fields in order.
var groups = []struct {
	title  i18n.Key
	fields []string
}{
	{"lead.group.contact", []string{lead.Email, lead.Firstname, lead.Lastname, lead.Phone, lead.Birthdate}},
	{"lead.group.project", []string{lead.ProjectName, lead.ProjectDescription, lead.Category, lead.CollectType,
		lead.ProjectTotalBudget, lead.ProjectCrowdfundingBudget, lead.ProjectLoanBudget, lead.ProjectInputBudget,
		lead.PublicationTimeframe}},
	{"lead.group.place", []string{lead.PostCode, lead.City, lead.Department}},
	{"lead.group.business", []string{lead.Siret, lead.Turnover, lead.SocialLink}},
	{"lead.group.tracking", []string{lead.LeadSource, lead.CampaignID}},
}

// groupOf returns the page a field is on.
func groupOf(field string) int {
	for i, g := range groups {
		for _, f := range g.fields {
			if f == field {
				return i
			}
		}
	}
	return 0
}

// fieldState is what the form knows about one field besides its value: the
// huh field (for its error), how to set the line under its title, and the
// server's refusal of the value it was sent with.
type fieldState struct {
	name      string
	value     *string
	field     huh.Field
	setDesc   func(string)
	hint      string
	shown     string // the line under the title as last set
	touched   bool   // an error was shown once: from now on it follows the typing
	serverErr string // the server's words for serverVal, sanitised
	serverVal string
	all       *api.Lead // the whole lead, for the rules between fields
}

// validate is the field's huh validation: the server's refusal while the
// value is the one refused, else the local rule.
func (fs *fieldState) validate(t i18n.Printer) func(string) error {
	return func(v string) error {
		if fs.serverErr != "" && v == fs.serverVal {
			return errors.New(fs.serverErr)
		}
		if err := lead.CheckFieldIn(*fs.all, fs.name, v); err != nil {
			return errors.New(lead.Message(t, err))
		}
		return nil
	}
}

// errorText is the error to show beside the field now, "" for none.
func (fs *fieldState) errorText(t i18n.Printer) string {
	v := *fs.value
	if fs.serverErr != "" && v == fs.serverVal {
		return fs.serverErr
	}
	if err := fs.field.Error(); err != nil {
		fs.touched = true
		return err.Error()
	}
	if fs.touched {
		if err := lead.CheckFieldIn(*fs.all, fs.name, v); err != nil {
			return lead.Message(t, err)
		}
	}
	return ""
}

// formFields is the shared state behind a built form: huh binds its inputs
// to the lead's fields by pointer, so it lives on the heap and survives
// rebuilding the form after a failed send.
type formFields struct {
	lead   api.Lead
	byName map[string]*fieldState
	order  []*fieldState
}

func newFormFields(l api.Lead) *formFields {
	ff := &formFields{lead: l, byName: map[string]*fieldState{}}
	for _, name := range lead.Fields() {
		fs := &fieldState{name: name, value: lead.Ptr(&ff.lead, name), all: &ff.lead}
		ff.byName[name] = fs
		ff.order = append(ff.order, fs)
	}
	return ff
}

// buildOptions says how to build the form.
type buildOptions struct {
	t          i18n.Printer
	styles     common.Styles
	accessible bool // titles carry the current value; selects have no blank choice
	// answered, in accessible mode, is told each value a prompt keeps, as
	// it is typed, so that it is saved at once.
	answered func(field, value string)
}

// build makes a fresh huh form over ff's values.
func (ff *formFields) build(o buildOptions) *huh.Form {
	t := o.t
	hgroups := make([]*huh.Group, 0, len(groups))
	for gi, g := range groups {
		fields := make([]huh.Field, 0, len(g.fields))
		for _, name := range g.fields {
			fs := ff.byName[name]
			fs.hint = hint(t, name)
			fs.shown = ""
			fields = append(fields, ff.buildField(fs, o))
		}
		title := t.T("lead.form.page", t.T(g.title), gi+1, len(groups))
		hgroups = append(hgroups, huh.NewGroup(fields...).Title(title))
	}
	f := huh.NewForm(hgroups...).
		WithKeyMap(keyMap(t)).
		WithTheme(theme(o.styles)).
		WithShowErrors(false). // errors are beside their fields, not in the footer
		WithAccessible(o.accessible)
	return f
}

func (ff *formFields) buildField(fs *fieldState, o buildOptions) huh.Field {
	t := o.t
	title := t.T(i18n.Key("lead.field." + fs.name))
	if lead.Required(fs.name) {
		title += " *"
	}
	if o.accessible {
		// No line under the title in plain prompts: the hint and the current
		// value are read with the title.
		if h := hint(t, fs.name); h != "" && fs.name != lead.ProjectDescription {
			title += " (" + h + ")"
		}
		if *fs.value != "" {
			title = t.T("lead.accessible.current", title, Label(t, fs.name, *fs.value))
		}
	}
	validate := fs.validate(t)
	if o.accessible {
		// huh's accessible prompt validates what was typed, and an empty line
		// keeps the current value: check that value instead of "".
		check := validate
		validate = func(v string) error {
			if strings.TrimSpace(v) == "" && *fs.value != "" {
				v = *fs.value
			}
			if o.answered != nil {
				o.answered(fs.name, v)
			}
			return check(v)
		}
	}
	switch fs.name {
	case lead.ProjectDescription:
		f := huh.NewText().Title(title).Lines(3).CharLimit(10000).ExternalEditor(false).
			Value(fs.value).Validate(validate)
		fs.setDesc = func(s string) { f.Description(s) }
		fs.field = f
	case lead.Category, lead.CollectType, lead.PublicationTimeframe:
		f := huh.NewSelect[string]().Title(title).Inline(true).
			Options(options(t, fs.name, o.accessible)...).Value(fs.value)
		if !o.accessible {
			// In accessible mode huh re-asks forever on a refused choice at
			// the end of input; the blank choice is absent there instead.
			f.Validate(validate)
		}
		fs.setDesc = func(s string) { f.Description(s) }
		fs.field = f
	default:
		f := huh.NewInput().Title(title).CharLimit(255).Placeholder(placeholder(t, fs.name)).
			Value(fs.value).Validate(validate)
		fs.setDesc = func(s string) { f.Description(s) }
		fs.field = f
	}
	fs.setDesc(fs.hint)
	fs.shown = fs.hint
	return fs.field
}

// options are an enum's readable choices. A required enum starts on
// "Choose…" so that nobody sends a default by pressing enter; an optional
// one offers "None".
func options(t i18n.Printer, field string, accessible bool) []huh.Option[string] {
	var values []string
	var set i18n.LabelSet // the catalogue's labels, the same the panes and commands show
	switch field {
	case lead.Category:
		values, set = api.Categories, i18n.LabelCategory
	case lead.CollectType:
		values, set = api.CollectTypes, i18n.LabelCollectType
	case lead.PublicationTimeframe:
		values, set = api.PublicationTimeframes, i18n.LabelTimeframe
	}
	var opts []huh.Option[string]
	switch {
	case !lead.Required(field):
		opts = append(opts, huh.NewOption(t.T("lead.none"), ""))
	case !accessible:
		opts = append(opts, huh.NewOption(t.T("lead.choose"), ""))
	}
	for _, v := range values {
		opts = append(opts, huh.NewOption(t.T(i18n.LabelKey(set, v)), v))
	}
	return opts
}

// Label is the readable name of an enum value of field ("Within a month"
// for within_month), or the value itself when it has none.
func Label(t i18n.Printer, field, value string) string {
	for _, o := range options(t, field, true) {
		if o.Value == value && value != "" {
			return o.Key
		}
	}
	return value
}

func hint(t i18n.Printer, field string) string {
	switch field {
	case lead.Phone:
		return t.T("lead.hint.phone")
	case lead.Birthdate:
		return t.T("lead.hint.birthdate")
	case lead.ProjectTotalBudget, lead.ProjectCrowdfundingBudget, lead.ProjectLoanBudget,
		lead.ProjectInputBudget, lead.Turnover:
		return t.T("lead.hint.amount")
	case lead.Siret:
		return t.T("lead.hint.siret")
	case lead.Department:
		return t.T("lead.hint.department")
	case lead.ProjectDescription:
		return t.T("lead.hint.description")
	}
	return ""
}

// placeholder shows the expected shape.
func placeholder(t i18n.Printer, field string) string {
	switch field {
	case lead.Email:
		return t.T("lead.placeholder.email")
	case lead.Phone:
		return "06 12 34 56 78"
	case lead.Birthdate:
		return "27/11/1980"
	case lead.ProjectTotalBudget, lead.ProjectCrowdfundingBudget, lead.ProjectLoanBudget,
		lead.ProjectInputBudget, lead.Turnover:
		return "12 000"
	case lead.PostCode:
		return "26400"
	case lead.Department:
		return "26"
	case lead.Siret:
		return "732 829 320 00074"
	case lead.SocialLink:
		return "https://facebook.com/…"
	}
	return ""
}

// keyMap is huh's keymap with its help in the person's language, ctrl+c
// left to the caller, no select filter (esc must close the form, not a
// filter) and no external editor (it writes a world-readable temp file).
func keyMap(t i18n.Printer) *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit = key.NewBinding(key.WithDisabled())
	next, back, submit := t.T("lead.keys.next"), t.T("lead.keys.back"), t.T("lead.keys.submit")
	k.Input.Next = key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", next))
	k.Input.Prev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", back))
	k.Input.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", submit))
	k.Input.AcceptSuggestion = key.NewBinding(key.WithDisabled())
	k.Text.Next = key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", next))
	k.Text.Prev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", back))
	k.Text.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", submit))
	k.Text.NewLine = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", t.T("lead.keys.new_line")))
	k.Text.Editor = key.NewBinding(key.WithDisabled())
	k.Select.Next = key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", next))
	k.Select.Prev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", back))
	k.Select.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", submit))
	k.Select.Left = key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", t.T("lead.keys.select")))
	k.Select.Right = key.NewBinding(key.WithKeys("right", "l"))
	k.Select.Up = key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", t.T("lead.keys.up")))
	k.Select.Down = key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", t.T("lead.keys.down")))
	k.Select.Filter = key.NewBinding(key.WithDisabled())
	k.Select.SetFilter = key.NewBinding(key.WithDisabled())
	k.Select.ClearFilter = key.NewBinding(key.WithDisabled())
	k.Select.HalfPageUp = key.NewBinding(key.WithDisabled())
	k.Select.HalfPageDown = key.NewBinding(key.WithDisabled())
	k.Select.GotoTop = key.NewBinding(key.WithDisabled())
	k.Select.GotoBottom = key.NewBinding(key.WithDisabled())
	return k
}

// theme dresses huh in the program's palette (common.Styles), the one
// place colours come from. huh asks for its styles at every render, so
// they are made once per background.
func theme(s common.Styles) huh.Theme {
	var cache [2]*huh.Styles
	return huh.ThemeFunc(func(dark bool) *huh.Styles {
		i := 0
		if dark {
			i = 1
		}
		if cache[i] == nil {
			cache[i] = themeStyles(s, dark)
		}
		return cache[i]
	})
}

func themeStyles(s common.Styles, dark bool) *huh.Styles {
	t := huh.ThemeBase(dark)
	t.FieldSeparator = lipgloss.NewStyle().SetString("\n")
	t.Focused.Base = t.Focused.Base.BorderForeground(s.Accent.GetForeground())
	t.Focused.Title = s.Title
	t.Focused.Description = s.Subtle
	t.Focused.ErrorIndicator = s.Error.SetString(" ✗")
	t.Focused.ErrorMessage = s.Error
	t.Focused.SelectSelector = s.Accent.SetString("> ")
	t.Focused.NextIndicator = s.Accent.MarginLeft(1).SetString("→")
	t.Focused.PrevIndicator = s.Accent.MarginRight(1).SetString("←")
	t.Focused.Option = s.Cell
	t.Focused.SelectedOption = s.Accent
	t.Focused.UnselectedOption = s.Cell
	t.Focused.TextInput.Prompt = s.Accent
	t.Focused.TextInput.Placeholder = s.Muted
	t.Focused.TextInput.Text = s.Cell
	t.Focused.TextInput.Cursor = s.Accent
	t.Help.ShortKey = s.HelpBar.Bold(true)
	t.Help.ShortDesc = s.HelpBar
	t.Help.ShortSeparator = s.HelpBar
	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Title = s.Header
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	t.Blurred.TextInput.Prompt = s.Subtle
	t.Group.Title = s.Accent
	t.Group.Description = s.Subtle
	return t
}
