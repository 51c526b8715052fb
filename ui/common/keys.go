// Package common holds what every pane of the terminal shares: the one
// keymap (the help bar and the ? overlay are generated from it), the palette,
// and the messages the root model sends to panes.
package common

import (
	"charm.land/bubbles/v2/key"

	"github.com/miimosa/miimosa/internal/i18n"
)

// KeyMap is the central keymap of design.md. Panes match keys against it;
// nothing else in ui/ names a key.
type KeyMap struct {
	Help, Quit                       key.Binding
	NextPane, PrevPane               key.Binding
	Wallet, Pledges, Projects        key.Binding
	Insight                          key.Binding
	Up, Down, Top, Bottom            key.Binding
	PageUp, PageDown                 key.Binding
	Open, Back                       key.Binding
	Search, Sort                     key.Binding
	Category, Type, Filters, Clear   key.Binding
	Reload                           key.Binding
	Browser, Copy                    key.Binding
	Privacy, NewLookup, Lead, APIKey key.Binding
	Zoom, Export, View               key.Binding
	// NextSection and PrevSection jump between the insight pane's sections.
	NextSection, PrevSection key.Binding
	// Yes and No answer a confirmation (forget the API key?).
	Yes, No key.Binding

	// For the help bar only: the same keys as Open, Back, Up and Down,
	// named for what they do in a picker, a search box or a detail.
	Choose, Apply, Cancel, Move key.Binding
}

// NewKeyMap builds the keymap with its help text in the printer's language.
func NewKeyMap(p i18n.Printer) KeyMap {
	b := func(help string, desc i18n.Key, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, p.T(desc)))
	}
	return KeyMap{
		Help:        b("?", "keys.help", "?"),
		Quit:        b("q", "keys.quit", "q", "ctrl+c"),
		NextPane:    b("tab", "keys.next_pane", "tab"),
		PrevPane:    b("shift+tab", "keys.prev_pane", "shift+tab"),
		Wallet:      b("1", "keys.wallet", "1"),
		Pledges:     b("2", "keys.pledges", "2"),
		Projects:    b("3", "keys.projects", "3"),
		Insight:     b("4", "keys.insight", "4"),
		Up:          b("↑/k", "keys.up", "up", "k"),
		Down:        b("↓/j", "keys.down", "down", "j"),
		Top:         b("g", "keys.top", "g", "home"),
		Bottom:      b("G", "keys.bottom", "G", "end"),
		PageUp:      b("pgup", "keys.page_up", "pgup"),
		PageDown:    b("pgdn", "keys.page_down", "pgdown"),
		Open:        b("enter", "keys.open", "enter"),
		Back:        b("esc", "keys.back", "esc"),
		Search:      b("/", "keys.search", "/"),
		Sort:        b("s", "keys.sort", "s"),
		Category:    b("c", "keys.category", "c"),
		Type:        b("t", "keys.type", "t"),
		Filters:     b("f", "keys.filters", "f"),
		Clear:       b("x", "keys.clear", "x"),
		Reload:      b("r", "keys.reload", "r"),
		Browser:     b("o", "keys.browser", "o"),
		Copy:        b("y", "keys.copy", "y"),
		Privacy:     b("p", "keys.privacy", "p"),
		NewLookup:   b("n", "keys.new_lookup", "n"),
		Lead:        b("L", "keys.lead", "L"),
		APIKey:      b("K", "keys.api_key", "K"),
		Zoom:        b("z", "keys.zoom", "z"),
		Export:      b("e", "keys.export", "e"),
		View:        b("v", "keys.view", "v"),
		NextSection: b("]", "keys.next_section", "]"),
		PrevSection: b("[", "keys.prev_section", "["),
		Yes:         b("y/enter", "keys.yes", "y", "enter"),
		No:          b("n/esc", "keys.no", "n", "esc"),
		Choose:      b("enter", "ui.keys.choose", "enter"),
		Apply:       b("enter", "ui.keys.apply", "enter"),
		Cancel:      b("esc", "ui.keys.cancel", "esc"),
		Move:        b("↑/↓", "ui.keys.move", "up", "down", "k", "j"),
	}
}

// ShortHelp is the help bar: the keys a person needs most.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextPane, k.Open, k.Search, k.Reload, k.Privacy, k.NewLookup, k.Zoom, k.Help, k.Quit}
}

// The help bar follows what has the keyboard: each context lists its own
// keys, the most used first (the bar cuts from the end on narrow screens).

// WalletHelp is the help bar while the wallet pane has the keyboard.
func (k KeyMap) WalletHelp() []key.Binding {
	return []key.Binding{k.NextPane, k.Reload, k.Privacy, k.NewLookup, k.Lead, k.Zoom, k.Help, k.Quit}
}

// PledgesHelp is the help bar over the list of pledges: v switches to the
// next repayments by date, e exports the list.
func (k KeyMap) PledgesHelp() []key.Binding {
	return []key.Binding{k.Open, k.Search, k.Sort, k.Copy, k.View, k.Export, k.Browser, k.Reload, k.NextPane, k.Privacy, k.NewLookup, k.Help, k.Quit}
}

// PledgeDetailHelp is the help bar over one pledge and its schedule:
// enter opens its project.
func (k KeyMap) PledgeDetailHelp() []key.Binding {
	return []key.Binding{k.Back, k.Open, k.Browser, k.Copy, k.Move, k.Zoom, k.Help, k.Quit}
}

// InsightHelp is the help bar over the insight pane: ] and [ jump from
// section to section, it scrolls, and r asks again for the projects'
// regions a failed load did not get.
func (k KeyMap) InsightHelp() []key.Binding {
	return []key.Binding{k.NextSection, k.PrevSection, k.Move, k.NextPane, k.Reload, k.Privacy, k.NewLookup, k.Zoom, k.Help, k.Quit}
}

// ProjectsHelp is the help bar over the list of projects.
func (k KeyMap) ProjectsHelp() []key.Binding {
	return []key.Binding{k.Open, k.Search, k.Sort, k.Category, k.Type, k.Filters, k.Clear, k.Export, k.Browser, k.Copy, k.Reload, k.NextPane, k.Help, k.Quit}
}

// DetailHelp is the help bar over a project's detail: r loads it again
// (its failure says "r to retry").
func (k KeyMap) DetailHelp() []key.Binding {
	return []key.Binding{k.Back, k.Browser, k.Copy, k.Reload, k.Move, k.Zoom, k.Help, k.Quit}
}

// PickerHelp is the help bar while a picker (category, filters) is open:
// letters filter it (its title says so), x among them.
func (k KeyMap) PickerHelp() []key.Binding {
	return []key.Binding{k.Choose, k.Move, k.Cancel}
}

// SearchHelp is the help bar while a search box has the keyboard.
func (k KeyMap) SearchHelp() []key.Binding {
	return []key.Binding{k.Apply, k.Cancel}
}

// FullHelp is the ? overlay, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.NextSection, k.PrevSection, k.Open, k.Back},
		{k.NextPane, k.PrevPane, k.Wallet, k.Pledges, k.Projects, k.Insight, k.Zoom, k.Reload},
		{k.Search, k.Sort, k.Category, k.Type, k.Filters, k.Clear, k.View, k.Export},
		{k.Browser, k.Copy, k.Privacy, k.NewLookup, k.Lead, k.APIKey, k.Help, k.Quit},
	}
}
