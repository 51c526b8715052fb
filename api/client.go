package api

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://api.miimosa.com"

// MaxResponseBytes caps what the client reads of one answer: the largest
// legitimate page (100 projects) is far below it, and a hostile or broken
// server cannot exhaust memory.
const MaxResponseBytes = 8 << 20

// MaxPerPage is the largest per_page the API accepts.
const MaxPerPage = 100

// Config configures a Client.
type Config struct {
	BaseURL    string        // DefaultBaseURL when empty; plain http:// only for loopback hosts
	Key        string        // the API key; never logged
	UserAgent  string        // e.g. "miimosa/1.2.3"
	HTTPClient *http.Client  // nil: NewHTTPClient(); its CheckRedirect is replaced by the client's policy
	Logger     *slog.Logger  // nil: discard; personal data and the key are never logged
	Timeout    time.Duration // per attempt; 0: 30s
	MaxTries   int           // GET tries including the first; 0: 3
	// Concurrency is how many pages a walk fetches at once once the first
	// page says how many there are; 0: DefaultConcurrency, 1: one at a
	// time, at most 16.
	Concurrency int
}

// Defaults of Config.
const (
	DefaultTimeout     = 30 * time.Second
	DefaultMaxTries    = 3
	maxMaxTries        = 10
	DefaultConcurrency = 4
	MaxConcurrency     = 16 // the most pages a walk fetches at once
)

// Client talks to the MiiMOSA API v1. It is safe for concurrent use.
type Client struct {
	base      *url.URL // no trailing slash on Path
	auth      string   // the Authorization header value; holds the key
	userAgent string
	hc        *http.Client
	log       *slog.Logger
	timeout   time.Duration
	maxTries  int
	conc      int
	retry     retryPolicy
	now       func() time.Time
	maxBody   int64
}

// New checks cfg and returns a client. It refuses a base URL that would send
// the key in clear over the network, and a key that cannot be a header value.
func New(cfg Config) (*Client, error) {
	base, err := parseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	key := strings.TrimSpace(cfg.Key)
	if key == "" {
		return nil, &Error{Kind: ErrInvalidParam, Message: "no API key given: set MIIMOSA_API_KEY or enter one"}
	}
	if !validKey(key) {
		// The key itself is never put in a message.
		return nil, &Error{Kind: ErrInvalidParam, Message: "the API key holds spaces, quotes or control characters: paste it again"}
	}
	c := &Client{
		base:      base,
		auth:      "Token token=" + key,
		userAgent: cfg.UserAgent,
		hc:        cfg.HTTPClient,
		log:       cfg.Logger,
		timeout:   cfg.Timeout,
		maxTries:  cfg.MaxTries,
		conc:      cfg.Concurrency,
		retry:     defaultRetryPolicy,
		now:       time.Now,
		maxBody:   MaxResponseBytes,
	}
	if c.userAgent == "" {
		c.userAgent = "miimosa"
	}
	if c.hc == nil {
		c.hc = NewHTTPClient()
	} else {
		// The redirect policy holds whatever client is given: a copy gets
		// it, and keeps the given Transport (and so its connections).
		hc := *c.hc
		hc.CheckRedirect = checkRedirect
		c.hc = &hc
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	if c.maxTries <= 0 {
		c.maxTries = DefaultMaxTries
	}
	c.maxTries = min(c.maxTries, maxMaxTries)
	if c.conc <= 0 {
		c.conc = DefaultConcurrency
	}
	c.conc = min(c.conc, MaxConcurrency)
	return c, nil
}

// parseBaseURL accepts https URLs, and http ones only for loopback hosts
// (the sandbox): anything else would send the key in clear.
func parseBaseURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = DefaultBaseURL
	}
	bad := func(why string) error {
		return &Error{Kind: ErrInvalidParam, Message: fmt.Sprintf("API URL %q %s", sanitize(raw, maxMessageRunes), why)}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.Host == "" {
		return nil, bad("is not an absolute URL such as https://api.miimosa.com")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, bad("must not hold credentials, a query or a fragment")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !IsLoopbackHost(u.Hostname()) {
			return nil, bad("uses plain http: only https is allowed, except for 127.0.0.1, ::1 and localhost")
		}
	default:
		return nil, bad("must start with https://")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// IsLoopbackHost reports whether host (no port) is localhost, 127.0.0.0/8 or ::1.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	return ip != nil && ip.IsLoopback()
}

// validKey refuses what cannot travel in `Token token=KEY` unquoted.
func validKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c <= ' ' || c == 0x7f || c == '"' || c == '\\' || c == ',' {
			return false
		}
	}
	return true
}

