package lead

import (
	"errors"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// Problem is why a field's value is refused. It names a catalogue message
// rather than holding text, so the form and the command word it in the
// person's language; Error() is the English text, for logs and tests.
type Problem struct {
	Key  i18n.Key
	Args []any
}

func (p *Problem) Error() string { return i18n.New(i18n.EN).T(p.Key, p.Args...) }

// In words the problem in the printer's language.
func (p *Problem) In(t i18n.Printer) string { return t.T(p.Key, p.Args...) }

// Message words any error from this package in t's language; other errors
// keep their own text.
func Message(t i18n.Printer, err error) string {
	var p *Problem
	if errors.As(err, &p) {
		return p.In(t)
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

func problem(key i18n.Key, args ...any) error { return &Problem{Key: key, Args: args} }

// The problems, by catalogue key.
const (
	keyRequired    i18n.Key = "lead.err.required"
	keyTooLong     i18n.Key = "lead.err.too_long"
	keyEmail       i18n.Key = "lead.err.email"
	keyPhone       i18n.Key = "lead.err.phone"
	keyBirthdate   i18n.Key = "lead.err.birthdate"
	keyEnum        i18n.Key = "lead.err.enum"
	keyAmount      i18n.Key = "lead.err.amount"
	keyAmountAmbig i18n.Key = "lead.err.amount_ambiguous"
	keyAmountZero  i18n.Key = "lead.err.amount_positive"
	keyPostCode    i18n.Key = "lead.err.post_code"
	keyDepartment  i18n.Key = "lead.err.department"
	keyDeptPost    i18n.Key = "lead.err.department_post_code"
	keySiretDigits i18n.Key = "lead.err.siret_digits"
	keySiretLuhn   i18n.Key = "lead.err.siret_checksum"
	keyLink        i18n.Key = "lead.err.link"
)

// now is the clock birthdates are checked against.
var now = time.Now

// CheckField checks one value, as typed, for the field named by its API
// name: nil when it is acceptable (an empty optional field is). Unknown
// field names are accepted: the caller reports unknown fields itself.
func CheckField(field, value string) error {
	_, err := normalizeField(field, value)
	return err
}

// CheckFieldIn checks value for field as part of lead l (whose own value
// for field is ignored): the field's rule, then the rules between fields,
// reported beside the field they name (the department, for a department
// that does not match the post code).
func CheckFieldIn(l api.Lead, field, value string) error {
	if err := CheckField(field, value); err != nil {
		return err
	}
	if p := Ptr(&l, field); p != nil {
		*p = value
	}
	if field == Department {
		return checkDepartmentPostCode(l.PostCode, l.Department)
	}
	return nil
}

// Check checks every field of l and returns the problems by API field name,
// worded in t's language; nil when the lead can be sent.
func Check(l api.Lead, t i18n.Printer) map[string][]string {
	var out map[string][]string
	for _, s := range specs {
		if err := CheckFieldIn(l, s.name, Get(l, s.name)); err != nil {
			if out == nil {
				out = map[string][]string{}
			}
			out[s.name] = append(out[s.name], Message(t, err))
		}
	}
	return out
}

// Normalize returns l as it should be sent: text trimmed and cleaned of
// control characters, phone, SIRET, amounts, department and birthdate in
// one canonical form. A value that does not pass its check is only
// cleaned, so that Check still reports it.
func Normalize(l api.Lead) api.Lead {
	for _, s := range specs {
		p := Ptr(&l, s.name)
		if v, err := normalizeField(s.name, *p); err == nil {
			*p = v
		} else {
			*p = cleanText(*p, s.kind == kindMultiline)
		}
	}
	return l
}

// normalizeField is the one place each field's rule lives: it returns the
// canonical value or the problem.
func normalizeField(field, value string) (string, error) {
	s, ok := lookup(field)
	if !ok {
		return value, nil
	}
	value = cleanText(value, s.kind == kindMultiline)
	if value == "" {
		if s.required {
			return "", problem(keyRequired)
		}
		return "", nil
	}
	limit := maxText
	if s.kind == kindMultiline {
		limit = maxMultiline
	}
	if utf8.RuneCountInString(value) > limit {
		return "", problem(keyTooLong, limit)
	}
	switch s.kind {
	case kindEmail:
		return NormalizeEmail(value)
	case kindPhone:
		return NormalizePhone(value)
	case kindBirthdate:
		v, err := api.NormalizeBirthdate(value, now())
		if err != nil {
			return "", problem(keyBirthdate)
		}
		return v, nil
	case kindEnum:
		if !api.Valid(s.enum, value) {
			return "", problem(keyEnum, strings.Join(s.enum, ", "))
		}
	case kindAmount:
		return NormalizeAmount(value)
	case kindPostCode:
		return NormalizePostCode(value)
	case kindDepartment:
		return NormalizeDepartment(value)
	case kindSiret:
		return NormalizeSiret(value)
	case kindLink:
		return NormalizeLink(value)
	}
	return value, nil
}

// cleanText trims and drops what a paste can smuggle in (escape
// sequences, control and bidi characters, invalid UTF-8); a multiline value
// keeps its line breaks, others turn them into spaces.
func cleanText(s string, multiline bool) string {
	if multiline {
		return trimSpace(textsafe.CleanMultiline(s))
	}
	return trimSpace(textsafe.Clean(s))
}

func trimSpace(s string) string { return strings.TrimSpace(s) }

// emailPattern is the server's rule: Ruby's URI::MailTo::EMAIL_REGEXP
// (an ASCII local part), with a dot required in the domain as the Rails
// validation adds. An address it refuses is refused here, before sending:
// "élise@ferme.fr" would otherwise come back as a 400.
var emailPattern = regexp.MustCompile(`^[a-zA-Z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$`)

// NormalizeEmail accepts a bare address (no display name) the server
// accepts; the domain is lower-cased, the local part kept as typed.
func NormalizeEmail(s string) (string, error) {
	s = trimSpace(s)
	if len(s) > 254 || !emailPattern.MatchString(s) {
		return "", problem(keyEmail)
	}
	at := strings.LastIndexByte(s, '@')
	return s[:at] + "@" + strings.ToLower(s[at+1:]), nil
}

// frenchCodes are the country codes of France's numbering plans: metropolitan
// France, then La Réunion, Mayotte, Guadeloupe, Guyane and Martinique, where
// MiiMOSA's farmers also live.
var frenchCodes = []string{"33", "262", "269", "590", "594", "596"}

// NormalizePhone accepts a French number as people write it ("06 12 34 56
// 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033 6…", "+33 (0)6…") and
// returns it compactly: "0612345678" for +33 numbers, "+262692123456" for
// overseas country codes (whose national form would be ambiguous).
func NormalizePhone(s string) (string, error) {
	var b strings.Builder
	for _, r := range trimSpace(s) {
		switch {
		case r >= '0' && r <= '9', r == '+', r == '(', r == ')':
			b.WriteRune(r)
		case r == '.' || r == '-' || r == '/' || unicode.IsSpace(r):
		default:
			return "", problem(keyPhone)
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(d, "00"):
		d = "+" + d[2:]
	case strings.HasPrefix(d, "+"):
	case len(d) == 10 && d[0] == '0' && d[1] != '0' && allDigits(d):
		return d, nil
	default:
		return "", problem(keyPhone)
	}
	for _, cc := range frenchCodes {
		rest, ok := strings.CutPrefix(d, "+"+cc)
		if !ok {
			continue
		}
		// "+33 (0)6…" and "+33 06…": the national 0 written by habit.
		rest = strings.TrimPrefix(rest, "(0)")
		if len(rest) == 10 && rest[0] == '0' {
			rest = rest[1:]
		}
		if len(rest) != 9 || rest[0] == '0' || !allDigits(rest) {
			return "", problem(keyPhone)
		}
		if cc == "33" {
			return "0" + rest, nil
		}
		return "+" + cc + rest, nil
	}
	return "", problem(keyPhone)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// digitsOnly removes the spaces and dots people put in identifiers
// ("123 456 789 00012") and reports whether only digits are left.
func digitsOnly(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '.':
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// laPosteSiren is La Poste's SIREN: its establishments' SIRETs do not pass
// the Luhn check; theirs is a sum of digits divisible by 5 instead.
const laPosteSiren = "356000000"

// NormalizeSiret accepts 14 digits (spaces allowed) passing the Luhn check.
func NormalizeSiret(s string) (string, error) {
	d, ok := digitsOnly(s)
	if !ok || len(d) != 14 {
		return "", problem(keySiretDigits)
	}
	if luhn(d) || (strings.HasPrefix(d, laPosteSiren) && digitSum(d)%5 == 0) {
		return d, nil
	}
	return "", problem(keySiretLuhn)
}

// luhn reports whether the digits pass the Luhn (mod 10) check.
func luhn(d string) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

func digitSum(d string) int {
	sum := 0
	for i := 0; i < len(d); i++ {
		sum += int(d[i] - '0')
	}
	return sum
}

// NormalizePostCode accepts a French post code: 5 digits ("75001", "75 001").
func NormalizePostCode(s string) (string, error) {
	d, ok := digitsOnly(s)
	if !ok || len(d) != 5 {
		return "", problem(keyPostCode)
	}
	return d, nil
}

// NormalizeDepartment accepts an INSEE department code, in either case and
// with a missing leading zero ("1" is "01", "2a" is "2A").
func NormalizeDepartment(s string) (string, error) {
	d := strings.ToUpper(trimSpace(s))
	if len(d) == 1 && allDigits(d) {
		d = "0" + d
	}
	if !api.ValidDepartment(d) {
		return "", problem(keyDepartment)
	}
	return d, nil
}

// NormalizeAmount accepts a positive amount in euros as people write it
// ("12 000", "12000,50", "12000.50", "12 000 €", "12.000,50") and returns a
// plain decimal with two decimals ("12000.50"), parsed exactly by
// api.ParseMoney. One separator followed by exactly three digits ("12,000")
// is refused: it may be thousands or decimals, and guessing wrong is a
// thousandfold error.
func NormalizeAmount(s string) (string, error) {
	s = trimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "€"), "€"))
	if u := strings.ToUpper(s); strings.HasSuffix(u, "EUR") {
		s = s[:len(s)-3]
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == ',', r == '.':
			b.WriteRune(r)
		case unicode.IsSpace(r), r == '\'', r == '’':
		default:
			return "", problem(keyAmount)
		}
	}
	d := b.String()
	if d == "" || len(d) > 24 {
		return "", problem(keyAmount)
	}
	decimalSep := strings.LastIndexAny(d, ",.")
	if decimalSep >= 0 {
		sep := d[decimalSep]
		other := byte(',')
		if sep == ',' {
			other = '.'
		}
		whole, frac := d[:decimalSep], d[decimalSep+1:]
		switch {
		case strings.IndexByte(whole, other) >= 0 && strings.IndexByte(whole, sep) < 0:
			// "12.000,50": the other separator groups thousands.
			if !thousands(whole, other) {
				return "", problem(keyAmount)
			}
			whole = strings.ReplaceAll(whole, string(other), "")
		case strings.IndexByte(whole, sep) >= 0:
			// "1,000,000": the one separator, repeated, groups thousands.
			if strings.IndexByte(whole, other) >= 0 || len(frac) != 3 || !thousands(whole, sep) {
				return "", problem(keyAmount)
			}
			whole, frac = strings.ReplaceAll(whole, string(sep), "")+frac, ""
		case len(frac) == 3:
			return "", problem(keyAmountAmbig)
		}
		if len(frac) > 2 || !allDigits(whole) || (frac != "" && !allDigits(frac)) {
			return "", problem(keyAmount)
		}
		d = whole
		if frac != "" {
			d += "." + frac
		}
	}
	m, err := api.ParseMoney(d, "EUR")
	if err != nil {
		return "", problem(keyAmount)
	}
	if m.Cents <= 0 {
		return "", problem(keyAmountZero)
	}
	return m.String(), nil
}

// thousands reports whether s is digits grouped by sep in threes ("1.000").
func thousands(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 || !allDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !allDigits(p) {
			return false
		}
	}
	return true
}

// NormalizeLink accepts a web address (with or without https://) or a
// social network handle ("@ferme_dupont").
func NormalizeLink(s string) (string, error) {
	s = trimSpace(s)
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return "", problem(keyLink)
	}
	if h, ok := strings.CutPrefix(s, "@"); ok {
		if h == "" || len(h) > 64 || strings.ContainsFunc(h, func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || r == '-')
		}) {
			return "", problem(keyLink)
		}
		return s, nil
	}
	full := s
	if !strings.Contains(s, "://") {
		full = "https://" + s
	}
	u, err := url.Parse(full)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil ||
		!strings.Contains(u.Hostname(), ".") || strings.HasPrefix(u.Hostname(), ".") || strings.HasSuffix(u.Hostname(), ".") {
		return "", problem(keyLink)
	}
	return s, nil
}

// checkDepartmentPostCode reports a department that is not the post code's:
// 26400 is in 26, 20xxx in Corsica (2A or 2B), 97xxx overseas in the
// department of its first three digits (97400 is 974). Either value
// missing or invalid is left to its own check; post codes outside the
// departments (98xxx: Monaco, the Pacific) are not compared.
func checkDepartmentPostCode(postCode, department string) error {
	pc, err := NormalizePostCode(postCode)
	if err != nil {
		return nil
	}
	dept, err := NormalizeDepartment(department)
	if err != nil || dept == "" {
		return nil
	}
	var want string
	switch {
	case strings.HasPrefix(pc, "98"):
		return nil
	case strings.HasPrefix(pc, "97"):
		want = pc[:3]
	case strings.HasPrefix(pc, "20"):
		if dept == "2A" || dept == "2B" {
			return nil
		}
		want = "2A/2B"
	default:
		want = pc[:2]
	}
	if dept != want {
		return problem(keyDeptPost, pc, want)
	}
	return nil
}
