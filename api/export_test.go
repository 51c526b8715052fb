package api

import (
	"net/http"
	"net/url"
	"time"
)

// SetRetryTiming shortens or lengthens the backoff for a test: base and max
// bound the exponential backoff, maxWait the longest Retry-After waited out.
func SetRetryTiming(c *Client, base, max, maxWait time.Duration) {
	c.retry = retryPolicy{base: base, max: max, maxWait: maxWait}
}

// SetNow fixes the client's clock (Retry-After dates, birthdate checks).
func SetNow(c *Client, now func() time.Time) { c.now = now }

// ErrorForTest maps a status and body as an answer to POST /leads would be.
func ErrorForTest(status int, body string) *Error {
	return statusError("POST", "/leads", epLeads, status, nil, []byte(body), time.Now())
}

// DecodeProjectsForTest decodes a GET /projects body the way the client does.
func DecodeProjectsForTest(body []byte) ([]Project, error) {
	u, _ := url.Parse("http://127.0.0.1/projects")
	p, err := decodePage[Project](&answer{status: 200, header: http.Header{}, body: body, url: u})
	return p.Items, err
}

// DecodeProjectsRawMessageForTest is the encoding/json + RawMessage decoder
// that BenchmarkDecodeProjectsPage weighs against the client's.
var DecodeProjectsRawMessageForTest = decodeProjectsRawMessage
