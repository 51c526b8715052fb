package api

import (
	"fmt"
	"strconv"
	"strings"
)

// DefaultCurrency is the currency of amounts the server sends without one.
const DefaultCurrency = "EUR"

// ParseMoney parses a decimal amount in major units ("1234.5", "1234.56",
// "12", "-3.10") to cents, exactly. More than two decimals are refused unless
// the extra ones are zeros ("1.500"): rounding money silently is worse than
// showing "—". currency "" means DefaultCurrency.
func ParseMoney(s string, currency string) (Money, error) {
	if currency == "" {
		currency = DefaultCurrency
	}
	s = strings.TrimSpace(s)
	d, err := splitDecimal(s)
	if err != nil {
		return Money{}, fmt.Errorf("amount %q: %w", truncate(s, 40), err)
	}
	frac := strings.TrimRight(d.frac, "0")
	if len(frac) > 2 {
		return Money{}, fmt.Errorf("amount %q: more than two decimals", truncate(s, 40))
	}
	frac += strings.Repeat("0", 2-len(frac))
	cents, err := accumulate(0, stripLeadingZeros(d.whole)+frac)
	if err != nil {
		return Money{}, fmt.Errorf("amount %q: %w", truncate(s, 40), err)
	}
	if d.neg {
		cents = -cents
	}
	return Money{Cents: cents, Currency: currency, Valid: true}, nil
}

// String renders the amount as a plain decimal in major units with two
// decimals ("1234.56", "-0.05"), "" when the amount is unknown. It parses back
// with ParseMoney to the same cents.
func (m Money) String() string {
	if !m.Valid {
		return ""
	}
	return string(m.AppendText(nil))
}

// AppendText appends String's text to b, without a string in between:
// the commands write hundreds of thousands of amounts.
func (m Money) AppendText(b []byte) []byte {
	if !m.Valid {
		return b
	}
	u := uint64(m.Cents)
	if m.Cents < 0 {
		b = append(b, '-')
		u = -u // two's complement: exact even for math.MinInt64
	}
	b = strconv.AppendUint(b, u/100, 10)
	return append(b, '.', byte('0'+u%100/10), byte('0'+u%10))
}

// UnmarshalJSON accepts a JSON number or a decimal string; null leaves the
// amount unknown. The currency is DefaultCurrency unless already set.
func (m *Money) UnmarshalJSON(data []byte) error {
	s, ok, err := numberText(data)
	if err != nil || !ok {
		cur := m.Currency
		*m = Money{Currency: cur}
		return err
	}
	v, err := ParseMoney(s, m.Currency)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalJSON writes a decimal string (exact, as Rails does) or null.
func (m Money) MarshalJSON() ([]byte, error) {
	if !m.Valid {
		return []byte("null"), nil
	}
	return []byte(strconv.Quote(m.String())), nil
}

// numberText returns the text of a JSON number or of a JSON string holding
// one. ok is false for null. It never goes through float64.
func numberText(data []byte) (string, bool, error) {
	data = trimJSONSpace(data)
	switch {
	case len(data) == 0:
		return "", false, fmt.Errorf("empty value")
	case string(data) == "null":
		return "", false, nil
	case data[0] == '"':
		s, ok := jsonString(data)
		if !ok {
			return "", false, fmt.Errorf("not a JSON string: %s", truncate(string(data), 40))
		}
		return strings.TrimSpace(s), true, nil
	case data[0] == '-' || (data[0] >= '0' && data[0] <= '9'):
		return string(data), true, nil
	}
	return "", false, fmt.Errorf("not a number: %s", truncate(string(data), 40))
}

func trimJSONSpace(b []byte) []byte {
	for len(b) > 0 && isJSONSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isJSONSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// truncate shortens s to at most n bytes on a rune boundary, for messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
