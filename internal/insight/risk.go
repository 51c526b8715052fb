package insight

import (
	"slices"

	"github.com/miimosa/miimosa/api"
)

// Risk is the capital still owed and how much of it is in trouble.
type Risk struct {
	// Outstanding capital by the pledge's status. Other holds the loans
	// whose status is none of the three (a repaid loan with capital left,
	// a status the client does not know).
	Repaying  Cents
	Late      Cents
	Defaulted Cents
	Other     Cents
	// Outstanding adds the four up.
	Outstanding Cents
	// AtRisk is Late + Defaulted: the share in trouble is
	// AtRisk/Outstanding (format.Share).
	AtRisk Cents
	// Overdue lists the loans not in default that are late: status late, or
	// an instalment unpaid past its date. Oldest unpaid date first.
	Overdue []OverdueLoan
}

// OverdueLoan is a late loan and what it owes past its dates.
type OverdueLoan struct {
	PledgeID int64
	Project  api.PledgeProject
	Status   string
	// Since is the date of the oldest unpaid instalment past its date; not
	// Valid when the loan says it is late but no such instalment is known.
	Since       api.Time
	Instalments int
	Capital     Cents
	Interest    Cents
	Estimated   bool
}

// Total is capital plus interest overdue.
func (o OverdueLoan) Total() Cents { return o.Capital + o.Interest }

func risk(loans []Loan) Risk {
	var r Risk
	for i := range loans {
		l := &loans[i]
		if l.Pending() {
			continue
		}
		switch l.Status {
		case statusRepaying:
			r.Repaying += l.Outstanding
		case statusLate:
			r.Late += l.Outstanding
		case statusDefaulted:
			r.Defaulted += l.Outstanding
		default:
			r.Other += l.Outstanding
		}
		if l.Defaulted() {
			continue
		}
		o := OverdueLoan{PledgeID: l.ID, Project: l.Project, Status: l.Status, Estimated: l.Estimated}
		for _, in := range l.Schedule {
			if in.State != Overdue {
				continue
			}
			if o.Instalments == 0 {
				o.Since = in.Date
			}
			o.Instalments++
			o.Capital += in.Capital
			o.Interest += in.Interest
		}
		if o.Instalments > 0 || l.Status == statusLate {
			r.Overdue = append(r.Overdue, o)
		}
	}
	r.Outstanding = r.Repaying + r.Late + r.Defaulted + r.Other
	r.AtRisk = r.Late + r.Defaulted
	slices.SortStableFunc(r.Overdue, func(a, b OverdueLoan) int {
		switch {
		case a.Since.Valid != b.Since.Valid:
			if a.Since.Valid {
				return -1
			}
			return 1
		case a.Since.Valid && !a.Since.Equal(b.Since.Time):
			return a.Since.Compare(b.Since.Time)
		}
		return cmpInt64(a.PledgeID, b.PledgeID)
	})
	return r
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
