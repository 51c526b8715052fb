package cache

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/config"
)

func TestRoundTripKeepsEveryField(t *testing.T) {
	s, _ := newStore(t, Options{})
	items := []api.Project{richProject(1), decodedProject(t), {}, richProject(3)}
	mustSave(t, s, host, query, items, api.Int{Value: 420, Valid: true})
	e := mustLoad(t, s, host, query)
	sameProjects(t, e.Items, items)
	if e.Total != (api.Int{Value: 420, Valid: true}) {
		t.Errorf("Total = %+v, want 420", e.Total)
	}
	// What a person sees of each project, as the CLI and the panes render
	// it, is the same: amounts to the cent, rates to the last decimal.
	for i, p := range e.Items {
		w := items[i]
		if p.Target.String() != w.Target.String() || p.InterestRate.String() != w.InterestRate.String() ||
			p.Target.Currency != w.Target.Currency || p.Collected.Currency != w.Collected.Currency {
			t.Errorf("project %d: %s %s %s, want %s %s %s", i, p.Target, p.Target.Currency, p.InterestRate, w.Target, w.Target.Currency, w.InterestRate)
		}
	}
	if got := e.Items[0].InterestRate.String(); got != "4.123456789012345678" {
		t.Errorf("rate = %s", got)
	}
}

func TestRoundTripOfAServerBodyKeepsUnknownFields(t *testing.T) {
	s, _ := newStore(t, Options{})
	p := decodedProject(t)
	mustSave(t, s, host, query, []api.Project{p}, api.Int{})
	got := mustLoad(t, s, host, query).Items[0]
	sameProjects(t, []api.Project{got}, []api.Project{p})
	for _, k := range []string{"video_url", "tags", "score", "ratio", "nested", "rating"} {
		if _, ok := got.Extra[k]; !ok {
			t.Errorf("unknown field %q lost", k)
		}
	}
	// A number no float can hold comes back digit for digit.
	if string(got.Extra["score"]) != "12345678901234567890123" {
		t.Errorf("score = %s", got.Extra["score"])
	}
	if got.Owner.Extra["farm"] == nil || got.Rewards[0].Extra["stock"] == nil {
		t.Errorf("nested unknown fields lost: %v %v", got.Owner.Extra, got.Rewards[0].Extra)
	}
}

func TestEmptyListAndUnknownTotal(t *testing.T) {
	s, _ := newStore(t, Options{})
	mustSave(t, s, host, query, nil, api.Int{})
	e := mustLoad(t, s, host, query)
	if len(e.Items) != 0 || e.Total.Valid {
		t.Errorf("entry = %+v, want no projects and no total", e)
	}
}

func TestNothingSavedLoadsNothing(t *testing.T) {
	s, _ := newStore(t, Options{})
	if e, ok, err := s.Load(host, query); ok || err != nil || e.Items != nil {
		t.Errorf("Load = %+v, %v, %v; want nothing and no error", e, ok, err)
	}
}

func TestKeysKeepFilterSetsApart(t *testing.T) {
	qs := []struct {
		host string
		q    api.ProjectQuery
	}{
		{host, api.ProjectQuery{}},
		{host, api.ProjectQuery{Order: "populars"}},
		{host, api.ProjectQuery{Order: "recent"}},
		{host, api.ProjectQuery{Order: "populars", Category: "apiculture"}},
		{host, api.ProjectQuery{Order: "populars", Type: "lending"}},
		{host, api.ProjectQuery{Order: "populars", Type: "donation"}},
		{host, api.ProjectQuery{Order: "populars", Region: "84"}},
		{host, api.ProjectQuery{Order: "populars", Region: "11"}},
		{host, api.ProjectQuery{Order: "populars", Keyword: "été"}},
		{host, api.ProjectQuery{Order: "populars", Keyword: "ete"}},
		{host, api.ProjectQuery{Order: "populars", Keyword: "e\u0301te\u0301"}}, // the same letters, decomposed
		{host, api.ProjectQuery{Order: "populars", Keyword: "miel bio"}},
		{host, api.ProjectQuery{Order: "populars", Keyword: "miel  bio"}},
		{host, api.ProjectQuery{Order: "populars", Keyword: "mielbio"}},
		// A value cannot slide into its neighbour's field.
		{host, api.ProjectQuery{Category: "a", Keyword: ""}},
		{host, api.ProjectQuery{Category: "", Keyword: "a"}},
		{host, api.ProjectQuery{Category: `a","b`}},
		{host, api.ProjectQuery{Category: "a", Type: "b"}},
		{"staging.example", api.ProjectQuery{Order: "populars"}},
		{"127.0.0.1:8787", api.ProjectQuery{Order: "populars"}},
		{"127.0.0.1:8788", api.ProjectQuery{Order: "populars"}},
	}
	s, _ := newStore(t, Options{})
	for i, c := range qs {
		mustSave(t, s, c.host, c.q, []api.Project{richProject(int64(i + 1))}, api.Int{Value: int64(i), Valid: true})
	}
	for i, c := range qs {
		e := mustLoad(t, s, c.host, c.q)
		if len(e.Items) != 1 || e.Items[0].ID != int64(i+1) || e.Total.Value != int64(i) {
			t.Errorf("%s %+v: loaded the list of another query (id %d)", c.host, c.q, e.Items[0].ID)
		}
	}
}

