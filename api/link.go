package api

import (
	"net/http"
	"strings"
)

// Link is one link-value of an RFC 8288 Link header.
type Link struct {
	URL    string            // the target as written between < and >
	Rels   []string          // relation types, lower-cased ("next", "last")
	Params map[string]string // the other parameters, names lower-cased
}

// HasRel reports whether the link has relation type rel (case-insensitive).
func (l Link) HasRel(rel string) bool {
	for _, r := range l.Rels {
		if strings.EqualFold(r, rel) {
			return true
		}
	}
	return false
}

// ParseLinkHeader parses the values of Link headers (RFC 8288). It is
// forgiving: spacing, quoted or bare values, several rels in one value
// ("next last"), commas inside <…> and inside quotes are all handled, and a
// malformed link-value is skipped rather than failing the others.
func ParseLinkHeader(values ...string) []Link {
	var links []Link
	for _, v := range values {
		p := linkParser{s: v}
		for {
			l, ok, more := p.next()
			if ok {
				links = append(links, l)
			}
			if !more {
				break
			}
		}
	}
	return links
}

// LinkRel returns the URL of the first link with relation rel in h's Link
// headers, "" when there is none.
func LinkRel(h http.Header, rel string) string {
	for _, l := range ParseLinkHeader(h.Values("Link")...) {
		if l.HasRel(rel) {
			return l.URL
		}
	}
	return ""
}

type linkParser struct {
	s string
	i int
}

func (p *linkParser) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// next parses one link-value. ok is false when it was malformed; more is
// false at the end of the input. Every path advances p.i, so it cannot loop.
func (p *linkParser) next() (l Link, ok, more bool) {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == ',') {
		p.i++
	}
	if p.i >= len(p.s) {
		return l, false, false
	}
	if p.s[p.i] != '<' {
		p.skipToComma()
		return l, false, p.i < len(p.s)
	}
	end := strings.IndexByte(p.s[p.i+1:], '>')
	if end < 0 {
		p.i = len(p.s)
		return l, false, false
	}
	l.URL = strings.TrimSpace(p.s[p.i+1 : p.i+1+end])
	p.i += end + 2
	relSeen := false
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			return l, true, false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			return l, true, p.i < len(p.s)
		case ';':
			p.i++
		default:
			// Junk after the target or a parameter: drop this link-value.
			p.skipToComma()
			return Link{}, false, p.i < len(p.s)
		}
		p.skipSpace()
		name := strings.ToLower(p.token())
		p.skipSpace()
		value := ""
		if p.i < len(p.s) && p.s[p.i] == '=' {
			p.i++
			p.skipSpace()
			if p.i < len(p.s) && p.s[p.i] == '"' {
				value = p.quoted()
			} else {
				value = p.token()
			}
		}
		if name == "" {
			continue
		}
		if name == "rel" {
			// RFC 8288 §3.3: only the first rel parameter counts.
			if !relSeen {
				relSeen = true
				for _, r := range strings.Fields(value) {
					l.Rels = append(l.Rels, strings.ToLower(r))
				}
			}
			continue
		}
		if l.Params == nil {
			l.Params = map[string]string{}
		}
		if _, dup := l.Params[name]; !dup {
			l.Params[name] = value
		}
	}
}

// token reads up to a delimiter of the link grammar.
func (p *linkParser) token() string {
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(" \t;,=\"<", rune(p.s[p.i])) {
		p.i++
	}
	return p.s[start:p.i]
}

// quoted reads a quoted-string starting at '"', undoing backslash escapes.
// An unterminated string runs to the end of the input.
func (p *linkParser) quoted() string {
	var b strings.Builder
	p.i++ // opening quote
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch {
		case c == '"':
			return b.String()
		case c == '\\' && p.i < len(p.s):
			b.WriteByte(p.s[p.i])
			p.i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// skipToComma moves past the next comma that is outside <…> and quotes.
func (p *linkParser) skipToComma() {
	inURL, inQuote := false, false
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch {
		case inQuote && c == '\\':
			if p.i < len(p.s) {
				p.i++
			}
		case inQuote:
			inQuote = c != '"'
		case inURL:
			inURL = c != '>'
		case c == '"':
			inQuote = true
		case c == '<':
			inURL = true
		case c == ',':
			return
		}
	}
}
