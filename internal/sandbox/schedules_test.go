package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// clientPledge is a pledge as a client reads it, with the terms of its
// project from GET /projects/{id}.
type clientPledge struct {
	id, status                         string
	amount, repaid, interest, remains  int64 // cents
	rate                               int64 // hundredths of a percent
	months, step                       int
	projectEnd                         time.Time
	next                               *clientInstalment
	repayments                         []clientInstalment // nil: not sent
	projectID, category, title, region string
}

type clientInstalment struct {
	date              time.Time
	capital, interest int64
	status            string
}

// allPledges reads every page of u's pledges.
func allPledges(t *testing.T, u User) []map[string]any {
	t.Helper()
	var out []map[string]any
	for page := 1; ; page++ {
		w := get("/user/pledges?per_page=100&page=" + strconv.Itoa(page) + "&" + userQuery(u))
		if w.Code != http.StatusOK {
			t.Fatalf("%s page %d: status %d", u.Email, page, w.Code)
		}
		items := decode[[]map[string]any](t, w)
		out = append(out, items...)
		if len(out) >= atoi(t, w.Header().Get("Total")) || len(items) == 0 {
			return out
		}
	}
}

// listedProjects is the set of project ids GET /projects lists, every page.
func listedProjects(t *testing.T) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for page := 1; ; page++ {
		items := list(t, "/projects?per_page=100&page="+strconv.Itoa(page))
		if len(items) == 0 {
			return ids
		}
		for _, p := range items {
			ids[p["id"].(jsonNumber).String()] = true
		}
	}
}

func date(t testing.TB, v any) time.Time {
	t.Helper()
	s, _ := v.(string)
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("date %v: %v", v, err)
	}
	return d
}

// readPledge checks that the pledge's project is a listed lending project
// with the pledge's terms, and reads both.
func readPledge(t *testing.T, p map[string]any, listed map[string]bool, projects map[string]map[string]any) clientPledge {
	t.Helper()
	ref := p["project"].(map[string]any)
	c := clientPledge{
		id: p["id"].(jsonNumber).String(), status: p["status"].(string),
		amount: cents(t, p["amount"]), repaid: cents(t, p["repaid_capital"]),
		interest: cents(t, p["paid_interest"]), remains: cents(t, p["remaining_capital"]),
		rate: cents(t, p["interest_rate"]), months: int(num(t, p["duration_months"])),
		projectID: ref["id"].(jsonNumber).String(), category: ref["category"].(string), title: ref["title"].(string),
	}
	proj, ok := projects[c.projectID]
	if !ok {
		w := get("/projects/" + c.projectID)
		if w.Code != http.StatusOK {
			t.Fatalf("pledge %s: project %s answers %d", c.id, c.projectID, w.Code)
		}
		proj = decode[map[string]any](t, w)
		projects[c.projectID] = proj
	}
	if !listed[c.projectID] || proj["collect_type"] != "lending" || proj["title"] != c.title || proj["category"] != c.category || proj["slug"] != ref["slug"] {
		t.Errorf("pledge %s: project %s is %v %v %q, listed %v", c.id, c.projectID, proj["collect_type"], proj["category"], proj["title"], listed[c.projectID])
	}
	if cents(t, proj["interest_rate"]) != c.rate || int(num(t, proj["duration_months"])) != c.months {
		t.Errorf("pledge %s: %d at %d, project %s: %v at %v", c.id, c.months, c.rate, c.projectID, proj["duration_months"], proj["interest_rate"])
	}
	c.step = map[any]int{"monthly": 1, "quarterly": 3}[proj["repayment_frequency"]]
	if c.step == 0 {
		t.Fatalf("project %s: repayment frequency %v", c.projectID, proj["repayment_frequency"])
	}
	c.projectEnd = parseTime(t, proj["ends_at"]).UTC()
	c.region = proj["region"].(map[string]any)["code"].(string)
	if n, _ := p["next_repayment"].(map[string]any); n != nil {
		c.next = &clientInstalment{date: date(t, n["date"]), capital: cents(t, n["amount"])}
	}
	if reps, ok := p["repayments"].([]any); ok {
		c.repayments = []clientInstalment{}
		for _, r := range reps {
			r := r.(map[string]any)
			c.repayments = append(c.repayments, clientInstalment{date: date(t, r["date"]), capital: cents(t, r["capital"]), interest: cents(t, r["interest"]), status: r["status"].(string)})
		}
	}
	return c
}

// exactInstalment is the constant instalment, in fractional cents, that
// repays amount in n periods of step months at rate hundredths of a percent.
func exactInstalment(amount, rate int64, step, n int) float64 {
	r := float64(rate) / 10000 * float64(step) / 12
	return float64(amount) * r / (1 - math.Pow(1+r, -float64(n)))
}

// rebuild is the schedule a client makes from the terms alone: constant
// instalments from the 15th of the period after the collect ended, interest
// on the capital owed rounded half up, the last one paying off the rest;
// everything due by today paid (the pledge is repaying).
func rebuild(c clientPledge, day time.Time) []clientInstalment {
	n := c.months / c.step
	each := int64(math.Floor(exactInstalment(c.amount, c.rate, c.step, n) + 0.5))
	owed := c.amount
	var out []clientInstalment
	for k := range n {
		d := time.Date(c.projectEnd.Year(), c.projectEnd.Month()+time.Month(c.step*(k+1)), 15, 0, 0, 0, 0, time.UTC)
		interest := (owed*c.rate*int64(c.step) + 60000) / 120000
		capital := each - interest
		if k == n-1 {
			capital = owed
		}
		owed -= capital
		status := "scheduled"
		if !d.After(day) {
			status = "paid"
		}
		out = append(out, clientInstalment{date: d, capital: capital, interest: interest, status: status})
	}
	return out
}

