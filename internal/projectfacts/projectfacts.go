// Package projectfacts fetches what the portfolio figures need to know of
// a lender's projects and a pledge does not carry: each project's region
// (for diversification) and repayment frequency (to rebuild a schedule the
// server did not send). The terminal's insight pane and the insight,
// schedule and tax commands load them the same way.
package projectfacts

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/insight"
)

const (
	// fewSingles: up to this many projects are asked for one by one; more,
	// and the public list is walked first (a few pages in parallel), then
	// the ones it did not list are asked for one by one.
	fewSingles = 8
	// maxSingles bounds the one-by-one requests: past it, the projects left
	// have an unknown region and a monthly schedule, which the figures say.
	maxSingles = 200
	// concurrency of the one-by-one requests, as a parallel walk's.
	concurrency = 4
)

// Of is the facts of one project.
func Of(p api.Project) insight.ProjectFacts {
	return insight.ProjectFacts{Region: p.Region, Frequency: p.RepaymentFrequency}
}

// IDs is the distinct projects of pledges, in the order first met.
func IDs(pledges []api.Pledge) []int64 {
	seen := make(map[int64]bool, len(pledges))
	var out []int64
	for _, p := range pledges {
		if id := p.Project.ID; id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Load fetches the facts of the projects ids. It returns what it could get
// with the first error met (a project gone, a failed page): figures built
// on partial facts are still right, with some regions unknown.
func Load(ctx context.Context, c *api.Client, ids []int64) (map[int64]insight.ProjectFacts, error) {
	out := make(map[int64]insight.ProjectFacts, len(ids))
	var firstErr error
	if len(ids) > fewSingles {
		want := make(map[int64]bool, len(ids))
		for _, id := range ids {
			want[id] = true
		}
		for page, err := range c.ProjectPages(ctx, api.ProjectQuery{PerPage: api.MaxPerPage}) {
			if err != nil {
				firstErr = err
				break
			}
			for _, p := range page.Items {
				if want[p.ID] {
					out[p.ID] = Of(p)
				}
			}
			if len(out) == len(want) {
				break
			}
		}
	}
	var missing []int64
	for _, id := range ids {
		if _, ok := out[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > maxSingles {
		missing = missing[:maxSingles]
	}
	got, err := singles(ctx, c, missing)
	for id, f := range got {
		out[id] = f
	}
	return out, errors.Join(firstErr, err)
}

// singles asks for projects one by one, a few at a time.
func singles(ctx context.Context, c *api.Client, ids []int64) (map[int64]insight.ProjectFacts, error) {
	var (
		mu   sync.Mutex
		out  = make(map[int64]insight.ProjectFacts, len(ids))
		errs []error
		wg   sync.WaitGroup
		sem  = make(chan struct{}, concurrency)
	)
	for _, id := range slices.Clone(ids) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				return
			}
			p, err := c.Project(ctx, id)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if !errors.Is(err, api.ErrNotFound) { // a project gone keeps an unknown region
					errs = append(errs, err)
				}
				return
			}
			out[id] = Of(p)
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		return out, errs[0]
	}
	return out, ctx.Err()
}
