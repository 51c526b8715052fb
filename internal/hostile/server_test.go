package hostile_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/hostile"
)

// The server really attacks: a client test that passes because the
// attack did not happen would prove nothing.

func get(t *testing.T, s *hostile.Server, path string, hdr map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx(t), http.MethodGet, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}

func TestGzipBombInflatesPastTheCap(t *testing.T) {
	s := hostile.Start(t, hostile.GzipBomb)
	resp := get(t, s, "/projects", map[string]string{"Accept-Encoding": "gzip"})
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&readerOf{raw})
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil {
		t.Fatal(err)
	}
	if n <= api.MaxResponseBytes || len(raw) > 1<<20 {
		t.Errorf("%d bytes inflate to %d: not a bomb past the %d cap", len(raw), n, api.MaxResponseBytes)
	}
}

type readerOf struct{ b []byte }

func (r *readerOf) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func TestHugeBodyIsPastTheCap(t *testing.T) {
	s := hostile.Start(t, hostile.HugeBody)
	resp := get(t, s, "/projects", nil)
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil || n <= api.MaxResponseBytes || resp.ContentLength != -1 {
		t.Errorf("list: %d bytes (Content-Length %d, %v), want more than %d, chunked", n, resp.ContentLength, err, api.MaxResponseBytes)
	}
	if resp := get(t, s, "/projects/101", nil); resp.ContentLength != hostile.HugeDeclaredBytes {
		t.Errorf("object: Content-Length %d, want %d", resp.ContentLength, hostile.HugeDeclaredBytes)
	}
}

// Without an attack, a scenario serves what contract.md says: the other
// origin, which every hostile answer points to, would have served the
// client well.
func TestOtherOriginWouldAnswerWell(t *testing.T) {
	s := hostile.Start(t, hostile.RedirectOtherPort)
	c, err := api.New(api.Config{BaseURL: s.OtherURL, Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	items, pages, err := collect(c.PledgePages(ctx(t), lender, 5))
	if err != nil || pages != 3 || len(items) != hostile.PledgeCount {
		t.Errorf("pledges: %d pages, %d items, %v", pages, len(items), err)
	}
	if r, err := c.CreateLead(ctx(t), testLead); err != nil || r.ID != hostile.OtherLeadID {
		t.Errorf("lead: %+v, %v", r, err)
	}
	if _, err := c.Wallet(ctx(t), lender); err != nil {
		t.Errorf("wallet: %v", err)
	}
}