// TestPledgeHistoriesAddUp reads every pledge of every user as a client
// does and checks that its figures, its schedule (sent or rebuilt from the
// terms), its status and its project agree.
func TestPledgeHistoriesAddUp(t *testing.T) {
	day := today.Truncate(24 * time.Hour)
	listed := listedProjects(t)
	projects := map[string]map[string]any{}
	for _, u := range DemoUsers() {
		for _, p := range allPledges(t, u) {
			c := readPledge(t, p, listed, projects)
			if c.amount <= 0 || c.repaid+c.remains != c.amount {
				t.Errorf("pledge %s: repaid %d + remaining %d != amount %d", c.id, c.repaid, c.remains, c.amount)
			}
			if c.status == "pending" {
				continue // checkPledge: nothing repaid, nothing due, no schedule
			}
			reps, rebuilt := c.repayments, false
			if reps == nil {
				if c.status != "repaying" {
					t.Errorf("%s pledge %s comes without its repayments; only repaying ones may", c.status, c.id)
					continue
				}
				reps, rebuilt = rebuild(c, day), true
			}
			checkSchedule(t, c, reps, rebuilt, day)
		}
	}
}

func checkSchedule(t *testing.T, c clientPledge, reps []clientInstalment, rebuilt bool, day time.Time) {
	t.Helper()
	n := c.months / c.step
	if len(reps) != n {
		t.Errorf("pledge %s: %d instalments for %d months every %d", c.id, len(reps), c.months, c.step)
		return
	}
	exact := exactInstalment(c.amount, c.rate, c.step, n)
	var capital, paidCapital, paidInterest, sum int64
	var oldestUnpaid *clientInstalment
	late, paid := 0, 0
	for k, r := range reps {
		want := time.Date(c.projectEnd.Year(), c.projectEnd.Month()+time.Month(c.step*(k+1)), 15, 0, 0, 0, 0, time.UTC)
		if !r.date.Equal(want) {
			t.Errorf("pledge %s: instalment %d on %s, want %s", c.id, k+1, r.date.Format(time.DateOnly), want.Format(time.DateOnly))
		}
		// Constant instalments, a cent of rounding each; the last one pays
		// off what the cents left, within a cent per instalment in all.
		sum += r.capital + r.interest
		if k < n-1 && math.Abs(float64(r.capital+r.interest)-exact) > 1 || math.Abs(float64(sum)-exact*float64(k+1)) > float64(k+1) {
			t.Errorf("pledge %s: instalment %d is %d, constant instalment %.2f", c.id, k+1, r.capital+r.interest, exact)
		}
		capital += r.capital
		overdue := !r.date.After(day)
		switch r.status {
		case "paid":
			if !overdue || paid != k {
				t.Errorf("pledge %s: instalment %d of %s paid out of order or early", c.id, k+1, r.date.Format(time.DateOnly))
			}
			paid++
			paidCapital += r.capital
			paidInterest += r.interest
		case "late", "scheduled":
			if overdue != (r.status == "late") {
				t.Errorf("pledge %s: instalment of %s is %s on %s", c.id, r.date.Format(time.DateOnly), r.status, day.Format(time.DateOnly))
			}
			if r.status == "late" {
				late++
			}
			if oldestUnpaid == nil {
				oldestUnpaid = &reps[k]
			}
		default:
			t.Errorf("pledge %s: instalment status %q", c.id, r.status)
		}
	}
	if capital != c.amount || paidCapital != c.repaid || paidInterest != c.interest {
		t.Errorf("pledge %s (rebuilt %v): schedule lends %d, paid %d + %d; pledge %d, repaid %d + %d", c.id, rebuilt, capital, paidCapital, paidInterest, c.amount, c.repaid, c.interest)
	}
	// The status says what the schedule shows.
	var ok bool
	switch c.status {
	case "repaying":
		ok = late == 0 && paid < n
	case "repaid":
		ok = paid == n
	case "late":
		ok = late > 0
	case "defaulted": // payments stopped: instalments overdue, capital lost
		ok = late > 0 && c.remains > 0
	}
	if !ok {
		t.Errorf("%s pledge %s: %d paid, %d late of %d", c.status, c.id, paid, late, n)
	}
	// next_repayment is the oldest instalment still owed, but a defaulted
	// loan expects nothing more.
	want := oldestUnpaid
	if c.status == "defaulted" {
		want = nil
	}
	switch {
	case want == nil && c.next != nil, want != nil && c.next == nil:
		t.Errorf("%s pledge %s: next repayment %v, oldest unpaid %v", c.status, c.id, c.next, want)
	case want != nil && (!c.next.date.Equal(want.date) || c.next.capital != want.capital+want.interest):
		t.Errorf("pledge %s: next repayment %s %d, oldest unpaid %s %d", c.id, c.next.date.Format(time.DateOnly), c.next.capital, want.date.Format(time.DateOnly), want.capital+want.interest)
	}
}
