package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/records"
)

// The JSON shapes of the commands. They are explicit structs so that the
// field order is fixed; amounts and rates are decimal strings ("1234.56")
// so that no reader turns them into floats, and unknown values are null.

type jsonMoney api.Money

func (m jsonMoney) MarshalJSON() ([]byte, error) {
	if !m.Valid {
		return []byte("null"), nil
	}
	// Digits, a point and a sign need no escaping: quoted here, without a
	// second encoder in between.
	b := append(make([]byte, 0, 24), '"')
	return append(api.Money(m).AppendText(b), '"'), nil
}

type jsonDecimal api.Decimal

func (d jsonDecimal) MarshalJSON() ([]byte, error) {
	if !d.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(api.Decimal(d).String())
}

type jsonInt api.Int

func (i jsonInt) MarshalJSON() ([]byte, error) {
	if !i.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(i.Value)
}

type jsonTime api.Time

func (t jsonTime) MarshalJSON() ([]byte, error) {
	if !t.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(records.Time(api.Time(t)))
}

// jsonString is a string that the server may leave out: null when empty.
type jsonString string

func (s jsonString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

type projectJSON struct {
	ID                 int64        `json:"id"`
	Title              string       `json:"title"`
	Slug               string       `json:"slug"`
	URL                string       `json:"url"`
	ImageURL           jsonString   `json:"image_url"`
	Description        string       `json:"description"`
	LongDescription    *string      `json:"long_description,omitempty"` // detail only
	Status             string       `json:"status"`
	CollectType        string       `json:"collect_type"`
	Category           string       `json:"category"`
	Region             regionJSON   `json:"region"`
	Department         jsonString   `json:"department"`
	City               jsonString   `json:"city"`
	Owner              ownerJSON    `json:"owner"`
	Target             jsonMoney    `json:"target"`
	Collected          jsonMoney    `json:"collected"`
	BackersCount       jsonInt      `json:"backers_count"`
	InterestRate       jsonDecimal  `json:"interest_rate"`
	DurationMonths     jsonInt      `json:"duration_months"`
	RepaymentFrequency jsonString   `json:"repayment_frequency"`
	PublishedAt        jsonTime     `json:"published_at"`
	EndsAt             jsonTime     `json:"ends_at"`
	Rewards            []rewardJSON `json:"rewards,omitempty"` // donation detail only
	Extra              api.Extra    `json:"extra,omitempty"`
}

type regionJSON struct {
	Code jsonString `json:"code"`
	Name jsonString `json:"name"`
}

type ownerJSON struct {
	FirstName string    `json:"first_name"`
	LastName  string    `json:"last_name"`
	Extra     api.Extra `json:"extra,omitempty"`
}

type rewardJSON struct {
	Amount      jsonMoney `json:"amount"`
	Description string    `json:"description"`
	Extra       api.Extra `json:"extra,omitempty"`
}

func newProjectJSON(p api.Project, detail bool) projectJSON {
	j := projectJSON{
		ID: p.ID, Title: p.Title, Slug: p.Slug, URL: p.URL,
		ImageURL:    jsonString(p.ImageURL),
		Description: p.Description,
		Status:      p.Status, CollectType: p.CollectType, Category: p.Category,
		Region:             regionJSON{Code: jsonString(p.Region.Code), Name: jsonString(p.Region.Name)},
		Department:         jsonString(p.Department),
		City:               jsonString(p.City),
		Owner:              ownerJSON{FirstName: p.Owner.FirstName, LastName: p.Owner.LastName, Extra: p.Owner.Extra},
		Target:             jsonMoney(p.Target),
		Collected:          jsonMoney(p.Collected),
		BackersCount:       jsonInt(p.BackersCount),
		InterestRate:       jsonDecimal(p.InterestRate),
		DurationMonths:     jsonInt(p.DurationMonths),
		RepaymentFrequency: jsonString(p.RepaymentFrequency),
		PublishedAt:        jsonTime(p.PublishedAt),
		EndsAt:             jsonTime(p.EndsAt),
		Extra:              p.Extra,
	}
	if detail {
		long := p.LongDescription
		j.LongDescription = &long
		j.Rewards = make([]rewardJSON, 0, len(p.Rewards))
	}
	for _, r := range p.Rewards {
		j.Rewards = append(j.Rewards, rewardJSON{Amount: jsonMoney(r.Amount), Description: r.Description, Extra: r.Extra})
	}
	return j
}

type walletJSON struct {
	ID               int64     `json:"id"`
	Currency         string    `json:"currency"`
	Balance          jsonMoney `json:"balance"`
	AvailableBalance jsonMoney `json:"available_balance"`
	PendingBalance   jsonMoney `json:"pending_balance"`
	UpdatedAt        jsonTime  `json:"updated_at"`
	Extra            api.Extra `json:"extra,omitempty"`
}

func newWalletJSON(w api.Wallet) walletJSON {
	return walletJSON{
		ID: w.ID, Currency: walletCurrency(w),
		Balance:          jsonMoney(w.Balance),
		AvailableBalance: jsonMoney(w.AvailableBalance),
		PendingBalance:   jsonMoney(w.PendingBalance),
		UpdatedAt:        jsonTime(w.UpdatedAt),
		Extra:            w.Extra,
	}
}

// walletCurrency is the wallet's currency, or that of its balance when the
// server left the field out.
func walletCurrency(w api.Wallet) string {
	if w.Currency != "" {
		return w.Currency
	}
	return w.Balance.Currency
}

type pledgeJSON struct {
	ID               int64             `json:"id"`
	Project          pledgeProjectJSON `json:"project"`
	Amount           jsonMoney         `json:"amount"`
	InterestRate     jsonDecimal       `json:"interest_rate"`
	DurationMonths   jsonInt           `json:"duration_months"`
	Status           string            `json:"status"`
	CreatedAt        jsonTime          `json:"created_at"`
	RepaidCapital    jsonMoney         `json:"repaid_capital"`
	PaidInterest     jsonMoney         `json:"paid_interest"`
	RemainingCapital jsonMoney         `json:"remaining_capital"`
	NextRepayment    *nextJSON         `json:"next_repayment"`
	Repayments       []repaymentJSON   `json:"repayments"` // null when the server sent none
	Extra            api.Extra         `json:"extra,omitempty"`
}

type pledgeProjectJSON struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	Slug     string    `json:"slug"`
	Category string    `json:"category"`
	Extra    api.Extra `json:"extra,omitempty"`
}