// NewHTTPClient returns the HTTP client a run should share between all its
// api.Clients (pass it in Config.HTTPClient): keep-alive connections are
// then reused by successive and parallel requests. Every phase of a
// connection is bounded, so a server that stalls cannot hang the client,
// and redirects are followed only within the request's origin (see
// Config.HTTPClient).
func NewHTTPClient() *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		MaxIdleConnsPerHost:   MaxConcurrency, // a parallel walk's connections all go back to the pool
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		ExpectContinueTimeout: time.Second,
		// A hostile server's endless headers stop here (and are refused).
		MaxResponseHeaderBytes: 64 << 10,
	}
	return &http.Client{Transport: tr, CheckRedirect: checkRedirect}
}

// BaseURL is the server this client talks to.
func (c *Client) BaseURL() string { return c.base.String() }

// CheckKey makes the cheapest authenticated call, to tell whether the key is
// accepted: nil, or an *Error (ErrKeyRejected when it is not).
func (c *Client) CheckKey(ctx context.Context) error {
	u := c.endpointURL("/projects", url.Values{"per_page": {"1"}})
	_, err := c.call(ctx, http.MethodGet, u, epProjects, nil)
	return err
}

// Projects fetches one page of GET /projects. The filters are checked first:
// an unknown value is an ErrInvalidParam naming the allowed ones.
func (c *Client) Projects(ctx context.Context, q ProjectQuery) (Page[Project], error) {
	u, err := c.projectsURL(q)
	if err != nil {
		return Page[Project]{}, err
	}
	return fetchPage[Project](ctx, c, u, epProjects)
}

func (c *Client) projectsURL(q ProjectQuery) (*url.URL, error) {
	const path = "/projects"
	v := url.Values{}
	for _, f := range []struct {
		name, value string
		allowed     []string
	}{
		{"order", q.Order, Orders},
		{"category", q.Category, Categories},
		{"type", q.Type, CollectTypes},
		{"region", q.Region, RegionCodes()},
	} {
		if f.value == "" {
			continue
		}
		if !Valid(f.allowed, f.value) {
			return nil, invalidParam(path, fmt.Sprintf("%s %q is not one of: %s", f.name, truncate(f.value, 40), strings.Join(f.allowed, ", ")))
		}
		v.Set(f.name, f.value)
	}
	if kw := strings.TrimSpace(q.Keyword); kw != "" {
		v.Set("keyword", kw)
	}
	if err := pageParams(v, path, q.Page, q.PerPage); err != nil {
		return nil, err
	}
	return c.endpointURL(path, v), nil
}

func pageParams(v url.Values, path string, page, perPage int) error {
	if page < 0 {
		return invalidParam(path, fmt.Sprintf("page %d: pages start at 1", page))
	}
	if perPage < 0 || perPage > MaxPerPage {
		return invalidParam(path, fmt.Sprintf("per_page %d: must be between 1 and %d", perPage, MaxPerPage))
	}
	if page > 0 {
		v.Set("page", strconv.Itoa(page))
	}
	if perPage > 0 {
		v.Set("per_page", strconv.Itoa(perPage))
	}
	return nil
}

func invalidParam(path, msg string) *Error {
	return &Error{Kind: ErrInvalidParam, Method: http.MethodGet, Path: path, Message: msg}
}

// ProjectsPage fetches the page a Page.Next link points to.
func (c *Client) ProjectsPage(ctx context.Context, next string) (Page[Project], error) {
	u, err := c.followURL(next, "/projects")
	if err != nil {
		return Page[Project]{}, err
	}
	return fetchPage[Project](ctx, c, u, epProjects)
}

