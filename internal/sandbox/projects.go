package sandbox

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// projectJSON is a project as GET /projects lists it (contract.md).
type projectJSON struct {
	ID                 int64      `json:"id"`
	Title              string     `json:"title"`
	Slug               string     `json:"slug"`
	URL                string     `json:"url"`
	ImageURL           *string    `json:"image_url"`
	Description        string     `json:"description"`
	Status             string     `json:"status"`
	CollectType        string     `json:"collect_type"`
	Category           string     `json:"category"`
	Region             regionJSON `json:"region"`
	Department         string     `json:"department"`
	City               string     `json:"city"`
	Owner              ownerJSON  `json:"owner"`
	Target             money      `json:"target"`
	Collected          money      `json:"collected"`
	BackersCount       int        `json:"backers_count"`
	InterestRate       *rate      `json:"interest_rate"`
	DurationMonths     *int       `json:"duration_months"`
	RepaymentFrequency *string    `json:"repayment_frequency"`
	PublishedAt        string     `json:"published_at"`
	EndsAt             string     `json:"ends_at"`
}

// projectDetailJSON is GET /projects/{id}: the list item plus the long
// description and, for donations, the rewards.
type projectDetailJSON struct {
	projectJSON
	LongDescription string       `json:"long_description"`
	Rewards         []rewardJSON `json:"rewards,omitempty"`
}

type regionJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type ownerJSON struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
}

type rewardJSON struct {
	Amount      money  `json:"amount"`
	Description string `json:"description"`
}

func (p *project) json() projectJSON {
	j := projectJSON{
		ID: p.id, Title: p.title, Slug: p.slug,
		URL:         "https://www.miimosa.com/fr/projects/" + p.slug,
		Description: p.description, Status: p.status, CollectType: p.collectType, Category: p.category,
		Region:     regionJSON{Code: p.region.code, Name: p.region.name},
		Department: p.department, City: p.city,
		Owner:        ownerJSON{FirstName: p.ownerFirst, LastName: p.ownerLast},
		Target:       money{cents: p.target, quoted: p.variant%3 == 0},
		Collected:    money{cents: p.collected, quoted: p.variant%3 == 1},
		BackersCount: p.backers,
		PublishedAt:  stamp(p.publishedAt, p.variant),
		EndsAt:       stamp(p.endsAt, p.variant),
	}
	if p.imageURL != "" {
		j.ImageURL = &p.imageURL
	}
	if p.collectType == "lending" {
		j.InterestRate = &rate{hundredths: p.rate, quoted: p.variant%2 == 0}
		j.DurationMonths = &p.durationMonths
		j.RepaymentFrequency = &p.frequency
	}
	return j
}

func (p *project) detailJSON() projectDetailJSON {
	d := projectDetailJSON{projectJSON: p.json(), LongDescription: p.longDesc}
	for k, r := range p.rewards {
		d.Rewards = append(d.Rewards, rewardJSON{Amount: money{cents: r.amount, quoted: (p.variant+k)%2 == 0}, Description: r.description})
	}
	return d
}

// projectFilter is the validated query of GET /projects.
type projectFilter struct {
	order, category, collectType, region string
	words                                []string // folded keyword words, all of which must match
}

// parseProjectFilter checks the enums; an unknown value is a 400 naming the
// allowed ones. Empty values count as absent.
func parseProjectFilter(q url.Values) (projectFilter, error) {
	f := projectFilter{
		order:       strings.TrimSpace(q.Get("order")),
		category:    strings.TrimSpace(q.Get("category")),
		collectType: strings.TrimSpace(q.Get("type")),
		region:      strings.TrimSpace(q.Get("region")),
		words:       strings.Fields(fold(q.Get("keyword"))),
	}
	for _, c := range []struct {
		name, value string
		allowed     []string
	}{
		{"order", f.order, orders},
		{"category", f.category, categories},
		{"type", f.collectType, collectTypes},
		{"region", f.region, regionCodes()},
	} {
		if c.value != "" && !slices.Contains(c.allowed, c.value) {
			return f, fmt.Errorf("%s must be one of: %s", c.name, strings.Join(c.allowed, ", "))
		}
	}
	return f, nil
}

func (f projectFilter) match(p *project) bool {
	switch {
	case f.category != "" && p.category != f.category,
		f.collectType != "" && p.collectType != f.collectType,
		f.region != "" && p.region.code != f.region,
		f.order == "in_progress" && p.status != "in_progress":
		return false
	}
	for _, w := range f.words {
		if !strings.Contains(p.searchText, w) {
			return false
		}
	}
	return true
}

// sort orders the matches; ties fall back on the id so that pages never
// overlap or skip.
func (f projectFilter) sort(ps []*project) {
	switch f.order {
	case "populars":
		slices.SortFunc(ps, func(a, b *project) int {
			return cmp.Or(cmp.Compare(b.backers, a.backers), cmp.Compare(a.id, b.id))
		})
	case "in_progress":
		slices.SortFunc(ps, func(a, b *project) int {
			return cmp.Or(a.endsAt.Compare(b.endsAt), cmp.Compare(a.id, b.id))
		})
	default: // recent, and the default order
		slices.SortFunc(ps, func(a, b *project) int {
			return cmp.Or(b.publishedAt.Compare(a.publishedAt), cmp.Compare(b.id, a.id))
		})
	}
}

func (h *Handler) listProjects(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseProjectFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	p, err := parsePage(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var matches []*project
	for i := range h.data.projects {
		if f.match(&h.data.projects[i]) {
			matches = append(matches, &h.data.projects[i])
		}
	}
	f.sort(matches)
	lo, hi := p.window(len(matches))
	items := make([]projectJSON, 0, hi-lo)
	for _, m := range matches[lo:hi] {
		items = append(items, m.json())
	}
	setPageHeaders(w, r, p, len(matches))
	writeJSON(w, http.StatusOK, items)
}

func (h *Handler) getProject(w http.ResponseWriter, _ *http.Request, idText string) {
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		writeError(w, http.StatusNotFound, "project not found")
		return
	}
	p, ok := h.data.projectByID[id]
	if !ok {
		writeError(w, http.StatusNotFound, "project not found")
		return
	}
	writeJSON(w, http.StatusOK, p.detailJSON())
}
