package cli

import (
	"context"
	"io"
	"time"

	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
)

// Globals are the flags every command takes; cobra fills them in when it
// parses the command line.
type Globals struct {
	APIURL          string
	Demo            bool
	Lang            string
	InsecureStorage bool
	Debug           bool
	Concurrency     int  // pages fetched at once, when ConcurrencySet
	ConcurrencySet  bool // --concurrency given: else the config file's, else api.DefaultConcurrency
}

// Factory is what every command is built from, made once per run by Main
// (after gh's cmdutil.Factory): the streams, the environment and the clock,
// the run's one printer, the global flags, and how to open a session. A
// command's constructor takes it; nothing a command uses lives in a package
// variable, so tests build their own.
type Factory struct {
	IO     *IOStreams
	Getenv func(string) string
	// Now is the clock for birthdates and days left.
	Now func() time.Time

	// Lang is chosen once, before cobra parses the arguments, so that help
	// texts and flag errors already speak it: --lang in the arguments,
	// else LC_ALL, LC_MESSAGES, LANG. Printer and Format speak it.
	Lang    i18n.Lang
	Printer i18n.Printer
	Format  format.Formatter

	// Globals hold the global flags' values once cobra has parsed them.
	Globals *Globals

	// OpenSession connects: it chooses the server and the key and builds
	// the client, or starts the sandbox with --demo. Nothing is opened until
	// a command runs and calls it (`auth --help` touches neither keyring nor
	// network). debugLog takes the --debug log; nil is standard error. The
	// caller must call the session's Close.
	OpenSession func(ctx context.Context, debugLog io.Writer) (*Session, error)
}

// newFactory builds the run's factory from the outside world and the
// arguments (read only for --lang).
func newFactory(app *App, args []string) *Factory {
	streams := newIOStreams(app)
	lang := i18n.Detect(scanLang(args), streams.getenv)
	now := app.Now
	if now == nil {
		now = time.Now
	}
	f := &Factory{
		IO:      streams,
		Getenv:  streams.getenv,
		Now:     now,
		Lang:    lang,
		Printer: i18n.New(lang),
		Format:  format.New(lang),
		Globals: &Globals{},
	}
	f.OpenSession = func(ctx context.Context, debugLog io.Writer) (*Session, error) {
		return openSession(ctx, f, debugLog)
	}
	return f
}

// T is the catalogue's message for key in the run's language.
func (f *Factory) T(key i18n.Key, args ...any) string { return f.Printer.T(key, args...) }
