package api_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

// server is an httptest server running h, counting the requests it gets.
type server struct {
	*httptest.Server
	hits atomic.Int64
}

func newServer(t *testing.T, h http.HandlerFunc) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

var lender = api.User{Email: "camille@example.org", Birthdate: "27/11/1980"}

func asError(t *testing.T, err error, kind error) *api.Error {
	t.Helper()
	var e *api.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v (%T), want an *api.Error", err, err)
	}
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
	return e
}

func TestNewChecksTheBaseURL(t *testing.T) {
	ok := []string{"", "https://api.miimosa.com", "https://api.miimosa.com/", "HTTPS://h/v1", "http://127.0.0.1:8080",
		"http://127.9.9.9", "http://localhost:1", "http://LOCALHOST", "http://[::1]:8080/"}
	for _, u := range ok {
		c, err := api.New(api.Config{BaseURL: u, Key: "k"})
		if err != nil {
			t.Errorf("New(%q): %v", u, err)
			continue
		}
		if strings.HasSuffix(c.BaseURL(), "/") {
			t.Errorf("New(%q).BaseURL() = %q keeps a trailing slash", u, c.BaseURL())
		}
	}
	bad := []string{"http://api.miimosa.com", "http://10.0.0.1", "http://127.0.0.1.nip.io", "http://localhost.example.com",
		"ftp://h", "api.miimosa.com", "https://user:pw@h", "https://h/?x=1", "https://h/#f", "mailto:a@b", "https://"}
	for _, u := range bad {
		if _, err := api.New(api.Config{BaseURL: u, Key: "k"}); !errors.Is(err, api.ErrInvalidParam) {
			t.Errorf("New(%q) = %v, want ErrInvalidParam", u, err)
		}
	}
	if c, _ := api.New(api.Config{Key: "k"}); c.BaseURL() != api.DefaultBaseURL {
		t.Errorf("default base URL = %q", c.BaseURL())
	}
}

func TestNewChecksTheKey(t *testing.T) {
	for _, k := range []string{"", "   ", "a b", "a\"b", "a\nb", "a,b"} {
		_, err := api.New(api.Config{Key: k})
		if !errors.Is(err, api.ErrInvalidParam) {
			t.Errorf("New(key %q) = %v, want ErrInvalidParam", k, err)
		}
		if err != nil && strings.TrimSpace(k) != "" && strings.Contains(err.Error(), k) {
			t.Errorf("the message repeats the key: %v", err)
		}
	}
	if _, err := api.New(api.Config{Key: " k-with-newline\n"}); err != nil {
		t.Errorf("a pasted key with surrounding space: %v", err)
	}
}

func TestRequestHeaders(t *testing.T) {
	type seen struct{ method, auth, ua, accept, ctype string }
	got := make(chan seen, 2)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		got <- seen{r.Method, r.Header.Get("Authorization"), r.Header.Get("User-Agent"), r.Header.Get("Accept"), r.Header.Get("Content-Type")}
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			_, _ = io.WriteString(w, `{"id": 1, "status": "received"}`)
			return
		}
		_, _ = io.WriteString(w, `[]`)
	})
	c, _ := newTestClient(t, s.URL, false)
	if err := c.CheckKey(context.Background()); err != nil {
		t.Fatal(err)
	}
	g := <-got
	if g.auth != "Token token="+testKey || g.ua != "miimosa-test/1.0" || g.accept != "application/json" {
		t.Errorf("GET headers: %+v", g)
	}
	if _, err := c.CreateLead(context.Background(), api.Lead{Email: "a@b.fr"}); err != nil {
		t.Fatal(err)
	}
	if g = <-got; g.method != http.MethodPost || g.ctype != "application/json" || g.auth != "Token token="+testKey {
		t.Errorf("POST headers: %+v", g)
	}
}

