// Package ical writes iCalendar files (RFC 5545) of all-day events: the
// upcoming repayments a lender imports into a calendar app. It writes one
// shape of calendar, so it is small: text escaping, line folding at 75
// octets on UTF-8 boundaries, CRLF line ends.
package ical

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is a calendar of all-day events.
type Calendar struct {
	// ProdID names the product that wrote the file
	// ("-//MiiMOSA//miimosa//EN"); required.
	ProdID string
	// Name is shown by the calendar apps that read X-WR-CALNAME; optional.
	Name   string
	Events []Event
}

// Event is one all-day event.
type Event struct {
	// UID identifies the event across exports, so that importing a newer
	// file updates it rather than adding it twice: derive it from what the
	// event is about (the day of a repayment), never from the clock or a
	// person's data. It must be unique in the calendar.
	UID string
	// Date is the day of the event: its year, month and day in its own
	// location; the time of day is ignored.
	Date        time.Time
	Summary     string
	Description string // optional
}

// maxLine is the longest content line RFC 5545 allows, in octets, CRLF
// excluded (section 3.1).
const maxLine = 75

// Write writes cal to w. stamp is the DTSTAMP of every event: when the file
// was made (the caller's clock; written in UTC). It fails on a missing
// ProdID, or an event without a UID or with the UID of another.
func Write(w io.Writer, cal Calendar, stamp time.Time) error {
	if strings.TrimSpace(cal.ProdID) == "" {
		return errors.New("ical: the calendar has no PRODID")
	}
	seen := make(map[string]bool, len(cal.Events))
	for i, e := range cal.Events {
		switch {
		case strings.TrimSpace(e.UID) == "":
			return fmt.Errorf("ical: event %d has no UID", i+1)
		case seen[e.UID]:
			return fmt.Errorf("ical: event %d repeats the UID %q", i+1, e.UID)
		}
		seen[e.UID] = true
	}
	lw := &lineWriter{w: bufio.NewWriter(w)}
	lw.line("BEGIN", "VCALENDAR")
	lw.line("VERSION", "2.0")
	lw.text("PRODID", cal.ProdID)
	lw.line("CALSCALE", "GREGORIAN")
	lw.line("METHOD", "PUBLISH")
	if cal.Name != "" {
		lw.text("X-WR-CALNAME", cal.Name)
	}
	dtstamp := stamp.UTC().Format("20060102T150405Z")
	for _, e := range cal.Events {
		y, m, d := e.Date.Date()
		start := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		lw.line("BEGIN", "VEVENT")
		lw.text("UID", e.UID)
		lw.line("DTSTAMP", dtstamp)
		lw.line("DTSTART;VALUE=DATE", start.Format("20060102"))
		lw.line("DTEND;VALUE=DATE", start.AddDate(0, 0, 1).Format("20060102"))
		lw.text("SUMMARY", e.Summary)
		if e.Description != "" {
			lw.text("DESCRIPTION", e.Description)
		}
		lw.line("TRANSP", "TRANSPARENT") // a repayment takes no time in the day
		lw.line("END", "VEVENT")
	}
	lw.line("END", "VCALENDAR")
	if lw.err != nil {
		return lw.err
	}
	return lw.w.Flush()
}

// lineWriter writes content lines, folded, and keeps the first error.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

// line writes a property whose value is already in iCalendar syntax
// (ASCII: dates, numbers, keywords).
func (lw *lineWriter) line(name, value string) {
	lw.fold(name+":", []string{value})
}

// text writes a TEXT property, escaped.
func (lw *lineWriter) text(name, value string) {
	lw.fold(name+":", escapeText(value))
}

// fold writes head then the tokens, starting a continuation line (CRLF and
// one space) before any token that would take the line past 75 octets. A
// token is one character or one escape sequence, so a fold never splits a
// UTF-8 sequence, nor a backslash from what it escapes.
func (lw *lineWriter) fold(head string, tokens []string) {
	if lw.err != nil {
		return
	}
	var b strings.Builder
	b.WriteString(head)
	n := len(head)
	for _, t := range tokens {
		if n+len(t) > maxLine {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteString(t)
		n += len(t)
	}
	b.WriteString("\r\n")
	_, lw.err = lw.w.WriteString(b.String())
}

// escapeText splits s into the tokens of an escaped TEXT value (RFC 5545
// section 3.3.11): backslash, semicolon and comma are escaped, a line break
// (CRLF, CR or LF) becomes \n, other control characters (which TEXT does not
// allow) are dropped, and invalid UTF-8 becomes U+FFFD.
func escapeText(s string) []string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	out := make([]string, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\':
			out = append(out, `\\`)
		case r == ';':
			out = append(out, `\;`)
		case r == ',':
			out = append(out, `\,`)
		case r == '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				size++
			}
			out = append(out, `\n`)
		case r == '\n':
			out = append(out, `\n`)
		case r == '\t':
			out = append(out, "\t")
		case r < 0x20 || r == 0x7f:
			// dropped
		default:
			out = append(out, s[i:i+size])
		}
		i += size
	}
	return out
}
