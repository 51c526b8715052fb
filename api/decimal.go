package api

import (
	"fmt"
	"strconv"
	"strings"
)

// maxDecimalScale bounds the fraction digits kept; rates never need more and
// it keeps Value × 10^-Scale inside int64.
const maxDecimalScale = 18

// ParseDecimal parses an exact decimal ("4.5", "-0.25", "3"). Trailing zeros
// of the fraction are dropped ("4.50" is 4.5), so equal numbers compare equal.
func ParseDecimal(s string) (Decimal, error) {
	s = strings.TrimSpace(s)
	d, err := splitDecimal(s)
	if err != nil {
		return Decimal{}, fmt.Errorf("decimal %q: %w", truncate(s, 40), err)
	}
	frac := strings.TrimRight(d.frac, "0")
	if len(frac) > maxDecimalScale {
		return Decimal{}, fmt.Errorf("decimal %q: more than %d decimals", truncate(s, 40), maxDecimalScale)
	}
	v, err := accumulate(0, stripLeadingZeros(d.whole)+frac)
	if err != nil {
		return Decimal{}, fmt.Errorf("decimal %q: %w", truncate(s, 40), err)
	}
	if d.neg {
		v = -v
	}
	return Decimal{Value: v, Scale: len(frac), Valid: true}, nil
}

// String renders the decimal plainly ("4.5", "-0.25", "3"); "" when unknown.
func (d Decimal) String() string {
	if !d.Valid {
		return ""
	}
	u := uint64(d.Value)
	sign := ""
	if d.Value < 0 {
		sign = "-"
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	scale := d.Scale
	if scale <= 0 {
		return sign + digits + strings.Repeat("0", max(0, -scale))
	}
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	whole, frac := digits[:len(digits)-scale], strings.TrimRight(digits[len(digits)-scale:], "0")
	if frac == "" {
		return sign + whole
	}
	return sign + whole + "." + frac
}

// UnmarshalJSON accepts a JSON number or a decimal string; null leaves it unknown.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	s, ok, err := numberText(data)
	if err != nil || !ok {
		*d = Decimal{}
		return err
	}
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes a JSON number (exact text) or null.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if !d.Valid {
		return []byte("null"), nil
	}
	return []byte(d.String()), nil
}
