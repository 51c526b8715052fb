// Package insight computes what a lender's pledges add up to: the return
// (XIRR) of each loan and of the portfolio, the cash-flow calendar, the risk,
// the diversification, the tax-year figures and the answers a support agent
// gives on the phone. It is pure computation: no I/O, no clock (callers pass
// now), no text for people (callers format the figures with internal/format
// and word them with internal/i18n).
//
// Money is in integer cents (Cents) throughout; only rates are float64.
package insight
