package sandbox

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestOtherMethodsAre405WithAllow(t *testing.T) {
	for _, tc := range []struct{ method, path, allow string }{
		{"POST", "/projects", "GET, HEAD"},
		{"DELETE", "/projects/1000", "GET, HEAD"},
		{"PUT", "/user/wallet", "GET, HEAD"},
		{"PATCH", "/user/pledges", "GET, HEAD"},
		{"GET", "/leads", "POST"},
		{"OPTIONS", "/leads", "POST"},
	} {
		w := do(shared, tc.method, tc.path, "")
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d Allow %q, want 405 Allow %q", tc.method, tc.path, w.Code, w.Header().Get("Allow"), tc.allow)
		}
	}
}

func TestHeadIsServed(t *testing.T) {
	if w := do(shared, "HEAD", "/projects", ""); w.Code != http.StatusOK || w.Header().Get("Total") == "" {
		t.Errorf("HEAD /projects: %d, Total %q", w.Code, w.Header().Get("Total"))
	}
}

func TestUnknownPathsAre404JSON(t *testing.T) {
	for _, p := range []string{"/", "/project", "/projects/1000/pledges", "/user", "/user/wallets", "/leads/1"} {
		w := get(p)
		if w.Code != http.StatusNotFound || errorMessage(t, w) != "not found" {
			t.Errorf("%s: %d %q", p, w.Code, w.Body.String())
		}
	}
	if w := get("/projects/"); w.Code != http.StatusOK {
		t.Errorf("a trailing slash is the same list: %d", w.Code)
	}
}

func TestRequestLogNamesNoKeyNoPersonalData(t *testing.T) {
	var buf bytes.Buffer
	h := NewHandler(Options{Now: fixedNow, Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	u := DemoUsers()[0]
	do(h, "GET", "/user/wallet?"+userQuery(u), "")
	do(h, "GET", "/projects", "", "Authorization", "Token token=not-the-key")
	do(h, "POST", "/leads", `{"email":"marie@example.com","firstname":"Marie","lastname":"Curie","phone":"0601020304",
		"collect_type":"donation","project_description":"Des ruches","project_total_budget":"5000",
		"publication_timeframe":"within_month","project_name":"Les ruches de Marie"}`, "Content-Type", "application/json")
	out := buf.String()
	for _, secret := range []string{DemoKey, "not-the-key", u.Email, u.Birthdate, "marie@example.com", "Curie", "0601020304"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{"method=GET", "path=/user/wallet", "status=200", "status=401", "duration=", `project_name="Les ruches de Marie"`, "id=4201"} {
		if !strings.Contains(out, want) {
			t.Errorf("the log lacks %q:\n%s", want, out)
		}
	}
}
