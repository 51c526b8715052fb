package api

import (
	"errors"
	"strings"
)

// decimalText is a plain decimal number split into its parts, as written:
// an optional sign, digits, and an optional fraction. Exponents, spaces
// inside, and other float spellings are refused so that what is parsed is
// exactly what was sent.
type decimalText struct {
	neg   bool
	whole string // at least one digit
	frac  string // possibly empty
}

var (
	errEmptyNumber = errors.New("empty number")
	errNotDecimal  = errors.New("not a plain decimal number (digits with an optional . and fraction)")
	errExponent    = errors.New("exponent notation is not accepted")
	errOverflow    = errors.New("number too large")
)

// splitDecimal splits s (already trimmed of surrounding space) into parts.
func splitDecimal(s string) (decimalText, error) {
	var d decimalText
	if s == "" {
		return d, errEmptyNumber
	}
	switch s[0] {
	case '-':
		d.neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || !isDigits(whole) || (hasDot && (frac == "" || !isDigits(frac))) {
		if strings.ContainsAny(s, "eE") {
			return d, errExponent
		}
		return d, errNotDecimal
	}
	d.whole, d.frac = whole, frac
	return d, nil
}

// accumulate appends the decimal digits of s to v, refusing int64 overflow.
func accumulate(v int64, s string) (int64, error) {
	const limit = (1<<63 - 1) / 10
	for i := 0; i < len(s); i++ {
		if v > limit {
			return 0, errOverflow
		}
		v *= 10
		d := int64(s[i] - '0')
		if v > 1<<63-1-d {
			return 0, errOverflow
		}
		v += d
	}
	return v, nil
}

// stripLeadingZeros keeps at least one digit; it bounds the work that
// accumulate does on "000…0001" style input.
func stripLeadingZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}
