package cli

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
)

func testOutput(width int, color bool) (*output, *bytes.Buffer) {
	var b bytes.Buffer
	return &output{w: bufio.NewWriter(&b), width: width, color: color, p: i18n.New(i18n.EN), f: format.New(i18n.EN)}, &b
}

func TestFitColumns(t *testing.T) {
	cols := []column{
		{header: "ID", right: true},
		{header: "TITLE", min: 6},
		{header: "CITY", min: 4, drop: 2},
		{header: "AMOUNT", right: true, drop: 1},
	}
	rows := [][]string{{"1", "A very long project title indeed", "Quimper", "€1,000.00"}}
	cases := []struct {
		width int
		want  []int
	}{
		{200, []int{2, 32, 7, 9}}, // everything at its natural width: 56
		{40, []int{2, 16, 7, 9}},  // the widest free text is cut first
		{32, []int{2, 8, 7, 9}},   // still the title, the widest
		{22, []int{2, 7, 0, 9}},   // cutting is not enough: the city goes first (drop 2)
		{10, []int{2, 6, 0, 0}},   // then the amount; the id and the title stay
		{8, []int{2, 5, 0, 0}},    // nothing left to drop: cut below min, to hardMin, and run over
	}
	for _, c := range cases {
		got := fitColumns(cols, rows, c.width)
		if !equalInts(got, c.want) {
			t.Errorf("width %d: %v, want %v", c.width, got, c.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRenderTableAlignsAndTruncates(t *testing.T) {
	o, b := testOutput(30, false)
	cols := []column{{header: "Name", min: 5}, {header: "Amount", right: true}}
	if err := o.renderTable(cols, [][]string{{"Short", "€5.00"}, {"A name far too long for it", "€1,234.56"}}); err != nil {
		t.Fatal(err)
	}
	_ = o.flush()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 30 {
			t.Errorf("line %q is %d wide", l, w)
		}
	}
	if !strings.HasSuffix(lines[1], " €5.00") || !strings.HasSuffix(lines[2], "€1,234.56") {
		t.Errorf("amounts not aligned right:\n%s", b.String())
	}
	if ansi.StringWidth(lines[1]) != ansi.StringWidth(lines[2]) {
		t.Errorf("amount column ragged:\n%s", b.String())
	}
	if !strings.Contains(lines[2], "…") {
		t.Errorf("long name not cut with …:\n%s", b.String())
	}
	if strings.Contains(b.String(), "\x1b") {
		t.Error("escape codes without colour")
	}
}

func TestRenderTableBoldOnlyWithColour(t *testing.T) {
	o, b := testOutput(80, true)
	_ = o.renderTable([]column{{header: "a"}}, [][]string{{"x"}})
	_ = o.flush()
	if !strings.Contains(b.String(), sgrBold) {
		t.Errorf("no bold header with colour: %q", b.String())
	}
}

// Output to a terminal may carry bold headers; NO_COLOR and pipes get none.
func TestColorOnlyOnTerminalWithoutNoColor(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	allTTY := func(any) bool { return true }
	r := runWith(t, env, runOpts{terminal: allTTY}, "projects", "--limit", "2").expectCode(t, ExitOK)
	if !strings.Contains(r.stdout, "\x1b[1m") {
		t.Errorf("no bold header on a terminal: %q", r.stdout)
	}
	env["NO_COLOR"] = "1"
	r = runWith(t, env, runOpts{terminal: allTTY}, "projects", "--limit", "2").expectCode(t, ExitOK)
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("escape codes with NO_COLOR: %q", r.stdout)
	}
}

// Every command and format printed to a pipe carries no escape code.
func TestPipeHasNoEscapeCodes(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	u := demoUser(t, 0)
	who := []string{"--email", u.Email, "--birthdate", u.Birthdate}
	id := firstProjectID(t, env)
	var runs [][]string
	for _, f := range listFormats {
		runs = append(runs, []string{"projects", "--format", string(f)}, append([]string{"pledges", "--format", string(f)}, who...))
	}
	for _, f := range walletFormats {
		runs = append(runs, append([]string{"wallet", "--format", string(f)}, who...))
	}
	for _, f := range projectFormats {
		runs = append(runs, []string{"project", id, "--format", string(f)})
	}
	runs = append(runs, []string{"projects", "--help"}, []string{"project", "x"})
	for _, args := range runs {
		r := run(t, env, args...)
		if strings.Contains(r.stdout+r.stderr, "\x1b") {
			t.Errorf("%v: escape code in output:\n%q", args, r.stdout+r.stderr)
		}
	}
}

func TestMoneyJSONIsDecimalString(t *testing.T) {
	b, err := marshalJSON(struct {
		A jsonMoney   `json:"a"`
		B jsonMoney   `json:"b"`
		R jsonDecimal `json:"r"`
		N jsonInt     `json:"n"`
		T jsonTime    `json:"t"`
		S jsonString  `json:"s"`
	}{A: jsonMoney(api.Money{Cents: 123456, Currency: "EUR", Valid: true})})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); got != `{"a":"1234.56","b":null,"r":null,"n":null,"t":null,"s":null}` {
		t.Errorf("got %s", got)
	}
}

// FuzzRenderTable: whatever text a server sends, once cleaned, a table line
// holds no escape code and stays within the width when the columns allow.
func FuzzRenderTable(f *testing.F) {
	f.Add("Ferme des Hauts", "Quimper", 60)
	f.Add("\x1b[31mrouge\x1b[0m", "a\r\nb", 20)
	f.Add("日本語のタイトルはとても長い", "Zoë 👩‍🌾", 30)
	f.Add("", "", 1)
	f.Fuzz(func(t *testing.T, title, city string, width int) {
		if width < 1 || width > 500 {
			return
		}
		o, b := testOutput(width, false)
		cols := []column{{header: "Title", min: 6}, {header: "City", min: 4, drop: 1}}
		if err := o.renderTable(cols, [][]string{{clean(title), clean(city)}}); err != nil {
			t.Fatal(err)
		}
		_ = o.flush()
		out := b.String()
		if strings.ContainsAny(out, "\x1b\r\a") {
			t.Fatalf("control in output: %q", out)
		}
		if width >= 6 {
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if w := ansi.StringWidth(l); w > width {
					t.Fatalf("width %d: line %q is %d wide", width, l, w)
				}
			}
		}
	})
}

// FuzzRegionCode: any --region value is either a known code or refused.
func FuzzRegionCode(f *testing.F) {
	for _, s := range []string{"53", "5", "bretagne", "ÎLE-DE-FRANCE", "", "999", "2A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := regionCode(s)
		if ok && api.RegionName(code) == "" {
			t.Fatalf("%q accepted as unknown code %q", s, code)
		}
	})
}
