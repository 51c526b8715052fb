package projectdetail

import (
	"net/url"
	"strings"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// Readable names for the API's codes, from the catalogue's one set of
// labels the commands and the lead form use too. A code the catalogue does
// not know (the server added one) is shown as sent, cleaned, rather than hidden.
func label(env *common.Env, set i18n.LabelSet, code string) string {
	if code == "" {
		return "—"
	}
	if s, ok := env.T.Label(set, code); ok {
		return s
	}
	return textsafe.Clean(code)
}

// Category is a category's name ("apiculture" → "Beekeeping").
func Category(env *common.Env, code string) string { return label(env, i18n.LabelCategory, code) }

// CollectType names a collect type ("lending" → "Lending").
func CollectType(env *common.Env, code string) string {
	return label(env, i18n.LabelCollectType, code)
}

// ProjectStatus names a project status.
func ProjectStatus(env *common.Env, code string) string {
	return label(env, i18n.LabelProjectStatus, code)
}

// PledgeStatus names a pledge status.
func PledgeStatus(env *common.Env, code string) string {
	return label(env, i18n.LabelPledgeStatus, code)
}

// RepaymentStatus names a repayment status.
func RepaymentStatus(env *common.Env, code string) string {
	return label(env, i18n.LabelRepaymentStatus, code)
}

// Frequency names a repayment frequency.
func Frequency(env *common.Env, code string) string { return label(env, i18n.LabelFrequency, code) }

// Order names a list order.
func Order(env *common.Env, code string) string { return label(env, i18n.LabelOrder, code) }

// Place is "city, region" for a list row.
func Place(p api.Project) string {
	city := textsafe.Clean(p.City)
	region := RegionName(p.Region)
	switch {
	case city == "":
		return region
	case region == "":
		return city
	}
	return city + ", " + region
}

// RegionName prefers the server's name, falling back on the INSEE table.
func RegionName(r api.Region) string {
	if n := textsafe.Clean(r.Name); n != "" {
		return n
	}
	return api.RegionName(r.Code)
}

// Owner is the owner's full name.
func Owner(p api.Person) string {
	return strings.TrimSpace(textsafe.Clean(p.FirstName) + " " + textsafe.Clean(p.LastName))
}

// Terms is "4.5% · 24 months" for a lending project, "" otherwise.
func Terms(env *common.Env, p api.Project) string {
	if !p.InterestRate.Valid && !p.DurationMonths.Valid {
		return ""
	}
	return env.Format.Percent(p.InterestRate) + " · " + env.Format.Months(p.DurationMonths)
}

// Progress is the collected share as a bar and a percentage; "—" when
// either amount is unknown.
func Progress(env *common.Env, p api.Project, barWidth int) string {
	if !p.Collected.Valid || !p.Target.Valid || p.Target.Cents <= 0 {
		return "—"
	}
	return common.Bar(p.Collected.Cents, p.Target.Cents, barWidth) + " " + env.Format.Share(p.Collected, p.Target)
}

// CollectedOf is "€12,345 of €20,000", masked when private.
func CollectedOf(env *common.Env, p api.Project, private bool) string {
	if !p.Collected.Valid && !p.Target.Valid {
		return "—"
	}
	return env.T.T("panes.collected_of", env.Format.MoneyMasked(p.Collected, private), env.Format.MoneyMasked(p.Target, private))
}

func urlPathEscape(s string) string { return url.PathEscape(s) }
