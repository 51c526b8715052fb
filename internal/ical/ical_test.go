package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

var stamp = time.Date(2026, time.March, 10, 8, 30, 0, 0, time.FixedZone("CET", 3600))

// parse reads the file back with an iCalendar library that shares nothing
// with the writer, after checking the line rules that library is lenient
// about.
func parse(t *testing.T, out []byte) *ics.Calendar {
	t.Helper()
	checkLines(t, out)
	cal, err := ics.ParseCalendar(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the output does not parse: %v\n%s", err, out)
	}
	return cal
}

// checkLines: CRLF after every line and nowhere else, at most 75 octets a
// line, valid UTF-8 on every line (no sequence split by a fold), no control
// character but HTAB, continuation lines starting with one space.
func checkLines(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatalf("the output does not end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if len(line) > maxLine {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d is not valid UTF-8 (a fold split a character?): %q", i+1, line)
		}
		if strings.ContainsFunc(line, func(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7f }) {
			t.Errorf("line %d holds a control character: %q", i+1, line)
		}
		if line == "" || line == " " {
			t.Errorf("line %d is empty", i+1)
		}
	}
}

func prop(e *ics.VEvent, p ics.ComponentProperty) string {
	if v := e.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

func TestRepaymentsParseBack(t *testing.T) {
	long := strings.Repeat("Échéance de la ferme « Les Prés-Salés » (Bretagne) : capital 1 234,56 €, intérêts 12,34 €. ", 5)
	events := []Event{
		{UID: "repayment-20260315@miimosa", Date: time.Date(2026, time.March, 15, 0, 0, 0, 0, time.UTC), Summary: "Remboursement : 1 246,90 €", Description: "2 prêts\nFerme A : 1 000,00 €\nFerme B : 246,90 €"},
		// Late evening in Paris is still the 15th, whatever UTC says.
		{UID: "repayment-20260415@miimosa", Date: time.Date(2026, time.April, 15, 23, 30, 0, 0, time.FixedZone("CEST", 7200)), Summary: "Repayment, €20.60; 1 loan", Description: long},
		{UID: "repayment-20261231@miimosa", Date: time.Date(2026, time.December, 31, 0, 0, 0, 0, time.UTC), Summary: `back\slash, semi;colon, comma` + "\r\nCRLF\rCR", Description: "tab\there, bell\a, emoji 🌾🐝 and 日本語"},
	}
	var out bytes.Buffer
	if err := Write(&out, Calendar{ProdID: "-//MiiMOSA//miimosa//FR", Name: "Remboursements, MiiMOSA", Events: events}, stamp); err != nil {
		t.Fatal(err)
	}
	cal := parse(t, out.Bytes())
	for _, p := range []struct {
		prop ics.Property
		want string
	}{{ics.PropertyVersion, "2.0"}, {ics.PropertyProductId, "-//MiiMOSA//miimosa//FR"}, {ics.PropertyCalscale, "GREGORIAN"}} {
		found := false
		for _, cp := range cal.CalendarProperties {
			if cp.IANAToken == string(p.prop) {
				found = cp.Value == p.want
			}
		}
		if !found {
			t.Errorf("calendar property %s is not %q", p.prop, p.want)
		}
	}
	got := cal.Events()
	if len(got) != len(events) {
		t.Fatalf("%d events parsed, want %d", len(got), len(events))
	}
	wantDays := []string{"20260315", "20260415", "20261231"}
	wantEnds := []string{"20260316", "20260416", "20270101"}
	for i, e := range got {
		start, err := e.GetAllDayStartAt()
		if err != nil || start.Format("20060102") != wantDays[i] {
			t.Errorf("event %d starts %v (%v), want %s", i+1, start, err, wantDays[i])
		}
		if v := e.GetProperty(ics.ComponentPropertyDtStart); v == nil || v.ICalParameters["VALUE"][0] != "DATE" || v.Value != wantDays[i] {
			t.Errorf("event %d: DTSTART is not the date %s: %+v", i+1, wantDays[i], v)
		}
		if v := prop(e, ics.ComponentPropertyDtEnd); v != wantEnds[i] {
			t.Errorf("event %d ends %q, want %s", i+1, v, wantEnds[i])
		}
		if v := prop(e, ics.ComponentPropertyUniqueId); v != events[i].UID {
			t.Errorf("event %d UID %q", i+1, v)
		}
		if ts, err := e.GetDtStampTime(); err != nil || !ts.Equal(stamp) {
			t.Errorf("event %d DTSTAMP %v (%v), want %v", i+1, ts, err, stamp)
		}
	}
	wantText := []struct{ summary, description string }{
		{"Remboursement : 1 246,90 €", "2 prêts\nFerme A : 1 000,00 €\nFerme B : 246,90 €"},
		{"Repayment, €20.60; 1 loan", long},
		{`back\slash, semi;colon, comma` + "\nCRLF\nCR", "tab\there, bell, emoji 🌾🐝 and 日本語"},
	}
	for i, e := range got {
		if s := prop(e, ics.ComponentPropertySummary); s != wantText[i].summary {
			t.Errorf("event %d summary\n got %q\nwant %q", i+1, s, wantText[i].summary)
		}
		if d := prop(e, ics.ComponentPropertyDescription); d != wantText[i].description {
			t.Errorf("event %d description\n got %q\nwant %q", i+1, d, wantText[i].description)
		}
	}
	if !strings.Contains(out.String(), "\r\n ") {
		t.Errorf("the long description was not folded")
	}
}

func TestEscapingIsExact(t *testing.T) {
	var out bytes.Buffer
	err := Write(&out, Calendar{ProdID: "p", Events: []Event{{UID: "u", Date: stamp, Summary: "a\\b;c,d\ne"}}}, stamp)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\r\nSUMMARY:a\\\\b\\;c\\,d\\ne\r\n") {
		t.Errorf("summary not escaped as RFC 5545 says:\n%s", out.String())
	}
}