func TestQueryCheckedBeforeSending(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `[]`) })
	c, _ := newTestClient(t, s.URL, false)
	ctx := context.Background()
	cases := []struct {
		q    api.ProjectQuery
		want string
	}{
		{api.ProjectQuery{Order: "hot"}, "populars, in_progress, recent"},
		{api.ProjectQuery{Category: "wine"}, "apiculture"},
		{api.ProjectQuery{Type: "equity"}, "donation, lending"},
		{api.ProjectQuery{Region: "99"}, "01, 02, 03"},
		{api.ProjectQuery{PerPage: 101}, "between 1 and 100"},
		{api.ProjectQuery{PerPage: -1}, "between 1 and 100"},
		{api.ProjectQuery{Page: -2}, "pages start at 1"},
	}
	for _, cs := range cases {
		_, err := c.Projects(ctx, cs.q)
		e := asError(t, err, api.ErrInvalidParam)
		if !strings.Contains(e.Message, cs.want) {
			t.Errorf("Projects(%+v): message %q lacks %q", cs.q, e.Message, cs.want)
		}
		for page, err := range c.ProjectPages(ctx, cs.q) {
			if !errors.Is(err, api.ErrInvalidParam) || page.Items != nil {
				t.Errorf("ProjectPages(%+v) yielded %v, %v", cs.q, page, err)
			}
		}
	}
	for _, u := range []api.User{{Birthdate: "1980-11-27"}, {Email: "no-at", Birthdate: "1980-11-27"}, {Email: "a@b.fr", Birthdate: "31/02/1980"}, {Email: "a@b.fr"}} {
		_, err := c.Wallet(ctx, u)
		e := asError(t, err, api.ErrInvalidParam)
		if u.Email != "" && strings.Contains(e.Error(), u.Email) {
			t.Errorf("the message repeats the email: %v", e)
		}
		if _, err := c.Pledges(ctx, u, 0, 0); !errors.Is(err, api.ErrInvalidParam) {
			t.Errorf("Pledges(%+v) = %v", u, err)
		}
	}
	var be *api.BirthdateError
	if _, err := c.Wallet(ctx, api.User{Email: "a@b.fr", Birthdate: "31/02/1980"}); !errors.As(err, &be) || be.Reason != api.BirthdateBadDay {
		t.Errorf("an impossible birthdate: %v", err)
	}
	if _, err := c.Project(ctx, -1); !errors.Is(err, api.ErrInvalidParam) {
		t.Errorf("Project(-1) = %v", err)
	}
	if n := s.hits.Load(); n != 0 {
		t.Errorf("%d requests reached the server; invalid parameters must not be sent", n)
	}
}

func TestQuerySentAsGiven(t *testing.T) {
	got := make(chan string, 1)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		got <- r.URL.RawQuery
		_, _ = io.WriteString(w, `[]`)
	})
	c, _ := newTestClient(t, s.URL, false)
	q := api.ProjectQuery{Order: "recent", Category: "lait", Type: "lending", Region: "53", Keyword: " fromage de chèvre ", Page: 2, PerPage: 50}
	if _, err := c.Projects(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	want := "category=lait&keyword=fromage+de+ch%C3%A8vre&order=recent&page=2&per_page=50&region=53&type=lending"
	if q := <-got; q != want {
		t.Errorf("query = %s\nwant    %s", q, want)
	}
}

func TestUserParamsNormalised(t *testing.T) {
	got := make(chan string, 1)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		got <- r.URL.Query().Get("user_birthdate") + " " + r.URL.Query().Get("user_email")
		_, _ = io.WriteString(w, `{"id": 1}`)
	})
	c, _ := newTestClient(t, s.URL, false)
	if _, err := c.Wallet(context.Background(), api.User{Email: " camille@example.org ", Birthdate: "27.11.1980"}); err != nil {
		t.Fatal(err)
	}
	if g := <-got; g != "1980-11-27 camille@example.org" {
		t.Errorf("sent %q", g)
	}
}

