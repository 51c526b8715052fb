package common

import (
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
)

// Env is what every pane is given by the root model: the words, the formats,
// the keys, the palette and the client. Panes never create their own.
type Env struct {
	T      i18n.Printer
	Format format.Formatter
	Keys   KeyMap
	Styles Styles
	Client *api.Client // nil until a key is known
	Now    func() time.Time
}
