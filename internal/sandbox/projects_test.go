package sandbox

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestProjectFiltersCombine(t *testing.T) {
	all := list(t, "/projects?category=viticulture&per_page=100")
	lending := list(t, "/projects?category=viticulture&type=lending&per_page=100")
	if len(lending) == 0 || len(lending) >= len(all) {
		t.Fatalf("viticulture+lending: %d items, viticulture alone %d: want fewer but some", len(lending), len(all))
	}
	code := lending[0]["region"].(map[string]any)["code"].(string)
	items := list(t, "/projects?category=viticulture&type=lending&per_page=100&region="+code)
	if len(items) == 0 || len(items) > len(lending) {
		t.Fatalf("viticulture+lending+%s: %d items, without the region %d", code, len(items), len(lending))
	}
	for _, p := range items {
		region := p["region"].(map[string]any)
		if p["category"] != "viticulture" || p["collect_type"] != "lending" || region["code"] != code {
			t.Errorf("project %v does not match the filters: %v %v %v", p["id"], p["category"], p["collect_type"], region)
		}
	}
}

func TestProjectFilterTotalsAddUp(t *testing.T) {
	total := get("/projects").Header().Get("Total")
	sum := 0
	for _, c := range categories {
		w := get("/projects?category=" + c)
		n := atoi(t, w.Header().Get("Total"))
		if n == 0 {
			t.Errorf("category %s has no project", c)
		}
		sum += n
	}
	if want := atoi(t, total); sum != want {
		t.Errorf("categories add up to %d, Total without filter is %d", sum, want)
	}
}

func TestUnknownFilterValueIs400NamingTheAllowedOnes(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"category=fromage", "category must be one of: apiculture, alcool, aquaculture, soft, elevage, sale, sucre, horticulture, innovation, nature, lait, viticulture"},
		{"type=equity", "type must be one of: donation, lending"},
		{"order=oldest", "order must be one of: populars, in_progress, recent"},
		{"region=99", "region must be one of: 01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94"},
		{"page=0", "page must be a positive integer"},
		{"page=abc", "page must be a positive integer"},
		{"per_page=-1", "per_page must be a positive integer (at most 100)"},
	} {
		w := get("/projects?" + tc.query)
		if w.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tc.query, w.Code)
			continue
		}
		if got := errorMessage(t, w); got != tc.want {
			t.Errorf("%s: error %q, want %q", tc.query, got, tc.want)
		}
	}
}

func TestOrders(t *testing.T) {
	t.Run("populars: most backers first", func(t *testing.T) {
		items := list(t, "/projects?order=populars&per_page=100")
		for i := 1; i < len(items); i++ {
			if num(t, items[i-1]["backers_count"]) < num(t, items[i]["backers_count"]) {
				t.Fatalf("item %d has fewer backers than item %d", i-1, i)
			}
		}
	})
	t.Run("in_progress: open collects only, soonest end first", func(t *testing.T) {
		items := list(t, "/projects?order=in_progress&per_page=100")
		if len(items) == 0 {
			t.Fatal("no project in progress")
		}
		var prev time.Time
		for _, p := range items {
			if p["status"] != "in_progress" {
				t.Errorf("project %v has status %v", p["id"], p["status"])
			}
			end := parseTime(t, p["ends_at"])
			if end.Before(prev) {
				t.Errorf("project %v ends %v, before the previous one (%v)", p["id"], end, prev)
			}
			if !end.After(today) {
				t.Errorf("project %v is in progress but ended %v", p["id"], end)
			}
			prev = end
		}
	})
	t.Run("recent and the default: newest publication first", func(t *testing.T) {
		for _, q := range []string{"order=recent&", ""} {
			items := list(t, "/projects?"+q+"per_page=100")
			for i := 1; i < len(items); i++ {
				if parseTime(t, items[i-1]["published_at"]).Before(parseTime(t, items[i]["published_at"])) {
					t.Fatalf("%q: item %d published before item %d", q, i-1, i)
				}
			}
		}
	})
}

