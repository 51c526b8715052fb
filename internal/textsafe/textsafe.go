// Package textsafe makes untrusted text (every string the server sends) safe
// to put on a terminal: no escape sequence, control character, bidi override
// or invalid UTF-8 reaches the screen, and what remains is drawn as wide as
// the layout measures it (see layout.go). Letters, accents and emoji are
// kept; emoji sequences are shown as their parts (👩‍🌾 as 👩🌾).
//
// Both functions only ever emit characters they would keep, so cleaning
// twice gives the same result as cleaning once.
package textsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean returns s on one line: escape sequences and control, bidi and
// invisible format characters removed, each run of line breaks and tabs
// turned into a single space, invalid UTF-8 replaced by U+FFFD, in NFC and
// with what terminals draw at another width than the layout measures
// removed (zero-width joiners, emoji modifiers and presentation selectors,
// half flags) or, for what cannot be split, replaced by U+FFFD.
func Clean(s string) string { return clean(s, false) }

// CleanMultiline is Clean that keeps line breaks as '\n' (CR LF, lone CR,
// NEL and the Unicode line and paragraph separators all become '\n'); each
// tab becomes one space.
func CleanMultiline(s string) string { return clean(s, true) }

const (
	esc = 0x1b
	bel = 0x07
	can = 0x18 // cancels a sequence in progress (ECMA-48)
	sub = 0x1a // likewise
)

// C1 controls, as runes (U+0080–U+009F) or as the second byte of their
// 7-bit ESC form minus 0x40.
const (
	c1DCS = 0x90
	c1SOS = 0x98
	c1CSI = 0x9b
	c1ST  = 0x9c
	c1OSC = 0x9d
	c1PM  = 0x9e
	c1APC = 0x9f
	c1NEL = 0x85
)

func clean(s string, multiline bool) string {
	if isPlainASCII(s) {
		return s // the common case costs no allocation
	}
	var b strings.Builder
	b.Grow(len(s))
	breakPending := false // single-line: a run of breaks becomes one space
	invalidRun := false   // a run of invalid bytes becomes one U+FFFD
	emit := func(r rune) {
		if breakPending {
			b.WriteByte(' ')
			breakPending = false
		}
		b.WriteRune(r)
	}
	lineBreak := func() {
		if multiline {
			b.WriteByte('\n')
		} else {
			breakPending = true
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// Raw bytes 0x80–0x9F are not treated as 8-bit C1 controls: a
			// UTF-8 terminal shows them as garbage, and in legacy encodings
			// (Windows-1252) they are ordinary letters. They are replaced
			// like any other invalid byte, so they never reach the screen.
			if !invalidRun {
				emit(utf8.RuneError)
				invalidRun = true
			}
			i++
			continue
		}
		invalidRun = false
		switch {
		case r == esc:
			i = skipEscape(s, i+1)
			continue
		case r == '\r':
			lineBreak()
			if i+1 < len(s) && s[i+1] == '\n' {
				i++ // CR LF is one break
			}
		case r == '\n' || r == c1NEL || r == '\u2028' || r == '\u2029':
			lineBreak()
		case r == '\t' || r == '\v' || r == '\f':
			if multiline {
				emit(' ')
			} else {
				breakPending = true
			}
		case r == c1CSI:
			i = skipCSI(s, i+size)
			continue
		case r == c1OSC:
			i = skipString(s, i+size, true)
			continue
		case r == c1DCS || r == c1SOS || r == c1PM || r == c1APC:
			i = skipString(s, i+size, false)
			continue
		case dropped(r):
			// nothing: the character is removed
		default:
			emit(r)
		}
		i += size
	}
	if breakPending && !multiline {
		b.WriteByte(' ') // keep a trailing break visible as the space it stands for
	}
	return layoutSafe(b.String())
}

// dropped reports characters removed outright: C0 and C1 controls, DEL,
// the invisible format characters (Unicode category Cf) that reorder or
// hide text: bidi embeddings, overrides, isolates and marks, zero-width
// space, word joiner, BOM, soft hyphen (tmux draws it one column wide, the
// layout none), tag characters (they can carry hidden ASCII), and those
// dropped for layout (dropForLayout). ZWNJ stays: Persian and Indic words
// need it, and every measure agrees it takes no column.
func dropped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case dropForLayout(r):
		return true
	case r == '\u200c':
		return false
	case unicode.Is(unicode.Cf, r):
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return true // noncharacters: never meant for interchange
	}
	return false
}

// skipEscape returns the index just past the escape sequence whose ESC
// ended at i. An ESC that starts nothing known is dropped on its own.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']':
		return skipString(s, i+1, true)
	case c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1, false)
	case c >= 0x20 && c <= 0x2f:
		// nF: intermediates, then one final byte (e.g. ESC ( B).
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e:
		return i + 1 // two-character escape (ESC 7, ESC c, ESC M…)
	}
	return i
}

// skipCSI skips parameters, intermediates and the final byte of a control
// sequence. A byte that cannot belong to it ends it and is read as text;
// an unterminated sequence runs to the end of s.
func skipCSI(s string, i int) int {
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
			continue
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		case c == can || c == sub:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips the body of a string sequence (OSC, DCS, SOS, PM, APC)
// up to its terminator: ST (ESC \ or U+009C), or BEL for OSC as xterm
// allows. Another ESC ends it too, and starts a sequence of its own. With
// no terminator the sequence runs to the end of s, as a terminal would
// swallow it.
func skipString(s string, i int, belEnds bool) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c == bel && belEnds, c == can, c == sub:
			return i + 1
		case c == esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == c1ST {
			return i + size
		}
		i += size
	}
	return i
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
