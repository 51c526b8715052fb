package sandbox

import (
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"testing"
)

func validLead() map[string]any {
	return map[string]any{
		"email": "helene.riviere@example.fr", "firstname": "Hélène", "lastname": "Rivière",
		"phone": "06 12 34 56 78", "collect_type": "lending",
		"project_description":  "Agrandir la fromagerie et construire une cave d'affinage.",
		"project_total_budget": "85000", "publication_timeframe": "next_months",
		"project_name": "La cave de la ferme du Moulin", "department": "2A", "category": "lait",
	}
}

func postLead(h http.Handler, body any) *responseRecorder {
	b, _ := json.Marshal(body)
	return do(h, "POST", "/leads", string(b), "Content-Type", "application/json")
}

func TestLeadAccepted(t *testing.T) {
	h := newTestHandler(t)
	for i, want := range []int64{4201, 4202} {
		w := postLead(h, validLead())
		if w.Code != http.StatusOK {
			t.Fatalf("status %d: %s", w.Code, w.Body.String())
		}
		got := decode[map[string]any](t, w)
		if num(t, got["id"]) != want || got["status"] != "received" {
			t.Errorf("lead %d: %v", i, got)
		}
	}
	leads := h.Leads()
	if len(leads) != 2 || leads[0].ID != 4201 || leads[0].Fields["firstname"] != "Hélène" || leads[0].Fields["department"] != "2A" {
		t.Errorf("stored leads: %+v", leads)
	}
	leads[0].Fields["firstname"] = "changed"
	if h.Leads()[0].Fields["firstname"] != "Hélène" {
		t.Error("Leads returns the stored maps, not copies")
	}
}

func TestLeadNumbersAreReadAsStrings(t *testing.T) {
	h := newTestHandler(t)
	l := validLead()
	l["project_total_budget"] = 85000.5
	l["birthdate"] = nil
	if w := postLead(h, l); w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	if got := h.Leads()[0].Fields["project_total_budget"]; got != "85000.5" {
		t.Errorf("budget stored as %q", got)
	}
}

func TestLeadValidation(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change map[string]any
		want   map[string][]string
	}{
		{"every required field blank", map[string]any{"email": "", "firstname": " ", "lastname": nil, "phone": "",
			"collect_type": "", "project_description": "", "project_total_budget": "", "publication_timeframe": ""},
			map[string][]string{"email": {msgBlank}, "firstname": {msgBlank}, "lastname": {msgBlank}, "phone": {msgBlank},
				"collect_type": {msgBlank}, "project_description": {msgBlank}, "project_total_budget": {msgBlank}, "publication_timeframe": {msgBlank}}},
		{"bad email", map[string]any{"email": "helene@"}, map[string][]string{"email": {msgInvalid}}},
		{"email without a dot in the domain", map[string]any{"email": "helene@localhost"}, map[string][]string{"email": {msgInvalid}}},
		{"enums", map[string]any{"collect_type": "equity", "publication_timeframe": "tomorrow", "category": "fromage"},
			map[string][]string{"collect_type": {msgNotIncluded}, "publication_timeframe": {msgNotIncluded}, "category": {msgNotIncluded}}},
		{"department 20", map[string]any{"department": "20"}, map[string][]string{"department": {msgInvalid}}},
		{"department 96", map[string]any{"department": "96"}, map[string][]string{"department": {msgInvalid}}},
		{"department 977", map[string]any{"department": "977"}, map[string][]string{"department": {msgInvalid}}},
		{"department 2C", map[string]any{"department": "2C"}, map[string][]string{"department": {msgInvalid}}},
		{"a field of the wrong JSON type", map[string]any{"phone": []string{"06"}, "city": map[string]any{}},
			map[string][]string{"phone": {msgInvalid}, "city": {msgInvalid}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newTestHandler(t)
			l := validLead()
			maps.Copy(l, tc.change)
			w := postLead(h, l)
			if w.Code != http.StatusBadRequest {
				t.Fatalf("status %d: %s", w.Code, w.Body.String())
			}
			var got fieldErrors
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if !maps.EqualFunc(got.Errors, tc.want, func(a, b []string) bool { return strings.Join(a, "|") == strings.Join(b, "|") }) {
				t.Errorf("errors %v, want %v", got.Errors, tc.want)
			}
			if len(h.Leads()) != 0 {
				t.Error("an invalid lead was stored")
			}
		})
	}
}