type nextJSON struct {
	Date   jsonTime  `json:"date"`
	Amount jsonMoney `json:"amount"`
}

type repaymentJSON struct {
	Date     jsonTime  `json:"date"`
	Capital  jsonMoney `json:"capital"`
	Interest jsonMoney `json:"interest"`
	Status   string    `json:"status"`
	Extra    api.Extra `json:"extra,omitempty"`
}

func newPledgeJSON(p api.Pledge) pledgeJSON {
	j := pledgeJSON{
		ID: p.ID,
		Project: pledgeProjectJSON{ID: p.Project.ID, Title: p.Project.Title, Slug: p.Project.Slug,
			Category: p.Project.Category, Extra: p.Project.Extra},
		Amount:           jsonMoney(p.Amount),
		InterestRate:     jsonDecimal(p.InterestRate),
		DurationMonths:   jsonInt(p.DurationMonths),
		Status:           p.Status,
		CreatedAt:        jsonTime(p.CreatedAt),
		RepaidCapital:    jsonMoney(p.RepaidCapital),
		PaidInterest:     jsonMoney(p.PaidInterest),
		RemainingCapital: jsonMoney(p.RemainingCapital),
		Extra:            p.Extra,
	}
	if n := p.NextRepayment; n != nil {
		j.NextRepayment = &nextJSON{Date: jsonTime(n.Date), Amount: jsonMoney(n.Amount)}
	}
	if p.Repayments != nil {
		j.Repayments = make([]repaymentJSON, len(p.Repayments))
		for i, r := range p.Repayments {
			j.Repayments[i] = repaymentJSON{Date: jsonTime(r.Date), Capital: jsonMoney(r.Capital),
				Interest: jsonMoney(r.Interest), Status: r.Status, Extra: r.Extra}
		}
	}
	return j
}

// marshalJSON encodes v without HTML escaping: the output is read by people
// and programs, not embedded in a web page, and "&" should stay "&". The
// characters that can reorder or hide text on a terminal are escaped (see
// escapeInvisible): a person may read this JSON with cat.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return escapeInvisible(bytes.TrimRight(b.Bytes(), "\n")), nil
}

// invisibleInJSON are the characters encoding/json writes raw that a
// terminal acts on rather than shows: the C1 controls (U+0080–U+009F, CSI
// and OSC among them) and the bidirectional controls that make text read
// in another order than it is stored (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069). U+2028 and U+2029 are escaped by encoding/json already.
func invisibleInJSON(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f,
		r == 0x061c, r == 0x200e, r == 0x200f,
		r >= 0x202a && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// escapeInvisible writes the invisibleInJSON characters of encoded JSON as
// \uXXXX escapes: the value a parser reads is the same. They can only be
// inside strings, since JSON's own syntax is ASCII.
func escapeInvisible(b []byte) []byte {
	i := bytes.IndexFunc(b, invisibleInJSON)
	if i < 0 {
		return b // the common case: nothing copied
	}
	out := make([]byte, 0, len(b)+12)
	for len(b) > 0 {
		i := bytes.IndexFunc(b, invisibleInJSON)
		if i < 0 {
			return append(out, b...)
		}
		r, size := utf8.DecodeRune(b[i:])
		out = append(out, b[:i]...)
		out = fmt.Appendf(out, `\u%04x`, r)
		b = b[i+size:]
	}
	return out
}

// writeJSONValue writes one indented JSON document and a newline.
func writeJSONValue(w *bufio.Writer, v any) error {
	b, err := marshalJSON(v)
	if err != nil {
		return err
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, b, "", "  "); err != nil {
		return err
	}
	ind.WriteByte('\n')
	_, err = w.Write(ind.Bytes())
	return err
}

// writeJSONElement writes one element of a JSON array being streamed,
// indented one level, after sep (",\n" between elements).
func writeJSONElement(w *bufio.Writer, sep string, v any) error {
	b, err := marshalJSON(v)
	if err != nil {
		return err
	}
	var ind bytes.Buffer
	ind.WriteString(sep + "  ")
	if err := json.Indent(&ind, b, "  ", "  "); err != nil {
		return err
	}
	_, err = w.Write(ind.Bytes())
	return err
}

// writeJSONLine writes one compact JSON object a line (ndjson).
func writeJSONLine(w *bufio.Writer, v any) error {
	b, err := marshalJSON(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
