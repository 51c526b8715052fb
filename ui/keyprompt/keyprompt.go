// Package keyprompt asks for the API key when none is known (masked, tried
// against the server before it is saved) and is the K menu: replace the
// key, forget it, or cancel.
package keyprompt

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
)

// Store keeps the key between runs; *credentials.Store is one.
type Store interface {
	Save(key string) (credentials.Source, error)
	Delete() error
}

// Config is what the prompt needs from the session.
type Config struct {
	Host      string
	Store     Store              // nil: nothing is kept beyond this session
	Source    credentials.Source // where the key in use came from; "" when none
	NewClient func(key string) (*api.Client, error)
	// Insecure: without a keyring, Store keeps the key in a private file
	// (--insecure-storage).
	Insecure bool
	// NoKeyring: the system keyring is known to be unusable here, so a new
	// key goes to the file (Insecure) or is kept for this session only.
	NoKeyring bool
	// Notice is said on the prompt from the start: why the stored key
	// could not be read (a refused key file).
	Notice string
}

// DoneMsg says a key was accepted: the root hands Client to the panes and
// shows Notice (where the key is kept) on the status line.
type DoneMsg struct {
	Client *api.Client
	Notice string
}

// ForgottenMsg says the key was removed; the prompt now asks for another.
type ForgottenMsg struct{ Notice string }

// CancelMsg leaves the menu or a replacement with the key unchanged.
type CancelMsg struct{}

type mode int

const (
	modeAsk     mode = iota // no usable key: the prompt cannot be left but by quitting
	modeReplace             // asking for a new key while the old one works: esc cancels
	modeMenu
	// modeConfirm asks before forgetting: a forgotten key cannot be got
	// back from here, only pasted again.
	modeConfirm
)

type menuItem int

const (
	itemReplace menuItem = iota
	itemForget
	itemCancel
)

type checkedMsg struct {
	seq     int
	client  *api.Client
	err     error
	saved   credentials.Source
	saveErr error
}

type forgotMsg struct {
	seq int
	err error
}

const cardWidth = 64

// Model is the key prompt and the K menu.
type Model struct {
	env           *common.Env
	cfg           Config
	width, height int
	mode          mode
	input         textinput.Model
	item          menuItem

	req     common.Request // the key check, or the key's deletion
	problem string
	// selected: the field holds a refused key, all of it selected, as an
	// editor would leave it: typing or pasting replaces it, a cursor key
	// keeps it to be corrected, a deletion empties it.
	selected bool
}

// New returns the prompt asking for a key, for a start without one.
func New(env *common.Env, cfg Config) Model {
	in := textinput.New()
	in.Prompt = ""
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.CharLimit = 512
	in.Placeholder = env.T.T("ui.key.placeholder")
	in.SetStyles(common.InputStyles(env.Styles))
	in.Focus()
	return Model{env: env, cfg: cfg, input: in}
}

// Menu returns the prompt showing the K menu.
func (m Model) Menu() Model {
	m.req.Abandon()
	m.mode, m.item, m.problem, m.selected = modeMenu, itemReplace, "", false
	return m
}

// Init starts nothing.
func (m Model) Init() tea.Cmd { return nil }

// SetSize gives the prompt the area it is centred in.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	m.input.SetWidth(max(4, m.cardWidth()-4-m.labelWidth()-2-1))
	return m
}

// SetFocused is part of the pane contract; the prompt has the keyboard
// whenever it is shown.
func (m Model) SetFocused(bool) Model { return m }

// Capturing is true while the key is being typed.
func (m Model) Capturing() bool { return m.mode == modeAsk || m.mode == modeReplace }

// Busy reports a check, save or delete in flight.
func (m Model) Busy() bool { return m.req.Busy() }

