package cache

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/miimosa/miimosa/api"
)

// The records below are how a project is written to disk. They are not the
// API's JSON: that form is tolerant on the way in and lossy on the way out
// (Money drops its currency, Decimal its scale, Int and Time their
// validity), while a cache must give back exactly what it was given. Every
// number is an int64 and every flag is explicit, so nothing goes through a
// float; unknown fields stay raw JSON.

// FormatVersion is written in every file; a file of another version is
// ignored and replaced by the next save.
const FormatVersion = 1

// maxScale is the largest Decimal scale api.ParseDecimal produces.
const maxScale = 18

type fileRecord struct {
	Version   int             `json:"version"`
	Key       string          `json:"key"` // the SHA-256 of host and query: the query's text is never written
	FetchedAt string          `json:"fetched_at"`
	Total     intRecord       `json:"total"`
	Items     []projectRecord `json:"items"`
}

type projectRecord struct {
	ID                 int64          `json:"id"`
	Title              string         `json:"title"`
	Slug               string         `json:"slug"`
	URL                string         `json:"url"`
	ImageURL           string         `json:"image_url"`
	Description        string         `json:"description"`
	LongDescription    string         `json:"long_description"`
	Status             string         `json:"status"`
	CollectType        string         `json:"collect_type"`
	Category           string         `json:"category"`
	Region             regionRecord   `json:"region"`
	Department         string         `json:"department"`
	City               string         `json:"city"`
	Owner              personRecord   `json:"owner"`
	Target             moneyRecord    `json:"target"`
	Collected          moneyRecord    `json:"collected"`
	BackersCount       intRecord      `json:"backers_count"`
	InterestRate       decimalRecord  `json:"interest_rate"`
	DurationMonths     intRecord      `json:"duration_months"`
	RepaymentFrequency string         `json:"repayment_frequency"`
	PublishedAt        timeRecord     `json:"published_at"`
	EndsAt             timeRecord     `json:"ends_at"`
	Rewards            []rewardRecord `json:"rewards"`
	Extra              extraRecord    `json:"extra"`
}

type regionRecord struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type personRecord struct {
	FirstName string      `json:"first_name"`
	LastName  string      `json:"last_name"`
	Extra     extraRecord `json:"extra"`
}

type rewardRecord struct {
	Amount      moneyRecord `json:"amount"`
	Description string      `json:"description"`
	Extra       extraRecord `json:"extra"`
}

type moneyRecord struct {
	Cents    int64  `json:"cents"`
	Currency string `json:"currency"`
	Valid    bool   `json:"valid"`
}

type decimalRecord struct {
	Value int64 `json:"value"`
	Scale int   `json:"scale"`
	Valid bool  `json:"valid"`
}

type intRecord struct {
	Value int64 `json:"value"`
	Valid bool  `json:"valid"`
}

// timeRecord keeps the instant and its offset (RFC 3339 with nanoseconds;
// "" for the zero time) apart from the flags.
type timeRecord struct {
	At       string `json:"at"`
	DateOnly bool   `json:"date_only"`
	Valid    bool   `json:"valid"`
}

// extraRecord is api.Extra; decoding checks that every value is JSON.
type extraRecord map[string]json.RawMessage

var (
	errCurrency = errors.New("a currency that is not three letters")
	errScale    = fmt.Errorf("a decimal scale outside 0 to %d", maxScale)
	errPersonal = errors.New("an unknown field that looks personal")
)

func recordOf(p api.Project) projectRecord {
	r := projectRecord{
		ID:                 p.ID,
		Title:              p.Title,
		Slug:               p.Slug,
		URL:                p.URL,
		ImageURL:           p.ImageURL,
		Description:        p.Description,
		LongDescription:    p.LongDescription,
		Status:             p.Status,
		CollectType:        p.CollectType,
		Category:           p.Category,
		Region:             regionRecord(p.Region),
		Department:         p.Department,
		City:               p.City,
		Owner:              personRecord{FirstName: p.Owner.FirstName, LastName: p.Owner.LastName, Extra: extraRecord(publicExtra(p.Owner.Extra))},
		Target:             moneyRecord(p.Target),
		Collected:          moneyRecord(p.Collected),
		BackersCount:       intRecord(p.BackersCount),
		InterestRate:       decimalRecord(p.InterestRate),
		DurationMonths:     intRecord(p.DurationMonths),
		RepaymentFrequency: p.RepaymentFrequency,
		PublishedAt:        timeRecordOf(p.PublishedAt),
		EndsAt:             timeRecordOf(p.EndsAt),
		Extra:              extraRecord(publicExtra(p.Extra)),
	}
	if p.Rewards != nil {
		r.Rewards = make([]rewardRecord, len(p.Rewards))
		for i, w := range p.Rewards {
			r.Rewards[i] = rewardRecord{Amount: moneyRecord(w.Amount), Description: w.Description, Extra: extraRecord(publicExtra(w.Extra))}
		}
	}
	return r
}

