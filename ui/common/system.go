package common

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/childproc"
	"github.com/miimosa/miimosa/internal/i18n"
)

// ErrNotWebURL refuses to hand anything but an http(s) address to the
// system opener: the URL comes from the server and is untrusted.
var ErrNotWebURL = errors.New("not a web address")

// WebURL returns u if it is an absolute http(s) URL, or an error.
func WebURL(u string) (string, error) {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return "", ErrNotWebURL
	}
	return p.String(), nil
}

// openerCommand is the program that opens a URL in the desktop's browser.
func openerCommand() string {
	switch runtime.GOOS {
	case "darwin":
		return "open"
	case "windows":
		return "explorer"
	}
	return "xdg-open"
}

// browserCommands lists the command lines to try for web, in order: each
// entry of $BROWSER (entries separated like $PATH; in an entry, "%s" stands
// for the URL, else the URL comes last), then the platform's opener, as
// most command-line tools do. Nothing goes through a shell: the URL is one
// argument whatever it holds.
func browserCommands(browser, web string) [][]string {
	var cmds [][]string
	for _, entry := range filepath.SplitList(browser) {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		argv := strings.Fields(entry)
		if fi, err := os.Stat(entry); err == nil && !fi.IsDir() {
			argv = []string{entry} // a path with spaces in it
		}
		placed := false
		for i := 1; i < len(argv); i++ {
			if strings.Contains(argv[i], "%s") {
				argv[i] = strings.ReplaceAll(strings.ReplaceAll(argv[i], "%s", web), "%%", "%")
				placed = true
			}
		}
		if !placed {
			argv = append(argv, web)
		}
		cmds = append(cmds, argv)
	}
	return append(cmds, []string{openerCommand(), web})
}

// OpenInBrowser opens u in the browser without blocking the UI: the opener
// is started from a command, with no secret in its environment, and reaped
// in the background. A failure comes back as an ErrorMsg (the first
// opener's error: $BROWSER's when it is set), success as a StatusMsg with
// okText.
func OpenInBrowser(u, okText string) tea.Cmd {
	return func() tea.Msg {
		web, err := WebURL(u)
		if err != nil {
			return ErrorMsg{Err: err}
		}
		var first error
		for _, argv := range browserCommands(os.Getenv("BROWSER"), web) {
			// No context: the browser outlives the command that started it.
			cmd := childproc.Command(context.Background(), argv[0], argv[1:]...)
			if err := cmd.Start(); err != nil {
				if first == nil {
					first = err
				}
				continue
			}
			go func() { _ = cmd.Wait() }()
			return StatusMsg{Text: okText}
		}
		return ErrorMsg{Err: first}
	}
}

// helperTimeout bounds one clipboard helper: one that hangs (a display
// that does not answer) must not hold the copy forever.
const helperTimeout = 5 * time.Second

// clipboardHelper is a program that puts its standard input on the system
// clipboard; it is tried only where the variable named by needs is set
// (a Wayland or X display), so a headless machine wastes no time on it.
type clipboardHelper struct {
	name  string
	args  []string
	needs string
}

func clipboardHelpers() []clipboardHelper {
	switch runtime.GOOS {
	case "darwin":
		return []clipboardHelper{{name: "pbcopy"}}
	case "windows":
		return []clipboardHelper{{name: "clip.exe"}}
	}
	return []clipboardHelper{
		{name: "wl-copy", needs: "WAYLAND_DISPLAY"},
		{name: "xclip", args: []string{"-selection", "clipboard"}, needs: "DISPLAY"},
		{name: "xsel", args: []string{"--clipboard", "--input"}, needs: "DISPLAY"},
		{name: "clip.exe", needs: "WSL_DISTRO_NAME"}, // Windows' clipboard from WSL
	}
}

// copied says where a copy surely arrived; OSC 52 is sent every time but
// never confirmed.
type copied struct {
	helper string // the system clipboard helper that took it, "" if none
	inTmux bool   // running inside tmux ($TMUX)
	tmux   bool   // tmux's paste buffer has it
}

// copyOut puts s on every clipboard it can reach. Inside tmux, tmux's own
// paste buffer: with the default set-clipboard external, tmux does not pass
// an application's OSC 52 on, and load-buffer -w asks tmux itself to
// forward it to the outer terminal. Then the system clipboard's helper.
// Every helper runs with no secret in its environment.
func copyOut(s string) copied {
	var c copied
	if os.Getenv("TMUX") != "" {
		c.inTmux = true
		// -w needs tmux 3.2; an older tmux refuses the flag.
		c.tmux = runWithInput(s, "tmux", "load-buffer", "-w", "-") == nil ||
			runWithInput(s, "tmux", "load-buffer", "-") == nil
	}
	for _, h := range clipboardHelpers() {
		if h.needs != "" && os.Getenv(h.needs) == "" {
			continue
		}
		if runWithInput(s, h.name, h.args...) == nil {
			c.helper = h.name
			break
		}
	}
	return c
}

func runWithInput(s, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), helperTimeout)
	defer cancel()
	cmd := childproc.Command(ctx, name, args...)
	cmd.Stdin = strings.NewReader(s)
	// Output stays on the null device: xclip and wl-copy leave a child
	// serving the selection, which would hold a pipe, and Wait, open.
	return cmd.Run()
}

// CopyAndTell puts s on the clipboards it can reach (see copyOut) and sends
// it to the terminal with OSC 52, then says in one StatusMsg, in t's
// language, how it was sent: okText ("URL copied") completed with where it
// surely arrived, or that only OSC 52 went out, unconfirmed.
func CopyAndTell(t i18n.Printer, s, okText string) tea.Cmd {
	return tea.Batch(
		tea.SetClipboard(s),
		func() tea.Msg { return StatusMsg{Text: copiedText(t, copyOut(s), okText)} },
	)
}

func copiedText(t i18n.Printer, c copied, okText string) string {
	switch {
	case c.helper != "" && c.tmux:
		return t.T("ui.copy.system_and_tmux", okText, c.helper)
	case c.helper != "":
		return t.T("ui.copy.system", okText, c.helper)
	case c.tmux:
		return t.T("ui.copy.tmux", okText)
	case c.inTmux:
		return t.T("ui.copy.osc52_tmux")
	}
	return t.T("ui.copy.osc52")
}
