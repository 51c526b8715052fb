package cli

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// firstProjectID is the id of the first project the filters list.
func firstProjectID(t *testing.T, env map[string]string, filters ...string) string {
	t.Helper()
	args := append([]string{"projects", "--limit", "1", "--format", "csv"}, filters...)
	r := run(t, env, args...).expectCode(t, ExitOK)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("no project for %v: %v %q", filters, err, r.stdout)
	}
	return rows[1][0]
}

func TestProjectGolden(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	donation := firstProjectID(t, env, "--type", "donation")
	lending := firstProjectID(t, env, "--type", "lending", "--order", "in_progress")
	runGoldenCases(t, ts.URL, []goldenCase{
		{"project_donation_table", nil, []string{"project", donation}},
		{"project_lending_table", nil, []string{"project", lending}},
		{"project_lending_table_fr", french, []string{"project", lending}},
		{"project_donation_json", nil, []string{"project", donation, "--format", "json"}},
		{"project_lending_json", nil, []string{"project", lending, "--format", "json"}},
	})
}

func TestProjectDetailJSON(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	id := firstProjectID(t, env, "--type", "donation")
	r := run(t, env, "project", id, "--format", "json").expectCode(t, ExitOK)
	var p map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil {
		t.Fatalf("not a JSON object: %v", err)
	}
	if _, ok := p["long_description"].(string); !ok {
		t.Errorf("long_description: %v", p["long_description"])
	}
	rewards, ok := p["rewards"].([]any)
	if !ok || len(rewards) == 0 {
		t.Fatalf("a donation's rewards: %v", p["rewards"])
	}
	if amount, ok := rewards[0].(map[string]any)["amount"].(string); !ok || !strings.Contains(amount, ".") {
		t.Errorf("reward amount is not a decimal string: %v", rewards[0])
	}
	for _, k := range []string{"target", "collected"} {
		if s, ok := p[k].(string); !ok || s == "" {
			t.Errorf("%s is not a decimal string: %v", k, p[k])
		}
	}
}

// At any width, the page's URL stays whole, so that it can be copied.
func TestProjectURLNotWrapped(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	id := firstProjectID(t, env)
	r := run(t, env, "project", id, "--format", "json").expectCode(t, ExitOK)
	var p struct{ URL string }
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil || p.URL == "" {
		t.Fatalf("no URL: %v", err)
	}
	env["COLUMNS"] = "40"
	r = run(t, env, "project", id).expectCode(t, ExitOK)
	if !strings.Contains(r.stdout, p.URL) {
		t.Errorf("URL %s cut in:\n%s", p.URL, r.stdout)
	}
}

// Fields the client does not know are shown, not hidden.
func TestProjectShowsUnknownFields(t *testing.T) {
	body := `{"id": 12, "title": "Verger", "collect_type": "donation", "status": "success",
		"target": "500.00", "collected": "612.50", "tractor_model": "Fendt 211", "certified": {"bio": true}}`
	srv := newStaticServer(t, 200, map[string]string{"Content-Type": "application/json"}, body)
	r := run(t, testEnv(t, srv.URL), "project", "12").expectCode(t, ExitOK)
	for _, want := range []string{"tractor_model", "Fendt 211", "certified", `{"bio":true}`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
	r = run(t, testEnv(t, srv.URL), "project", "12", "--format", "json").expectCode(t, ExitOK)
	var p struct {
		Extra map[string]json.RawMessage `json:"extra"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil || string(p.Extra["tractor_model"]) != `"Fendt 211"` {
		t.Errorf("extra in JSON: %v %s", err, r.stdout)
	}
}

func TestProjectErrors(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	run(t, env, "project", "999999").expectCode(t, ExitNotFound).expectOneLineError(t, "999999", "miimosa projects")
	run(t, env, "project", "abc").expectCode(t, ExitUsage).expectOneLineError(t, `"abc"`)
	run(t, env, "project", "-5").expectCode(t, ExitUsage)
	run(t, env, "project").expectCode(t, ExitUsage).expectOneLineError(t, "miimosa project 1042")
	run(t, env, "project", "1", "2").expectCode(t, ExitUsage)
	run(t, env, "project", "1", "--format", "csv").expectCode(t, ExitUsage).expectOneLineError(t, "table, json")
}

// A URL the server sends is shown only when it is http(s): a javascript: or
// file: page becomes the miimosa.com page built from the slug, or a dash.
func TestProjectUnsafeURLNotShown(t *testing.T) {
	for _, tc := range []struct{ url, slug, image, want string }{
		{"javascript:alert(1)", "verger-bio", "file:///etc/passwd", "https://www.miimosa.com/fr/projects/verger-bio"},
		{"javascript:alert(1)", "", "data:image/png;base64,AAAA", "—"},
		{"https://www.miimosa.com/fr/projects/verger", "verger-x", "", "https://www.miimosa.com/fr/projects/verger"},
	} {
		body := `{"id": 12, "title": "Verger", "collect_type": "donation", "status": "success",
			"slug": "` + tc.slug + `", "url": "` + tc.url + `", "image_url": "` + tc.image + `"}`
		srv := newStaticServer(t, 200, map[string]string{"Content-Type": "application/json"}, body)
		r := run(t, testEnv(t, srv.URL), "project", "12").expectCode(t, ExitOK)
		for _, bad := range []string{"javascript:", "file:", "data:"} {
			if strings.Contains(r.stdout, bad) {
				t.Errorf("%s shown:\n%s", bad, r.stdout)
			}
		}
		var page string
		for _, line := range strings.Split(r.stdout, "\n") {
			if rest, ok := strings.CutPrefix(line, "Web page"); ok {
				page = strings.TrimSpace(rest)
			}
		}
		if page != tc.want {
			t.Errorf("url %q slug %q: page %q, want %q\n%s", tc.url, tc.slug, page, tc.want, r.stdout)
		}
	}
}
