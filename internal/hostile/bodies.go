package hostile

import (
	"fmt"
	"strconv"
)

// The bodies of contract.md, small and deterministic: item k of a list is
// always the same, so a test can tell which pages the client loaded.

// Sizes of the lists the server holds (NextEndless has no end).
const (
	ProjectCount = 25
	PledgeCount  = 12
	// DefaultPerPage is the page size when the client asks for none.
	DefaultPerPage = 10
	maxPerPage     = 100
)

// Lead ids: what the API answers to a lead, and what the other origin
// would answer if the lead were sent there.
const (
	LeadID      = 4201
	OtherLeadID = 6666
)

// ProjectID is the id of project k (0-based) of the list.
func ProjectID(k int) int64 { return 101 + int64(k) }

// PledgeID is the id of pledge k (0-based) of the list.
func PledgeID(k int) int64 { return 9001 + int64(k) }

// Title is the title of project k under s: the scenario's hostile titles in
// turn, or an ordinary one.
func (s Scenario) Title(k int) string {
	if t := s.Titles(); len(t) > 0 {
		return t[k%len(t)]
	}
	return fmt.Sprintf("Ferme %d", ProjectID(k))
}

func (s Scenario) project(k int) any {
	if s == NullsWrongTypes {
		return oddProject(k)
	}
	id := ProjectID(k)
	slug := "ferme-" + strconv.FormatInt(id, 10)
	p := map[string]any{
		"id":                  id,
		"title":               s.Title(k),
		"slug":                slug,
		"url":                 "https://www.miimosa.com/fr/projects/" + slug,
		"image_url":           nil,
		"description":         "Un séchoir solaire pour le foin",
		"status":              "in_progress",
		"collect_type":        "lending",
		"category":            "elevage",
		"region":              map[string]any{"code": "84", "name": "Auvergne-Rhône-Alpes"},
		"department":          "26",
		"city":                "Crest",
		"owner":               map[string]any{"first_name": "Jeanne", "last_name": "Martin"},
		"target":              "45000.00",
		"collected":           12345.5,
		"backers_count":       42,
		"interest_rate":       4.5,
		"duration_months":     60,
		"repayment_frequency": "monthly",
		"published_at":        "2026-10-01T08:00:00Z",
		"ends_at":             "2026-12-31T23:00:00Z",
	}
	if k%2 == 1 {
		p["collect_type"], p["interest_rate"], p["duration_months"], p["repayment_frequency"] = "donation", nil, nil, nil
	}
	return p
}

// projectDetail is project k as GET /projects/{id} answers it.
func (s Scenario) projectDetail(k int) any {
	p := s.project(k)
	if m, ok := p.(map[string]any); ok {
		m["long_description"] = "Une ferme familiale.\nDeux générations."
		if m["collect_type"] == "donation" {
			m["rewards"] = []any{map[string]any{"amount": "20.00", "description": "Un panier de légumes"}}
		}
	}
	return p
}

func (s Scenario) pledge(k int) any {
	if s == NullsWrongTypes {
		return oddPledge(k)
	}
	pid := ProjectID(k)
	return map[string]any{
		"id": PledgeID(k),
		"project": map[string]any{
			"id": pid, "title": s.Title(k), "slug": "ferme-" + strconv.FormatInt(pid, 10), "category": "elevage",
		},
		"amount":            "1000.00",
		"interest_rate":     "4.5",
		"duration_months":   36,
		"status":            "repaying",
		"created_at":        "2025-06-01T10:00:00Z",
		"repaid_capital":    "250.00",
		"paid_interest":     "40.10",
		"remaining_capital": "750.00",
		"next_repayment":    map[string]any{"date": "2026-12-15", "amount": "30.50"},
		"repayments": []any{
			map[string]any{"date": "2026-10-15", "capital": "27.00", "interest": "3.50", "status": "paid"},
			map[string]any{"date": "2026-12-15", "capital": "27.10", "interest": "3.40", "status": "scheduled"},
		},
	}
}

func (s Scenario) wallet() any {
	if s == NullsWrongTypes {
		return map[string]any{"id": "98231", "currency": nil, "balance": nil,
			"available_balance": "1234.56", "pending_balance": true, "updated_at": 17}
	}
	return map[string]any{"id": 98231, "currency": "EUR", "balance": "1284.56",
		"available_balance": "1234.56", "pending_balance": "50.00", "updated_at": "2026-11-20T10:00:00Z"}
}

// oddProject is project k with nulls, numbers as strings and fields of the
// wrong type, a different mix for each k.
func oddProject(k int) any {
	id := ProjectID(k)
	switch k % 3 {
	case 0: // every field null but the id
		return map[string]any{
			"id": id, "title": nil, "slug": nil, "url": nil, "image_url": nil, "description": nil,
			"status": nil, "collect_type": nil, "category": nil, "region": nil, "department": nil,
			"city": nil, "owner": nil, "target": nil, "collected": nil, "backers_count": nil,
			"interest_rate": nil, "duration_months": nil, "repayment_frequency": nil,
			"published_at": nil, "ends_at": nil,
		}
	case 1: // numbers as strings, as Rails may render them
		return map[string]any{
			"id": strconv.FormatInt(id, 10), "title": "Ferme " + strconv.FormatInt(id, 10),
			"status": "in_progress", "collect_type": "lending", "category": "elevage",
			"target": "45000", "collected": "12345.50", "backers_count": "42",
			"interest_rate": "4.50", "duration_months": "60",
		}
	default: // the wrong type everywhere
		return map[string]any{
			"id": id, "title": 42, "slug": []any{"x"}, "status": map[string]any{"a": 1},
			"collect_type": true, "category": 3.5, "region": "84", "owner": []any{"Jeanne"},
			"target": map[string]any{"eur": 1}, "collected": []any{1, 2}, "backers_count": "many",
			"interest_rate": "high", "duration_months": 1.5, "published_at": "yesterday",
			"ends_at": 12, "rewards": "none",
		}
	}
}

// oddPledge is pledge k with nulls and fields of the wrong type.
func oddPledge(k int) any {
	id := PledgeID(k)
	switch k % 3 {
	case 0:
		return map[string]any{
			"id": id, "project": nil, "amount": nil, "interest_rate": nil, "duration_months": nil,
			"status": nil, "created_at": nil, "repaid_capital": nil, "paid_interest": nil,
			"remaining_capital": nil, "next_repayment": nil, "repayments": nil,
		}
	case 1:
		return map[string]any{
			"id": strconv.FormatInt(id, 10), "project": map[string]any{"id": "101", "title": "Ferme 101"},
			"amount": "1000", "interest_rate": "4.5", "duration_months": "36", "status": "repaying",
			"next_repayment": map[string]any{"date": "2026-12-15", "amount": "30.5"},
		}
	default:
		return map[string]any{
			"id": id, "project": "Ferme", "amount": true, "interest_rate": []any{4.5},
			"duration_months": "long", "status": 7, "created_at": "2025-13-45",
			"next_repayment": "soon", "repayments": map[string]any{"date": "2026-12-15"},
		}
	}
}