func TestKeysIgnoreWhatTheServerIsNotAsked(t *testing.T) {
	s, _ := newStore(t, Options{})
	mustSave(t, s, host, api.ProjectQuery{Order: "populars", Keyword: "ruches"}, []api.Project{richProject(7)}, api.Int{})
	for _, c := range []struct {
		host string
		q    api.ProjectQuery
	}{
		{"API.MiiMOSA.com", api.ProjectQuery{Order: "populars", Keyword: "ruches"}},          // hosts have no case
		{host, api.ProjectQuery{Order: "populars", Keyword: "  ruches\t"}},                   // the client trims the keyword
		{host, api.ProjectQuery{Order: "populars", Keyword: "ruches", Page: 3, PerPage: 50}}, // an entry is the list's start
	} {
		if e := mustLoad(t, s, c.host, c.q); e.Items[0].ID != 7 {
			t.Errorf("%q %+v: got id %d", c.host, c.q, e.Items[0].ID)
		}
	}
}

func TestQueryTextNeverReachesTheDisk(t *testing.T) {
	s, _ := newStore(t, Options{})
	q := api.ProjectQuery{Order: "populars", Keyword: "Zyxwvutsrqp"}
	mustSave(t, s, host, q, nil, api.Int{})
	data, err := os.ReadFile(entryPath(t, s, host, q))
	if err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{"Zyxwvutsrqp", host, "populars"} {
		if strings.Contains(string(data), needle) {
			t.Errorf("the file holds %q: %s", needle, data)
		}
	}
}

func TestAge(t *testing.T) {
	s, clk := newStore(t, Options{})
	saved := clk.Now()
	mustSave(t, s, host, query, []api.Project{richProject(1)}, api.Int{})
	clk.Advance(3 * time.Minute)
	e := mustLoad(t, s, host, query)
	if !e.FetchedAt.Equal(saved) || e.FetchedAt.Location() != time.UTC {
		t.Errorf("FetchedAt = %v, want %v in UTC", e.FetchedAt, saved)
	}
	if got := e.Age(clk.Now()); got != 3*time.Minute {
		t.Errorf("Age = %v, want 3m", got)
	}
	if got := e.Age(saved.Add(-time.Hour)); got != 0 {
		t.Errorf("Age with the clock gone back = %v, want 0", got)
	}
	// Saving again stamps the new time.
	mustSave(t, s, host, query, []api.Project{richProject(1)}, api.Int{})
	if e := mustLoad(t, s, host, query); !e.FetchedAt.Equal(clk.Now()) {
		t.Errorf("after a new save FetchedAt = %v, want %v", e.FetchedAt, clk.Now())
	}
}

func TestFetchedAtKeepsSubSecondPrecisionFromTheRealClock(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "miimosa"), Options{})
	before := time.Now()
	mustSave(t, s, host, query, nil, api.Int{})
	after := time.Now()
	e := mustLoad(t, s, host, query)
	if e.FetchedAt.Before(before) || e.FetchedAt.After(after) {
		t.Errorf("FetchedAt %v not between %v and %v", e.FetchedAt, before, after)
	}
}

