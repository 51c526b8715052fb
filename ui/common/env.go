package common

import (
	"time"

	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
)

// Env is what every pane is given by the root model: the words, the formats,
// the keys, the palette and the clock. Panes never create their own.
//
// An Env is never changed once built: when the palette changes (the
// terminal reported its background), the root builds another and sends it
// in an EnvMsg, and each model applies it, restyling what it styled from
// the old one. The API client is not part of it: it is given to each pane
// at construction and changes only with a ClientMsg.
type Env struct {
	T      i18n.Printer
	Format format.Formatter
	Keys   KeyMap
	Styles Styles
	Now    func() time.Time
}

// WithStyles is a copy of e with another palette.
func (e *Env) WithStyles(s Styles) *Env {
	c := *e
	c.Styles = s
	return &c
}
