package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/sandbox"
)

// projectsPage returns a real 100-project page as the sandbox serves it.
func projectsPage(b testing.TB) []byte {
	b.Helper()
	h := sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }})
	req := httptest.NewRequest(http.MethodGet, "/projects?per_page=100", nil)
	req.Header.Set("Authorization", "Token token="+testKey)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("sandbox: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

func BenchmarkDecodeProjectsPage(b *testing.B) {
	page := projectsPage(b)
	decoders := []struct {
		name   string
		decode func([]byte) ([]api.Project, error)
	}{
		// What the client does with a page.
		{"client", api.DecodeProjectsForTest},
		// encoding/json splitting each object into map[string]json.RawMessage,
		// then the same tolerant per-field rules (issue 10's alternative).
		{"rawmessage", api.DecodeProjectsRawMessageForTest},
		// What a caller gets from encoding/json with the same types.
		{"encoding-json", func(b []byte) ([]api.Project, error) {
			var ps []api.Project
			err := json.Unmarshal(b, &ps)
			return ps, err
		}},
	}
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if ps, err := d.decode(page); err != nil || len(ps) != 100 {
					b.Fatalf("%d projects, %v", len(ps), err)
				}
			}
		})
	}
}

// TestRawMessageDecoderAgrees keeps the benchmark honest: both decoders give
// the same projects from a real page.
func TestRawMessageDecoderAgrees(t *testing.T) {
	page := projectsPage(t)
	want, err := api.DecodeProjectsForTest(page)
	if err != nil {
		t.Fatal(err)
	}
	got, err := api.DecodeProjectsRawMessageForTest(page)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("the RawMessage decoder differs: %v", err)
	}
}

func BenchmarkWalkAllProjects(b *testing.B) {
	for _, perPage := range []int{20, 100} {
		b.Run("per_page="+strconv.Itoa(perPage), func(b *testing.B) {
			srv := httptest.NewServer(sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }}))
			defer srv.Close()
			c, err := api.New(api.Config{BaseURL: srv.URL, Key: testKey})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var items int
			for b.Loop() {
				items = 0
				for p, err := range c.ProjectPages(context.Background(), api.ProjectQuery{PerPage: perPage}) {
					if err != nil {
						b.Fatal(err)
					}
					items += len(p.Items)
				}
			}
			b.ReportMetric(float64(items), "projects")
		})
	}
}

// BenchmarkWalkWithLatency walks the sandbox's pledges of its largest demo
// user at 50 ms a request, one page at a time and in parallel: the time a
// person waits for --all. The floor is two round trips (the first page,
// then the others together).
func BenchmarkWalkWithLatency(b *testing.B) {
	var user api.User
	for _, u := range sandbox.DemoUsers() {
		if strings.Contains(u.Description, "420 pledges") {
			user = api.User{Email: u.Email, Birthdate: u.Birthdate}
		}
	}
	if user.Email == "" {
		b.Fatal("no sandbox user with 420 pledges")
	}
	srv := httptest.NewServer(sandbox.NewHandler(sandbox.Options{Key: testKey, Latency: 50 * time.Millisecond, Now: func() time.Time { return fixedNow }}))
	defer srv.Close()
	for _, conc := range []int{1, 4} {
		b.Run("concurrency="+strconv.Itoa(conc), func(b *testing.B) {
			c, err := api.New(api.Config{BaseURL: srv.URL, Key: testKey, HTTPClient: api.NewHTTPClient(), Concurrency: conc})
			if err != nil {
				b.Fatal(err)
			}
			var items int
			for b.Loop() {
				items = 0
				for p, err := range c.PledgePages(context.Background(), user, 100) {
					if err != nil {
						b.Fatal(err)
					}
					items += len(p.Items)
				}
			}
			b.ReportMetric(float64(items), "pledges")
		})
	}
}
