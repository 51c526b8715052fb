// Package ui is the terminal: a small root model that lays the panes out,
// routes messages to them and owns the global keys. The panes (one package
// each) do the work.
package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/cache"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/help"
	insightpane "github.com/miimosa/miimosa/ui/insight"
	"github.com/miimosa/miimosa/ui/keyprompt"
	"github.com/miimosa/miimosa/ui/leadform"
	"github.com/miimosa/miimosa/ui/lookup"
	"github.com/miimosa/miimosa/ui/pledgedetail"
	"github.com/miimosa/miimosa/ui/pledges"
	"github.com/miimosa/miimosa/ui/projectdetail"
	"github.com/miimosa/miimosa/ui/projects"
	"github.com/miimosa/miimosa/ui/wallet"
)

// Options is what the command line hands the terminal.
type Options struct {
	Env    *common.Env
	Client *api.Client // nil when no key is known: the key prompt opens first
	Host   string      // API host, shown on the status line
	Demo   bool        // the embedded sandbox: its key is fixed
	Key    keyprompt.Config

	Email, Birthdate string // fill the lookup in
	LookupNow        bool   // and run it at once (--demo, or both flags)
	Privacy          bool   // start with amounts masked

	// LeadDrafts keeps an unsent lead between runs; nil keeps none.
	LeadDrafts *lead.DraftStore
	// Cache keeps the last public project lists between runs, for the
	// projects pane to open with; nil keeps none (--no-cache, --demo).
	Cache *cache.Store
}

// Panes, in the order of the keys 1, 2, 3, 4 and of tab.
const (
	paneWallet = iota
	panePledges
	paneProjects
	paneInsight
	paneCount
)

// modal is what is in front of the panes, if anything.
type modal int

const (
	modalNone modal = iota
	modalKey
	modalLookup
	modalHelp
	modalLead
)

// Model is the root model.
type Model struct {
	env    *common.Env
	client *api.Client // nil until a key is known; reaches the panes by ClientMsg
	opts   Options

	width, height int
	panes         [paneCount]slot
	focus         int
	// bottom is the pane the wide layout's bottom row shows: the projects
	// or the insight, whichever was chosen last.
	bottom int
	// details are the detail views in front of the panes, the top one last
	// (a pledge, then its project); esc closes the top one.
	details []detail
	opened  int // numbers the details opened, so their answers never cross
	zoom    zoom

	modal  modal
	key    keyprompt.Model
	lookup lookup.Model
	help   help.Model
	lead   leadform.Model

	user    api.User
	gen     int // grows with every change of person: panes drop older answers
	privacy bool
	autoRun bool // run the lookup as soon as a key is known

	// The status line's message: the newest of the transient flash (a
	// notice, or an error that is no pane's state, such as the browser not
	// opening) and the errors of the panes failing now. Pane errors are
	// read from the panes; only when each began is kept here, to know
	// which is the newest.
	flash     flash
	events    int               // numbers flashes and pane failures in the order they happened
	failedAt  [paneCount]int    // when pane i began failing; 0 while it is not
	failedMsg [paneCount]string // what its error said then: a different error is a new failure

	spinner   spinner.Model
	spinning  bool
	startCmds []tea.Cmd
}

// zoom is what z maximised: the focused pane (depth 0: it follows the
// focus from pane to pane) or the detail that was in front (depth n: the
// n-th). A detail opened over it is shown as usual and, once closed,
// gives the zoomed view back; closing the zoomed detail ends the zoom.
type zoom struct {
	on    bool
	depth int
}

// flash is a one-line message that lasts until the next key press.
type flash struct {
	text string
	err  error
	at   int // events when it was said
}

// The panes the root reads errors and help from must keep saying them.
var (
	_ failing = wallet.Model{}
	_ failing = pledges.Model{}
	_ failing = projects.Model{}
	_ helping = wallet.Model{}
	_ helping = pledges.Model{}
	_ helping = projects.Model{}
	_ helping = insightpane.Model{}
)

