package cache

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

const host = "api.miimosa.com"

var query = api.ProjectQuery{Order: "populars", Category: "apiculture", Type: "lending", Region: "84", Keyword: "ruches"}

// clock is a settable time for Options.Now, safe across goroutines.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newStore is a store in a fresh directory named as Dir would name it.
func newStore(t testing.TB, o Options) (*Store, *clock) {
	t.Helper()
	c := newClock()
	if o.Now == nil {
		o.Now = c.Now
	}
	return New(filepath.Join(t.TempDir(), "miimosa"), o), c
}

// entryPath is where s keeps the entry for host and q.
func entryPath(t testing.TB, s *Store, h string, q api.ProjectQuery) string {
	t.Helper()
	key, err := keyOf(h, q)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(s.entriesDir(), fileName(key))
}

// serverBody is a list item as a server sends it, unknown fields and
// insignificant spaces included.
const serverBody = `{"id": 42, "title": "Ruches en Ardèche <bio> & co", "slug": "ruches", "url": "https://www.miimosa.com/fr/projects/ruches",
  "image_url": "https://img.example/r.jpg", "description": "Des abeilles", "long_description": "Ligne 1\nLigne 2",
  "status": "in_progress", "collect_type": "lending", "category": "apiculture",
  "region": {"code": "84", "name": "Auvergne-Rhône-Alpes"}, "department": "07", "city": "Privas",
  "owner": {"first_name": "Élodie", "last_name": "Martin", "farm": {"name": "Les Ruchers", "hives": [1, 2, 3]}},
  "target": "15000.00", "collected": 1234.5, "backers_count": "17",
  "interest_rate": "4.50", "duration_months": 36, "repayment_frequency": "monthly",
  "published_at": "2026-10-01T08:00:00.123456789+02:00", "ends_at": "2026-12-15",
  "rewards": [{"amount": 25, "description": "Un pot", "stock": 10}],
  "video_url": "https://example.com/v", "tags": ["bio", "miel"], "score": 12345678901234567890123,
  "ratio": 0.1, "nested": {"a": [true, null, {"b": "é\u00e9\n"}]}, "rating": null, "collected": 1234.5}`

func decodedProject(t testing.TB) api.Project {
	t.Helper()
	var p api.Project
	if err := json.Unmarshal([]byte(serverBody), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Extra) < 5 || len(p.Owner.Extra) != 1 || len(p.Rewards[0].Extra) != 1 {
		t.Fatalf("the body's unknown fields did not reach Extra: %v %v", p.Extra, p.Owner.Extra)
	}
	return p
}

// richProject sets every field of a project, with values at the edges:
// the largest amounts, a negative one, an unknown one in another currency,
// a rate with many decimals, times in another offset and date-only.
func richProject(id int64) api.Project {
	paris := time.FixedZone("", 2*3600)
	return api.Project{
		ID: id, Title: fmt.Sprintf("Projet « %d » — 漢字 \x1b[31m", id), Slug: fmt.Sprintf("projet-%d", id),
		URL: "https://www.miimosa.com/fr/projects/x?a=1&b=<2>", ImageURL: "https://img.example/x.jpg",
		Description: "Une ligne", LongDescription: "Ligne 1\nLigne 2\ttab",
		Status: "in_progress", CollectType: "lending", Category: "apiculture",
		Region: api.Region{Code: "84", Name: "Auvergne-Rhône-Alpes"}, Department: "2A", City: "Ajaccio",
		Owner:        api.Person{FirstName: "Élodie", LastName: "Martin", Extra: api.Extra{"farm": json.RawMessage(`{"name":"Les Ruchers"}`)}},
		Target:       api.Money{Cents: 1<<63 - 1, Currency: "EUR", Valid: true},
		Collected:    api.Money{Cents: -5, Currency: "CHF", Valid: true},
		BackersCount: api.Int{Value: 17, Valid: true}, DurationMonths: api.Int{},
		InterestRate:       api.Decimal{Value: 4_123456789012345678, Scale: 18, Valid: true},
		RepaymentFrequency: "quarterly",
		PublishedAt:        api.Time{Time: time.Date(2026, 10, 1, 8, 0, 0, 123456789, paris), Valid: true},
		EndsAt:             api.Time{Time: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC), DateOnly: true, Valid: true},
		Rewards: []api.Reward{
			{Amount: api.Money{Cents: 2500, Currency: "EUR", Valid: true}, Description: "Un pot", Extra: api.Extra{"stock": json.RawMessage(`10`)}},
			{Amount: api.Money{Currency: "EUR"}, Description: "Rien"},
		},
		Extra: api.Extra{
			"video_url": json.RawMessage(`"https://example.com/v"`),
			"score":     json.RawMessage(`12345678901234567890123`),
			"html":      json.RawMessage(`"<b>&amp;</b>"`),
			"list":      json.RawMessage(`[1,"deux",{"trois":null}]`),
		},
	}
}

