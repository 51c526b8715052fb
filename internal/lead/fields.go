// Package lead checks and normalises the body of POST /leads (a farmer's
// request to raise funds), and keeps an unsent lead as a draft so that
// nothing typed is ever lost. The form, the command and the tests share
// these rules so that a lead refused here is refused everywhere.
package lead

import "github.com/miimosa/miimosa/api"

// The API's field names (seed: POST /leads), which are also the keys of the
// field errors the server and Check return.
const (
	Email                     = "email"
	Firstname                 = "firstname"
	Lastname                  = "lastname"
	Phone                     = "phone"
	Birthdate                 = "birthdate"
	ProjectName               = "project_name"
	ProjectDescription        = "project_description"
	Category                  = "category"
	CollectType               = "collect_type"
	ProjectTotalBudget        = "project_total_budget"
	ProjectCrowdfundingBudget = "project_crowdfunding_budget"
	ProjectLoanBudget         = "project_loan_budget"
	ProjectInputBudget        = "project_input_budget"
	PublicationTimeframe      = "publication_timeframe"
	PostCode                  = "post_code"
	City                      = "city"
	Department                = "department"
	Siret                     = "siret"
	Turnover                  = "turnover"
	SocialLink                = "social_link"
	LeadSource                = "lead_source"
	CampaignID                = "campaign_id"
)

// kind says which rule checks a field.
type kind int

const (
	kindText kind = iota
	kindMultiline
	kindEmail
	kindPhone
	kindBirthdate
	kindEnum
	kindAmount
	kindPostCode
	kindDepartment
	kindSiret
	kindLink
)

// Lengths beyond which a value is refused: a Rails string column holds 255
// characters, and a description longer than a few pages is a paste mistake.
const (
	maxText      = 255
	maxMultiline = 10000
)

type spec struct {
	name     string
	required bool
	kind     kind
	enum     []string
}

// specs lists every field of the seed's POST /leads in the form's order;
// required exactly as the seed says.
var specs = []spec{
	{name: Email, required: true, kind: kindEmail},
	{name: Firstname, required: true, kind: kindText},
	{name: Lastname, required: true, kind: kindText},
	{name: Phone, required: true, kind: kindPhone},
	{name: Birthdate, kind: kindBirthdate},
	{name: ProjectName, kind: kindText},
	{name: ProjectDescription, required: true, kind: kindMultiline},
	{name: Category, kind: kindEnum, enum: api.Categories},
	{name: CollectType, required: true, kind: kindEnum, enum: api.CollectTypes},
	{name: ProjectTotalBudget, required: true, kind: kindAmount},
	{name: ProjectCrowdfundingBudget, kind: kindAmount},
	{name: ProjectLoanBudget, kind: kindAmount},
	{name: ProjectInputBudget, kind: kindAmount},
	{name: PublicationTimeframe, required: true, kind: kindEnum, enum: api.PublicationTimeframes},
	{name: PostCode, kind: kindPostCode},
	{name: City, kind: kindText},
	{name: Department, kind: kindDepartment},
	{name: Siret, kind: kindSiret},
	{name: Turnover, kind: kindAmount},
	{name: SocialLink, kind: kindLink},
	{name: LeadSource, kind: kindText},
	{name: CampaignID, kind: kindText},
}

// Fields returns the API field names in the form's order.
func Fields() []string {
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.name
	}
	return out
}

// Required reports whether the seed makes field mandatory.
func Required(field string) bool {
	s, ok := lookup(field)
	return ok && s.required
}

// Known reports whether field is one of POST /leads' body fields.
func Known(field string) bool {
	_, ok := lookup(field)
	return ok
}

func lookup(field string) (spec, bool) {
	for _, s := range specs {
		if s.name == field {
			return s, true
		}
	}
	return spec{}, false
}

// Ptr returns the address of the lead's field named by its API name, or nil
// for a name the API does not have. The form binds its inputs to these.
func Ptr(l *api.Lead, field string) *string {
	switch field {
	case Email:
		return &l.Email
	case Firstname:
		return &l.Firstname
	case Lastname:
		return &l.Lastname
	case Phone:
		return &l.Phone
	case Birthdate:
		return &l.Birthdate
	case ProjectName:
		return &l.ProjectName
	case ProjectDescription:
		return &l.ProjectDescription
	case Category:
		return &l.Category
	case CollectType:
		return &l.CollectType
	case ProjectTotalBudget:
		return &l.ProjectTotalBudget
	case ProjectCrowdfundingBudget:
		return &l.ProjectCrowdfundingBudget
	case ProjectLoanBudget:
		return &l.ProjectLoanBudget
	case ProjectInputBudget:
		return &l.ProjectInputBudget
	case PublicationTimeframe:
		return &l.PublicationTimeframe
	case PostCode:
		return &l.PostCode
	case City:
		return &l.City
	case Department:
		return &l.Department
	case Siret:
		return &l.Siret
	case Turnover:
		return &l.Turnover
	case SocialLink:
		return &l.SocialLink
	case LeadSource:
		return &l.LeadSource
	case CampaignID:
		return &l.CampaignID
	}
	return nil
}

// Get returns the value of the field named by its API name ("" if unknown).
func Get(l api.Lead, field string) string {
	if p := Ptr(&l, field); p != nil {
		return *p
	}
	return ""
}

// Empty reports whether nothing at all was typed: such a lead is not worth a
// draft.
func Empty(l api.Lead) bool {
	for _, s := range specs {
		if trimSpace(Get(l, s.name)) != "" {
			return false
		}
	}
	return true
}
