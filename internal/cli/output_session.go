package cli

import (
	"context"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/credentials"
	"github.com/miimosa/miimosa/internal/i18n"
)

// cmdSession is a scriptable command's connection: the session, and what
// its error messages need to know.
type cmdSession struct {
	*Session
	p i18n.Printer
}

// openClient opens the session (starting the sandbox with --demo) and
// returns its client, or an error that says how to set a key.
func openClient(ctx context.Context, f *Factory) (*cmdSession, *api.Client, error) {
	sess, err := f.OpenSession(ctx, nil)
	if err != nil {
		return nil, nil, explain(f.Printer, err, hostOf(f.Globals.APIURL), false)
	}
	s := &cmdSession{Session: sess, p: f.Printer}
	client, err := sess.RequireClient()
	if err != nil {
		s.close()
		return nil, nil, s.explain(err)
	}
	return s, client, nil
}

func (s *cmdSession) close() {
	if s.Close != nil {
		s.Close()
	}
}

// explain words err for a person, naming the server it came from.
func (s *cmdSession) explain(err error) error {
	host := s.Host
	if host == "" {
		host = hostOf(s.APIURL)
	}
	if s.Demo {
		host = s.p.T("cli.sandbox")
	}
	return explain(s.p, err, host, s.KeySource == credentials.SourceEnv)
}
