package api

import "slices"

// The enumerated values of the published API (seed/miimosa-api-v1.txt). Query
// parameters are checked against these before a request leaves the client.
var (
	Orders       = []string{"populars", "in_progress", "recent"}
	Categories   = []string{"apiculture", "alcool", "aquaculture", "soft", "elevage", "sale", "sucre", "horticulture", "innovation", "nature", "lait", "viticulture"}
	CollectTypes = []string{"donation", "lending"}
	// PublicationTimeframes are the values POST /leads accepts.
	PublicationTimeframes = []string{"within_month", "next_months", "another_quarter"}
	// ProjectStatuses and PledgeStatuses come from contract.md.
	ProjectStatuses      = []string{"upcoming", "in_progress", "success", "failed"}
	PledgeStatuses       = []string{"pending", "repaying", "repaid", "late", "defaulted"}
	RepaymentStatuses    = []string{"paid", "scheduled", "late"}
	RepaymentFrequencies = []string{"monthly", "quarterly"}
)

// Region is a French region with its INSEE code.
type Region struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Regions lists the 18 regions of France (13 metropolitan, 5 overseas) by INSEE code.
var Regions = []Region{
	{"01", "Guadeloupe"},
	{"02", "Martinique"},
	{"03", "Guyane"},
	{"04", "La Réunion"},
	{"06", "Mayotte"},
	{"11", "Île-de-France"},
	{"24", "Centre-Val de Loire"},
	{"27", "Bourgogne-Franche-Comté"},
	{"28", "Normandie"},
	{"32", "Hauts-de-France"},
	{"44", "Grand Est"},
	{"52", "Pays de la Loire"},
	{"53", "Bretagne"},
	{"75", "Nouvelle-Aquitaine"},
	{"76", "Occitanie"},
	{"84", "Auvergne-Rhône-Alpes"},
	{"93", "Provence-Alpes-Côte d'Azur"},
	{"94", "Corse"},
}

// RegionCodes returns the INSEE codes of Regions, in order.
func RegionCodes() []string {
	codes := make([]string, len(Regions))
	for i, r := range Regions {
		codes[i] = r.Code
	}
	return codes
}

// RegionName returns the name of the region with this INSEE code, or "".
func RegionName(code string) string {
	for _, r := range Regions {
		if r.Code == code {
			return r.Name
		}
	}
	return ""
}

// ValidDepartment reports whether code is an INSEE department code:
// 01–95 (no 20), 2A, 2B, 971–976.
func ValidDepartment(code string) bool {
	switch {
	case code == "2A" || code == "2B":
		return true
	case len(code) == 2 && isDigits(code):
		return code != "00" && code != "20" && code <= "95"
	case len(code) == 3 && isDigits(code):
		return code >= "971" && code <= "976"
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Valid reports whether v is one of allowed.
func Valid(allowed []string, v string) bool { return slices.Contains(allowed, v) }
