package projectdetail

import (
	"github.com/miimosa/miimosa/ui/common"
)

// ErrorLine says in one line what went wrong and that r retries.
func ErrorLine(env *common.Env, err error) string {
	return env.T.T("panes.err.retry", common.ErrorText(env.T, err))
}
