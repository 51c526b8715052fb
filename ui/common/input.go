package common

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// InputStyles dresses a bubbles text input in the palette. The cursor does
// not blink: a blinking cursor redraws the screen twice a second for nothing
// and makes screen snapshots depend on timing.
func InputStyles(s Styles) textinput.Styles {
	state := textinput.StyleState{
		Text:        s.Cell,
		Placeholder: s.Muted,
		Suggestion:  s.Muted,
		Prompt:      s.Accent,
	}
	blurred := state
	blurred.Text = s.Subtle
	blurred.Prompt = s.Subtle
	return textinput.Styles{
		Focused: state,
		Blurred: blurred,
		Cursor:  textinput.CursorStyle{Color: s.Accent.GetForeground(), Shape: tea.CursorBlock, Blink: false},
	}
}

// KeywordInput is the one-line box a list pane filters or searches with.
func KeywordInput(s Styles, prompt, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.CharLimit = 100 // a keyword, not a document; keeps each keystroke cheap
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	ti.SetStyles(InputStyles(s))
	return ti
}
