package common

import (
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/insight"
)

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

// OpenPledgeMsg asks the root to show one pledge and its schedule. Loan is
// the pledge as the insight report sees it (its whole schedule, paid, due,
// late or lost, and its return); nil until a report is computed: the detail
// shows the server's schedule. LoanSeq is the Seq of the InsightMsg the
// loan came with, so that the detail takes only newer reports.
type OpenPledgeMsg struct {
	Pledge  api.Pledge
	Loan    *insight.Loan
	LoanSeq int
}

// StatusMsg is a one-line notice for the status line ("URL copied").
type StatusMsg struct{ Text string }

// ErrorMsg is the last error for the status line; panes keep their own too.
type ErrorMsg struct{ Err error }

// PledgesMsg is every pledge of the person looked up (Gen), announced by the
// pledges pane once its walk ended; the root hands it to every pane. Partial
// is true when the walk stopped before the last page (a failure, a limit):
// figures built on it say so.
type PledgesMsg struct {
	Gen     int
	Pledges []api.Pledge // never written to by anyone: shared read-only
	Partial bool
}

// InsightMsg is the report of the pledges of PledgesMsg, announced by the
// insight pane each time it computed one: first without the projects'
// facts, then with them. Seq grows with each report of one Gen; the answers
// may arrive out of order, so a receiver takes one of its own Gen with a
// higher Seq than the one it holds.
type InsightMsg struct {
	Gen     int
	Seq     int
	Report  *insight.Report // read-only once sent
	Partial bool            // built on a list cut short
}
