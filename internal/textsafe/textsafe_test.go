package textsafe

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"plain", "Ferme du Bois Joli", "Ferme du Bois Joli"},
		{"accents and emoji", "Élevage de brebis à Ségur 🐑🌾", "Élevage de brebis à Ségur 🐑🌾"},
		{"emoji ZWJ sequence shown as its parts", "famille 👨‍👩‍👧", "famille 👨👩👧"},
		{"no-break space kept", "1\u00a0234 €", "1\u00a0234 €"},
		{"newline to space", "ligne 1\nligne 2", "ligne 1 ligne 2"},
		{"CRLF is one space", "a\r\nb", "a b"},
		{"run of breaks is one space", "a\n\n\t\r\nb", "a b"},
		{"tab", "a\tb", "a b"},
		{"ordinary spaces untouched", "a  b", "a  b"},
		{"SGR colour", "\x1b[31mrouge\x1b[0m", "rouge"},
		{"CSI with params and intermediates", "a\x1b[1;2 qb", "ab"},
		{"clear screen and home", "\x1b[2J\x1b[Htitle", "title"},
		{"unterminated CSI", "abc\x1b[12;", "abc"},
		{"CSI broken by a control", "a\x1b[3\x00mb", "amb"},
		{"OSC title with BEL", "\x1b]0;pwned\x07safe", "safe"},
		{"OSC 8 hyperlink with ST", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"OSC 52 clipboard write", "x\x1b]52;c;cm0gLXJmIH4=\x07y", "xy"},
		{"unterminated OSC swallows the rest", "ok\x1b]0;never ends", "ok"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"PM and SOS", "a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", "abc"},
		{"OSC ended by a new ESC", "a\x1b]0;t\x1b[31mb", "ab"},
		{"CAN cancels", "a\x1b[12\x18b", "ab"},
		{"two-char escapes", "\x1b7a\x1bcb\x1bMc\x1b8", "abc"},
		{"charset designation", "\x1b(Babc\x1b)0", "abc"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"ESC before a letter beyond ASCII", "a\x1béb", "aéb"},
		{"8-bit CSI in UTF-8", "a\u009b31mb", "ab"},
		{"8-bit OSC with 8-bit ST", "a\u009d0;t\u009cb", "ab"},
		{"8-bit APC", "a\u009fhidden\u009cb", "ab"},
		{"other C1 dropped", "a\u0080\u0084\u0090", "a"},
		{"NEL is a break", "a\u0085b", "a b"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a b c"},
		{"C0 controls dropped", "a\x00\x01\x07\x08\x7fb", "ab"},
		{"bidi overrides", "invoice\u202egnp.exe\u202c", "invoicegnp.exe"},
		{"bidi embeddings and isolates", "\u202a\u202b\u202dx\u2066\u2067\u2068\u2069", "x"},
		{"bidi marks", "a\u200e\u200f\u061cb", "ab"},
		{"zero-width space, word joiner, BOM", "\ufeffa\u200bb\u2060c", "abc"},
		{"soft hyphen", "agri\u00adculture", "agriculture"},
		{"tag characters", "a\U000e0041\U000e0042b", "ab"},
		{"noncharacter", "a\uffffb\ufdd0", "ab"},
		{"invalid UTF-8 run is one replacement", "a\xff\xfeb", "a\ufffdb"},
		{"raw 8-bit CSI byte is invalid UTF-8, not a sequence", "a\x9b31mb", "a\ufffd31mb"},
		{"truncated multibyte", "caf\xc3", "caf\ufffd"},
		{"leading and trailing breaks stay spaces", "\nx\n", " x "},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Clean(c.in); got != c.want {
				t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCleanMultiline(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"keeps newlines", "a\nb\n\nc", "a\nb\n\nc"},
		{"CRLF to LF", "a\r\nb\r\n", "a\nb\n"},
		{"lone CR to LF", "a\rb", "a\nb"},
		{"tabs to spaces, one each", "a\t\tb", "a  b"},
		{"separators to LF", "a\u2028b\u0085c", "a\nb\nc"},
		{"escapes still stripped", "\x1b[1mGras\x1b[0m\n\x1b]0;t\x07suite", "Gras\nsuite"},
		{"controls still dropped", "a\x00\x08b\n", "ab\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CleanMultiline(c.in); got != c.want {
				t.Errorf("CleanMultiline(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestPlainASCIINotCopied(t *testing.T) {
	s := strings.Repeat("abc ", 100)
	if n := testing.AllocsPerRun(10, func() { _ = Clean(s) }); n != 0 {
		t.Errorf("Clean of plain ASCII allocated %v times", n)
	}
}

// unsafeRune reports what must never reach a terminal, or must not reach
// the layout because terminals draw it at another width.
func unsafeRune(r rune, multiline bool) bool {
	switch {
	case dropForLayout(r), isConjoiningJamo(r):
		return true
	case r == '\n':
		return !multiline
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == '\u200e', r == '\u200f', r == '\u061c', r == '\u200b', r == '\ufeff', r == '\u2028', r == '\u2029':
		return true
	}
	return false
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "plain", "Élevage 🐑", "\x1b[31mx\x1b[0m", "\x1b]0;t\x07", "\x1b]8;;u\x1b\\l\x1b]8;;\x1b\\",
		"\x1bP\x1b\\", "\u009b1m", "\u009d0;x\u009c", "a\r\nb\tc", "\u202eabc\u202c", "\xff\xfe\xfd",
		"\x1b", "\x1b[", "\x1b]", "\x1b(", "\xc2", "\xc2\x9b", "\n\x1b[m\n", "a\u2028b",
		"👩\u200d🌾 Ferme", "👍🏽", "❤\ufe0f", "🇫🇷🇫", "\u1100\u1161\u11a8", "ᄀ각", "किसान", "e\u0301", "a\u200cb",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, multiline := range []bool{false, true} {
			fn := Clean
			if multiline {
				fn = CleanMultiline
			}
			out := fn(in)
			if !utf8.ValidString(out) {
				t.Fatalf("multiline=%v: invalid UTF-8 out of %q: %q", multiline, in, out)
			}
			for _, r := range out {
				if unsafeRune(r, multiline) {
					t.Fatalf("multiline=%v: %U survived in %q (from %q)", multiline, r, out, in)
				}
			}
			if !norm.NFC.IsNormalString(out) {
				t.Fatalf("multiline=%v: not NFC: %q (from %q)", multiline, out, in)
			}
			if c, g, wc := disagreement(out); c != "" {
				t.Fatalf("multiline=%v: cluster %q of %q measures %d by the layout, %d by wcwidth (from %q)", multiline, c, out, g, wc, in)
			}
			if again := fn(out); again != out {
				t.Fatalf("multiline=%v: not idempotent: %q -> %q -> %q", multiline, in, out, again)
			}
		}
	})
}
