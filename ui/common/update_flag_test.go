package common

// Imported for its -update flag alone, so that `go test ./ui/... -update`
// (which passes the flag to every ui package) does not fail here.
import _ "github.com/charmbracelet/x/exp/golden"
