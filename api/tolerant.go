package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The tolerant decoding of contract.md: unknown fields are kept in Extra, any
// field may be missing or null, numbers and integers may come as strings, and
// a field of the wrong type is treated as unknown (kept in Extra) instead of
// failing the whole object.
//
// Written by hand rather than with encoding/json and a json.RawMessage per
// field, because it is faster where it is used most (a page of 100
// projects; go test -run='^$' -bench=DecodeProjectsPage -benchmem ./api):
// 0.78 ms, 363 KB, 2,551 allocs here against 2.5 ms, 960 KB, 14,902 allocs
// with RawMessage (and 1.25 ms with plain encoding/json, which fails a
// whole object on one field of the wrong type).

// ParseInt parses an integer sent as a number or a string ("12", " 12 ",
// "12.0"); a fraction other than zeros is refused.
func ParseInt(s string) (Int, error) {
	s = strings.TrimSpace(s)
	d, err := splitDecimal(s)
	if err != nil {
		return Int{}, fmt.Errorf("integer %q: %w", truncate(s, 40), err)
	}
	if strings.Trim(d.frac, "0") != "" {
		return Int{}, fmt.Errorf("integer %q: has a fraction", truncate(s, 40))
	}
	v, err := accumulate(0, stripLeadingZeros(d.whole))
	if err != nil {
		return Int{}, fmt.Errorf("integer %q: %w", truncate(s, 40), err)
	}
	if d.neg {
		v = -v
	}
	return Int{Value: v, Valid: true}, nil
}

// String renders the integer, "" when unknown.
func (i Int) String() string {
	if !i.Valid {
		return ""
	}
	return strconv.FormatInt(i.Value, 10)
}

// UnmarshalJSON accepts a number or a string; null leaves it unknown.
func (i *Int) UnmarshalJSON(data []byte) error {
	s, ok, err := numberText(data)
	if err != nil || !ok {
		*i = Int{}
		return err
	}
	v, err := ParseInt(s)
	if err != nil {
		return err
	}
	*i = v
	return nil
}

// MarshalJSON writes a number or null.
func (i Int) MarshalJSON() ([]byte, error) {
	if !i.Valid {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatInt(i.Value, 10)), nil
}

// ParseTime parses an RFC 3339 date-time ("2026-11-20T10:00:00Z", fractions
// allowed), a date ("2026-11-20", DateOnly), or the Rails default rendering
// ("2026-11-20 10:00:00 UTC").
func ParseTime(s string) (Time, error) {
	s = strings.TrimSpace(s)
	if len(s) == len(time.DateOnly) {
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return Time{Time: t, DateOnly: true, Valid: true}, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05 MST", "2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Time{Time: t, Valid: true}, nil
		}
	}
	return Time{}, fmt.Errorf("date %q: not an RFC 3339 date-time or YYYY-MM-DD date", truncate(s, 40))
}