func TestAnEntryKeepsTheFirstMaxItems(t *testing.T) {
	s, _ := newStore(t, Options{})
	items := projects(250)
	mustSave(t, s, host, query, items, api.Int{Value: 250, Valid: true})
	e := mustLoad(t, s, host, query)
	sameProjects(t, e.Items, items[:DefaultMaxItems])
	if e.Total.Value != 250 {
		t.Errorf("Total = %v, want the server's 250", e.Total)
	}
}

func TestAnEntryTooLargeIsCutToFit(t *testing.T) {
	const limit = 40 << 10
	s, _ := newStore(t, Options{MaxBytes: limit})
	items := projects(100)
	mustSave(t, s, host, query, items, api.Int{Value: 100, Valid: true})
	path := entryPath(t, s, host, query)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > limit {
		t.Errorf("file is %d bytes, over %d", fi.Size(), limit)
	}
	e := mustLoad(t, s, host, query)
	if len(e.Items) == 0 || len(e.Items) >= 100 {
		t.Fatalf("%d projects kept, want the start of the list", len(e.Items))
	}
	sameProjects(t, e.Items, items[:len(e.Items)])
	// One more would not have fitted.
	f := fileRecord{Version: FormatVersion, Key: strings.Repeat("0", 64), FetchedAt: time.Now().UTC().Format(time.RFC3339Nano)}
	for _, p := range items[:len(e.Items)+1] {
		f.Items = append(f.Items, recordOf(p))
	}
	if data, _ := encode(&f); int64(len(data)) <= limit {
		t.Errorf("%d projects would have fitted in %d bytes; %d kept", len(f.Items), len(data), len(e.Items))
	}
}

func TestAProjectAloneTooLargeIsNotKept(t *testing.T) {
	const limit = 20 << 10
	s, _ := newStore(t, Options{MaxBytes: limit})
	mustSave(t, s, host, query, projects(2), api.Int{})
	huge := richProject(9)
	huge.Description = strings.Repeat("x", limit)
	err := s.Save(host, query, []api.Project{huge}, api.Int{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Save = %v, want ErrTooLarge", err)
	}
	// The older list is gone rather than shown as if it were the last one.
	if _, ok, err := s.Load(host, query); ok || err != nil {
		t.Errorf("Load = %v, %v; want nothing", ok, err)
	}
}

func TestSaveRefusesWhatLoadWouldRefuse(t *testing.T) {
	for name, p := range map[string]api.Project{
		"year past 9999":    {EndsAt: api.Time{Time: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Valid: true}},
		"offset of a day":   {EndsAt: api.Time{Time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 25*3600)), Valid: true}},
		"currency":          {Target: api.Money{Cents: 1, Currency: "euro", Valid: true}},
		"scale":             {InterestRate: api.Decimal{Value: 1, Scale: 19, Valid: true}},
		"extra not JSON":    {Extra: api.Extra{"x": json.RawMessage(`nope`)}},
		"reward's currency": {Rewards: []api.Reward{{Amount: api.Money{Currency: "\x1b[31"}}}},
	} {
		t.Run(name, func(t *testing.T) {
			s, _ := newStore(t, Options{})
			if err := s.Save(host, query, []api.Project{p}, api.Int{}); !errors.Is(err, ErrInvalid) {
				t.Errorf("Save = %v, want ErrInvalid", err)
			}
			if _, err := os.Stat(entryPath(t, s, host, query)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a file was written: %v", err)
			}
		})
	}
	s, _ := newStore(t, Options{})
	if err := s.Save(host, query, nil, api.Int{Value: -1, Valid: true}); !errors.Is(err, ErrInvalid) {
		t.Errorf("negative total: Save = %v, want ErrInvalid", err)
	}
	if err := s.Save(" ", query, nil, api.Int{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("no host: Save = %v, want ErrInvalid", err)
	}
	if _, ok, err := s.Load("", query); ok || !errors.Is(err, ErrInvalid) {
		t.Errorf("no host: Load = %v, %v; want ErrInvalid", ok, err)
	}
}

func TestDisabledAndNilStoresDoNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "miimosa")
	for name, s := range map[string]*Store{"nil": nil, "disabled": New(dir, Options{Disabled: true}), "no dir": New("", Options{})} {
		t.Run(name, func(t *testing.T) {
			if err := s.Save(host, query, []api.Project{richProject(1)}, api.Int{}); err != nil {
				t.Errorf("Save = %v", err)
			}
			if _, ok, err := s.Load(host, query); ok || err != nil {
				t.Errorf("Load = %v, %v; want nothing", ok, err)
			}
			if err := s.Clear(); err != nil {
				t.Errorf("Clear = %v", err)
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the cache directory was created: %v", err)
			}
		})
	}
	// A disabled store does not even read what an enabled one saved.
	mustSave(t, New(dir, Options{}), host, query, nil, api.Int{})
	if _, ok, _ := New(dir, Options{Disabled: true}).Load(host, query); ok {
		t.Error("a disabled store loaded an entry")
	}
	if got := (*Store)(nil).Dir(); got != "" {
		t.Errorf("nil Dir = %q", got)
	}
}

func TestClearRemovesEveryEntryAndNothingElse(t *testing.T) {
	s, _ := newStore(t, Options{})
	for _, kw := range []string{"a", "b", "c"} {
		mustSave(t, s, host, api.ProjectQuery{Keyword: kw}, projects(3), api.Int{})
	}
	temp := filepath.Join(s.entriesDir(), "."+fileName(strings.Repeat("a", 64))+".123.tmp")
	writeFile(t, temp, []byte("half"))
	if err := s.Clear(); err != nil {
		t.Fatal(err)
	}
	for _, kw := range []string{"a", "b", "c"} {
		if _, ok, err := s.Load(host, api.ProjectQuery{Keyword: kw}); ok || err != nil {
			t.Errorf("after Clear, Load(%q) = %v, %v", kw, ok, err)
		}
	}
	if _, err := os.Stat(s.Dir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the emptied cache directory is still there: %v", err)
	}
	if err := s.Clear(); err != nil {
		t.Errorf("Clear with nothing to clear = %v", err)
	}

	// Files the cache did not write stay, and so does their directory.
	mustSave(t, s, host, query, nil, api.Int{})
	mine := filepath.Join(s.entriesDir(), "notes.txt")
	other := filepath.Join(s.Dir(), "other-tool.db")
	writeFile(t, mine, []byte("keep"))
	writeFile(t, other, []byte("keep"))
	if err := s.Clear(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{mine, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("Clear removed %s: %v", p, err)
		}
	}
	if _, ok, _ := s.Load(host, query); ok {
		t.Error("the entry survived Clear")
	}
}

func TestDirIsTheUsersCacheDirectory(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, m := range []map[string]string{
		{"HOME": "/home/ana"},
		{"HOME": "/home/ana", "XDG_CACHE_HOME": "/var/cache/ana"},
	} {
		got, err := Dir(env(m))
		want, werr := config.CacheDir(env(m))
		if err != nil || werr != nil || got != want {
			t.Errorf("Dir = %q, %v; want %q", got, err, want)
		}
	}
	s, err := Open(env(map[string]string{"XDG_CACHE_HOME": t.TempDir()}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, host, query, nil, api.Int{})
	if _, err := os.Stat(filepath.Join(s.Dir(), projectsDir)); err != nil || filepath.Base(s.Dir()) != "miimosa" {
		t.Errorf("entries not under %s: %v", s.Dir(), err)
	}
	if _, err := Open(env(nil), Options{}); err == nil {
		t.Error("Open without HOME: no error")
	}
}

func TestErrorsNameTheFileAndNothingTyped(t *testing.T) {
	s, _ := newStore(t, Options{})
	path := entryPath(t, s, host, query)
	writeFile(t, path, []byte("{"))
	_, _, err := s.Load(host, query)
	var ce *Error
	if !errors.As(err, &ce) || ce.Path != path || !strings.Contains(err.Error(), path) || !errors.Is(err, ErrCorrupt) {
		t.Errorf("err = %v, want a corrupt *Error naming %s", err, path)
	}
	for _, kw := range []string{"jean.moreau@example.com", "09/01/1958"} {
		err := s.Save(host, api.ProjectQuery{Keyword: kw}, nil, api.Int{})
		if !errors.Is(err, ErrPersonal) || strings.Contains(err.Error(), kw) {
			t.Errorf("Save(%q) = %v, want ErrPersonal without the keyword", kw, err)
		}
	}
}