// projects are n projects as a list page holds them, with descriptions of
// a realistic length.
func projects(n int) []api.Project {
	out := make([]api.Project, n)
	for i := range out {
		p := richProject(int64(i + 1))
		p.Description = strings.Repeat("Des abeilles et du miel en Ardèche. ", 8)
		p.LongDescription, p.Rewards = "", nil // detail only
		out[i] = p
	}
	return out
}

// comparable rewrites what the cache may change without a difference a
// person could see: a Time's location pointer (its instant and offset are
// compared through their RFC 3339 text) and the insignificant spaces of
// raw JSON.
func comparable(p api.Project) api.Project {
	p.PublishedAt = comparableTime(p.PublishedAt)
	p.EndsAt = comparableTime(p.EndsAt)
	p.Extra = compactExtra(p.Extra)
	p.Owner.Extra = compactExtra(p.Owner.Extra)
	if p.Rewards != nil {
		rs := make([]api.Reward, len(p.Rewards))
		for i, r := range p.Rewards {
			r.Extra = compactExtra(r.Extra)
			rs[i] = r
		}
		p.Rewards = rs
	}
	return p
}

func comparableTime(t api.Time) api.Time {
	t.Time = time.Unix(t.Unix(), int64(t.Nanosecond())).UTC()
	return t
}

func compactExtra(e api.Extra) api.Extra {
	if e == nil {
		return nil
	}
	out := api.Extra{}
	for k, v := range e {
		var b bytes.Buffer
		if err := json.Compact(&b, v); err != nil {
			out[k] = v
			continue
		}
		out[k] = b.Bytes()
	}
	return out
}

// sameProjects fails unless got is want, field for field.
func sameProjects(t testing.TB, got, want []api.Project) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d projects, want %d", len(got), len(want))
	}
	for i := range want {
		if g, w := comparable(got[i]), comparable(want[i]); !reflect.DeepEqual(g, w) {
			t.Fatalf("project %d differs:\n got %#v\nwant %#v", i, g, w)
		}
		for _, pair := range [][2]api.Time{{got[i].PublishedAt, want[i].PublishedAt}, {got[i].EndsAt, want[i].EndsAt}} {
			if g, w := pair[0].Format(time.RFC3339Nano), pair[1].Format(time.RFC3339Nano); g != w {
				t.Fatalf("project %d: time %s, want %s (instant and offset)", i, g, w)
			}
		}
	}
}

func mustSave(t testing.TB, s *Store, h string, q api.ProjectQuery, items []api.Project, total api.Int) {
	t.Helper()
	if err := s.Save(h, q, items, total); err != nil {
		t.Fatal(err)
	}
}

func mustLoad(t testing.TB, s *Store, h string, q api.ProjectQuery) Entry {
	t.Helper()
	e, ok, err := s.Load(h, q)
	if !ok || err != nil {
		t.Fatalf("Load: ok %v, err %v; want the saved entry", ok, err)
	}
	return e
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
