package api

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// BirthdateError says why a typed birthdate was refused. Reason is stable
// (for a UI that words it in its own language); Error() is a sentence a person
// can act on. The typed text is never included: it is personal data.
type BirthdateError struct {
	Reason string // one of the BirthdateXxx reasons
}

// The reasons a birthdate is refused.
const (
	BirthdateEmpty      = "empty"
	BirthdateFormat     = "format"
	BirthdateShortYear  = "short-year"
	BirthdateBadMonth   = "month"
	BirthdateBadDay     = "day"
	BirthdateFuture     = "future"
	BirthdateTooOld     = "too-old"
	birthdateEarliestYr = 1900
)

func (e *BirthdateError) Error() string {
	switch e.Reason {
	case BirthdateEmpty:
		return "birthdate is empty: type it as DD/MM/YYYY, e.g. 27/11/1980"
	case BirthdateShortYear:
		return "birthdate year has two digits: type all four, e.g. 27/11/1980"
	case BirthdateBadMonth:
		return "birthdate month must be between 1 and 12: type it as DD/MM/YYYY"
	case BirthdateBadDay:
		return "birthdate day does not exist in that month: check the day"
	case BirthdateFuture:
		return "birthdate is in the future: check the year"
	case BirthdateTooOld:
		return fmt.Sprintf("birthdate is before %d: check the year", birthdateEarliestYr)
	}
	return "birthdate not understood: type it as DD/MM/YYYY (27/11/1980) or YYYY-MM-DD (1980-11-27)"
}

// Is makes errors.Is(err, ErrInvalidParam) true for a refused birthdate.
func (e *BirthdateError) Is(target error) bool { return target == ErrInvalidParam }

// NormalizeBirthdate turns what people type (27/11/1980, 27-11-1980,
// 27.11.1980, 1980-11-27, 1/2/1980; spaces around parts ignored) into
// YYYY-MM-DD. Impossible dates (31/02), dates after now's day and dates
// before 1900 are refused with a *BirthdateError.
func NormalizeBirthdate(s string, now time.Time) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", &BirthdateError{BirthdateEmpty}
	}
	sep := strings.IndexAny(s, "/-.")
	if sep < 0 {
		return "", &BirthdateError{BirthdateFormat}
	}
	parts := strings.Split(s, s[sep:sep+1])
	if len(parts) != 3 {
		return "", &BirthdateError{BirthdateFormat}
	}
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
		if !isDigits(parts[i]) {
			return "", &BirthdateError{BirthdateFormat}
		}
	}
	var ys, ms, ds string
	switch {
	case len(parts[0]) == 4: // year first: 1980-11-27
		ys, ms, ds = parts[0], parts[1], parts[2]
	case len(parts[2]) == 4: // day first, the French order: 27/11/1980
		ds, ms, ys = parts[0], parts[1], parts[2]
	case len(parts[2]) == 2 && len(parts[0]) <= 2:
		return "", &BirthdateError{BirthdateShortYear}
	default:
		return "", &BirthdateError{BirthdateFormat}
	}
	if len(ms) > 2 || len(ds) > 2 {
		return "", &BirthdateError{BirthdateFormat}
	}
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if m < 1 || m > 12 {
		return "", &BirthdateError{BirthdateBadMonth}
	}
	if d < 1 || d > daysIn(time.Month(m), y) {
		return "", &BirthdateError{BirthdateBadDay}
	}
	if y < birthdateEarliestYr {
		return "", &BirthdateError{BirthdateTooOld}
	}
	// Compare calendar days in now's location: someone born today is fine.
	ny, nm, nd := now.Date()
	if y*10000+m*100+d > ny*10000+int(nm)*100+nd {
		return "", &BirthdateError{BirthdateFuture}
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