// New builds the root model and its panes.
func New(opts Options) Model {
	env := opts.Env
	opts.Key.Host = opts.Host
	m := Model{
		env:     env,
		client:  opts.Client,
		opts:    opts,
		privacy: opts.Privacy,
		key:     keyprompt.New(env, opts.Key),
		lookup:  lookup.New(env, opts.Client).Prefill(opts.Email, opts.Birthdate),
		help:    help.New(env),
		spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(env.Styles.Accent)),
		autoRun: opts.LookupNow,
		focus:   paneProjects, // the only pane with something to show before a lookup
		bottom:  paneProjects,
	}
	wp, pp, jp := wallet.New(env, m.client), pledges.New(env, m.client), projects.New(env, m.client).WithCache(opts.Cache, opts.Host)
	ip := insightpane.New(env, m.client)
	m.startCmds = []tea.Cmd{tea.RequestBackgroundColor, wp.Init(), pp.Init(), jp.Init(), ip.Init()}
	m.panes = [paneCount]slot{wrap(wp), wrap(pp), wrap(jp), wrap(ip)}
	if opts.Privacy {
		m, _ = m.broadcast(common.PrivacyMsg{On: true})
	}
	if m.client == nil {
		m.modal = modalKey
	} else {
		var cmd tea.Cmd
		m, cmd = m.openLookup()
		m.startCmds = append(m.startCmds, cmd)
	}
	return m.layout()
}

// Init starts what New prepared: the first loads, the background colour
// query and, with --demo or both lookup flags, the lookup.
func (m Model) Init() tea.Cmd { return tea.Batch(m.startCmds...) }

// Update routes a message: global keys and the root's own messages here,
// keys to what is in front, everything else to every pane (each drops what
// is not its own, by type or by tag).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	return next.(Model).noteFailures(), cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m.layout(), nil
	case tea.BackgroundColorMsg:
		// Another palette: a new environment, which every model applies.
		m.env = m.env.WithStyles(common.NewStyles(msg.IsDark()))
		m.spinner.Style = m.env.Styles.Accent
		return m.toAll(common.EnvMsg{Env: m.env})
	case spinner.TickMsg:
		if !m.busy() {
			m.spinning = false // stop ticking until something loads again
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.KeyPressMsg:
		return m.spin(m.handleKey(msg))
	case tea.MouseClickMsg:
		return m.spin(m.click(msg))
	case tea.MouseWheelMsg:
		return m.spin(m.wheel(msg))
	case tea.MouseMsg:
		return m, nil // motion and releases: nothing follows the pointer
	case common.StatusMsg:
		return m.say(msg.Text, nil), nil
	case common.ErrorMsg:
		return m.say("", msg.Err), nil
	case common.OpenProjectMsg:
		return m.spin(m.openProject(msg.Project))
	case common.OpenPledgeMsg:
		return m.openPledge(msg), nil
	case keyprompt.DoneMsg:
		return m.spin(m.keyAccepted(msg))
	case keyprompt.ForgottenMsg:
		m = m.say(msg.Notice, nil).show(modalKey)
		m.client = nil
		return m.toAll(common.ClientMsg{})
	case keyprompt.CancelMsg, help.CloseMsg:
		return m.show(modalNone), nil
	case lookup.DoneMsg:
		return m.spin(m.lookupDone(msg))
	case leadform.DoneMsg:
		return m.leadDone(msg), nil
	}
	return m.spin(m.route(msg))
}

// handleKey applies the global keys, unless what has the keyboard is
// typing: then q, 1, 2, 3, ?… are letters, and only ctrl+c stays global.
func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	keys := m.env.Keys
	typing := m.capturing()
	m.flash = flash{} // a notice lasts until the person does something else
	// A quit key that types a letter (q) is a letter while typing; one
	// that types nothing (ctrl+c) always quits.
	if key.Matches(msg, keys.Quit) && (!typing || msg.Text == "") {
		if m.modal == modalLead {
			// What was typed outlives the program: its snapshot taken now,
			// saved in a command (disk I/O never runs in Update), then quit.
			// Nothing is said: the screen goes; the form offers the draft
			// back next time.
			return m, tea.Sequence(m.lead.Close(), tea.Quit)
		}
		return m, tea.Quit
	}
	if m.modal != modalNone || typing {
		return m.route(msg)
	}
	if len(m.details) > 0 && key.Matches(msg, keys.Back) {
		return m.closeDetail().layout(), nil // the one way back from a detail
	}
	if m.zoomed() && key.Matches(msg, keys.Back) {
		return m.toggleZoom(), nil
	}
	switch {
	case key.Matches(msg, keys.Zoom):
		return m.toggleZoom(), nil
	case key.Matches(msg, keys.Help):
		m.help = help.New(m.env)
		return m.show(modalHelp), nil
	case key.Matches(msg, keys.NextPane):
		return m.setFocus((m.focus + 1) % paneCount), nil
	case key.Matches(msg, keys.PrevPane):
		return m.setFocus((m.focus + paneCount - 1) % paneCount), nil
	case key.Matches(msg, keys.Wallet):
		return m.setFocus(paneWallet), nil
	case key.Matches(msg, keys.Pledges):
		return m.setFocus(panePledges), nil
	case key.Matches(msg, keys.Projects):
		return m.setFocus(paneProjects), nil
	case key.Matches(msg, keys.Insight):
		return m.setFocus(paneInsight), nil
	case key.Matches(msg, keys.Privacy):
		m.privacy = !m.privacy
		return m.broadcast(common.PrivacyMsg{On: m.privacy})
	case key.Matches(msg, keys.NewLookup):
		return m.newLookup()
	case key.Matches(msg, keys.APIKey):
		if m.opts.Demo {
			return m.say(m.env.T.T("ui.key.demo_fixed"), nil), nil
		}
		m.key = m.key.Menu()
		return m.show(modalKey), nil
	case key.Matches(msg, keys.Lead):
		return m.openLead()
	}
	return m.route(msg)
}