// Update handles keys and the answers of its commands.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case checkedMsg:
		return m.checked(msg)
	case forgotMsg:
		return m.forgot(msg)
	case common.EnvMsg:
		m.env = msg.Env
		m.input.SetStyles(common.InputStyles(m.env.Styles))
		return m, nil
	case tea.KeyPressMsg:
		switch m.mode {
		case modeMenu:
			return m.menuKey(msg)
		case modeConfirm:
			return m.confirmKey(msg)
		}
		keys := m.env.Keys
		switch {
		case key.Matches(msg, keys.Back):
			if m.mode == modeReplace {
				m.req.Abandon()
				m.input.Reset()
				m.selected = false
				return m, func() tea.Msg { return CancelMsg{} }
			}
			return m, nil // without a key there is nothing to go back to
		case key.Matches(msg, keys.Open):
			return m.check()
		}
	}
	if !m.Capturing() {
		return m, nil
	}
	return m.edit(msg)
}

// edit hands msg to the field. While a refused key is selected, what is
// typed or pasted replaces it (pasted after it, the result would be
// neither key), a deletion empties it, and a cursor key leaves it in the
// field to be corrected.
func (m Model) edit(msg tea.Msg) (Model, tea.Cmd) {
	if m.selected {
		switch msg := msg.(type) {
		case tea.PasteMsg:
			m.input.SetValue("")
			m.selected = false
		case tea.KeyPressMsg:
			km := m.input.KeyMap
			switch {
			case key.Matches(msg, km.DeleteCharacterBackward, km.DeleteCharacterForward, km.DeleteWordBackward,
				km.DeleteWordForward, km.DeleteBeforeCursor, km.DeleteAfterCursor):
				m.input.SetValue("")
				m.selected = false
				return m, nil
			case key.Matches(msg, km.Paste), msg.Text != "":
				m.input.SetValue("")
			}
			m.selected = false
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// keep leaves a refused key in the field, selected, the cursor at its end.
func (m Model) keep() Model {
	m.input.CursorEnd()
	m.selected = m.input.Value() != ""
	return m
}

func (m Model) menuKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	keys := m.env.Keys
	switch {
	case key.Matches(msg, keys.Up):
		m.item = max(itemReplace, m.item-1)
	case key.Matches(msg, keys.Down):
		m.item = min(itemCancel, m.item+1)
	case key.Matches(msg, keys.Back):
		return m, func() tea.Msg { return CancelMsg{} }
	case key.Matches(msg, keys.Open):
		switch m.item {
		case itemReplace:
			m.mode, m.problem, m.selected = modeReplace, "", false
			m.input.Reset()
			return m, m.input.Focus()
		case itemForget:
			// A key from the environment cannot be forgotten from here:
			// saying so beats asking to confirm what cannot be done.
			if m.cfg.Source == credentials.SourceEnv {
				m.problem = m.env.T.T("ui.key.from_env")
				return m, nil
			}
			m.mode, m.problem = modeConfirm, ""
			return m, nil
		default:
			return m, func() tea.Msg { return CancelMsg{} }
		}
	}
	return m, nil
}

// confirmKey answers "forget the key?": yes forgets it, no goes back to
// the menu.
func (m Model) confirmKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	keys := m.env.Keys
	switch {
	case m.req.Busy():
		return m, nil // the deletion is under way: it cannot be taken back
	case key.Matches(msg, keys.Yes):
		return m.forget()
	case key.Matches(msg, keys.No):
		m.mode, m.problem = modeMenu, ""
	}
	return m, nil
}

// check tries the key with the cheapest authenticated call, then saves it.
// Both happen in the command: the keyring talks over D-Bus and may be slow.
func (m Model) check() (Model, tea.Cmd) {
	k := strings.TrimSpace(m.input.Value())
	if k == "" || m.req.Busy() {
		return m, nil
	}
	if err := credentials.ValidateKey(k); err != nil {
		m.problem = m.env.T.T("ui.key.invalid")
		return m.keep(), nil
	}
	ctx, seq := m.req.Start()
	m.problem, m.selected = "", false
	newClient, store := m.cfg.NewClient, m.cfg.Store
	return m, func() tea.Msg {
		c, err := newClient(k)
		if err == nil {
			err = c.CheckKey(ctx)
		}
		out := checkedMsg{seq: seq, client: c, err: err}
		if err == nil {
			out.saved = credentials.SourceSession
			if store != nil {
				out.saved, out.saveErr = store.Save(k)
			}
		}
		return out
	}
}

func (m Model) checked(msg checkedMsg) (Model, tea.Cmd) {
	if !m.req.Answered(msg.seq) {
		return m, nil
	}
	t := m.env.T
	switch {
	case errors.Is(msg.err, api.ErrKeyRejected):
		m.problem = t.T("ui.key.rejected", m.cfg.Host)
		return m.keep(), nil // a typo is corrected, another key pasted over it
	case msg.err != nil:
		m.problem = t.T("ui.key.failed", common.ErrorText(t, msg.err))
		return m, nil
	}
	notice := m.saveNotice(msg.saved, msg.saveErr)
	m.input.Reset() // the key leaves this model once it is in the client
	m.mode, m.cfg.Source = modeReplace, msg.saved
	switch {
	case msg.saved == credentials.SourceKeyring:
		m.cfg.NoKeyring = false
	case errors.Is(msg.saveErr, credentials.ErrNoKeyring), msg.saved == credentials.SourceFile:
		m.cfg.NoKeyring = true // the next prompt says where keys go now
	}
	client := msg.client
	return m, func() tea.Msg { return DoneMsg{Client: client, Notice: notice} }
}

// saveNotice says where the key is now kept, in one line.
func (m Model) saveNotice(src credentials.Source, err error) string {
	t := m.env.T
	switch {
	case errors.Is(err, credentials.ErrNoKeyring):
		return t.T("ui.key.no_keyring")
	case err != nil:
		return t.T("ui.key.not_saved", common.ErrorText(t, err))
	case src == credentials.SourceFile:
		return t.T("ui.key.saved_file")
	case src == credentials.SourceKeyring:
		return t.T("ui.key.saved_keyring")
	}
	return t.T("ui.key.no_keyring")
}

// forget deletes the stored key, once confirmed.
func (m Model) forget() (Model, tea.Cmd) {
	// Deleting from the keyring cannot be cancelled: only the number is used.
	_, seq := m.req.Start()
	if m.cfg.Store == nil {
		return m.forgot(forgotMsg{seq: seq}) // nothing stored: forgotten at once
	}
	store := m.cfg.Store
	return m, func() tea.Msg { return forgotMsg{seq: seq, err: store.Delete()} }
}

func (m Model) forgot(msg forgotMsg) (Model, tea.Cmd) {
	if !m.req.Answered(msg.seq) {
		return m, nil
	}
	t := m.env.T
	if err := withoutNoKeyring(msg.err); err != nil {
		m.problem = t.T("ui.key.forget_failed", common.ErrorText(t, err))
		return m, nil
	}
	if errors.Is(msg.err, credentials.ErrNoKeyring) {
		m.cfg.NoKeyring = true // the next prompt says where keys go now
	}
	m.mode, m.problem, m.cfg.Source, m.selected = modeAsk, "", credentials.SourceNone, false
	m.input.Reset()
	notice := t.T("ui.key.forgotten")
	return m, tea.Batch(m.input.Focus(), func() tea.Msg { return ForgottenMsg{Notice: notice} })
}

// withoutNoKeyring is err less its "no usable keyring" parts: with no
// keyring there is nothing stored there to forget, and a key kept for the
// session only is forgotten by dropping the client. What is left (a key
// file that could not be removed) still stops the forgetting.
func withoutNoKeyring(err error) error {
	if err == nil || !errors.Is(err, credentials.ErrNoKeyring) {
		return err
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return nil // only the keyring failed
	}
	var rest []error
	for _, e := range joined.Unwrap() {
		if e = withoutNoKeyring(e); e != nil {
			rest = append(rest, e)
		}
	}
	return errors.Join(rest...)
}

func (m Model) cardWidth() int { return common.ModalWidth(cardWidth, m.width) }

func (m Model) labelWidth() int { return lipgloss.Width(m.env.T.T("ui.key.label")) }

// View renders the prompt or the menu centred in the size given.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	st, t := m.env.Styles, m.env.T
	inner := m.cardWidth() - 4
	lines := []string{st.Title.Render(t.T("ui.key.title", m.cfg.Host))}
	switch m.mode {
	case modeConfirm:
		lines = append(lines, st.Muted.Width(inner).Render(m.sourceLine()), "",
			st.Warning.Width(inner).Render(t.T("ui.key.forget_confirm")))
	case modeMenu:
		lines = append(lines, st.Muted.Width(inner).Render(m.sourceLine()), "")
		for i, s := range []string{t.T("ui.key.replace"), t.T("ui.key.forget"), t.T("ui.key.cancel")} {
			if menuItem(i) == m.item {
				lines = append(lines, st.Selected.Render("› "+s))
			} else {
				lines = append(lines, "  "+s)
			}
		}
	default:
		switch {
		case m.height >= 14:
			lines = append(lines, st.Muted.Width(inner).Render(t.T(m.introKey())))
		case m.cfg.NoKeyring && !m.cfg.Insecure:
			// No room for the whole story: what matters is that the key
			// will not be remembered.
			lines = append(lines, st.Warning.Width(inner).Render(t.T("ui.key.no_keyring")))
		}
		if m.cfg.Notice != "" && m.mode == modeAsk {
			lines = append(lines, st.Warning.Width(inner).Render(m.cfg.Notice))
		}
		lines = append(lines, "", st.Accent.Render(t.T("ui.key.label"))+"  "+m.field())
	}
	lines = append(lines, "")
	switch {
	case m.req.Busy():
		lines = append(lines, st.Subtle.Render(t.T("ui.key.checking")))
	case m.problem != "":
		lines = append(lines, st.Error.Width(inner).Render(m.problem))
	}
	hint := i18n.Key("ui.key.keys_ask")
	switch m.mode {
	case modeReplace:
		hint = "ui.key.keys_replace"
	case modeMenu:
		hint = "ui.key.keys_menu"
	case modeConfirm:
		hint = "ui.key.keys_confirm"
	}
	lines = append(lines, st.Muted.Width(inner).Render(t.T(hint)))
	return common.Modal(st, lines, m.cardWidth(), m.width, m.height)
}

