package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/miimosa/miimosa/api"
)

// The test client's transport checks every request against openapi.yaml and,
// when the server is meant to follow the contract, every response too.

var spec struct {
	once sync.Once
	doc  *openapi3.T
	err  error
}

func loadSpec(t testing.TB) *openapi3.T {
	t.Helper()
	spec.once.Do(func() {
		// Proxies answer 5xx with HTML pages; the spec states them as strings.
		openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromFile("openapi.yaml")
		if err == nil {
			err = doc.Validate(loader.Context)
		}
		spec.doc, spec.err = doc, err
	})
	if spec.err != nil {
		t.Fatalf("openapi.yaml: %v", spec.err)
	}
	return spec.doc
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	doc := loadSpec(t)
	for _, p := range []string{"/leads", "/projects", "/projects/{id}", "/user/wallet", "/user/pledges"} {
		if doc.Paths.Value(p) == nil {
			t.Errorf("openapi.yaml lacks %s", p)
		}
	}
}

// checkAuth accepts the two forms of contract.md: Token token=KEY and
// Token token="KEY".
func checkAuth(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	v := in.RequestValidationInput.Request.Header.Get("Authorization")
	rest, ok := strings.CutPrefix(v, "Token token=")
	if !ok || rest == "" || strings.ContainsAny(strings.Trim(rest, `"`), "\" \t") {
		return fmt.Errorf("authorization %q is not Token token=KEY", v)
	}
	return nil
}

type specTransport struct {
	t              testing.TB
	router         routers.Router
	next           http.RoundTripper
	checkResponses bool
	requests       atomic.Int64
	validated      atomic.Int64 // responses checked against the spec
}

func newSpecTransport(t testing.TB, serverURL string, checkResponses bool) *specTransport {
	t.Helper()
	doc := *loadSpec(t) // a shallow copy: only the servers differ
	doc.Servers = openapi3.Servers{{URL: serverURL}}
	router, err := gorillamux.NewRouter(&doc)
	if err != nil {
		t.Fatalf("router: %v", err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &specTransport{t: t, router: router, next: tr, checkResponses: checkResponses}
}

var specOptions = &openapi3filter.Options{AuthenticationFunc: checkAuth, IncludeResponseStatus: true, MultiError: true}

func (s *specTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	s.requests.Add(1)
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	vreq := req.Clone(req.Context())
	vreq.Body = io.NopCloser(bytes.NewReader(body))
	// Check the headers as the server reads them: names are case-insensitive
	// (the seed's curl lines send a lowercase "authorization").
	vreq.Header = http.Header{}
	for k, v := range req.Header {
		vreq.Header[http.CanonicalHeaderKey(k)] = append(vreq.Header[http.CanonicalHeaderKey(k)], v...)
	}
	route, params, err := s.router.FindRoute(vreq)
	if err != nil {
		s.t.Errorf("%s %s is not in openapi.yaml: %v", req.Method, req.URL.Path, err)
		return s.next.RoundTrip(req)
	}
	in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route, Options: specOptions}
	if err := openapi3filter.ValidateRequest(req.Context(), in); err != nil {
		s.t.Errorf("request %s %s breaks openapi.yaml: %v", req.Method, req.URL.Path, err)
	}
	resp, err := s.next.RoundTrip(req)
	if err != nil || !s.checkResponses {
		return resp, err
	}
	data, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	if err != nil {
		return resp, nil // the client meets the same failure reading it
	}
	rin := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header, Options: specOptions}
	rin.SetBodyBytes(data)
	if err := openapi3filter.ValidateResponse(req.Context(), rin); err != nil {
		s.t.Errorf("response %d to %s %s breaks openapi.yaml: %v\nbody: %.300s", resp.StatusCode, req.Method, req.URL.Path, err, data)
	}
	s.validated.Add(1)
	return resp, nil
}

const testKey = "k-test-0123456789"

type clientOpt func(*api.Config)

func withTries(n int) clientOpt { return func(c *api.Config) { c.MaxTries = n } }
func withLogger(l *slog.Logger) clientOpt {
	return func(c *api.Config) { c.Logger = l }
}
func withKey(k string) clientOpt { return func(c *api.Config) { c.Key = k } }

// newTestClient returns a client for serverURL whose requests (and, with
// checkResponses, responses) are checked against openapi.yaml.
func newTestClient(t testing.TB, serverURL string, checkResponses bool, opts ...clientOpt) (*api.Client, *specTransport) {
	t.Helper()
	st := newSpecTransport(t, serverURL, checkResponses)
	cfg := api.Config{BaseURL: serverURL, Key: testKey, UserAgent: "miimosa-test/1.0", HTTPClient: &http.Client{Transport: st}}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, st
}
