package textsafe

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
)

// Three parties measure a line of the terminal UI, and a border lands in the
// right column only when they agree on every grapheme cluster:
//   - the layout (lipgloss, ansi.StringWidth) counts a cluster as one glyph;
//   - Bubble Tea's renderer, on a terminal that does not answer mode 2027
//     (tmux, most terminals), counts wcwidth rune by rune (ansi.StringWidthWc);
//   - the terminal draws with its own tables: tmux 3.3a joins ZWJ emoji
//     sequences and regional-indicator pairs, and otherwise follows wcwidth.
//
// Measured in tmux 3.3a (cursor position after printing each case, see
// e2e/widths_test.go), they disagree (layout / renderer / tmux) on:
//   - ZWJ sequences: 👩‍🌾 2 / 4 / 2;
//   - emoji skin-tone modifiers: 👍🏽 2 / 4 / 4;
//   - U+FE0F after a text-style symbol: ❤️ 2 / 1 / 1;
//   - a regional indicator without its pair: 2 / 1 / 1;
//   - conjoining Hangul jamo: tmux draws a lone vowel or final as nothing;
//   - clusters held by a spacing mark or a virama: कि, क्ष, கொ 1 / 2 / 2.
//
// layoutSafe removes or replaces exactly those, so that the width the layout
// measures is the width that is drawn.

// dropForLayout reports characters removed because terminals and the layout
// measure them differently; what they decorate stays. Meaning is kept: 👩‍🌾
// becomes 👩🌾, 👍🏽 becomes 👍, ❤️ becomes ❤.
func dropForLayout(r rune) bool {
	switch {
	case r == zwj:
		return true
	case r == '\ufe0f': // emoji presentation selector
		return true
	case r >= 0x1f3fb && r <= 0x1f3ff: // emoji skin-tone modifiers
		return true
	}
	return false
}

const zwj = '\u200d'

// isConjoiningJamo reports Hangul jamo that only make sense joined into a
// syllable. NFC has joined those it could; terminals draw the rest as
// nothing, or join them with their neighbour where the layout does not.
func isConjoiningJamo(r rune) bool {
	return r >= 0x1100 && r <= 0x11ff || r >= 0xa960 && r <= 0xa97f || r >= 0xd7b0 && r <= 0xd7ff
}

func isRegionalIndicator(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }

// layoutSafe returns s, already stripped of sequences and controls, in NFC,
// without conjoining jamo or an unpaired regional indicator, and with every
// grapheme cluster the layout and the renderer still measure differently
// replaced by U+FFFD (the text is then visibly incomplete, never misdrawn).
func layoutSafe(s string) string {
	if !needsLayoutPass(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if isConjoiningJamo(r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		cluster, width := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		s = s[len(cluster):]
		if r, size := utf8.DecodeRuneInString(cluster); size == len(cluster) && isRegionalIndicator(r) {
			continue // half a flag: drawn one column wide, measured two
		}
		if width != ansi.StringWidthWc(cluster) {
			b.WriteRune(utf8.RuneError)
			continue
		}
		b.WriteString(cluster)
	}
	return b.String()
}

// needsLayoutPass reports whether s holds anything beyond what every
// measure agrees on character by character: Latin, Greek, Cyrillic,
// Hebrew, Arabic and their combining marks (below U+0900), and the
// punctuation and currency signs of French text (’ « » … €). The common
// title skips the segmentation.
func needsLayoutPass(s string) bool {
	for _, r := range s {
		if r >= 0x900 && (r < 0x2000 || r > 0x20cf) {
			return true
		}
	}
	return norm.NFC.QuickSpanString(s) != len(s) // not surely NFC already
}
