package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// today is the fixed day the tests build the seed for.
var today = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return today }

func newTestHandler(t testing.TB) *Handler {
	t.Helper()
	return NewHandler(Options{Now: fixedNow})
}

// shared is built once: the seed is read-only and building it for each test
// would only slow the suite down.
var shared = NewHandler(Options{Now: fixedNow})

const authHeader = "Token token=" + DemoKey

// do sends one request through h and returns the recorded response.
func do(h http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	req.Header.Set("Authorization", authHeader)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i+1] == "" {
			req.Header.Del(header[i])
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func get(target string, header ...string) *httptest.ResponseRecorder {
	return do(shared, http.MethodGet, target, "", header...)
}

// decode reads a JSON body keeping numbers exact.
func decode[T any](t testing.TB, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(bytes.NewReader(w.Body.Bytes()))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("status %d, body %q: %v", w.Code, w.Body.String(), err)
	}
	return v
}

func list(t testing.TB, target string) []map[string]any {
	t.Helper()
	w := get(target)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d, body %s", target, w.Code, w.Body.String())
	}
	return decode[[]map[string]any](t, w)
}

// cents reads money sent as a JSON number or a decimal string, exactly.
func cents(t testing.TB, v any) int64 {
	t.Helper()
	var s string
	switch x := v.(type) {
	case json.Number:
		s = x.String()
	case string:
		s = x
	default:
		t.Fatalf("money is %T %v, want a number or a string", v, v)
	}
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		t.Fatalf("money %q: %v", s, err)
	}
	return n
}

func num(t testing.TB, v any) int64 {
	t.Helper()
	n, ok := v.(json.Number)
	if !ok {
		t.Fatalf("%v is %T, want a JSON number", v, v)
	}
	i, err := n.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func errorMessage(t testing.TB, w *httptest.ResponseRecorder) string {
	t.Helper()
	return decode[map[string]any](t, w)["error"].(string)
}

func userQuery(u User) string {
	return "user_email=" + u.Email + "&user_birthdate=" + u.Birthdate
}

type jsonNumber = json.Number

func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not an integer", s)
	}
	return n
}

func parseTime(t testing.TB, v any) time.Time {
	t.Helper()
	s, _ := v.(string)
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("time %v: %v", v, err)
	}
	return tm
}

func urlEscape(s string) string { return url.QueryEscape(s) }

func itoa(i int) string { return strconv.Itoa(i) }

type responseRecorder = httptest.ResponseRecorder

// url0 keeps a fuzzed query usable as a request target: httptest.NewRequest
// panics on what no client could send (spaces, control characters, '#').
func url0(q string) string {
	var b strings.Builder
	for _, r := range q {
		if r <= ' ' || r == 0x7f || r == '#' || r > 0x7e {
			b.WriteString(url.QueryEscape(string(r)))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