// UnmarshalJSON accepts a date-time or date string; null leaves it unknown.
// It replaces the time.Time method that embedding would otherwise promote.
func (t *Time) UnmarshalJSON(data []byte) error {
	data = trimJSONSpace(data)
	if string(data) == "null" {
		*t = Time{}
		return nil
	}
	s, ok := jsonString(data)
	if !ok {
		return fmt.Errorf("date: expected a string, got %s", jsonKind(data))
	}
	v, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// MarshalJSON writes the date or date-time as it came, or null.
func (t Time) MarshalJSON() ([]byte, error) {
	if !t.Valid {
		return []byte("null"), nil
	}
	if t.DateOnly {
		return []byte(strconv.Quote(t.Format(time.DateOnly))), nil
	}
	return []byte(strconv.Quote(t.Format(time.RFC3339Nano))), nil
}

// object is a JSON object being picked apart: each known key that decodes is
// marked done, and what is left becomes the Extra of the decoded value. A
// slice searched linearly beats a map for the ~20 keys of a body: no hashing
// and a single allocation.
type object struct {
	m []member
}

type member struct {
	key  string
	val  []byte // points into the caller's JSON
	done bool
}

// get returns the value of key; with duplicate keys the last wins, as in
// encoding/json.
func (o object) get(key string) (int, []byte, bool) {
	for i := len(o.m) - 1; i >= 0; i-- {
		if !o.m[i].done && o.m[i].key == key {
			return i, o.m[i].val, true
		}
	}
	return -1, nil, false
}

// done marks key as decoded (or null), so it does not go to Extra.
func (o object) done(key string) {
	if i, _, ok := o.get(key); ok {
		o.m[i].done = true
	}
}

// objectDecoder is a body type that fills itself from a split object. The
// object's values point into JSON already checked valid, so nested objects
// and list items are split again without another validation pass.
type objectDecoder interface {
	fromObject(o object)
}

// unmarshalObject is the UnmarshalJSON of every body type: null leaves v
// empty, a value that is not an object is an error, anything else decodes.
func unmarshalObject(data []byte, what string, v objectDecoder) error {
	data = trimJSONSpace(data)
	if string(data) == "null" {
		v.fromObject(object{})
		return nil
	}
	if len(data) == 0 || data[0] != '{' {
		return fmt.Errorf("%s: expected a JSON object, got %s", what, jsonKind(data))
	}
	// Through encoding/json the input is already valid, but UnmarshalJSON
	// may be called on anything, and the splitter relies on valid JSON.
	if !json.Valid(data) {
		return fmt.Errorf("%s: invalid JSON", what)
	}
	o, err := splitObject(data)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	v.fromObject(o)
	return nil
}

var errObjectSyntax = sentinel("malformed JSON")

// knownKeys interns the field names of contract.md, so that decoding a page
// does not allocate the same key strings again for every item.
var knownKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range strings.Fields(`id title slug url image_url description long_description status
		collect_type category region department city owner target collected backers_count interest_rate
		duration_months repayment_frequency published_at ends_at rewards code name first_name last_name
		amount currency balance available_balance pending_balance updated_at project created_at
		repaid_capital paid_interest remaining_capital next_repayment repayments date capital interest`) {
		m[k] = k
	}
	return m
}()

// splitObject splits a valid JSON object into its members.
func splitObject(data []byte) (object, error) {
	// A member takes 20 bytes or more in the bodies of contract.md: a guess
	// that spares most regrowth without oversizing small objects.
	o := object{m: make([]member, 0, min(max(len(data)/20, 2), 32))}
	i := skipSpace(data, 1)
	if i < len(data) && data[i] == '}' {
		return o, nil
	}
	for i < len(data) {
		if data[i] != '"' {
			return object{}, errObjectSyntax
		}
		end := skipString(data, i)
		if end < 0 {
			return object{}, errObjectSyntax
		}
		// key must not have its address taken: that would move it to the heap
		// for every member.
		key, known := knownKeys[string(data[i+1:end-1])] // the lookup does not allocate
		if !known {
			var ok bool
			if key, ok = jsonString(data[i:end]); !ok {
				return object{}, errObjectSyntax
			}
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return object{}, errObjectSyntax
		}
		i = skipSpace(data, i+1)
		vend := skipValue(data, i)
		if vend < 0 {
			return object{}, errObjectSyntax
		}
		o.m = append(o.m, member{key: key, val: data[i:vend:vend]})
		i = skipSpace(data, vend)
		if i >= len(data) {
			return object{}, errObjectSyntax
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return o, nil
		default:
			return object{}, errObjectSyntax
		}
	}
	return object{}, errObjectSyntax
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && isJSONSpace(data[i]) {
		i++
	}
	return i
}

// skipString returns the index after the string starting at data[i] ('"'),
// or -1.
func skipString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// skipValue returns the index after the value starting at data[i], or -1.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				e := skipString(data, j)
				if e < 0 {
					return -1
				}
				j = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(data) && !isJSONSpace(data[j]) && data[j] != ',' && data[j] != '}' && data[j] != ']' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// jsonString decodes a JSON string value, without a full decode when it
// holds no escapes (the common case).
func jsonString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	if inner := raw[1 : len(raw)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// jsonKind names the kind of a JSON value for error messages, without
// quoting the value (it may be long or hostile).
func jsonKind(data []byte) string {
	if len(data) == 0 {
		return "nothing"
	}
	switch data[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "a number"
	}
	return "something that is not JSON"
}

// take returns key's raw value, trimmed; ok is false when the key is absent
// or null (both mean "unknown"; a null is marked done).
func (o object) take(key string) (json.RawMessage, bool) {
	_, raw, ok := o.get(key)
	if !ok {
		return nil, false
	}
	raw = trimJSONSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		o.done(key)
		return nil, false
	}
	return raw, true
}