func TestPlainText401(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Token realm="Application"`)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, "HTTP Token: Access denied.\n")
	})
	c, _ := newTestClient(t, s.URL, true)
	err := c.CheckKey(context.Background())
	e := asError(t, err, api.ErrKeyRejected)
	if e.Status != 401 || e.Message != "HTTP Token: Access denied." || e.Path != "/projects" || e.Method != "GET" {
		t.Errorf("401: %+v", e)
	}
	if n := s.hits.Load(); n != 1 {
		t.Errorf("a 401 was tried %d times; it is final", n)
	}
}

func TestHTML500(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, "<!DOCTYPE html>\n<html><head><TITLE>We're sorry, but something went wrong (500)</TITLE></head><body><h1>oops</h1></body></html>")
	})
	c, _ := newTestClient(t, s.URL, false)
	_, err := c.Project(context.Background(), 3)
	e := asError(t, err, api.ErrServer)
	if e.Status != 500 || e.Message != "We're sorry, but something went wrong (500)" || e.Path != "/projects/3" {
		t.Errorf("HTML 500: %+v", e)
	}
	if n := s.hits.Load(); n != 1 {
		t.Errorf("a 500 was tried %d times; only 502/503/504 are retried", n)
	}
}

func TestEmptyBodies(t *testing.T) {
	status := http.StatusOK
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) })
	c, _ := newTestClient(t, s.URL, false)
	ctx := context.Background()
	// An empty list body is an empty page; an empty object body is unreadable.
	if p, err := c.Projects(ctx, api.ProjectQuery{}); err != nil || len(p.Items) != 0 || p.Next != "" || p.Total.Valid {
		t.Errorf("empty list: %+v, %v", p, err)
	}
	_, err := c.Project(ctx, 1)
	asError(t, err, api.ErrDecode)
	status = http.StatusNotFound
	_, err = c.Project(ctx, 1)
	if e := asError(t, err, api.ErrNotFound); e.Resource != "project" || e.Message != "" {
		t.Errorf("empty 404: %+v", e)
	}
	status = http.StatusForbidden
	_, err = c.Wallet(ctx, lender)
	asError(t, err, api.ErrBirthdateMismatch)
}

func TestTruncatedJSON(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `[{"id": 1, "title": "Ruches \u001b[31men Ardèche", "description": "`+strings.Repeat("x", 500))
	})
	c, _ := newTestClient(t, s.URL, false)
	_, err := c.Projects(context.Background(), api.ProjectQuery{})
	e := asError(t, err, api.ErrDecode)
	if e.Excerpt == "" || len([]rune(e.Excerpt)) > 81 || strings.ContainsRune(e.Excerpt, 0x1b) || strings.Contains(e.Excerpt, "\n") {
		t.Errorf("excerpt %q: want short, sanitised", e.Excerpt)
	}
	if !strings.HasPrefix(e.Excerpt, `[{"id": 1, "title": "Ruches \u001b[31men`) {
		t.Errorf("excerpt %q: want the start of the body", e.Excerpt)
	}
}

func TestNotAListOrNotAnObject(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/projects" {
			_, _ = io.WriteString(w, `{"projects": []}`)
			return
		}
		_, _ = io.WriteString(w, `[1, 2]`)
	})
	c, _ := newTestClient(t, s.URL, false)
	_, err := c.Projects(context.Background(), api.ProjectQuery{})
	if e := asError(t, err, api.ErrDecode); !strings.Contains(e.Message, "array") {
		t.Errorf("object for a list: %+v", e)
	}
	_, err = c.Wallet(context.Background(), lender)
	if e := asError(t, err, api.ErrDecode); !strings.Contains(e.Message, "object") {
		t.Errorf("array for an object: %+v", e)
	}
}

func TestHugeBodyIsCapped(t *testing.T) {
	for _, withLength := range []bool{true, false} {
		s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			chunk := bytes.Repeat([]byte(" "), 1<<20)
			if withLength {
				w.Header().Set("Content-Length", "20971522")
			}
			_, _ = w.Write([]byte("["))
			for range 20 {
				if _, err := w.Write(chunk); err != nil {
					return // the client hung up, as it should
				}
			}
			_, _ = w.Write([]byte("]"))
		})
		c, _ := newTestClient(t, s.URL, false)
		_, err := c.Projects(context.Background(), api.ProjectQuery{})
		if e := asError(t, err, api.ErrDecode); !strings.Contains(e.Message, "response too large") {
			t.Errorf("20 MiB body (Content-Length %v): %+v", withLength, e)
		}
		if n := s.hits.Load(); n != 1 {
			t.Errorf("a too large answer was tried %d times", n)
		}
	}
}

