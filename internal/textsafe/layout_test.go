package textsafe

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// disagreement returns the first grapheme cluster of s that the layout
// (grapheme width) and the renderer on a terminal without mode 2027
// (wcwidth) measure differently, with both widths; "" when they agree on all.
func disagreement(s string) (cluster string, layout, wc int) {
	for len(s) > 0 {
		c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if cw := ansi.StringWidthWc(c); cw != w {
			return c, w, cw
		}
		s = s[len(c):]
	}
	return "", 0, 0
}

func TestCleanDrawsAsWideAsMeasured(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"ZWJ sequence shown as its parts", "👩\u200d🌾 Ferme", "👩🌾 Ferme"},
		{"ZWJ sequence of three", "🧑\u200d🤝\u200d🧑", "🧑🤝🧑"},
		{"ZWJ between letters", "a\u200db", "ab"},
		{"ZWJ flag sequence", "🏳\ufe0f\u200d🌈", "🏳🌈"},
		{"skin tone dropped, hand kept", "👍🏽 et ✌🏽", "👍 et ✌"},
		{"lone skin tone dropped", "a🏽", "a"},
		{"emoji presentation selector dropped", "Miel ❤\ufe0f et ☀\ufe0f", "Miel ❤ et ☀"},
		{"keycap", "1\ufe0f\u20e3", "1\u20e3"},
		{"flag kept", "Vignes 🇫🇷", "Vignes 🇫🇷"},
		{"two flags kept", "🇫🇷🇩🇪", "🇫🇷🇩🇪"},
		{"half a flag dropped", "🇫🇷🇫 x", "🇫🇷 x"},
		{"lone regional indicator dropped", "🇫a", "a"},
		{"odd run of regional indicators", "🇦🇦🇦", "🇦🇦"},
		{"decomposed accent composed (NFC)", "Fe\u0301vrier c\u0327a", "Février ça"},
		{"Hangul jamo composed into a syllable", "\u1100\u1161\u11a8", "각"},
		{"Hangul jamo that cannot compose dropped", "가\u1160 ᄀ각", "가 각"},
		{"cluster with a spacing mark replaced", "कि", "\ufffd"},
		{"Indic conjunct replaced", "क्ष", "\ufffd"},
		{"Thai sara am replaced", "กำ", "\ufffd"},
		{"French text untouched", "Élevage à Ségur : « bio », 12 € — l’été…", "Élevage à Ségur : « bio », 12 € — l’été…"},
		{"ordinary emoji kept", "🐑🌾🐝⭐⌚", "🐑🌾🐝⭐⌚"},
		{"ZWNJ kept", "a\u200cb", "a\u200cb"},
		{"text presentation selector kept", "☀\ufe0e", "☀\ufe0e"},
		{"Hebrew with points kept", "שָׁלוֹם", "שָׁלוֹם"},
		{"Arabic kept", "مرحبا", "مرحبا"},
		{"Korean syllables kept", "한국", "한국"},
		{"Tamil with virama kept", "ந்", "ந்"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Clean(c.in)
			if got != c.want {
				t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
			}
			if cl, g, wc := disagreement(got); cl != "" {
				t.Errorf("Clean(%q) = %q: cluster %q measures %d by the layout, %d by wcwidth", c.in, got, cl, g, wc)
			}
		})
	}
}

// Clean runs for every row of every frame: what the layout pass costs on a
// French title (skipped) and on one with emoji (segmented).
func BenchmarkClean(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii", "Un sechoir solaire pour la ferme"},
		{"french", "Un séchoir solaire pour la ferme de l’Étang — « bio »"},
		{"emoji", "👩\u200d🌾 Ferme des Quatre Vents 🐑 à Ségur"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Clean(bc.in)
			}
		})
	}
}
