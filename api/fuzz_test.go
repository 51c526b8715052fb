package api_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/miimosa/miimosa/api"
)

// Fuzz tests for every parser of outside input. `go test` runs the seeds;
// `go test -run=^$ -fuzz=FuzzX ./api` explores.

func FuzzParseLink(f *testing.F) {
	for _, s := range []string{
		`<http://h/projects?page=2>; rel="next", <http://h/projects?page=9>; rel="last"`,
		`</p?a=1,2>; rel="next last"; title="x, \"y\""`, `<a>;rel=next,<b>`, `<`, `<a>; rel="`, `,,;;<>`, `<a>; rel=next; =; ;x`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		links := api.ParseLinkHeader(s)
		for _, l := range links {
			if strings.ContainsRune(l.URL, '>') {
				t.Errorf("URL %q holds '>'", l.URL)
			}
			for _, r := range l.Rels {
				if r == "" || r != strings.ToLower(r) || strings.ContainsAny(r, " \t") {
					t.Errorf("rel %q", r)
				}
			}
		}
		if len(links) > len(s)/2+1 {
			t.Errorf("%d links from %d bytes", len(links), len(s))
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.5", "1234.56", "12", "-0.01", "1.500", "92233720368547758.07", "1e3", "", ".5", "+1", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := api.ParseMoney(s, "EUR")
		if err != nil {
			if m != (api.Money{}) {
				t.Errorf("error with a value: %+v", m)
			}
			return
		}
		if !m.Valid || m.Currency != "EUR" {
			t.Fatalf("ParseMoney(%q) = %+v", s, m)
		}
		// Round trip: String parses back to the same cents.
		back, err := api.ParseMoney(m.String(), "EUR")
		if err != nil || back != m {
			t.Fatalf("ParseMoney(%q) = %d cents, String %q parses back to %+v, %v", s, m.Cents, m.String(), back, err)
		}
		// The JSON forms agree.
		var fromJSON api.Money
		if err := json.Unmarshal([]byte(`"`+m.String()+`"`), &fromJSON); err != nil || fromJSON.Cents != m.Cents {
			t.Fatalf("JSON string %q: %+v, %v", m.String(), fromJSON, err)
		}
	})
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"4.5", "4.50", "-0.25", "0.000000000000000001", "9223372036854775807", "1e2", "x", "00.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := api.ParseDecimal(s)
		if err != nil {
			return
		}
		back, err := api.ParseDecimal(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDecimal(%q) = %+v, String %q parses back to %+v, %v", s, d, d.String(), back, err)
		}
		if d.Scale < 0 || d.Scale > 18 {
			t.Fatalf("scale %d", d.Scale)
		}
	})
}

func FuzzNormalizeBirthdate(f *testing.F) {
	for _, s := range []string{"27/11/1980", "27-11-1980", "27.11.1980", "1980-11-27", "31/02/1980", "29/02/2000", "1/1/1900", "27/11/80", " 1 / 2 / 1990 ", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := api.NormalizeBirthdate(s, now)
		if err != nil {
			if got != "" || err.Error() == "" {
				t.Fatalf("error with a value: %q, %v", got, err)
			}
			return
		}
		d, perr := time.Parse(time.DateOnly, got)
		if perr != nil || d.Format(time.DateOnly) != got {
			t.Fatalf("NormalizeBirthdate(%q) = %q: not a real YYYY-MM-DD date", s, got)
		}
		if d.After(now) || d.Year() < 1900 {
			t.Fatalf("NormalizeBirthdate(%q) = %q: out of range", s, got)
		}
		// Idempotent: the normal form normalises to itself.
		if again, err := api.NormalizeBirthdate(got, now); err != nil || again != got {
			t.Fatalf("NormalizeBirthdate(%q) = %q, %v", got, again, err)
		}
	})
}

// decodeFuzz checks a tolerant decoder: it never panics, and any JSON object
// decodes without error.
func decodeFuzz[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte) {
	var v T
	err := P(&v).UnmarshalJSON(data)
	var obj map[string]json.RawMessage
	if json.Unmarshal(data, &obj) == nil && obj != nil && err != nil {
		t.Fatalf("a JSON object failed to decode: %v\n%s", err, data)
	}
	// Through encoding/json as well, as pages are decoded.
	var list []T
	_ = json.Unmarshal(append(append([]byte("["), data...), ']'), &list)
}

var decodeSeeds = []string{
	`{}`, `null`, `[]`, `"x"`, `{"id": "42", "title": null, "target": "1.5", "region": "84", "rewards": [1, {"amount": 2}]}`,
	`{"id": 1e400, "amount": 1.999, "next_repayment": {"date": "x"}, "repayments": {}}`,
	`{"balance": {"a": 1}, "currency": 3, "updated_at": "2026-02-30"}`, `{"a":` + strings.Repeat(`[`, 200) + strings.Repeat(`]`, 200) + `}`,
	`{"title": "\u001b[31mred\u202e", "owner": {"first_name": "Zoé"}}`,
}

func FuzzDecodeProject(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { decodeFuzz[api.Project](t, data) })
}

func FuzzDecodePledge(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { decodeFuzz[api.Pledge](t, data) })
}

func FuzzDecodeWallet(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { decodeFuzz[api.Wallet](t, data) })
}

// FuzzErrorBody feeds any body to every error status: the client must turn
// it into an *api.Error with a safe, short message.
func FuzzErrorBody(f *testing.F) {
	for _, s := range []string{`{"errors": {"email": ["is invalid"]}}`, `{"error": "x"}`, "<html><title>502</title>", "HTTP Token: Access denied.\n", "", "\x1b[2J\x9b31m"} {
		f.Add(400, s)
		f.Add(502, s)
	}
	f.Fuzz(func(t *testing.T, status int, body string) {
		if status < 400 || status > 599 {
			return
		}
		e := api.ErrorForTest(status, body)
		if e == nil || e.Kind == nil {
			t.Fatal("no error")
		}
		for _, s := range append([]string{e.Message}, fieldTexts(e.Fields)...) {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x202e }) {
				t.Fatalf("unsafe text %q from %q", s, body)
			}
			if utf8.RuneCountInString(s) > 201 {
				t.Fatalf("message of %d runes", utf8.RuneCountInString(s))
			}
		}
	})
}

func fieldTexts(m map[string][]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k)
		out = append(out, v...)
	}
	return out
}

// FuzzDecodeProjectsPage goes through the client's own page decoder, which
// splits items without a second validation pass.
func FuzzDecodeProjectsPage(f *testing.F) {
	for _, s := range append(decodeSeeds, `[{"id": 1}, {"id": "2", "x": [1, {"y": "}"}]}]`, `[null, {}]`, `[1]`, `[{"a":"\"}"}]`, `[{}`, ` [ ] `) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := api.DecodeProjectsForTest(data)
		var raws []json.RawMessage
		if json.Unmarshal(data, &raws) != nil || raws == nil {
			return // not an array: an error or an empty page, but no panic
		}
		objects := 0
		for _, r := range raws {
			switch {
			case r[0] == '{':
				objects++
			case string(r) != "null":
				if err == nil {
					t.Fatalf("an item that is not an object was accepted: %s", data)
				}
				return
			}
		}
		if err != nil || len(items) != objects {
			t.Fatalf("an array of %d objects gave %d items, %v\n%s", objects, len(items), err, data)
		}
	})
}
