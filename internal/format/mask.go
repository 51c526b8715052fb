package format

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Amounts inside text the server wrote ("un pressoir pneumatique : 10 850 €")
// are hidden in privacy mode like the amounts the client formats: each
// number written next to a euro sign or word becomes the same mask as
// MoneyMasked's, whatever its size.

var (
	// amountNumber is a number as people write amounts: digit groups joined
	// by a space of any kind, a dot, a comma or an apostrophe ("10 850",
	// "1.234,56", "12’000"). Digits of any script.
	amountNumber = regexp.MustCompile(`\p{Nd}+(?:[ \x{00A0}\x{2007}\x{2009}\x{202F}.,'’]\p{Nd}+)*`)
	// euro is the currency written as a sign, a code or a word.
	euro = regexp.MustCompile(`€|(?i:euros?|eur)`)
)

// isAmountSpace is the room allowed between a number and its currency.
func isAmountSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u2007' || r == '\u2009' || r == '\u202f'
}

// MaskAmounts replaces every number next to a euro sign, code or word,
// before or after it ("€1,200", "10 850 €", "15 k€", "EUR 300", "40 euros"),
// with the mask MoneyMasked shows. Other numbers (dates, counts) stay.
func MaskAmounts(s string) string {
	curs := euro.FindAllStringIndex(s, -1)
	if len(curs) == 0 {
		return s
	}
	startsAt, endsAt := map[int]bool{}, map[int]bool{}
	for _, c := range curs {
		if s[c[0]:c[1]] != "€" && !standsAlone(s, c[0], c[1]) {
			continue // "eur" inside a word: "leur", "Europe"
		}
		startsAt[c[0]], endsAt[c[1]] = true, true
	}
	var b strings.Builder
	last := 0
	for _, n := range amountNumber.FindAllStringIndex(s, -1) {
		end, ok := currencyAfter(s, n[1], startsAt)
		if !ok {
			end, ok = n[1], endsAt[skipSpaceBack(s, n[0])]
		}
		if !ok {
			continue
		}
		b.WriteString(s[last:n[0]])
		b.WriteString(mask)
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// standsAlone reports whether s[i:j] is a word of its own: no letter
// touches it (digits may: "10EUR").
func standsAlone(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	return (i == 0 || !unicode.IsLetter(before)) && (j == len(s) || !unicode.IsLetter(after))
}

// currencyAfter reports whether a currency follows the number ending at i,
// after spaces and a "k" or "M" multiplier; end is where the mask stops:
// after the multiplier, which would tell the magnitude.
func currencyAfter(s string, i int, startsAt map[int]bool) (end int, ok bool) {
	j := skipSpace(s, i)
	if startsAt[j] {
		return i, true
	}
	if j < len(s) && (s[j] == 'k' || s[j] == 'K' || s[j] == 'M') && startsAt[skipSpace(s, j+1)] {
		return j + 1, true
	}
	return 0, false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isAmountSpace(r) {
			break
		}
		i += size
	}
	return i
}

func skipSpaceBack(s string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isAmountSpace(r) {
			break
		}
		i -= size
	}
	return i
}
