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
	// First is the first page of the person's pledges, fetched with
	// PledgesPerPage by the lookup that checked them; the pledges pane goes
	// on from it rather than ask again. Nil: the pane asks.
	First *api.Page[api.Pledge]
}

// PledgesPerPage is the page size the pledges are asked for in: large,
// as a page is a round trip and the biggest lenders have hundreds.
const PledgesPerPage = 100

// ClientMsg hands panes a new client (after the key was entered or
// replaced), or nil after the key was forgotten. It is the one way a client
// reaches a model after construction.
type ClientMsg struct{ Client *api.Client }

// EnvMsg hands every model the environment to use from now on (another
// palette once the terminal reported its background). Models restyle what
// they styled from the previous one, such as text inputs.
type EnvMsg struct{ Env *Env }

// OpenProjectMsg asks the root to show a project's detail. Project holds
// what the asker already knows (at least its ID), shown at once while the
// full detail loads.
type OpenProjectMsg struct{ Project api.Project }

// OpenPledgeMsg asks the root to show one pledge and its schedule.
type OpenPledgeMsg struct{ Pledge api.Pledge }

// StatusMsg is a one-line notice for the status line ("URL copied").
type StatusMsg struct{ Text string }

// ErrorMsg is the last error for the status line; panes keep their own too.
type ErrorMsg struct{ Err error }
