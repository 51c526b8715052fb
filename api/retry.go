package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"
)

// retryPolicy is the backoff between GET tries.
type retryPolicy struct {
	base time.Duration // first backoff
	max  time.Duration // backoff cap
	// maxWait is the longest Retry-After the client waits out itself; a
	// longer one is returned as ErrRateLimited so the UI can say when.
	maxWait time.Duration
}

var defaultRetryPolicy = retryPolicy{base: 300 * time.Millisecond, max: 5 * time.Second, maxWait: 30 * time.Second}

// answer is a 2xx response, read in full.
type answer struct {
	status int
	header http.Header
	body   []byte
	url    *url.URL // what was asked, to resolve relative links against
}

// call sends a request and returns a 2xx answer or an *Error. GETs are tried
// up to maxTries times on network errors, 429 and 502/503/504; other methods
// exactly once (a POST that may have reached the server is never repeated).
func (c *Client) call(ctx context.Context, method string, u *url.URL, ep endpoint, body []byte) (*answer, error) {
	return c.callWith(ctx, method, u, ep, body, nil)
}

// callWith is call for a page of a parallel walk: each try first enters the
// walk's gate with its ticket (nil: no gate). A 429 lowers the gate to one
// request at a time; the try that got it keeps its place while it waits,
// unless the gate is now crowded, and then takes its turn again.
func (c *Client) callWith(ctx context.Context, method string, u *url.URL, ep endpoint, body []byte, tk *ticket) (*answer, error) {
	tries := 1
	if method == http.MethodGet {
		tries = c.maxTries
	}
	held := false
	defer func() {
		if held {
			tk.leave()
		}
	}()
	var last *Error
	for attempt := 1; ; attempt++ {
		if tk != nil && !held {
			if err := tk.enter(ctx); err != nil {
				if last != nil {
					return nil, withCause(last, ctx)
				}
				return nil, c.networkError(ctx, method, u.Path, err)
			}
			held = true
		}
		a, e := c.attempt(ctx, method, u, ep, body, attempt)
		if e == nil {
			return a, nil
		}
		last = e
		if tk != nil && e.Kind == ErrRateLimited {
			tk.throttle()
		}
		if ctx.Err() != nil && e.Kind != ErrNetwork {
			return nil, withCause(e, ctx)
		}
		if attempt >= tries || !retryable(e) || ctx.Err() != nil {
			return nil, e
		}
		wait := c.retry.backoff(attempt)
		if e.RetryAfter > 0 {
			if e.RetryAfter > c.retry.maxWait {
				return nil, e
			}
			wait = e.RetryAfter
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			// The caller's deadline ends before the wait would: say why now.
			return nil, e
		}
		if held && tk.crowded() {
			tk.leave()
			held = false
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, withCause(e, ctx)
		case <-t.C:
		}
	}
}

// withCause keeps what went wrong and lets errors.Is see the cancellation.
func withCause(e *Error, ctx context.Context) *Error {
	cut := *e
	cut.Err = context.Cause(ctx)
	return &cut
}

func retryable(e *Error) bool {
	switch e.Kind {
	case ErrNetwork, ErrRateLimited:
		return true
	case ErrServer:
		return e.Status == http.StatusBadGateway || e.Status == http.StatusServiceUnavailable || e.Status == http.StatusGatewayTimeout
	}
	return false
}

// backoff is capped exponential with jitter: half fixed, half random, so
// clients that failed together do not come back together.
func (p retryPolicy) backoff(attempt int) time.Duration {
	d := p.base
	for i := 1; i < attempt && d < p.max; i++ {
		d *= 2
	}
	d = min(d, p.max)
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2)
}