// str reads a string field. A number is taken as its text (a department
// sent as 1 is still shown); any other type stays in Extra.
func (o object) str(key string) string {
	raw, ok := o.take(key)
	if !ok {
		return ""
	}
	switch raw[0] {
	case '"':
		s, ok := jsonString(raw)
		if !ok {
			return ""
		}
		o.done(key)
		return s
	case '{', '[', 't', 'f':
		return ""
	}
	o.done(key)
	return string(raw)
}

// currency reads an ISO 4217 code (three letters). Anything else is no
// currency this client can name, and may carry escape sequences meant for a
// terminal: it is left in Extra, and present tells the caller one was sent.
func (o object) currency(key string) (code string, present bool) {
	raw, ok := o.take(key)
	if !ok {
		return "", false
	}
	s, ok := jsonString(raw)
	if !ok || len(s) != 3 {
		return "", true
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return "", true
		}
	}
	o.done(key)
	return strings.ToUpper(s), true
}

// id reads an integer identifier sent as a number or a string; 0 when unknown.
func (o object) id(key string) int64 {
	return o.integer(key).Value
}

func (o object) integer(key string) Int {
	raw, ok := o.take(key)
	if !ok {
		return Int{}
	}
	var v Int
	if err := v.UnmarshalJSON(raw); err != nil {
		return Int{}
	}
	o.done(key)
	return v
}

func (o object) money(key, currency string) Money {
	raw, ok := o.take(key)
	if !ok {
		return Money{Currency: currency}
	}
	v := Money{Currency: currency}
	if err := v.UnmarshalJSON(raw); err != nil {
		return Money{Currency: currency}
	}
	o.done(key)
	return v
}

func (o object) decimal(key string) Decimal {
	raw, ok := o.take(key)
	if !ok {
		return Decimal{}
	}
	var v Decimal
	if err := v.UnmarshalJSON(raw); err != nil {
		return Decimal{}
	}
	o.done(key)
	return v
}

func (o object) time(key string) Time {
	raw, ok := o.take(key)
	if !ok {
		return Time{}
	}
	var v Time
	if err := v.UnmarshalJSON(raw); err != nil {
		return Time{}
	}
	o.done(key)
	return v
}

// into decodes an object-valued field; another type stays in Extra.
func (o object) into(key string, v objectDecoder) bool {
	raw, ok := o.take(key)
	if !ok || raw[0] != '{' {
		return false
	}
	inner, err := splitObject(raw)
	if err != nil {
		return false
	}
	v.fromObject(inner)
	o.done(key)
	return true
}

// extra returns what is left, nil when nothing is. The values are copied:
// they point into the caller's buffer, which encoding/json may reuse.
func (o object) extra() Extra {
	var x Extra
	for _, m := range o.m {
		if !m.done {
			if x == nil {
				x = Extra{}
			}
			x[m.key] = bytes.Clone(m.val)
		}
	}
	return x
}

// list decodes an array field item by item; items that are not objects are
// skipped. A value that is not an array stays in Extra.
func list[T any, P interface {
	*T
	objectDecoder
}](o object, key string) []T {
	raw, ok := o.take(key)
	if !ok || raw[0] != '[' {
		return nil
	}
	items, err := splitArray(raw)
	if err != nil {
		return nil
	}
	out := make([]T, 0, len(items))
	for _, item := range items {
		if item[0] != '{' {
			continue
		}
		inner, err := splitObject(item)
		if err != nil {
			continue
		}
		var v T
		P(&v).fromObject(inner)
		out = append(out, v)
	}
	o.done(key)
	return out
}

// splitArray splits a valid JSON array into its items.
func splitArray(data []byte) ([][]byte, error) {
	var items [][]byte
	i := skipSpace(data, 1)
	if i < len(data) && data[i] == ']' {
		return items, nil
	}
	for i < len(data) {
		end := skipValue(data, i)
		if end < 0 {
			return nil, errObjectSyntax
		}
		items = append(items, data[i:end:end])
		i = skipSpace(data, end)
		if i >= len(data) {
			return nil, errObjectSyntax
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case ']':
			return items, nil
		default:
			return nil, errObjectSyntax
		}
	}
	return nil, errObjectSyntax
}