// ProjectPages walks every page of GET /projects from q.Page (the first
// when 0): see walk.go for how, in short: pages come in order, fetched
// several at a time when the server says how many there are, bounded by
// Limits (WithLimits); stopping on a limit or on a next link seen before
// yields an ErrRefused error after the pages loaded. It stops when the
// consumer stops (cancelling what is in flight), at the last page, or at
// the first error (yielded once).
func (c *Client) ProjectPages(ctx context.Context, q ProjectQuery, opts ...WalkOption) iter.Seq2[Page[Project], error] {
	first, err := c.projectsURL(q)
	return walk[Project](ctx, c, epProjects, first, err, func(next string) (*url.URL, error) {
		return c.followURL(next, "/projects")
	}, nil, opts)
}

// Project fetches GET /projects/{id}.
func (c *Client) Project(ctx context.Context, id int64) (Project, error) {
	if id < 0 {
		return Project{}, invalidParam("/projects/{id}", fmt.Sprintf("project id %d: ids are positive", id))
	}
	u := c.endpointURL("/projects/"+strconv.FormatInt(id, 10), nil)
	var p Project
	err := c.getObject(ctx, u, epProject, &p)
	return p, err
}

// Wallet fetches GET /user/wallet. u.Birthdate may be in any form
// NormalizeBirthdate accepts; it is sent as YYYY-MM-DD.
func (c *Client) Wallet(ctx context.Context, u User) (Wallet, error) {
	q, err := c.userParams("/user/wallet", u)
	if err != nil {
		return Wallet{}, err
	}
	var w Wallet
	err = c.getObject(ctx, c.endpointURL("/user/wallet", q), epWallet, &w)
	return w, err
}

// userParams checks the lender's identity without ever quoting it (personal
// data must not end up in messages or logs).
func (c *Client) userParams(path string, u User) (url.Values, error) {
	email := strings.TrimSpace(u.Email)
	switch {
	case email == "":
		return nil, invalidParam(path, "email is empty: type the lender's email address")
	case !strings.Contains(email, "@") || strings.ContainsAny(email, " \t\r\n"):
		return nil, invalidParam(path, "email is not an address: it needs an @ and no spaces")
	}
	bd, err := NormalizeBirthdate(u.Birthdate, c.now())
	if err != nil {
		e := invalidParam(path, err.Error())
		e.Err = err
		return nil, e
	}
	return url.Values{"user_email": {email}, "user_birthdate": {bd}}, nil
}

// Pledges fetches one page of GET /user/pledges (page and perPage 0: server default).
func (c *Client) Pledges(ctx context.Context, u User, page, perPage int) (Page[Pledge], error) {
	first, err := c.pledgesURL(u, page, perPage)
	if err != nil {
		return Page[Pledge]{}, err
	}
	return fetchPage[Pledge](ctx, c, first, epPledges)
}

func (c *Client) pledgesURL(u User, page, perPage int) (*url.URL, error) {
	const path = "/user/pledges"
	q, err := c.userParams(path, u)
	if err != nil {
		return nil, err
	}
	if err := pageParams(q, path, page, perPage); err != nil {
		return nil, err
	}
	return c.endpointURL(path, q), nil
}

// PledgesPage fetches the page a Page.Next link points to.
func (c *Client) PledgesPage(ctx context.Context, next string) (Page[Pledge], error) {
	u, err := c.followURL(next, "/user/pledges")
	if err != nil {
		return Page[Pledge]{}, err
	}
	return fetchPage[Pledge](ctx, c, u, epPledges)
}

// PledgePages walks every page of GET /user/pledges, as ProjectPages does.
// When a next link lacks the user's parameters (a server may drop them),
// they are added back.
func (c *Client) PledgePages(ctx context.Context, u User, perPage int, opts ...WalkOption) iter.Seq2[Page[Pledge], error] {
	return c.pledgePages(ctx, u, perPage, nil, opts)
}

// PledgePagesAfter is PledgePages when the caller already holds the first
// page, fetched with Pledges(ctx, u, 1, perPage) (the terminal's lookup
// does, to check the person): it is yielded first, as a walk's first page,
// and the walk goes on from it under the same bounds, saving a round trip.
func (c *Client) PledgePagesAfter(ctx context.Context, u User, first Page[Pledge], perPage int, opts ...WalkOption) iter.Seq2[Page[Pledge], error] {
	return c.pledgePages(ctx, u, perPage, &first, opts)
}

