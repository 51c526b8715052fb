package sandbox

// demoHistory is the rich demo user's pledges, written so that every figure
// a lender asks about has something to show: pledges made over the last four
// years, repayments received in each of the last three, loans repaid, late
// since different dates and defaulted with capital lost, repayments left for
// the client to rebuild, monthly and quarterly schedules. Months count back
// from today (on 27 November 2026, [36, 45) is a collect closed in 2023).
var demoHistory = []pledgeSpec{
	// Collects still open.
	{status: "pending"},
	{status: "pending"},
	{status: "pending"},
	// Loans paid off: the first in 2024–2025, the last in 2026.
	{status: "repaid", endedIn: [2]int{36, 45}},
	{status: "repaid", endedIn: [2]int{24, 36}},
	{status: "repaid", endedIn: [2]int{12, 24}},
	// Loans being repaid, from each year; two sent without their repayments.
	{status: "repaying", endedIn: [2]int{36, 48}},
	{status: "repaying", endedIn: [2]int{36, 48}, noSchedule: true},
	{status: "repaying", endedIn: [2]int{24, 36}, frequency: "monthly"},
	{status: "repaying", endedIn: [2]int{24, 36}, frequency: "quarterly"},
	{status: "repaying", endedIn: [2]int{12, 24}, frequency: "monthly"},
	{status: "repaying", endedIn: [2]int{12, 24}, frequency: "quarterly", noSchedule: true},
	{status: "repaying", endedIn: [2]int{0, 12}, frequency: "monthly"},
	{status: "repaying", endedIn: [2]int{0, 12}, frequency: "quarterly"},
	// Late: this month's instalment, the last three months', a quarter's.
	{status: "late", endedIn: [2]int{12, 24}, frequency: "monthly", overdue: 1},
	{status: "late", endedIn: [2]int{24, 36}, frequency: "monthly", overdue: 3},
	{status: "late", frequency: "quarterly", overdue: 5},
	// Defaulted: payments stopped a year and a half ago, and in the spring.
	{status: "defaulted", endedIn: [2]int{24, 48}, overdue: 17},
	{status: "defaulted", endedIn: [2]int{12, 24}, overdue: 7},
}
