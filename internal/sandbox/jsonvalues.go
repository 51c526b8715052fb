package sandbox

import (
	"strconv"
	"strings"
	"time"
)

// money is an amount in integer cents. The real API renders Rails BigDecimal,
// sometimes as a JSON number and sometimes as a string; the seed mixes both so
// that clients are exercised on each.
type money struct {
	cents  int64
	quoted bool // "1234.50" rather than 1234.5
}

func (m money) MarshalJSON() ([]byte, error) {
	if m.quoted {
		return []byte(`"` + centsString(m.cents) + `"`), nil
	}
	return []byte(trimZeros(centsString(m.cents))), nil
}

// centsString renders cents as a plain decimal with two digits: "1234.50".
func centsString(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return sign + strconv.FormatInt(c/100, 10) + "." + twoDigits(c%100)
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// trimZeros turns "1234.50" into "1234.5" and "1234.00" into "1234", the way
// a JSON number is usually written.
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// rate is an annual interest rate in hundredths of a percent (450 = 4.5 %),
// rendered as a number or a string like money.
type rate struct {
	hundredths int64
	quoted     bool
}

func (r rate) MarshalJSON() ([]byte, error) {
	s := trimZeros(centsString(r.hundredths))
	if r.quoted {
		return []byte(`"` + s + `"`), nil
	}
	return []byte(s), nil
}

// Date-time layouts: most instants are rendered in UTC, some the way Rails
// renders a Paris time zone, with milliseconds and an offset.
const (
	layoutUTC   = time.RFC3339
	layoutRails = "2006-01-02T15:04:05.000Z07:00"
	layoutDate  = time.DateOnly
)

var paris = time.FixedZone("CET", 3600)

// stamp renders t in one of the two date-time forms, chosen by variant.
func stamp(t time.Time, variant int) string {
	if variant%4 == 0 {
		return t.In(paris).Format(layoutRails)
	}
	return t.UTC().Format(layoutUTC)
}
