package api

import (
	"context"
	"errors"
	"iter"
	"log/slog"
	"net/http"
	"time"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://api.miimosa.com"

// Config configures a Client.
type Config struct {
	BaseURL    string        // DefaultBaseURL when empty; plain http:// only for loopback hosts
	Key        string        // the API key; never logged
	UserAgent  string        // e.g. "miimosa/1.2.3"
	HTTPClient *http.Client  // nil: a client with sane timeouts
	Logger     *slog.Logger  // nil: discard; personal data and the key are never logged
	Timeout    time.Duration // per attempt; 0: 30s
	MaxTries   int           // GET tries including the first; 0: 3
}

// Client talks to the MiiMOSA API v1. It is safe for concurrent use.
type Client struct {
	cfg Config
}

var errTODO = errors.New("api: not implemented yet")

// New checks cfg and returns a client.
func New(cfg Config) (*Client, error) { return &Client{cfg: cfg}, nil }

// BaseURL is the server this client talks to.
func (c *Client) BaseURL() string { return c.cfg.BaseURL }

// CheckKey makes the cheapest authenticated call, to tell whether the key is accepted.
func (c *Client) CheckKey(ctx context.Context) error { return errTODO }

// Projects fetches one page of GET /projects.
func (c *Client) Projects(ctx context.Context, q ProjectQuery) (Page[Project], error) {
	return Page[Project]{}, errTODO
}

// ProjectsPage fetches the page a Page.Next link points to.
func (c *Client) ProjectsPage(ctx context.Context, next string) (Page[Project], error) {
	return Page[Project]{}, errTODO
}

// ProjectPages walks every page of GET /projects, following rel="next".
func (c *Client) ProjectPages(ctx context.Context, q ProjectQuery) iter.Seq2[Page[Project], error] {
	return func(yield func(Page[Project], error) bool) {}
}

// Project fetches GET /projects/{id}.
func (c *Client) Project(ctx context.Context, id int64) (Project, error) { return Project{}, errTODO }

// Wallet fetches GET /user/wallet.
func (c *Client) Wallet(ctx context.Context, u User) (Wallet, error) { return Wallet{}, errTODO }

// Pledges fetches one page of GET /user/pledges (page and perPage 0: server default).
func (c *Client) Pledges(ctx context.Context, u User, page, perPage int) (Page[Pledge], error) {
	return Page[Pledge]{}, errTODO
}

// PledgesPage fetches the page a Page.Next link points to.
func (c *Client) PledgesPage(ctx context.Context, next string) (Page[Pledge], error) {
	return Page[Pledge]{}, errTODO
}

// PledgePages walks every page of GET /user/pledges.
func (c *Client) PledgePages(ctx context.Context, u User, perPage int) iter.Seq2[Page[Pledge], error] {
	return func(yield func(Page[Pledge], error) bool) {}
}

// CreateLead sends POST /leads. It is never retried once the request may have reached the server.
func (c *Client) CreateLead(ctx context.Context, l Lead) (LeadResult, error) {
	return LeadResult{}, errTODO
}

// NormalizeBirthdate turns what people type (27/11/1980, 27-11-1980,
// 27.11.1980, 1980-11-27) into YYYY-MM-DD; impossible or future dates are refused.
func NormalizeBirthdate(s string, now time.Time) (string, error) { return "", errTODO }

// ParseMoney parses a decimal amount in major units ("1234.5", "1234.56", "12") to cents.
func ParseMoney(s string, currency string) (Money, error) { return Money{}, errTODO }

// ParseDecimal parses an exact decimal ("4.5").
func ParseDecimal(s string) (Decimal, error) { return Decimal{}, errTODO }