// field is the key as typed, masked; a refused key kept for correction
// is shown selected (reverse video, which shows without colour too).
func (m Model) field() string {
	if !m.selected {
		return m.input.View()
	}
	n := min(len([]rune(m.input.Value())), max(1, m.input.Width()))
	return m.env.Styles.Selected.Reverse(true).Render(strings.Repeat(string(m.input.EchoCharacter), n))
}

// introKey says where a key typed now will be kept, from what is known of
// this machine: the keyring, the private file, or this session only. When
// the keyring has not been asked yet (the key in use came from the
// environment), it says both, as what happens depends on it: one true
// sentence, rather than a promise the notice after the save takes back.
func (m Model) introKey() i18n.Key {
	switch {
	case m.cfg.Store == nil:
		return "ui.key.intro_session"
	case m.cfg.NoKeyring && m.cfg.Insecure:
		return "ui.key.intro_file"
	case m.cfg.NoKeyring:
		return "ui.key.intro_session"
	case m.cfg.Insecure:
		return "ui.key.intro_either"
	case !m.keyringAnswered():
		return "ui.key.intro_maybe"
	}
	return "ui.key.intro_keyring"
}

// keyringAnswered reports whether this session has heard from the keyring
// (a key from it or saved in it, none found in it at start, a save it
// failed, which sets NoKeyring). A key from the environment is taken
// before the keyring is asked.
func (m Model) keyringAnswered() bool { return m.cfg.Source != credentials.SourceEnv }

// sourceLine says where the key in use comes from (never the key itself).
func (m Model) sourceLine() string {
	t := m.env.T
	switch m.cfg.Source {
	case credentials.SourceEnv:
		return t.T("ui.key.source_env")
	case credentials.SourceKeyring:
		return t.T("ui.key.source_keyring")
	case credentials.SourceFile:
		return t.T("ui.key.source_file")
	}
	return t.T("ui.key.source_session")
}
