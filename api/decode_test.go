package api_test

import (
	"encoding/json"
	"testing"

	"github.com/miimosa/miimosa/api"
)

func TestDecodeProjectAsContractSays(t *testing.T) {
	in := `{"id": 42, "title": "Ruches en Ardèche", "slug": "ruches", "url": "https://www.miimosa.com/fr/projects/ruches",
	  "image_url": null, "description": "Des abeilles", "long_description": "Ligne 1\nLigne 2",
	  "status": "in_progress", "collect_type": "lending", "category": "apiculture",
	  "region": {"code": "84", "name": "Auvergne-Rhône-Alpes"}, "department": "07", "city": "Privas",
	  "owner": {"first_name": "Élodie", "last_name": "Martin"},
	  "target": "15000.00", "collected": 1234.5, "backers_count": 17,
	  "interest_rate": "4.50", "duration_months": 36, "repayment_frequency": "monthly",
	  "published_at": "2026-10-01T08:00:00Z", "ends_at": "2026-12-15",
	  "rewards": [{"amount": 25, "description": "Un pot"}, "junk", {"amount": "x", "description": "Deux pots"}]}`
	var p api.Project
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	switch {
	case p.ID != 42 || p.Title != "Ruches en Ardèche" || p.LongDescription != "Ligne 1\nLigne 2" || p.ImageURL != "":
		t.Errorf("strings: %+v", p)
	case p.Region != (api.Region{Code: "84", Name: "Auvergne-Rhône-Alpes"}) || p.Owner.FirstName != "Élodie":
		t.Errorf("objects: %+v %+v", p.Region, p.Owner)
	case p.Target.Cents != 1500000 || p.Collected.Cents != 123450 || p.Target.Currency != "EUR":
		t.Errorf("money: %+v %+v", p.Target, p.Collected)
	case p.InterestRate.String() != "4.5" || p.DurationMonths.Value != 36 || p.BackersCount.Value != 17:
		t.Errorf("numbers: %+v %+v %+v", p.InterestRate, p.DurationMonths, p.BackersCount)
	case !p.PublishedAt.Valid || p.PublishedAt.DateOnly || !p.EndsAt.DateOnly:
		t.Errorf("times: %+v %+v", p.PublishedAt, p.EndsAt)
	case len(p.Rewards) != 2 || p.Rewards[0].Amount.Cents != 2500 || p.Rewards[1].Amount.Valid || p.Rewards[1].Extra["amount"] == nil:
		t.Errorf("rewards: %+v", p.Rewards)
	case p.Extra != nil:
		t.Errorf("no unknown field, yet Extra = %v", p.Extra)
	}
}

func TestDecodeProjectTolerance(t *testing.T) {
	// Strings for numbers, nulls everywhere, wrong types and unknown fields:
	// none of it fails the object.
	in := `{"id": "42", "title": null, "backers_count": "17", "target": null, "collected": {"cents": 1},
	  "interest_rate": true, "duration_months": "36.0", "region": "53", "owner": "Jean",
	  "department": 7, "ends_at": "soon", "published_at": 12, "rewards": {"a": 1},
	  "video_url": "https://example.com/v", "tags": ["a"]}`
	var p api.Project
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if p.ID != 42 || p.BackersCount != (api.Int{Value: 17, Valid: true}) || p.DurationMonths.Value != 36 {
		t.Errorf("integers as strings: %+v", p)
	}
	if p.Title != "" || p.Target.Valid || p.Collected.Valid || p.InterestRate.Valid || p.EndsAt.Valid || p.PublishedAt.Valid {
		t.Errorf("null and wrong types must be unknown: %+v", p)
	}
	if p.Region != (api.Region{Code: "53", Name: "Bretagne"}) || p.Department != "7" {
		t.Errorf("region as a bare code, department as a number: %+v %q", p.Region, p.Department)
	}
	for _, k := range []string{"video_url", "tags", "collected", "interest_rate", "owner", "ends_at", "published_at", "rewards"} {
		if _, ok := p.Extra[k]; !ok {
			t.Errorf("Extra lacks %q: %v", k, p.Extra)
		}
	}
	for _, k := range []string{"id", "title", "target", "backers_count", "region"} {
		if _, ok := p.Extra[k]; ok {
			t.Errorf("Extra keeps the known field %q", k)
		}
	}
}

