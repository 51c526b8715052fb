package projects

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/miimosa/miimosa/internal/i18n"
)

// Written here rather than taken from github.com/sahilm/fuzzy: pickers
// hold a few dozen French labels, and what they need most is what that
// package does not do, folding accents ("ile" finds "Île-de-France",
// "elev" finds "Élevage"). A subsequence match with a score is a few
// lines.

// fuzzyMatch reports whether the runes of query appear in label in order,
// case and accents folded, spaces in the query ignored. pos holds the
// matched runes' indices in label, to show the match; a higher score is a
// better match: runes that follow each other, at the start of a word, early
// in the label.
func fuzzyMatch(query, label string) (score int, pos []int, ok bool) {
	q := foldRunes(strings.ReplaceAll(query, " ", ""))
	if len(q) == 0 {
		return 0, nil, true
	}
	l := foldRunes(label)
	best := -1
	// Try each place the first rune matches and keep the best greedy run
	// from there: cheap for labels, and it finds "bre" in "Bretagne" rather
	// than in "Bourgogne-Franche-Comté… Bretagne".
	for start := range l {
		if l[start] != q[0] {
			continue
		}
		s, p, ok := matchFrom(q, l, start)
		if ok && s > best {
			best, pos = s, p
		}
	}
	return best, pos, best >= 0
}

func matchFrom(q, l []rune, start int) (int, []int, bool) {
	pos := make([]int, 0, len(q))
	score := 0
	j := 0
	for i := start; i < len(l) && j < len(q); i++ {
		if l[i] != q[j] {
			continue
		}
		score += 10
		if i == 0 || !isWordRune(l[i-1]) {
			score += 15 // the start of a word
		}
		if len(pos) > 0 && pos[len(pos)-1] == i-1 {
			score += 20 // right after the previous one
		}
		pos = append(pos, i)
		j++
	}
	if j < len(q) {
		return 0, nil, false
	}
	return score - pos[0], pos, true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// foldRunes lowers s and drops its accents, one rune for one rune, so that
// indices into the result are indices into s's runes.
func foldRunes(s string) []rune {
	out := []rune(s)
	for i, r := range out {
		if d := []rune(norm.NFD.String(string(r))); len(d) > 0 {
			r = d[0]
		}
		out[i] = unicode.ToLower(r)
	}
	return out
}

// sortByLabel orders choices by their label as the person's language
// collates them: é with e, Î with i, case aside.
func sortByLabel(lang i18n.Lang, cs []choice) {
	tag := language.English
	if lang == i18n.FR {
		tag = language.French
	}
	c := collate.New(tag, collate.IgnoreCase)
	slices.SortStableFunc(cs, func(a, b choice) int { return c.CompareString(a.label, b.label) })
}