func timeRecordOf(t api.Time) timeRecord {
	r := timeRecord{DateOnly: t.DateOnly, Valid: t.Valid}
	if t.Time != (time.Time{}) { // the zero instant in another zone keeps its zone
		r.At = t.Format(time.RFC3339Nano)
	}
	return r
}

// project checks a record and turns it back into a project. It refuses
// what Save would not have written, so a file edited by hand or by another
// program is ignored rather than half believed.
func (r projectRecord) project() (api.Project, error) {
	p := api.Project{
		ID:                 r.ID,
		Title:              r.Title,
		Slug:               r.Slug,
		URL:                r.URL,
		ImageURL:           r.ImageURL,
		Description:        r.Description,
		LongDescription:    r.LongDescription,
		Status:             r.Status,
		CollectType:        r.CollectType,
		Category:           r.Category,
		Region:             api.Region(r.Region),
		Department:         r.Department,
		City:               r.City,
		Owner:              api.Person{FirstName: r.Owner.FirstName, LastName: r.Owner.LastName},
		BackersCount:       api.Int(r.BackersCount),
		DurationMonths:     api.Int(r.DurationMonths),
		RepaymentFrequency: r.RepaymentFrequency,
	}
	var err error
	if p.Owner.Extra, err = r.Owner.Extra.extra(); err != nil {
		return api.Project{}, fmt.Errorf("owner: %w", err)
	}
	if p.Extra, err = r.Extra.extra(); err != nil {
		return api.Project{}, err
	}
	if p.Target, err = r.Target.money(); err != nil {
		return api.Project{}, fmt.Errorf("target: %w", err)
	}
	if p.Collected, err = r.Collected.money(); err != nil {
		return api.Project{}, fmt.Errorf("collected: %w", err)
	}
	if p.InterestRate, err = r.InterestRate.decimal(); err != nil {
		return api.Project{}, fmt.Errorf("interest_rate: %w", err)
	}
	if p.PublishedAt, err = r.PublishedAt.time(); err != nil {
		return api.Project{}, fmt.Errorf("published_at: %w", err)
	}
	if p.EndsAt, err = r.EndsAt.time(); err != nil {
		return api.Project{}, fmt.Errorf("ends_at: %w", err)
	}
	if r.Rewards != nil {
		p.Rewards = make([]api.Reward, len(r.Rewards))
		for i, w := range r.Rewards {
			amount, err := w.Amount.money()
			if err != nil {
				return api.Project{}, fmt.Errorf("rewards[%d]: %w", i, err)
			}
			extra, err := w.Extra.extra()
			if err != nil {
				return api.Project{}, fmt.Errorf("rewards[%d]: %w", i, err)
			}
			p.Rewards[i] = api.Reward{Amount: amount, Description: w.Description, Extra: extra}
		}
	}
	return p, nil
}

func (m moneyRecord) money() (api.Money, error) {
	if !isCurrency(m.Currency) {
		return api.Money{}, errCurrency
	}
	return api.Money(m), nil
}

// isCurrency: none, or an ISO 4217 code as the API decoder keeps it.
func isCurrency(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 3 {
		return false
	}
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (d decimalRecord) decimal() (api.Decimal, error) {
	if d.Scale < 0 || d.Scale > maxScale {
		return api.Decimal{}, errScale
	}
	return api.Decimal(d), nil
}

func (t timeRecord) time() (api.Time, error) {
	v := api.Time{DateOnly: t.DateOnly, Valid: t.Valid}
	if t.At == "" {
		return v, nil
	}
	at, err := time.Parse(time.RFC3339Nano, t.At)
	if err != nil {
		return api.Time{}, errors.New("a time that is not RFC 3339")
	}
	v.Time = at
	return v, nil
}

func (e extraRecord) extra() (api.Extra, error) {
	if e == nil {
		return nil, nil
	}
	for k, raw := range e {
		if personalField(k, raw) {
			return nil, errPersonal
		}
	}
	return api.Extra(e), nil
}

// sameTimes reports whether a and b hold the same instants: RFC 3339
// writes offsets to the minute, so a time in an offset with seconds (a
// zone's local mean time before 1900) would come back moved.
func sameTimes(a, b api.Project) bool {
	return a.PublishedAt.Equal(b.PublishedAt.Time) && a.EndsAt.Equal(b.EndsAt.Time)
}
