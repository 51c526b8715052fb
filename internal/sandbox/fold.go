package sandbox

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ligatures are not split by Unicode decomposition, so they are spelled out.
var ligatures = strings.NewReplacer("œ", "oe", "Œ", "oe", "æ", "ae", "Æ", "ae", "ß", "ss")

// fold lowers case and removes accents, so that "ferme", "Fermé" and "FERME"
// all match: keyword search is case- and accent-insensitive (contract.md).
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, ligatures.Replace(s))
	if err != nil {
		out = s // transform fails only on invalid input sizes; searching unfolded is still correct for ASCII
	}
	return strings.ToLower(out)
}
