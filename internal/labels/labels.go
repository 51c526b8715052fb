// Package labels is the one place that turns the API's codes and objects into
// the words a person reads: a category's name, a status, a project's place,
// its owner and its public page. The terminal and the commands both import
// it, so a project reads the same everywhere.
package labels

import (
	"net/url"
	"strings"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// Of is the catalogue's name for code in set. A code the catalogue does not
// know (the server added one) is shown as sent, cleaned, rather than hidden;
// an empty code is format.Dash.
func Of(p i18n.Printer, set i18n.LabelSet, code string) string {
	if code == "" {
		return format.Dash
	}
	if s, ok := p.Label(set, code); ok {
		return s
	}
	return textsafe.Clean(code)
}

// Category is a category's name ("apiculture" → "Beekeeping").
func Category(p i18n.Printer, code string) string { return Of(p, i18n.LabelCategory, code) }

// CollectType names a collect type ("lending" → "Lending").
func CollectType(p i18n.Printer, code string) string { return Of(p, i18n.LabelCollectType, code) }

// ProjectStatus names a project status.
func ProjectStatus(p i18n.Printer, code string) string { return Of(p, i18n.LabelProjectStatus, code) }

// PledgeStatus names a pledge status.
func PledgeStatus(p i18n.Printer, code string) string { return Of(p, i18n.LabelPledgeStatus, code) }

// RepaymentStatus names a repayment status.
func RepaymentStatus(p i18n.Printer, code string) string {
	return Of(p, i18n.LabelRepaymentStatus, code)
}

// Frequency names a repayment frequency.
func Frequency(p i18n.Printer, code string) string { return Of(p, i18n.LabelFrequency, code) }

// Order names a list order.
func Order(p i18n.Printer, code string) string { return Of(p, i18n.LabelOrder, code) }

// Place is "city, region", or whichever of the two is known; "" when neither is.
func Place(pr api.Project) string {
	city := textsafe.Clean(pr.City)
	region := RegionName(pr.Region)
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
func Owner(o api.Person) string {
	return strings.TrimSpace(textsafe.Clean(o.FirstName) + " " + textsafe.Clean(o.LastName))
}

// pagesURL is where miimosa.com shows a project by its slug.
const pagesURL = "https://www.miimosa.com/fr/projects/"

// ProjectURL is the project's public page: the url the server sent when it
// is an http(s) address, else the page built from the slug, else "". A
// javascript: or file: URL from the server is never returned.
func ProjectURL(pr api.Project) string {
	if u, ok := textsafe.WebURL(pr.URL); ok {
		return u
	}
	return SlugURL(pr.Slug)
}

// SlugURL is the public page of a project known only by its slug (a
// pledge's project); "" when the slug is empty.
func SlugURL(slug string) string {
	slug = strings.TrimSpace(textsafe.Clean(slug))
	if slug == "" {
		return ""
	}
	return pagesURL + url.PathEscape(slug)
}

// Refusal is why the client refused a server's answer, in the reader's
// language; the English sentence of the error when it has no reason.
func Refusal(p i18n.Printer, e *api.Error) string {
	if e.Reason == "" {
		return textsafe.Clean(e.Message)
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if s, ok := a.(string); ok {
			a = textsafe.Clean(s) // an origin or a path the server chose
		}
		args[i] = a
	}
	return p.T(i18n.Key("refusal."+string(e.Reason)), args...)
}

// Loans is "1 loan", "8 loans" in the reader's language and number format.
func Loans(p i18n.Printer, f format.Formatter, n int) string {
	if n == 1 {
		return p.T("ui.insight.loans_one")
	}
	return p.T("ui.insight.loans_many", f.Int(api.Int{Value: int64(n), Valid: true}))
}
