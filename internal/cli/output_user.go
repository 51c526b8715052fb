package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// userFlags are --email and --birthdate, shared by wallet and pledges: who
// the output is about.
type userFlags struct {
	email     string
	birthdate string
}

func (u *userFlags) register(cmd *cobra.Command, f *Factory) {
	cmd.Flags().StringVar(&u.email, "email", "", f.T("cli.usage.email"))
	cmd.Flags().StringVar(&u.birthdate, "birthdate", "", f.T("cli.usage.birthdate"))
	_ = cmd.RegisterFlagCompletionFunc("email", noFileCompletion)
	_ = cmd.RegisterFlagCompletionFunc("birthdate", noFileCompletion)
}

// check validates the flags before the session opens, asking for the
// birthdate when a terminal is attached: typed at a prompt, it stays out of
// the shell's history. With --demo and no email, the demo user is used
// later (see resolve).
func (u *userFlags) check(ctx context.Context, f *Factory) error {
	p, demo := f.Printer, f.Globals.Demo
	u.email = strings.TrimSpace(u.email)
	if u.email == "" {
		if demo {
			return nil
		}
		return usageErr(p.T("cli.err.email_missing"))
	}
	if !strings.Contains(u.email, "@") {
		return usageErr(p.T("cli.err.email_invalid"))
	}
	if strings.TrimSpace(u.birthdate) == "" && !demo {
		if !f.IO.InIsTerminal() {
			return usageErr(p.T("cli.err.birthdate_missing"))
		}
		fmt.Fprint(f.IO.ErrOut, p.T("cli.prompt.birthdate", u.email))
		line, err := readLine(ctx, f.IO.In, maxBirthdateInput)
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(f.IO.ErrOut) // ^C was echoed without a newline
			return &userError{msg: p.T("cli.err.canceled"), err: err}
		}
		if strings.TrimSpace(line) == "" {
			if err != nil {
				fmt.Fprintln(f.IO.ErrOut)
			}
			return usageErr(p.T("cli.err.birthdate_missing"))
		}
		u.birthdate = line
	}
	if strings.TrimSpace(u.birthdate) != "" {
		iso, err := api.NormalizeBirthdate(strings.TrimSpace(u.birthdate), f.Now())
		if err != nil {
			return usageErr(p.T("cli.err.birthdate_invalid"))
		}
		u.birthdate = iso
	}
	return nil
}

// maxBirthdateInput bounds the birthdate read: a line, not a file.
const maxBirthdateInput = 256

// resolve is the user to ask about. With --demo, no email means the demo
// user, and a demo user's birthdate need not be typed: the sandbox prints
// them all anyway.
func (u *userFlags) resolve(s *Session, p i18n.Printer) (api.User, error) {
	user := api.User{Email: u.email, Birthdate: u.birthdate}
	if s.Demo {
		if user.Email == "" && s.DemoUser != nil {
			user.Email = s.DemoUser.Email
		}
		for _, d := range sandbox.DemoUsers() {
			if user.Birthdate == "" && strings.EqualFold(user.Email, d.Email) {
				user.Birthdate = d.Birthdate
			}
		}
	}
	switch {
	case user.Email == "":
		return user, usageErr(p.T("cli.err.email_missing"))
	case user.Birthdate == "":
		return user, usageErr(p.T("cli.err.birthdate_missing"))
	}
	return user, nil
}

// open is how every command about one person starts: the flags checked
// (the birthdate asked for), the session opened, the person resolved. The
// caller closes the session; on an error it is already closed.
func (u *userFlags) open(ctx context.Context, f *Factory) (*cmdSession, *api.Client, api.User, error) {
	if err := u.check(ctx, f); err != nil {
		return nil, nil, api.User{}, err
	}
	s, client, err := openClient(ctx, f)
	if err != nil {
		return nil, nil, api.User{}, err
	}
	user, err := u.resolve(s.Session, f.Printer)
	if err != nil {
		s.close()
		return nil, nil, api.User{}, err
	}
	return s, client, user, nil
}
