package cache

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/miimosa/miimosa/api"
)

// FuzzLoad: whatever bytes are in the file, Load never panics, says ok
// only for an entry that passes every check (checked here again, on the
// bytes themselves), and what it gives back saves and loads unchanged.
func FuzzLoad(f *testing.F) {
	dir := f.TempDir()
	seed := New(filepath.Join(dir, "seed"), Options{})
	mustSave(f, seed, host, query, []api.Project{richProject(1), decodedProject(f), {}}, api.Int{Value: 3, Valid: true})
	good, err := os.ReadFile(entryPath(f, seed, host, query))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(bytes.Replace(good, []byte(`"version":1`), []byte(`"version":2`), 1))
	f.Add(bytes.Replace(good, []byte(`"cents":`), []byte(`"cents":"`), 1))
	f.Add(bytes.Replace(good, []byte(`"currency":"EUR"`), []byte(`"currency":"E\u001bR"`), 1))
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`{}`))
	f.Add([]byte("\x00\x01\xff"))

	key, err := keyOf(host, query)
	if err != nil {
		f.Fatal(err)
	}
	s := New(filepath.Join(dir, "fuzz"), Options{})
	path := entryPath(f, s, host, query)
	check := New(filepath.Join(dir, "check"), Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		writeFile(t, path, data)
		e, ok, err := s.Load(host, query)
		if ok == (err != nil) {
			t.Fatalf("ok %v with err %v: a file is there, so one or the other", ok, err)
		}
		if !ok {
			var ce *Error
			if !errors.As(err, &ce) || ce.Path != path {
				t.Fatalf("err %v is not an *Error naming the file", err)
			}
			return
		}
		validFile(t, data, key)
		if len(e.Items) > DefaultMaxItems || (e.Total.Valid && e.Total.Value < 0) || e.FetchedAt.IsZero() {
			t.Fatalf("loaded an entry that breaks the bounds: %d items, total %+v, at %v", len(e.Items), e.Total, e.FetchedAt)
		}
		mustSave(t, check, host, query, e.Items, e.Total)
		sameProjects(t, mustLoad(t, check, host, query).Items, e.Items)
	})
}

var currencyText = regexp.MustCompile(`^([A-Z]{3})?$`)

// validFile checks, without the package's decoder, what a file that
// loads must be.
func validFile(t *testing.T, data []byte, key string) {
	t.Helper()
	if !json.Valid(data) {
		t.Fatal("loaded a file that is not JSON")
	}
	var f map[string]json.RawMessage
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("loaded a file that is not an object: %v", err)
	}
	var version int
	var k, at string
	var items []map[string]json.RawMessage
	if json.Unmarshal(f["version"], &version) != nil || version != FormatVersion {
		t.Fatalf("loaded version %s", f["version"])
	}
	if json.Unmarshal(f["key"], &k) != nil || k != key {
		t.Fatalf("loaded the file of key %s", f["key"])
	}
	if json.Unmarshal(f["fetched_at"], &at) != nil {
		t.Fatalf("loaded fetched_at %s", f["fetched_at"])
	}
	if _, err := time.Parse(time.RFC3339Nano, at); err != nil {
		t.Fatalf("loaded fetched_at %q", at)
	}
	if err := json.Unmarshal(f["items"], &items); err != nil && string(f["items"]) != "null" {
		t.Fatalf("loaded items %s", f["items"])
	}
	for i, it := range items {
		for _, m := range []string{"target", "collected"} {
			var money struct{ Currency string }
			if json.Unmarshal(it[m], &money) == nil && !currencyText.MatchString(money.Currency) {
				t.Fatalf("item %d: loaded currency %q", i, money.Currency)
			}
		}
		var rate struct{ Scale int }
		if json.Unmarshal(it["interest_rate"], &rate) == nil && (rate.Scale < 0 || rate.Scale > maxScale) {
			t.Fatalf("item %d: loaded scale %d", i, rate.Scale)
		}
	}
}

// FuzzRoundTrip: a project Save accepts comes back from Load as it was
// (less the unknown fields that look personal); one it refuses leaves no
// file.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Ruches", "desc", "video_url", []byte(`"https://x"`), int64(150000), "EUR", int64(45), 1, int64(1790000000), int64(123), 120, false, "ruches")
	f.Add("\x1b]8;;x\x07", "", "contact", []byte(`{"email":"a@b.fr"}`), int64(-1<<63), "", int64(1<<63-1), 18, int64(-62135596800), int64(0), 0, true, "")
	f.Add("é", "\u202e", "n", []byte(` [1, 2 ] `), int64(0), "chf", int64(0), 19, int64(253402300800), int64(5), 3601, false, "a@b")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, title, desc, extraKey string, extraVal []byte, cents int64, currency string,
		rate int64, scale int, sec, nsec int64, offsetSec int, dateOnly bool, kw string) {
		if !utf8.ValidString(title) || !utf8.ValidString(desc) || !utf8.ValidString(extraKey) || !utf8.ValidString(currency) {
			t.Skip("JSON strings are UTF-8, and so is all the API decoder gives")
		}
		at := time.Unix(sec, nsec%1e9).In(time.FixedZone("", offsetSec))
		p := api.Project{
			ID: sec, Title: title, Description: desc,
			Target:       api.Money{Cents: cents, Currency: currency, Valid: cents%2 == 0},
			InterestRate: api.Decimal{Value: rate, Scale: scale, Valid: true},
			EndsAt:       api.Time{Time: at, DateOnly: dateOnly, Valid: true},
		}
		if json.Valid(extraVal) {
			p.Extra = api.Extra{extraKey: extraVal}
		}
		q := api.ProjectQuery{Order: "recent", Keyword: kw}
		s := New(filepath.Join(dir, "rt"), Options{})
		if err := s.Clear(); err != nil {
			t.Fatal(err)
		}
		err := s.Save(host, q, []api.Project{p}, api.Int{Value: sec & 0xffff, Valid: true})
		if err != nil {
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrPersonal) {
				t.Fatalf("Save = %v, want a refusal of the project or the keyword", err)
			}
			if _, statErr := os.Stat(filepath.Join(s.Dir(), projectsDir)); !errors.Is(statErr, os.ErrNotExist) {
				t.Fatalf("Save refused (%v) yet wrote: %v", err, statErr)
			}
			return
		}
		e := mustLoad(t, s, host, q)
		want := p
		want.Extra = publicExtra(p.Extra)
		sameProjects(t, e.Items, []api.Project{want})
	})
}
