package api

import (
	"encoding/json"
	"time"
)

// Money is an amount in integer cents. The API sends euros as a JSON number or
// a decimal string; both are parsed exactly, never through a float.
type Money struct {
	Cents    int64
	Currency string // ISO 4217; "EUR" unless the server says otherwise
	Valid    bool   // false when the server sent nothing or null: show "—", not 0 €
}

// Decimal is an exact decimal number (an interest rate in percent a year):
// Value × 10^-Scale.
type Decimal struct {
	Value int64
	Scale int
	Valid bool
}

// Int is an integer the server may send as a number or a string, or not at all.
type Int struct {
	Value int64
	Valid bool
}

// Time is a date-time (RFC 3339) or a date (YYYY-MM-DD, DateOnly set).
type Time struct {
	time.Time
	DateOnly bool
	Valid    bool
}

// Extra holds the fields of an object that the client does not know, so a
// detail view can still show everything the server sent.
type Extra map[string]json.RawMessage

// Person is a project owner.
type Person struct {
	FirstName string
	LastName  string
	Extra     Extra
}

// Reward is a donation counterpart.
type Reward struct {
	Amount      Money
	Description string
	Extra       Extra
}

// Project is an item of GET /projects and the body of GET /projects/{id}.
type Project struct {
	ID                 int64
	Title              string
	Slug               string
	URL                string
	ImageURL           string
	Description        string
	LongDescription    string // detail only
	Status             string // ProjectStatuses
	CollectType        string // CollectTypes
	Category           string // Categories
	Region             Region
	Department         string
	City               string
	Owner              Person
	Target             Money
	Collected          Money
	BackersCount       Int
	InterestRate       Decimal // lending only, percent a year
	DurationMonths     Int     // lending only
	RepaymentFrequency string  // lending only
	PublishedAt        Time
	EndsAt             Time
	Rewards            []Reward // donation only, detail only
	Extra              Extra
}

// Wallet is the body of GET /user/wallet.
type Wallet struct {
	ID               int64
	Currency         string
	Balance          Money
	AvailableBalance Money
	PendingBalance   Money
	UpdatedAt        Time
	Extra            Extra
}

// PledgeProject is the project a pledge was made to, as the pledge embeds it.
type PledgeProject struct {
	ID       int64
	Title    string
	Slug     string
	Category string
	Extra    Extra
}

// Repayment is one instalment of a lending pledge (also its next_repayment,
// where only Date and Amount are set).
type Repayment struct {
	Date     Time
	Amount   Money // next_repayment only
	Capital  Money
	Interest Money
	Status   string // RepaymentStatuses
	Extra    Extra
}

// Pledge is an item of GET /user/pledges (lending pledges only).
type Pledge struct {
	ID               int64
	Project          PledgeProject
	Amount           Money
	InterestRate     Decimal
	DurationMonths   Int
	Status           string // PledgeStatuses
	CreatedAt        Time
	RepaidCapital    Money
	PaidInterest     Money
	RemainingCapital Money
	NextRepayment    *Repayment  // nil: none scheduled or unknown
	Repayments       []Repayment // may be absent
	Extra            Extra
}

// User identifies a lender for the /user endpoints. Birthdate is ISO
// YYYY-MM-DD (see NormalizeBirthdate). Personal data: never log it.
type User struct {
	Email     string
	Birthdate string
}

// Lead is the body of POST /leads; every field is a string, as the seed says.
type Lead struct {
	Email                     string `json:"email"`
	Firstname                 string `json:"firstname"`
	Lastname                  string `json:"lastname"`
	Phone                     string `json:"phone"`
	CollectType               string `json:"collect_type"`
	ProjectDescription        string `json:"project_description"`
	ProjectTotalBudget        string `json:"project_total_budget"`
	PublicationTimeframe      string `json:"publication_timeframe"`
	Birthdate                 string `json:"birthdate,omitempty"`
	Siret                     string `json:"siret,omitempty"`
	PostCode                  string `json:"post_code,omitempty"`
	City                      string `json:"city,omitempty"`
	ProjectName               string `json:"project_name,omitempty"`
	SocialLink                string `json:"social_link,omitempty"`
	ProjectCrowdfundingBudget string `json:"project_crowdfunding_budget,omitempty"`
	ProjectLoanBudget         string `json:"project_loan_budget,omitempty"`
	ProjectInputBudget        string `json:"project_input_budget,omitempty"`
	Department                string `json:"department,omitempty"`
	Category                  string `json:"category,omitempty"`
	Turnover                  string `json:"turnover,omitempty"`
	LeadSource                string `json:"lead_source,omitempty"`
	CampaignID                string `json:"campaign_id,omitempty"`
}

// LeadResult is the 200 answer of POST /leads.
type LeadResult struct {
	ID     int64
	Status string
	Extra  Extra
}

// ProjectQuery holds the filters of GET /projects. Empty fields are not sent.
type ProjectQuery struct {
	Order    string // Orders
	Category string // Categories
	Type     string // CollectTypes
	Region   string // INSEE region code
	Keyword  string
	Page     int // 1-based; 0 leaves it to the server
	PerPage  int // 0 leaves it to the server
}

// Page is one page of a paginated list. Next is the server's rel="next" link
// resolved against the URL of this page (so always absolute), "" on the last
// page; pass it to ProjectsPage or PledgesPage.
type Page[T any] struct {
	Items   []T
	Next    string
	Last    string // rel="last", as the server wrote it; checked before use
	Total   Int    // from the Total header; may be unknown
	PerPage Int    // from the Per-Page header; may be unknown
}
