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
	Up, Down, Top, Bottom            key.Binding
	PageUp, PageDown                 key.Binding
	Open, Back                       key.Binding
	Search, Sort                     key.Binding
	Category, Type, Filters, Clear   key.Binding
	Reload                           key.Binding
	Browser, Copy                    key.Binding
	Privacy, NewLookup, Lead, APIKey key.Binding
}

// NewKeyMap builds the keymap with its help text in the printer's language.
func NewKeyMap(p i18n.Printer) KeyMap {
	b := func(help string, desc i18n.Key, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, p.T(desc)))
	}
	return KeyMap{
		Help:      b("?", "keys.help", "?"),
		Quit:      b("q", "keys.quit", "q", "ctrl+c"),
		NextPane:  b("tab", "keys.next_pane", "tab"),
		PrevPane:  b("shift+tab", "keys.prev_pane", "shift+tab"),
		Wallet:    b("1", "keys.wallet", "1"),
		Pledges:   b("2", "keys.pledges", "2"),
		Projects:  b("3", "keys.projects", "3"),
		Up:        b("↑/k", "keys.up", "up", "k"),
		Down:      b("↓/j", "keys.down", "down", "j"),
		Top:       b("g", "keys.top", "g", "home"),
		Bottom:    b("G", "keys.bottom", "G", "end"),
		PageUp:    b("pgup", "keys.page_up", "pgup"),
		PageDown:  b("pgdn", "keys.page_down", "pgdown"),
		Open:      b("enter", "keys.open", "enter"),
		Back:      b("esc", "keys.back", "esc"),
		Search:    b("/", "keys.search", "/"),
		Sort:      b("s", "keys.sort", "s"),
		Category:  b("c", "keys.category", "c"),
		Type:      b("t", "keys.type", "t"),
		Filters:   b("f", "keys.filters", "f"),
		Clear:     b("x", "keys.clear", "x"),
		Reload:    b("r", "keys.reload", "r"),
		Browser:   b("o", "keys.browser", "o"),
		Copy:      b("y", "keys.copy", "y"),
		Privacy:   b("p", "keys.privacy", "p"),
		NewLookup: b("n", "keys.new_lookup", "n"),
		Lead:      b("L", "keys.lead", "L"),
		APIKey:    b("K", "keys.api_key", "K"),
	}
}

// ShortHelp is the help bar: the keys a person needs most.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextPane, k.Open, k.Search, k.Reload, k.Privacy, k.NewLookup, k.Help, k.Quit}
}

// FullHelp is the ? overlay, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Open, k.Back},
		{k.NextPane, k.PrevPane, k.Wallet, k.Pledges, k.Projects, k.Reload},
		{k.Search, k.Sort, k.Category, k.Type, k.Filters, k.Clear},
		{k.Browser, k.Copy, k.Privacy, k.NewLookup, k.Lead, k.APIKey, k.Help, k.Quit},
	}
}
