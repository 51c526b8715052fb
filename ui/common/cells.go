package common

import "github.com/miimosa/miimosa/api"

// The cells a project or a pledge shows in its list and in its detail alike.

// Terms is "4.5% · 24 months" for a lending project, "" otherwise.
func Terms(env *Env, p api.Project) string {
	if !p.InterestRate.Valid && !p.DurationMonths.Valid {
		return ""
	}
	return env.Format.Percent(p.InterestRate) + " · " + env.Format.Months(p.DurationMonths)
}

// Progress is the collected share as a bar and a percentage; "—" when
// either amount is unknown.
func Progress(env *Env, p api.Project, barWidth int) string {
	if !p.Collected.Valid || !p.Target.Valid || p.Target.Cents <= 0 {
		return "—"
	}
	return Bar(p.Collected.Cents, p.Target.Cents, barWidth) + " " + env.Format.Share(p.Collected, p.Target)
}

// CollectedOf is "€12,345 of €20,000", masked when private.
func CollectedOf(env *Env, p api.Project, private bool) string {
	if !p.Collected.Valid && !p.Target.Valid {
		return "—"
	}
	return env.T.T("panes.collected_of", env.Format.MoneyMasked(p.Collected, private), env.Format.MoneyMasked(p.Target, private))
}

// RepaidShare is the capital a pledge has repaid as a share of the amount
// lent; "—" when either is unknown.
func RepaidShare(env *Env, p api.Pledge, private bool) string {
	if !p.RepaidCapital.Valid || !p.Amount.Valid || p.Amount.Cents <= 0 {
		return "—"
	}
	return env.Format.ShareMasked(p.RepaidCapital, p.Amount, private)
}