func TestServerThatNeverAnswers(t *testing.T) {
	release := make(chan struct{})
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	c, _ := newTestClient(t, s.URL, false, withTries(2), func(cfg *api.Config) { cfg.Timeout = 100 * time.Millisecond })
	api.SetRetryTiming(c, time.Millisecond, time.Millisecond, time.Second)
	_, err := c.Projects(context.Background(), api.ProjectQuery{})
	e := asError(t, err, api.ErrNetwork)
	if !strings.Contains(e.Message, "no answer within 100ms") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("timeout: %v", e)
	}
	if n := s.hits.Load(); n != 2 {
		t.Errorf("a GET that timed out was tried %d times, want 2 (MaxTries)", n)
	}
}

func TestServerErrorMessages(t *testing.T) {
	cases := []struct {
		status int
		ctype  string
		body   string
		kind   error
		msg    string
		fields map[string][]string
	}{
		{400, "application/json", `{"errors": {"email": ["is invalid"], "collect_type": ["is not included in the list", "can't be blank"]}}`, api.ErrValidation, "",
			map[string][]string{"email": {"is invalid"}, "collect_type": {"is not included in the list", "can't be blank"}}},
		{422, "application/json", `{"errors": {"phone": "is too short"}}`, api.ErrValidation, "", map[string][]string{"phone": {"is too short"}}},
		{400, "application/json", `{"error": "order must be one of: populars, in_progress, recent"}`, api.ErrValidation, "order must be one of: populars, in_progress, recent", nil},
		{400, "application/json", `{"errors": ["Email is invalid", "Phone can't be blank"]}`, api.ErrValidation, "Email is invalid; Phone can't be blank", nil},
		{400, "text/plain", "Bad \x1b]8;;http://evil\x07link\x1b]8;;\x07 request\r\n\u202eevil", api.ErrValidation, "Bad link request evil", nil},
		{400, "application/json", `{"errors": {"em\u0007ail": [1, {"message": "odd"}]}}`, api.ErrValidation, "", map[string][]string{"email": {"odd"}}},
		{400, "application/json", `{"broken": `, api.ErrValidation, "", nil},
		{405, "application/json", `{"error": "method not allowed"}`, api.ErrValidation, "method not allowed", nil},
		{500, "application/json", `{"status": 500, "error": "Internal Server Error"}`, api.ErrServer, "Internal Server Error", nil},
		{502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>", api.ErrServer, "502 Bad Gateway", nil},
		{418, "", "", api.ErrValidation, "", nil},
	}
	for _, cs := range cases {
		s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			if cs.ctype != "" {
				w.Header().Set("Content-Type", cs.ctype)
			}
			w.WriteHeader(cs.status)
			_, _ = io.WriteString(w, cs.body)
		})
		c, _ := newTestClient(t, s.URL, false, withTries(1))
		_, err := c.CreateLead(context.Background(), api.Lead{})
		e := asError(t, err, cs.kind)
		if e.Message != cs.msg || e.Status != cs.status || len(e.Fields) != len(cs.fields) {
			t.Errorf("%d %q: %+v", cs.status, cs.body, e)
		}
		for f, msgs := range cs.fields {
			if strings.Join(e.Fields[f], "|") != strings.Join(msgs, "|") {
				t.Errorf("%d %q: field %s = %q, want %q", cs.status, cs.body, f, e.Fields[f], msgs)
			}
		}
	}
}