func TestFoldsAtSeventyFiveOctets(t *testing.T) {
	// "SUMMARY:" is 8 octets; 67 "é" (2 octets each) cannot end the first
	// line on an odd octet count: it holds 8 + 33×2 = 74 octets, and each
	// continuation line a space and 37 "é".
	var out bytes.Buffer
	if err := Write(&out, Calendar{ProdID: "p", Events: []Event{{UID: "u", Date: stamp, Summary: strings.Repeat("é", 100)}}}, stamp); err != nil {
		t.Fatal(err)
	}
	want := "\r\nSUMMARY:" + strings.Repeat("é", 33) + "\r\n " + strings.Repeat("é", 37) + "\r\n " + strings.Repeat("é", 30) + "\r\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("folding:\n%s", out.String())
	}
	parse(t, out.Bytes())
}

func TestRefusesBadCalendars(t *testing.T) {
	day := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	for name, cal := range map[string]Calendar{
		"no PRODID":      {Events: []Event{{UID: "a", Date: day}}},
		"no UID":         {ProdID: "p", Events: []Event{{UID: " ", Date: day}}},
		"same UID twice": {ProdID: "p", Events: []Event{{UID: "a", Date: day}, {UID: "a", Date: day.AddDate(0, 1, 0)}}},
	} {
		var out bytes.Buffer
		if err := Write(&out, cal, stamp); err == nil || out.Len() != 0 {
			t.Errorf("%s: err %v, wrote %d bytes", name, err, out.Len())
		}
	}
}

func TestEmptyCalendarParses(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, Calendar{ProdID: "-//MiiMOSA//miimosa//EN"}, stamp); err != nil {
		t.Fatal(err)
	}
	if cal := parse(t, out.Bytes()); len(cal.Events()) != 0 {
		t.Errorf("events in an empty calendar")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errFull }

var errFull = errorString("disk full")

type errorString string

func (e errorString) Error() string { return string(e) }

func TestWriteErrorsAreReturned(t *testing.T) {
	cal := Calendar{ProdID: "p", Events: []Event{{UID: "a", Date: stamp, Summary: strings.Repeat("x", 10000)}}}
	if err := Write(failingWriter{}, cal, stamp); err != errFull {
		t.Errorf("err = %v, want the writer's", err)
	}
}

// FuzzText: whatever the summary and description, the file parses, every
// line keeps to 75 octets on UTF-8 boundaries, and the text reads back as
// written, less what TEXT cannot hold (control characters; line breaks
// become LF; invalid UTF-8 becomes U+FFFD).
func FuzzText(f *testing.F) {
	f.Add("Remboursement : 1 246,90 €", "a\\b;c,d\r\ne")
	f.Add(strings.Repeat("é", 80), strings.Repeat("🌾", 40))
	f.Add("\xff\xfe", "\x00\x1b[31m\x7f")
	f.Add(strings.Repeat(`\,`, 50), strings.Repeat("a\r", 30))
	f.Fuzz(func(t *testing.T, summary, description string) {
		var out bytes.Buffer
		err := Write(&out, Calendar{ProdID: "-//p//" + summary, Name: description, Events: []Event{{UID: "u-" + summary, Date: stamp, Summary: summary, Description: description}}}, stamp)
		if err != nil {
			if strings.TrimSpace("u-"+summary) == "" {
				return
			}
			t.Fatal(err)
		}
		cal := parse(t, out.Bytes())
		es := cal.Events()
		if len(es) != 1 {
			t.Fatalf("%d events", len(es))
		}
		if got, want := prop(es[0], ics.ComponentPropertySummary), readBack(summary); got != want {
			t.Errorf("summary %q reads back %q, want %q", summary, got, want)
		}
		if description != "" {
			if got, want := prop(es[0], ics.ComponentPropertyDescription), readBack(description); got != want {
				t.Errorf("description %q reads back %q, want %q", description, got, want)
			}
		}
	})
}

// readBack is what a TEXT value holding s reads back as.
func readBack(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