// route hands a message to what is in front: a modal, the detail, or the
// focused pane for keys and pastes; every pane for anything else.
func (m Model) route(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	isKey := false
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		isKey = true // typed by the person: only what has the keyboard gets it
	}
	switch m.modal {
	case modalKey:
		m.key, cmd = m.key.Update(msg)
	case modalLookup:
		m.lookup, cmd = m.lookup.Update(msg)
	case modalHelp:
		m.help, cmd = m.help.Update(msg)
	case modalLead:
		m.lead, cmd = m.lead.Update(msg)
	}
	if isKey {
		if m.modal != modalNone {
			return m, cmd // a modal keeps the keyboard from what is behind it
		}
		if len(m.details) > 0 {
			return m.toTopDetail(msg)
		}
		m.panes[m.focus], cmd = m.panes[m.focus].update(msg)
		return m, cmd
	}
	m, more := m.broadcast(msg)
	return m, tea.Batch(cmd, more)
}

// broadcast sends msg to every pane and every detail.
func (m Model) broadcast(msg tea.Msg) (Model, tea.Cmd) {
	cmds := make([]tea.Cmd, 0, paneCount+len(m.details))
	for i := range m.panes {
		var cmd tea.Cmd
		m.panes[i], cmd = m.panes[i].update(msg)
		cmds = append(cmds, cmd)
	}
	m.details = slices.Clone(m.details)
	for i := range m.details {
		var cmd tea.Cmd
		m.details[i].slot, cmd = m.details[i].update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// toAll sends msg (a new environment or client) to every model the root
// holds: the panes, the details and the modals, shown or not.
func (m Model) toAll(msg tea.Msg) (Model, tea.Cmd) {
	m, cmd := m.broadcast(msg)
	var c1, c2, c3, c4 tea.Cmd
	m.key, c1 = m.key.Update(msg)
	m.lookup, c2 = m.lookup.Update(msg)
	m.help, c3 = m.help.Update(msg)
	if m.modal == modalLead {
		m.lead, c4 = m.lead.Update(msg)
	}
	return m.layout(), tea.Batch(cmd, c1, c2, c3, c4)
}

// spin starts the status line's spinner when something began loading.
func (m Model) spin(next Model, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	if next.spinning || !next.busy() {
		return next, cmd
	}
	next.spinning = true
	return next, tea.Batch(cmd, next.spinner.Tick)
}

// show puts md in front (modalNone: the panes) and gives the keyboard to
// what is in front now. Every change of modal goes through here, so that
// closing one always gives the focused pane its keys back.
func (m Model) show(md modal) Model {
	m.modal = md
	return m.layout()
}

// say puts a notice (or an error no pane keeps) on the status line.
func (m Model) say(text string, err error) Model {
	m.events++
	m.flash = flash{text: text, err: err, at: m.events}
	return m
}

// noteFailures stamps each pane that began failing (or failed anew with
// another error) since the last message, so that the status line shows
// the newest failure; a pane that recovered is no longer stamped.
func (m Model) noteFailures() Model {
	for i, p := range m.panes {
		err := p.err()
		switch {
		case err == nil:
			m.failedAt[i], m.failedMsg[i] = 0, ""
		case m.failedAt[i] == 0 || err.Error() != m.failedMsg[i]:
			m.events++
			m.failedAt[i], m.failedMsg[i] = m.events, err.Error()
		}
	}
	return m
}

// statusMessage is what the status line says after where and who: the
// newest of the flash and the failing panes' errors.
func (m Model) statusMessage() (text string, err error) {
	at := 0
	if m.flash.text != "" || m.flash.err != nil {
		text, err, at = m.flash.text, m.flash.err, m.flash.at
	}
	for i, p := range m.panes {
		if e := p.err(); e != nil && m.failedAt[i] > at {
			text, err, at = "", e, m.failedAt[i]
		}
	}
	return text, err
}

func (m Model) setFocus(i int) Model {
	m.focus = i
	if i == paneProjects || i == paneInsight {
		m.bottom = i // the bottom row shows what was chosen last
	}
	for len(m.details) > 0 { // switching panes leaves every detail
		m = m.closeDetail()
	}
	return m.layout()
}

// capturing reports whether what has the keyboard is typing.
func (m Model) capturing() bool {
	switch m.modal {
	case modalKey:
		return m.key.Capturing()
	case modalLookup:
		return m.lookup.Capturing()
	case modalLead:
		return true // a form: every letter is typed
	case modalHelp:
		return false
	}
	if top := len(m.details) - 1; top >= 0 {
		return m.details[top].capturing()
	}
	return m.panes[m.focus].capturing()
}

// busy reports whether anything is waiting for the network.
func (m Model) busy() bool {
	if m.key.Busy() || m.lookup.Busy() {
		return true
	}
	for _, d := range m.details {
		if d.busy() {
			return true
		}
	}
	for _, p := range m.panes {
		if p.busy() {
			return true
		}
	}
	return false
}

// keyAccepted hands the new client to every pane, then goes on to the lookup.
func (m Model) keyAccepted(msg keyprompt.DoneMsg) (Model, tea.Cmd) {
	m.client = msg.Client
	m = m.say(msg.Notice, nil).show(modalNone)
	m, cmd := m.toAll(common.ClientMsg{Client: msg.Client})
	if m.user == (api.User{}) {
		var open tea.Cmd
		m, open = m.openLookup()
		cmd = tea.Batch(cmd, open)
	}
	return m.layout(), cmd
}

// openLookup shows the form, and runs it at once when asked to.
func (m Model) openLookup() (Model, tea.Cmd) {
	m = m.show(modalLookup)
	if !m.autoRun {
		return m, nil
	}
	m.autoRun = false
	var cmd tea.Cmd
	m.lookup, cmd = m.lookup.Submit()
	return m, cmd
}

// newLookup clears the previous person from every pane first, then opens an
// empty form for the next caller.
func (m Model) newLookup() (Model, tea.Cmd) {
	m.user = api.User{}
	m.gen++
	m.flash = flash{}
	m.lookup = lookup.New(m.env, m.client)
	m, cmd := m.broadcast(common.UserMsg{Gen: m.gen})
	return m.show(modalLookup), cmd
}

// lookupDone tells every pane who is looked up now, or leaves it at nobody.
func (m Model) lookupDone(msg lookup.DoneMsg) (Model, tea.Cmd) {
	m.modal = modalNone // setFocus lays out
	if msg.Skipped {
		return m.setFocus(paneProjects), nil
	}
	m.user = msg.User
	m.gen++
	m, cmd := m.broadcast(common.UserMsg{User: msg.User, Gen: m.gen, First: msg.First})
	return m.setFocus(panePledges), cmd
}

// openProject shows a project's detail in front of everything else, with
// what the asker knew of it at once, and loads the rest.
func (m Model) openProject(p api.Project) (Model, tea.Cmd) {
	m.opened++
	d := projectdetail.New(m.env, m.client, p, m.opened).SetPrivacy(m.privacy)
	return m.pushDetail(wrap(d), "ui.pane.project"), d.Init()
}

// openPledge shows one pledge and its schedule in front of everything else.
func (m Model) openPledge(msg common.OpenPledgeMsg) Model {
	d := pledgedetail.New(m.env, msg.Pledge).WithLoan(msg.Loan, msg.LoanSeq).SetPrivacy(m.privacy)
	return m.pushDetail(wrap(d), "ui.pane.pledge")
}

func (m Model) pushDetail(s slot, title i18n.Key) Model {
	m.details = append(slices.Clip(m.details), detail{slot: s, title: title})
	return m.layout()
}

// closeDetail drops the top detail and cancels its load, which would
// otherwise run on until the client's timeout.
func (m Model) closeDetail() Model {
	top := len(m.details) - 1
	if top < 0 {
		return m
	}
	if d, ok := unwrap[projectdetail.Model](m.details[top].slot); ok {
		d.Close()
	}
	m.details = slices.Clip(m.details[:top])
	if m.zoom.depth > len(m.details) {
		m.zoom = zoom{} // the zoomed detail is gone
	}
	return m
}

// zoomed reports whether what is in front is zoomed.
func (m Model) zoomed() bool { return m.zoom.on && m.zoom.depth == len(m.details) }

// toggleZoom maximises what is in front, or gives the others their room back.
func (m Model) toggleZoom() Model {
	if m.zoomed() {
		m.zoom = zoom{}
	} else {
		m.zoom = zoom{on: true, depth: len(m.details)}
	}
	return m.layout()
}