func TestKeywordIsCaseAndAccentInsensitive(t *testing.T) {
	// Take an accented town and an accented first name from the seed, and
	// search for them with and without accents, in either case.
	var city, first string
	for _, p := range shared.data.projects {
		if city == "" && strings.ContainsAny(p.city, "éèÉô") {
			city = p.city
		}
		if first == "" && strings.ContainsAny(p.ownerFirst, "éèëï") {
			first = p.ownerFirst
		}
	}
	if city == "" || first == "" {
		t.Fatal("the seed has no accented town or first name")
	}
	for _, word := range []string{city, first, "Fermé"} {
		variants := []string{word, strings.ToUpper(word), fold(word), strings.ToUpper(fold(word))}
		want := len(list(t, "/projects?per_page=100&keyword="+urlEscape(word)))
		if want == 0 {
			t.Errorf("keyword %q finds nothing", word)
		}
		for _, v := range variants[1:] {
			if got := len(list(t, "/projects?per_page=100&keyword="+urlEscape(v))); got != want {
				t.Errorf("keyword %q finds %d projects, %q finds %d", v, got, word, want)
			}
		}
	}
	if fold("Œufs Fermé ÉLÈVE") != "oeufs ferme eleve" {
		t.Errorf("fold: %q", fold("Œufs Fermé ÉLÈVE"))
	}
	// It looks in the title, the description, the city and the owner's name.
	p := list(t, "/projects?per_page=1")[0]
	owner := p["owner"].(map[string]any)
	for _, kw := range []string{p["city"].(string), owner["last_name"].(string), strings.Fields(p["title"].(string))[2]} {
		found := false
		for _, q := range list(t, "/projects?per_page=100&keyword="+urlEscape(kw)) {
			found = found || q["id"] == p["id"]
		}
		if !found {
			t.Errorf("keyword %q does not find project %v", kw, p["id"])
		}
	}
	if items := list(t, "/projects?keyword=zzzz-nothing"); len(items) != 0 {
		t.Errorf("a keyword matching nothing found %d projects", len(items))
	}
}

func TestKeywordCombinesWithFilters(t *testing.T) {
	for _, p := range list(t, "/projects?keyword=ferme&type=donation&per_page=100") {
		if p["collect_type"] != "donation" {
			t.Errorf("project %v is %v", p["id"], p["collect_type"])
		}
	}
}

func TestProjectDetail(t *testing.T) {
	var lending, donation map[string]any
	for _, p := range list(t, "/projects?per_page=100") {
		if p["long_description"] != nil || p["rewards"] != nil {
			t.Fatalf("list item %v carries detail fields", p["id"])
		}
		switch p["collect_type"] {
		case "lending":
			lending = p
		case "donation":
			donation = p
		}
	}
	d := decode[map[string]any](t, get("/projects/"+string(donation["id"].(jsonNumber))))
	if !strings.Contains(d["long_description"].(string), "\n") {
		t.Errorf("long_description has no line break: %q", d["long_description"])
	}
	rewards, _ := d["rewards"].([]any)
	if len(rewards) == 0 {
		t.Fatal("a donation project has no rewards")
	}
	for _, r := range rewards {
		r := r.(map[string]any)
		if cents(t, r["amount"]) <= 0 || r["description"] == "" {
			t.Errorf("reward %v", r)
		}
	}
	if d["title"] != donation["title"] || d["url"] != "https://www.miimosa.com/fr/projects/"+donation["slug"].(string) {
		t.Errorf("detail disagrees with the list: %v / %v", d["title"], d["url"])
	}
	l := decode[map[string]any](t, get("/projects/"+string(lending["id"].(jsonNumber))))
	if _, has := l["rewards"]; has {
		t.Error("a lending project has rewards")
	}
	if l["interest_rate"] == nil || l["duration_months"] == nil || l["repayment_frequency"] == nil {
		t.Errorf("a lending project lacks its loan terms: %v %v %v", l["interest_rate"], l["duration_months"], l["repayment_frequency"])
	}
}

func TestProjectNotFound(t *testing.T) {
	for _, id := range []string{"999999", "0", "-1", "abc", "1e3", "99999999999999999999999"} {
		w := get("/projects/" + id)
		if w.Code != http.StatusNotFound || errorMessage(t, w) != "project not found" {
			t.Errorf("/projects/%s: %d %s", id, w.Code, w.Body.String())
		}
	}
}

// The seed mixes the forms the real API may use, so that clients are tested
// on each: money and rates as numbers and as strings, image_url null or not,
// date-times in UTC and with an offset.
func TestJSONRepresentationsVary(t *testing.T) {
	money := regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)
	seen := map[string]bool{}
	for _, p := range list(t, "/projects?per_page=100") {
		for _, field := range []string{"target", "collected", "interest_rate"} {
			switch v := p[field].(type) {
			case string:
				seen[field+" string"] = true
				if field != "interest_rate" && !money.MatchString(v) {
					t.Errorf("project %v: %s %q", p["id"], field, v)
				}
			case jsonNumber:
				seen[field+" number"] = true
			case nil:
				seen[field+" null"] = true
			}
		}
		if p["image_url"] == nil {
			seen["image_url null"] = true
		}
		if strings.HasSuffix(p["published_at"].(string), "Z") {
			seen["UTC"] = true
		} else {
			seen["offset"] = true
		}
	}
	for _, want := range []string{"target string", "target number", "collected string", "collected number",
		"interest_rate string", "interest_rate number", "interest_rate null", "image_url null", "UTC", "offset"} {
		if !seen[want] {
			t.Errorf("no project has %s", want)
		}
	}
}