func (c *Client) pledgePages(ctx context.Context, u User, perPage int, known *Page[Pledge], opts []WalkOption) iter.Seq2[Page[Pledge], error] {
	first, err := c.pledgesURL(u, 0, perPage)
	var who url.Values
	if first != nil {
		who = first.Query()
	}
	return walk[Pledge](ctx, c, epPledges, first, err, func(next string) (*url.URL, error) {
		nu, err := c.followURL(next, "/user/pledges")
		if err != nil {
			return nil, err
		}
		q := nu.Query()
		for _, k := range []string{"user_email", "user_birthdate"} {
			if q.Get(k) == "" {
				q.Set(k, who.Get(k))
			}
		}
		nu.RawQuery = q.Encode()
		return nu, nil
	}, known, opts)
}

// CreateLead sends POST /leads. It is never retried: once the request may
// have reached the server, a second one could file the lead twice.
func (c *Client) CreateLead(ctx context.Context, l Lead) (LeadResult, error) {
	body, err := json.Marshal(l)
	if err != nil {
		return LeadResult{}, &Error{Kind: ErrInvalidParam, Method: http.MethodPost, Path: "/leads", Err: err}
	}
	a, err := c.call(ctx, http.MethodPost, c.endpointURL("/leads", nil), epLeads, body)
	if err != nil {
		return LeadResult{}, err
	}
	var r LeadResult
	if b := trimJSONSpace(a.body); len(b) > 0 && b[0] == '{' {
		// A 2xx means the lead was filed; an unreadable confirmation must not
		// make the caller file it again, so it is not an error.
		if err := json.Unmarshal(b, &r); err != nil {
			c.log.DebugContext(ctx, "api lead answer not readable", slog.String("error", err.Error()))
			r = LeadResult{}
		}
	}
	return r, nil
}

// endpointURL joins the base URL and an endpoint path.
func (c *Client) endpointURL(path string, q url.Values) *url.URL {
	u := *c.base
	u.Path = c.base.Path + path
	u.RawQuery = q.Encode()
	return &u
}

// followURL checks a next-page link the server sent before it is
// requested: it must stay on the API's scheme and host (the key goes with
// every request) and on the same endpoint (else the page would be decoded
// as the wrong type). A link refused is the server's fault: ErrRefused.
func (c *Client) followURL(next, path string) (*url.URL, error) {
	next = strings.TrimSpace(next)
	if next == "" {
		// The caller asked for a page that does not exist.
		return nil, invalidParam(path, "no next-page link given: there is no next page")
	}
	bad := func(r Reason, args ...any) error {
		return (&Error{Method: http.MethodGet, Path: path}).refusalOf(r, args...)
	}
	ref, err := url.Parse(next)
	if err != nil {
		return nil, bad(ReasonNextNotURL)
	}
	base := *c.base
	base.Path += "/"
	u := base.ResolveReference(ref)
	u.Fragment, u.RawFragment = "", ""
	if !sameOrigin(u, c.base) || u.User != nil {
		return nil, bad(ReasonNextOtherServer, originText(u))
	}
	if u.Path != c.base.Path+path {
		return nil, bad(ReasonNextOtherPath, sanitize(u.Path, maxFieldRunes), c.base.Path+path)
	}
	return u, nil
}

// hostPort is the host and port of u, lower-cased, with the scheme's default
// port made explicit, so that h and h:443 compare equal.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	}
	return strings.ToLower(u.Hostname()) + ":" + port
}

// getObject GETs a single JSON object into v.
func (c *Client) getObject(ctx context.Context, u *url.URL, ep endpoint, v json.Unmarshaler) error {
	a, err := c.call(ctx, http.MethodGet, u, ep, nil)
	if err != nil {
		return err
	}
	b := trimJSONSpace(a.body)
	if len(b) == 0 || b[0] != '{' {
		return decodeError(http.MethodGet, u.Path, a.status, a.body, fmt.Errorf("expected a JSON object, got %s", jsonKind(b)))
	}
	if err := json.Unmarshal(b, v); err != nil {
		return decodeError(http.MethodGet, u.Path, a.status, a.body, err)
	}
	return nil
}
