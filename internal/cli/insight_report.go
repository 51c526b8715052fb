package cli

import (
	"context"
	"fmt"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/insight"
	"github.com/miimosa/miimosa/internal/projectfacts"
)

// portfolio is what insight, schedule and tax read: the person's pledges,
// every page of them, and the figures computed from them.
type portfolio struct {
	pledges []api.Pledge
	report  insight.Report
}

// openPortfolio opens the session for the person of uf and loads their
// portfolio: the start of insight, schedule and tax.
func openPortfolio(ctx context.Context, f *Factory, uf *userFlags) (portfolio, error) {
	s, client, u, err := uf.open(ctx, f)
	if err != nil {
		return portfolio{}, err
	}
	defer s.close()
	return loadPortfolio(ctx, f, s, client, u)
}

// loadPortfolio walks every page of the person's pledges, fetches what the
// figures need of their projects (a region, a repayment frequency) and
// computes the report. Facts that could not all be fetched leave some
// regions unknown: that is said on standard error, not an error.
func loadPortfolio(ctx context.Context, f *Factory, s *cmdSession, client *api.Client, u api.User) (portfolio, error) {
	var pf portfolio
	for page, err := range client.PledgePages(ctx, u, perPageMax) {
		if err != nil {
			return pf, s.explain(err)
		}
		pf.pledges = append(pf.pledges, page.Items...)
	}
	facts, err := projectfacts.Load(ctx, client, projectfacts.IDs(pf.pledges))
	if err != nil {
		if ctx.Err() != nil {
			return pf, s.explain(err)
		}
		fmt.Fprintln(f.IO.ErrOut, f.T("insight.cli.facts_partial"))
	}
	pf.report = insight.Compute(pf.pledges, facts, f.Now())
	return pf, nil
}

// moneyText is a figure in cents as the JSON of the other commands writes
// money: a decimal string.
func moneyText(c insight.Cents) string { return c.Money().String() }

// rateText is a return as a decimal string of percent, null when it cannot
// be computed.
func rateText(r insight.Rate) *string {
	if !r.OK {
		return nil
	}
	s := r.Percent(2).String()
	return &s
}
