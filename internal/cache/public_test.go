package cache

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
)

// What the store accepts is public project data and nothing else: every
// parameter of every exported method is one of these types. A method that
// took a pledge, a wallet or a user would fail here.
func TestTheAPITakesOnlyPublicProjectData(t *testing.T) {
	allowed := map[reflect.Type]bool{
		reflect.TypeFor[string]():           true, // the API host
		reflect.TypeFor[api.ProjectQuery](): true,
		reflect.TypeFor[[]api.Project]():    true,
		reflect.TypeFor[api.Int]():          true, // the list's total
	}
	st := reflect.TypeFor[*Store]()
	for i := range st.NumMethod() {
		m := st.Method(i)
		for j := 1; j < m.Type.NumIn(); j++ { // 0 is the receiver
			if in := m.Type.In(j); !allowed[in] {
				t.Errorf("(*Store).%s takes a %s: the cache may only be given public project data", m.Name, in)
			}
		}
	}
	// The package-level functions take a directory, a getenv and Options.
	for _, f := range []any{New, Open, Dir} {
		ft := reflect.TypeOf(f)
		for j := range ft.NumIn() {
			switch in := ft.In(j); in {
			case reflect.TypeFor[string](), reflect.TypeFor[func(string) string](), reflect.TypeFor[Options]():
			default:
				t.Errorf("%s takes a %s", ft, in)
			}
		}
	}
}

// Nothing in a project, as the API types have it, is personal data: were
// an email or a birthdate added to api.Project, this fails, and the cache
// would have to leave it out.
func TestAProjectHoldsNoPersonalField(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			if personalName(f.Name) || strings.EqualFold(f.Name, "key") || strings.EqualFold(f.Name, "birthdate") {
				t.Errorf("%s.%s looks personal", path, f.Name)
			}
			walk(path+"."+f.Name, f.Type)
		}
	}
	walk("Project", reflect.TypeFor[api.Project]())
	if len(seen) < 5 {
		t.Fatalf("walked %d types: the walk did not reach the nested ones", len(seen))
	}
}

func TestPersonalKeywordsAreNeitherSavedNorLookedUp(t *testing.T) {
	personal := []string{
		"jean-pierre.moreau@example.com", "@moreau", "09/01/1958", "1958-01-09", "9.1.58", " 27 / 11 / 1980 ",
		"19580109", "06 12 34 56 78", "+33612345678", "FR76 3000 6000 0112 3456 7890 189",
	}
	s, _ := newStore(t, Options{})
	for _, kw := range personal {
		if err := s.Save(host, api.ProjectQuery{Keyword: kw}, []api.Project{richProject(1)}, api.Int{}); !errors.Is(err, ErrPersonal) {
			t.Errorf("Save(%q) = %v, want ErrPersonal", kw, err)
		}
		if _, ok, err := s.Load(host, api.ProjectQuery{Keyword: kw}); ok || !errors.Is(err, ErrPersonal) {
			t.Errorf("Load(%q) = %v, %v; want ErrPersonal", kw, ok, err)
		}
	}
	if _, err := os.Stat(s.Dir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("something was written: %v", err)
	}
	// Searches with numbers in them are still cached.
	for _, kw := range []string{"ruches 2024", "bio 13", "Ain (01)", "2 hectares", "vergers 1 2 3", "été 2026"} {
		mustSave(t, s, host, api.ProjectQuery{Keyword: kw}, []api.Project{richProject(1)}, api.Int{})
		mustLoad(t, s, host, api.ProjectQuery{Keyword: kw})
	}
}

// A server that put an owner's contact in a project's unknown fields does
// not get it written: the field is left out, the rest is kept.
func TestPersonalUnknownFieldsAreLeftOut(t *testing.T) {
	p := richProject(1)
	p.Extra = api.Extra{
		"contact_email": json.RawMessage(`"someone@example.com"`),
		"Owner_Phone":   json.RawMessage(`"0612345678"`),
		"birthDate":     json.RawMessage(`"1958-01-09"`),
		"contact":       json.RawMessage(`{"name": "Jean", "details": [{"mobile": "0612345678"}]}`),
		"note":          json.RawMessage(`"écrire à jean.moreau@example.com"`),
		"api_token":     json.RawMessage(`"sk_live_abc"`),
		"harvest_date":  json.RawMessage(`"2026-09-01"`),
		"medium":        json.RawMessage(`"https://medium.com/@ferme"`),
	}
	p.Owner.Extra = api.Extra{"email": json.RawMessage(`"x@y.fr"`), "farm": json.RawMessage(`"Les Ruchers"`)}
	p.Rewards[0].Extra = api.Extra{"iban": json.RawMessage(`"FR76..."`), "stock": json.RawMessage(`3`)}
	s, _ := newStore(t, Options{})
	mustSave(t, s, host, query, []api.Project{p}, api.Int{})

	got := mustLoad(t, s, host, query).Items[0]
	if len(got.Extra) != 2 || got.Extra["harvest_date"] == nil || got.Extra["medium"] == nil {
		t.Errorf("Extra = %s, want harvest_date and medium only", keys(got.Extra))
	}
	if len(got.Owner.Extra) != 1 || got.Owner.Extra["farm"] == nil || len(got.Rewards[0].Extra) != 1 {
		t.Errorf("owner %s, reward %s", keys(got.Owner.Extra), keys(got.Rewards[0].Extra))
	}
	// The project given to Save is not changed.
	if len(p.Extra) != 8 || len(p.Owner.Extra) != 2 {
		t.Error("Save changed the caller's project")
	}
	err := filepath.WalkDir(s.Dir(), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		for _, needle := range []string{"example.com", "x@y.fr", "0612345678", "1958", "sk_live", "FR76"} {
			if strings.Contains(string(data), needle) {
				t.Errorf("%s holds %q", path, needle)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func keys(e api.Extra) []string {
	var out []string
	for k := range e {
		out = append(out, k)
	}
	return out
}
