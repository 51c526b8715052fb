package common

import (
	"errors"
	"net/url"
	"os/exec"
	"runtime"

	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"
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

// OpenInBrowser opens u in the browser without blocking the UI: the opener
// is started from a command and reaped in the background. A failure comes
// back as an ErrorMsg, success as a StatusMsg with okText.
func OpenInBrowser(u, okText string) tea.Cmd {
	return func() tea.Msg {
		web, err := WebURL(u)
		if err != nil {
			return ErrorMsg{Err: err}
		}
		// The URL is one argv entry after "--"-free programs; WebURL made sure
		// it starts with http, so it cannot pass for an option.
		cmd := exec.Command(openerCommand(), web)
		if err := cmd.Start(); err != nil {
			return ErrorMsg{Err: err}
		}
		go func() { _ = cmd.Wait() }()
		return StatusMsg{Text: okText}
	}
}

// CopyText puts s on the clipboard twice over: OSC 52 through the terminal
// (works over SSH) and the desktop clipboard when one is reachable.
func CopyText(s, okText string) tea.Cmd {
	return tea.Batch(
		tea.SetClipboard(s),
		func() tea.Msg {
			_ = clipboard.WriteAll(s) // no desktop clipboard (headless): OSC 52 above still applies
			return StatusMsg{Text: okText}
		},
	)
}