func TestDecodeRefusesWhatIsNotAnObject(t *testing.T) {
	for _, in := range []string{`[]`, `"x"`, `1`, `true`} {
		var p api.Project
		if err := json.Unmarshal([]byte(in), &p); err == nil {
			t.Errorf("project from %s: no error", in)
		}
		var w api.Wallet
		if err := json.Unmarshal([]byte(in), &w); err == nil {
			t.Errorf("wallet from %s: no error", in)
		}
	}
}

func TestDecodeWallet(t *testing.T) {
	in := `{"id": 98231, "currency": "EUR", "balance": "1284.56", "available_balance": "1234.56",
	  "pending_balance": "50.00", "updated_at": "2026-11-20T10:00:00Z", "iban_last4": "1234"}`
	var w api.Wallet
	if err := json.Unmarshal([]byte(in), &w); err != nil {
		t.Fatal(err)
	}
	if w.ID != 98231 || w.Balance.Cents != 128456 || w.AvailableBalance.Cents != 123456 || w.PendingBalance.Cents != 5000 ||
		!w.UpdatedAt.Valid || string(w.Extra["iban_last4"]) != `"1234"` {
		t.Errorf("wallet: %+v", w)
	}
	var chf api.Wallet
	if err := json.Unmarshal([]byte(`{"currency": "CHF", "balance": 1}`), &chf); err != nil || chf.Balance.Currency != "CHF" || chf.AvailableBalance.Valid {
		t.Errorf("the wallet's currency goes to its amounts: %+v, %v", chf, err)
	}
	// A currency that is not an ISO code may carry escape sequences meant for
	// the terminal (OSC 52 writes the clipboard): it never becomes the
	// currency shown beside amounts, and stays visible, raw, in Extra.
	var odd api.Wallet
	in = `{"currency": "\u001b]52;c;aGk=\u0007", "balance": "10.00"}`
	if err := json.Unmarshal([]byte(in), &odd); err != nil {
		t.Fatal(err)
	}
	if odd.Currency != "" || odd.Balance.Currency != "XXX" || odd.Balance.Cents != 1000 || odd.Extra["currency"] == nil {
		t.Errorf("odd currency: %+v", odd)
	}
}

func TestDecodePledge(t *testing.T) {
	in := `{"id": 7, "project": {"id": 42, "title": "Ruches", "slug": "ruches", "category": "apiculture", "city": "Privas"},
	  "amount": "500.00", "interest_rate": 5, "duration_months": 48, "status": "repaying",
	  "created_at": "2025-01-10T09:00:00+01:00", "repaid_capital": "125.00", "paid_interest": 20.5,
	  "remaining_capital": "375.00", "next_repayment": {"date": "2026-12-15", "amount": "11.55"},
	  "repayments": [{"date": "2025-02-15", "capital": "10.00", "interest": "2.00", "status": "paid"}]}`
	var p api.Pledge
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if p.ID != 7 || p.Project.ID != 42 || string(p.Project.Extra["city"]) != `"Privas"` || p.Amount.Cents != 50000 ||
		p.InterestRate.String() != "5" || p.PaidInterest.Cents != 2050 || p.Status != "repaying" {
		t.Errorf("pledge: %+v", p)
	}
	if p.NextRepayment == nil || p.NextRepayment.Amount.Cents != 1155 || !p.NextRepayment.Date.DateOnly {
		t.Errorf("next repayment: %+v", p.NextRepayment)
	}
	if len(p.Repayments) != 1 || p.Repayments[0].Capital.Cents != 1000 || p.Repayments[0].Status != "paid" {
		t.Errorf("repayments: %+v", p.Repayments)
	}
	var none api.Pledge
	if err := json.Unmarshal([]byte(`{"id": 8, "next_repayment": null}`), &none); err != nil || none.NextRepayment != nil || none.Repayments != nil {
		t.Errorf("no next repayment: %+v, %v", none, err)
	}
}

func TestDecodeLeadResult(t *testing.T) {
	var r api.LeadResult
	if err := json.Unmarshal([]byte(`{"id": "123", "status": "received", "eta": 2}`), &r); err != nil || r.ID != 123 || r.Status != "received" || r.Extra["eta"] == nil {
		t.Errorf("lead result: %+v, %v", r, err)
	}
}

func TestDecodeEscapedStrings(t *testing.T) {
	var p api.Person
	if err := json.Unmarshal([]byte(`{"first_name": "Jos\u00e9 \"Pepe\"", "last_name": "O\\Brien"}`), &p); err != nil ||
		p.FirstName != `José "Pepe"` || p.LastName != `O\Brien` {
		t.Errorf("escapes: %+v, %v", p, err)
	}
}
