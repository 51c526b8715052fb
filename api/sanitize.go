package api

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sanitize makes server text safe to put in an error message that a terminal
// will show: escape sequences and control characters are removed, bidi
// overrides too, whitespace runs collapse to one space, and the result is
// cut to max runes. It is deliberately self-contained (api does not depend
// on the UI's text helpers).
func sanitize(s string, max int) string {
	var b strings.Builder
	b.Grow(min(len(s), 4*max+8))
	space, n := false, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == 0x1b { // ESC: drop the whole sequence, not just the byte
			i = skipEscape(s, i)
			continue
		}
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			continue
		case r == '\n' || r == '\r' || r == '\t' || unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || isBidiControl(r) || r == 0x9b:
			continue
		}
		need := 1
		if space {
			need = 2
		}
		if n+need > max {
			b.WriteString("…") // at most max+1 runes in all
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
			n++
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// skipEscape returns the index after the escape sequence starting at s[i]
// (ESC): CSI (ESC [ … final), OSC/DCS/APC/PM/SOS strings (up to BEL or ST),
// or a two-byte escape.
func skipEscape(s string, i int) int {
	i++ // ESC
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		i++
		for i < len(s) && !(s[i] >= 0x40 && s[i] <= 0x7e) {
			i++
		}
		return min(i+1, len(s))
	case ']', 'P', '_', '^', 'X':
		i++
		for i < len(s) {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			i++
		}
		return i
	}
	return i + 1
}