func TestLeadDepartmentsAccepted(t *testing.T) {
	h := newTestHandler(t)
	for _, d := range []string{"01", "19", "21", "2A", "2B", "95", "971", "976", ""} {
		l := validLead()
		l["department"] = d
		if w := postLead(h, l); w.Code != http.StatusOK {
			t.Errorf("department %q: %d %s", d, w.Code, w.Body.String())
		}
	}
}

func TestLeadBodyNotAnObject(t *testing.T) {
	for _, body := range []string{"", "null", "[]", `"lead"`, "{", "not json", `{"email":"a@b.fr"} {"email":"c@d.fr"}`} {
		w := do(shared, "POST", "/leads", body, "Content-Type", "application/json")
		if w.Code != http.StatusBadRequest || errorMessage(t, w) != "request body must be a JSON object" {
			t.Errorf("%q: %d %s", body, w.Code, w.Body.String())
		}
	}
}

func TestLeadBodyLimit(t *testing.T) {
	h := newTestHandler(t)
	good, _ := json.Marshal(validLead())
	// The body is built by hand: marshalling a megabyte is slow under -race.
	padded := func(n int) string {
		return string(good[:len(good)-1]) + `,"turnover":"` + strings.Repeat("9", n) + `"}`
	}
	w := do(h, "POST", "/leads", padded(maxBodyBytes), "Content-Type", "application/json")
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("a body over 1 MiB: status %d", w.Code)
	}
	if !strings.Contains(errorMessage(t, w), "1 MiB") || len(h.Leads()) != 0 {
		t.Errorf("%s, %d leads stored", w.Body.String(), len(h.Leads()))
	}
	if w := do(h, "POST", "/leads", padded(maxBodyBytes-len(good)-20), "Content-Type", "application/json"); w.Code != http.StatusOK {
		t.Errorf("a body just under 1 MiB: status %d %s", w.Code, w.Body.String())
	}
}

// FuzzLeadBody: whatever the body, the answer is 200 or a 4xx with a JSON
// error, never a 5xx or a panic.
func FuzzLeadBody(f *testing.F) {
	good, _ := json.Marshal(validLead())
	for _, s := range []string{string(good), "", "{}", "null", `{"email":1e999}`, `{"department":"2a"}`,
		`{"email":"a@b.c","phone":true}`, `{"email":"\u0000"}`, `[{"a":1}]`, `{"email":"x"}{"email":"y"}`} {
		f.Add(s)
	}
	h := NewHandler(Options{Now: fixedNow})
	f.Fuzz(func(t *testing.T, body string) {
		w := do(h, "POST", "/leads", body, "Content-Type", "application/json")
		switch {
		case w.Code == http.StatusOK:
		case w.Code == http.StatusBadRequest || w.Code == http.StatusRequestEntityTooLarge:
			var v map[string]any
			if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil || (v["error"] == nil && v["errors"] == nil) {
				t.Fatalf("%d with body %q", w.Code, w.Body.String())
			}
		default:
			t.Fatalf("status %d for body %q", w.Code, body)
		}
	})
}

// FuzzProjectsQuery: any query string gives 200 or a 400 naming the problem.
func FuzzProjectsQuery(f *testing.F) {
	for _, s := range []string{"", "page=2&per_page=3", "order=populars&category=lait", "keyword=%C3%A9", "page=-1",
		"per_page=0", "keyword=%ff%fe", "region=2A", "page=99999999999999999999", "type=lending&keyword=ferme"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		w := do(shared, "GET", "/projects?"+url0(query), "")
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("status %d for %q", w.Code, query)
		}
		var v any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("body is not JSON for %q: %v", query, err)
		}
	})
}
