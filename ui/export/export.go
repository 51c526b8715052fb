// Package export writes a list pane's rows to a CSV file from the terminal:
// a one-line box asks for the file name (a default in the current
// directory), an existing file is replaced only once the person confirms,
// and the file is written in a command, never in Update.
//
// The pane decides what the table holds (the same columns as the
// commands' --format csv) and when an export is refused (privacy mode);
// this package owns the prompt, the file and the words about them.
package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

type state int

const (
	closed     state = iota
	naming           // the file name box has the keyboard
	confirming       // the file exists: enter replaces it, esc goes back to the name
	writing          // the command is running
)

// doneMsg answers a write; owner and seq are the prompt and the export it
// answers (the root hands every pane every message), so the answer to an
// export closed meanwhile, or to another pane's, is dropped.
type doneMsg struct {
	owner string
	seq   int
	path  string // absolute, as said to the person
	rows  int
	err   error
}

// Model is the export prompt of one pane.
type Model struct {
	env   *common.Env
	owner string
	input textinput.Model
	state state
	seq   int

	table [][]string // header first, snapshotted when the prompt opened
	noun  [2]string  // what a row is, singular and plural, for the notice
	err   error      // the last write's failure, shown under the name
}

// New returns a closed prompt for the pane named owner.
func New(env *common.Env, owner string) Model {
	m := Model{env: env, owner: owner}
	if env == nil {
		return m
	}
	m.input = common.KeywordInput(env.Styles, env.T.T("lists.export.prompt"), "")
	m.input.CharLimit = 4096 // a path, not a keyword
	return m
}

// Begin opens the prompt for header and rows, the file proposed as
// miimosa-<what>-<day>.csv, unless there is nothing to export or amounts are
// masked: then the status line says why. Privacy mode promises that no
// amount leaves the screen while it is shared, and a file of masked
// amounts would look like an export and be none.
func (m Model) Begin(private bool, header []string, rows [][]string, what string, day time.Time, noun [2]string) (Model, tea.Cmd) {
	say := func(k i18n.Key) (Model, tea.Cmd) {
		text := m.env.T.T(k)
		return m, func() tea.Msg { return common.StatusMsg{Text: text} }
	}
	switch {
	case private:
		return say("lists.export.private")
	case len(rows) == 0:
		return say("lists.export.empty")
	}
	name := "miimosa-" + what + "-" + day.Format(time.DateOnly) + ".csv"
	return m.Open(append([][]string{header}, rows...), name, noun)
}

// Open shows the prompt for table (its header first) with name as the
// proposed file name; noun names a row ("pledge", "pledges") in the notice.
func (m Model) Open(table [][]string, name string, noun [2]string) (Model, tea.Cmd) {
	m.seq++
	m.state, m.table, m.noun, m.err = naming, table, noun, nil
	m.input.SetValue(name)
	m.input.CursorEnd()
	return m, m.input.Focus()
}

// Active is true while the prompt is shown: it has the keyboard.
func (m Model) Active() bool { return m.state != closed }

// SetWidth fits the box to the pane.
func (m Model) SetWidth(w int) Model {
	m.input.SetWidth(max(1, w-len([]rune(m.input.Prompt))-1))
	return m
}

// Restyle applies a new palette (EnvMsg).
func (m Model) Restyle(env *common.Env) Model {
	m.env = env
	m.input.SetStyles(common.InputStyles(env.Styles))
	return m
}

// Update handles the prompt's keys and the write's answer. A finished
// export closes the prompt and says where it wrote on the status line.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.env == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case doneMsg:
		return m.done(msg)
	case tea.KeyPressMsg:
		if m.state != closed {
			return m.key(msg)
		}
	case tea.PasteMsg:
		if m.state == naming {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.env.Keys
	switch m.state {
	case naming:
		switch {
		case key.Matches(msg, k.Back):
			return m.close(), nil
		case key.Matches(msg, k.Open):
			return m.write(false)
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		m.err = nil
		return m, cmd
	case confirming:
		switch {
		case key.Matches(msg, k.Back):
			m.state = naming
			return m, m.input.Focus()
		case key.Matches(msg, k.Open):
			return m.write(true)
		}
	}
	return m, nil // writing: wait for the answer
}

// Close drops the prompt and the table it holds; a write still running is
// no longer answered.
func (m Model) Close() Model { return m.close() }

func (m Model) close() Model {
	m.state, m.table, m.err = closed, nil, nil
	m.input.Blur()
	m.seq++ // a write still running is no longer this prompt's
	return m
}

// write starts the write of the table to the name typed.
func (m Model) write(overwrite bool) (Model, tea.Cmd) {
	name := textsafe.Clean(m.input.Value())
	if name == "" {
		m.err = errors.New(m.env.T.T("lists.export.no_name"))
		return m, nil
	}
	path, err := Resolve(name)
	if err != nil {
		m.err = err
		return m, nil
	}
	m.state = writing
	m.input.Blur()
	owner, seq, table := m.owner, m.seq, m.table
	return m, func() tea.Msg {
		err := WriteCSV(path, table, overwrite)
		return doneMsg{owner: owner, seq: seq, path: path, rows: len(table) - 1, err: err}
	}
}

func (m Model) done(msg doneMsg) (Model, tea.Cmd) {
	if msg.owner != m.owner || msg.seq != m.seq || m.state != writing {
		return m, nil
	}
	t := m.env.T.T
	switch {
	case errors.Is(msg.err, fs.ErrExist):
		m.state, m.err = confirming, nil
		return m, nil
	case msg.err != nil:
		m.state, m.err = naming, errors.New(t("lists.export.failed", filepath.Base(msg.path), reason(msg.err)))
		return m, m.input.Focus()
	}
	m = m.close()
	noun := m.noun[1]
	if msg.rows == 1 {
		noun = m.noun[0]
	}
	text := t("lists.export.wrote", strconv.Itoa(msg.rows), noun, msg.path)
	return m, func() tea.Msg { return common.StatusMsg{Text: text} }
}

// reason is the part of a file error a person can act on ("permission
// denied", "no such file or directory"), without the path repeated.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError // a rename over the file
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// Lines is what the prompt draws under the pane's rows: the box, then the
// question or the failure. None while closed.
func (m Model) Lines() []string {
	if m.state == closed || m.env == nil {
		return nil
	}
	s, t := m.env.Styles, m.env.T.T
	out := []string{m.input.View()}
	switch {
	case m.state == confirming:
		out = append(out, s.Warning.Render(t("lists.export.exists", filepath.Base(textsafe.Clean(m.input.Value())))))
	case m.state == writing:
		out = append(out, s.Subtle.Render(t("lists.export.writing")))
	case m.err != nil:
		out = append(out, s.Error.Render(m.err.Error()))
	default:
		out = append(out, s.Subtle.Render(t("lists.export.hint")))
	}
	return out
}

// Height is how many lines Lines takes.
func (m Model) Height() int {
	if m.state == closed {
		return 0
	}
	return 2
}
