package insight

import (
	"time"

	"github.com/miimosa/miimosa/api"
)

// day is a calendar day counted from 1970-01-01. Every date of the report is
// a calendar day: instalments fall on days, and Actual/365 counts days.
type day int64

// dayOf is the calendar day t shows in its own location (a created_at sent
// as 2025-03-01T00:30:00+01:00 is 1 March, as the lender saw it).
func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return civilDay(y, m, d)
}

// civilDay counts the days from 1970-01-01 to y-m-d (proleptic Gregorian),
// without building a time.Time: the report converts hundreds of thousands
// of dates.
func civilDay(y int, m time.Month, d int) day {
	// Howard Hinnant's days_from_civil.
	yy := int64(y)
	if m <= 2 {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400
	mp := (int64(m) + 9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// civil is the inverse of civilDay.
func (n day) civil() (int, time.Month, int) {
	z := int64(n) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), time.Month(m), int(d)
}

// apiTime is the day as a date the formatter shows without shifting it.
func (n day) apiTime() api.Time {
	y, m, d := n.civil()
	return api.Time{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), DateOnly: true, Valid: true}
}

func (n day) month() YearMonth {
	y, m, _ := n.civil()
	return YearMonth{Year: y, Month: m}
}

// YearMonth is a calendar month, the bucket of the cash-flow calendar.
type YearMonth struct {
	Year  int
	Month time.Month
}

// First is the first day of the month, as a date.
func (ym YearMonth) First() api.Time { return civilDay(ym.Year, ym.Month, 1).apiTime() }

// Add moves by n months (n may be negative).
func (ym YearMonth) Add(n int) YearMonth {
	k := ym.Year*12 + int(ym.Month) - 1 + n
	y, m := k/12, k%12
	if m < 0 {
		y--
		m += 12
	}
	return YearMonth{Year: y, Month: time.Month(m + 1)}
}

// index counts months from year 0, to subtract months.
func (ym YearMonth) index() int { return ym.Year*12 + int(ym.Month) - 1 }