func TestNotFoundSaysWhat(t *testing.T) {
	cases := []struct {
		body string
		call func(*api.Client) error
		want string
	}{
		{`{"error": "no wallet found"}`, func(c *api.Client) error { _, err := c.Wallet(context.Background(), lender); return err }, "wallet"},
		{`{"error": "email not found"}`, func(c *api.Client) error { _, err := c.Wallet(context.Background(), lender); return err }, "email"},
		{`Not Found`, func(c *api.Client) error { _, err := c.Wallet(context.Background(), lender); return err }, "wallet"},
		{`{"error": "email not found"}`, func(c *api.Client) error { _, err := c.Pledges(context.Background(), lender, 0, 0); return err }, "email"},
		{``, func(c *api.Client) error { _, err := c.Pledges(context.Background(), lender, 0, 0); return err }, "email"},
		{`{"error": "project not found"}`, func(c *api.Client) error { _, err := c.Project(context.Background(), 9); return err }, "project"},
		{`{"error": "not found"}`, func(c *api.Client) error { _, err := c.Projects(context.Background(), api.ProjectQuery{}); return err }, "page"},
	}
	for _, cs := range cases {
		s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, cs.body)
		})
		c, _ := newTestClient(t, s.URL, false)
		err := cs.call(c)
		if e := asError(t, err, api.ErrNotFound); e.Resource != cs.want {
			t.Errorf("404 %q: resource %q, want %q", cs.body, e.Resource, cs.want)
		}
		if strings.Contains(err.Error(), lender.Email) || strings.Contains(err.Error(), "1980") {
			t.Errorf("the error names personal data: %v", err)
		}
	}
}

func TestLogsNeverHoldTheKeyOrPersonalData(t *testing.T) {
	var buf bytes.Buffer
	var mu = make(chan struct{}, 1)
	mu <- struct{}{}
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &buf, mu: mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/user/pledges" {
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `{"error": "birthdate does not match"}`)
			return
		}
		_, _ = io.WriteString(w, `{"id": 1, "balance": "1.00"}`)
	})
	c, _ := newTestClient(t, s.URL, false, withLogger(logger))
	if _, err := c.Wallet(context.Background(), lender); err != nil {
		t.Fatal(err)
	}
	_, _ = c.Pledges(context.Background(), lender, 2, 10)
	<-mu
	out := buf.String()
	for _, want := range []string{"method=GET", "path=/user/wallet", "status=200", "duration=", "path=/user/pledges", "status=403"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{testKey, "camille", "example.org", "1980", "user_email", "?"} {
		if strings.Contains(out, secret) {
			t.Errorf("log holds %q:\n%s", secret, out)
		}
	}
}

type lockedWriter struct {
	w  io.Writer
	mu chan struct{}
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	<-l.mu
	defer func() { l.mu <- struct{}{} }()
	return l.w.Write(p)
}

func TestCreateLead(t *testing.T) {
	got := make(chan []byte, 1)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- b
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id": 123, "status": "received"}`)
	})
	c, _ := newTestClient(t, s.URL, true)
	lead := api.Lead{Email: "farm@example.fr", Firstname: "Jean", Lastname: "Dupont", Phone: "0601020304", CollectType: "lending",
		ProjectDescription: "Un méthaniseur", ProjectTotalBudget: "150000", PublicationTimeframe: "next_months", Department: "35"}
	r, err := c.CreateLead(context.Background(), lead)
	if err != nil || r.ID != 123 || r.Status != "received" {
		t.Fatalf("CreateLead = %+v, %v", r, err)
	}
	if b := string(<-got); !strings.Contains(b, `"collect_type":"lending"`) || strings.Contains(b, "siret") {
		t.Errorf("body %s: want the set fields and no empty optional ones", b)
	}
}

func TestCreateLeadUnreadableConfirmationIsNotAnError(t *testing.T) {
	// The lead was filed (2xx): reporting a failure would make the person
	// file it twice.
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `{"id": `) })
	c, _ := newTestClient(t, s.URL, false)
	if r, err := c.CreateLead(context.Background(), api.Lead{}); err != nil || r.ID != 0 {
		t.Errorf("CreateLead = %+v, %v", r, err)
	}
}