// attempt makes one request under the per-attempt timeout and reads the
// whole answer (capped at maxBody).
func (c *Client) attempt(ctx context.Context, method string, u *url.URL, ep endpoint, body []byte, n int) (*answer, *Error) {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	ct := &connTrace{}
	actx = httptrace.WithClientTrace(actx, ct.trace())
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(actx, method, u.String(), rd)
	if err != nil {
		return nil, &Error{Kind: ErrInvalidParam, Method: method, Path: u.Path, Err: err}
	}
	req.Header.Set("Authorization", c.auth)
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	resp, err := c.hc.Do(req)
	if err != nil {
		e := c.networkError(ctx, method, u.Path, err)
		if resp != nil {
			// A redirect refused: Do returns the 3xx with its body closed.
			e.Status = resp.StatusCode
		}
		e.Sent = e.Kind == ErrNetwork && ct.wrote.Load()
		c.logAttempt(ctx, method, u.Path, e.Status, start, n, ct, e)
		return nil, e
	}
	defer resp.Body.Close()
	if resp.ContentLength > c.maxBody {
		e := tooLarge(method, u.Path, resp.StatusCode, c.maxBody)
		c.logAttempt(ctx, method, u.Path, resp.StatusCode, start, n, ct, e)
		return nil, e
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		e := c.networkError(ctx, method, u.Path, err)
		e.Status = resp.StatusCode
		c.logAttempt(ctx, method, u.Path, resp.StatusCode, start, n, ct, e)
		return nil, e
	}
	if int64(len(data)) > c.maxBody {
		e := tooLarge(method, u.Path, resp.StatusCode, c.maxBody)
		c.logAttempt(ctx, method, u.Path, resp.StatusCode, start, n, ct, e)
		return nil, e
	}
	var e *Error
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode <= 399:
		e = redirectAnswer(method, u, ep, resp.StatusCode, resp.Header)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		e = statusError(method, u.Path, ep, resp.StatusCode, resp.Header, data, c.now())
	}
	c.logAttempt(ctx, method, u.Path, resp.StatusCode, start, n, ct, e)
	if e != nil {
		return nil, e
	}
	return &answer{status: resp.StatusCode, header: resp.Header, body: data, url: u}, nil
}

func tooLarge(method, path string, status int, limit int64) *Error {
	return &Error{Kind: ErrDecode, Method: method, Path: path, Status: status,
		Message: fmt.Sprintf("response too large (over %d MiB)", limit>>20)}
}

// networkError classifies a failed exchange: what the server did that the
// client refuses (ErrRefused, never retried), or the network (ErrNetwork).
// The *url.Error wrapper is dropped: its text holds the full URL, and the
// query holds personal data.
func (c *Client) networkError(ctx context.Context, method, path string, err error) *Error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	e := &Error{Kind: ErrNetwork, Method: method, Path: path, Err: err}
	switch {
	case ctx.Err() != nil:
		e.Message = "cancelled"
		e.Err = context.Cause(ctx)
	case errors.Is(err, context.DeadlineExceeded):
		e.Message = fmt.Sprintf("no answer within %s", c.timeout)
	default:
		if r, args := refusal(err); r != "" {
			e.refusalOf(r, args...)
		}
	}
	return e
}

// logAttempt logs at debug level: method, path, status, duration, and
// whether the connection was reused (keep-alive at work). Never the query
// (email, birthdate) and never the key.
func (c *Client) logAttempt(ctx context.Context, method, path string, status int, start time.Time, n int, ct *connTrace, e *Error) {
	if !c.log.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", method),
		slog.String("path", path),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
		slog.Int("attempt", n),
	}
	if ct.got.Load() {
		attrs = append(attrs, slog.Bool("reused", ct.reused.Load()), slog.Bool("was_idle", ct.idle.Load()))
	}
	if e != nil {
		attrs = append(attrs, slog.String("error", e.Kind.Error()))
	}
	c.log.LogAttrs(ctx, slog.LevelDebug, "api request", attrs...)
}

// connTrace records which connection a request got, and whether the
// request was written in full. The transport may report from its own
// goroutine, hence the atomics.
type connTrace struct {
	got, reused, idle, wrote atomic.Bool
}

func (t *connTrace) trace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		GotConn: func(i httptrace.GotConnInfo) {
			t.reused.Store(i.Reused)
			t.idle.Store(i.WasIdle)
			t.got.Store(true)
		},
		WroteRequest: func(i httptrace.WroteRequestInfo) { t.wrote.Store(i.Err == nil) },
	}
}
