package common

import "github.com/miimosa/miimosa/api"

// Messages the root model sends to every pane.

// PrivacyMsg masks (or unmasks) every amount.
type PrivacyMsg struct{ On bool }

// UserMsg says who is looked up now. Gen grows with every lookup: a pane
// drops any answer tagged with an older Gen. A zero User clears the pane
// (the previous caller's data leaves memory and screen).
type UserMsg struct {
	User api.User
	Gen  int
}

// ClientMsg hands panes a new client (after the key was entered or replaced).
type ClientMsg struct{ Client *api.Client }

// OpenProjectMsg asks the root to show a project's detail (from a pledge).
type OpenProjectMsg struct{ ID int64 }

// StatusMsg is a one-line notice for the status line ("URL copied").
type StatusMsg struct{ Text string }

// ErrorMsg is the last error for the status line; panes keep their own too.
type ErrorMsg struct{ Err error }
