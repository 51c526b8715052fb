package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/miimosa/miimosa/internal/sandbox"
)

func who(t *testing.T, i int) []string {
	u := demoUser(t, i)
	return []string{"--email", u.Email, "--birthdate", dmy(u.Birthdate)}
}

func TestInsightScheduleTaxGolden(t *testing.T) {
	ts := newTestServer(t)
	cases := []goldenCase{
		{"insight_table", map[string]string{"COLUMNS": "100"}, []string{"insight"}},
		{"insight_table_fr", map[string]string{"COLUMNS": "100", "LANG": "fr_FR.UTF-8"}, []string{"insight"}},
		{"schedule_table", map[string]string{"COLUMNS": "100"}, []string{"schedule", "--months", "3"}},
		{"schedule_table_fr", map[string]string{"COLUMNS": "100", "LANG": "fr_FR.UTF-8"}, []string{"schedule", "--months", "3"}},
		{"schedule_csv", nil, []string{"schedule", "--months", "2", "--format", "csv"}},
	}
	for i := range cases {
		cases[i].args = append(cases[i].args, who(t, 0)...)
	}
	runGoldenCases(t, ts.URL, cases)
}

// The tax table says on standard error that it is an estimate to check
// against the platform's form; 2025 and 2026 straddle the rate change.
func TestTaxTableGoldenAndItsNote(t *testing.T) {
	ts := newTestServer(t)
	for _, c := range []struct {
		name string
		env  map[string]string
		year string
		note string
	}{
		{"tax_2025", nil, "2025", "IFU"},
		{"tax_2026_fr", french, "2026", "imprimé fiscal unique (IFU)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := testEnv(t, ts.URL)
			for k, v := range c.env {
				env[k] = v
			}
			r := run(t, env, append([]string{"tax", "--year", c.year}, who(t, 0)...)...).expectCode(t, ExitOK)
			if !strings.Contains(r.stderr, c.note) {
				t.Errorf("stderr lacks the note: %q", r.stderr)
			}
			golden(t, c.name, r.stdout)
		})
	}
}

// The rate in force on each payment date: 2025's interest is withheld at
// 30 %, 2026's at 31.4 %, to the cent of each payment.
func TestTaxJSONFollowsTheRateOfEachYear(t *testing.T) {
	ts := newTestServer(t)
	env := testEnv(t, ts.URL)
	for _, c := range []struct {
		year         string
		social       float64
		incomeTaxPct float64
	}{{"2025", 0.172, 0.128}, {"2026", 0.186, 0.128}} {
		r := run(t, env, append([]string{"tax", "--year", c.year, "--format", "json"}, who(t, 0)...)...).expectCode(t, ExitOK)
		var y struct {
			Year          int
			Interest      string
			IncomeTax     string `json:"income_tax"`
			SocialCharges string `json:"social_charges"`
			Withholding   string
			Payments      int
			Note          string
		}
		if err := json.Unmarshal([]byte(r.stdout), &y); err != nil {
			t.Fatalf("%s: %v\n%s", c.year, err, r.stdout)
		}
		interest, social, income, total := cents(t, y.Interest), cents(t, y.SocialCharges), cents(t, y.IncomeTax), cents(t, y.Withholding)
		if interest <= 0 || y.Payments == 0 || !strings.Contains(y.Note, "IFU") {
			t.Fatalf("%s: %+v", c.year, y)
		}
		if total != social+income {
			t.Errorf("%s: withholding %d ≠ %d + %d", c.year, total, social, income)
		}
		// Rounded per payment: within half a cent a payment of the rate.
		slack := float64(y.Payments)/2 + 1
		if d := float64(social) - float64(interest)*c.social; d > slack || d < -slack {
			t.Errorf("%s: social charges %d for %d of interest, want %.1f%%", c.year, social, interest, c.social*100)
		}
	}
}

// cents parses a decimal string of euros exactly.
func cents(t *testing.T, s string) int64 {
	t.Helper()
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	var n int64
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			t.Fatalf("not an amount: %q", s)
		}
		n = n*10 + int64(r-'0')
	}
	return n
}

// The insight json holds every section, with exact cents: what the loans
// repaid adds up to the lent total less what is outstanding and lost.
func TestInsightJSON(t *testing.T) {
	ts := newTestServer(t)
	r := run(t, testEnv(t, ts.URL), append([]string{"insight", "--format", "json"}, who(t, 0)...)...).expectCode(t, ExitOK)
	var rep struct {
		Lent, Outstanding string
		Realised          *string                        `json:"realised_return"`
		Next              *struct{ Date, Amount string } `json:"next_repayment"`
		Late              []struct{ Since string }
		Ahead             []struct{ Month, Capital string } `json:"next_12_months"`
		Loans             []struct {
			PledgeID int64 `json:"pledge_id"`
			Status   string
		}
		TaxYears []struct{ Year int } `json:"tax_years"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Realised == nil || rep.Next == nil || len(rep.Late) == 0 || len(rep.Ahead) != 12 || len(rep.Loans) != 19 || len(rep.TaxYears) < 3 {
		t.Errorf("a section is missing: %+v", rep)
	}
	if rep.Next != nil && (rep.Next.Date != "2026-12-15" || cents(t, rep.Next.Amount) <= 0) {
		t.Errorf("next repayment %+v", rep.Next)
	}
}

// The .ics file is what a calendar app reads: parsed back by a real
// iCalendar library, one event a repayment date, the total in the summary,
// and nothing personal in it.
func TestScheduleICSParsesBack(t *testing.T) {
	ts := newTestServer(t)
	u := demoUser(t, 0)
	r := run(t, testEnv(t, ts.URL), append([]string{"schedule", "--months", "6", "--format", "ics"}, who(t, 0)...)...).expectCode(t, ExitOK)
	cal, err := ics.ParseCalendar(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, r.stdout)
	}
	events := cal.Events()
	if len(events) < 6 {
		t.Fatalf("%d events for 6 months", len(events))
	}
	seen := map[string]bool{}
	for _, e := range events {
		start, err := e.GetAllDayStartAt()
		if err != nil {
			t.Fatal(err)
		}
		if start.Day() != 15 || seen[start.Format(time.DateOnly)] {
			t.Errorf("event on %s: repayments come on the 15th, one event a date", start)
		}
		seen[start.Format(time.DateOnly)] = true
		sum := e.GetProperty(ics.ComponentPropertySummary)
		desc := e.GetProperty(ics.ComponentPropertyDescription)
		if sum == nil || !strings.Contains(sum.Value, "€") || desc == nil || !strings.Contains(desc.Value, "pledge") {
			t.Errorf("event %s: summary %v, description %v", start, sum, desc)
		}
	}
	if strings.Contains(r.stdout, u.Email) || strings.Contains(r.stdout, u.Birthdate) || strings.Contains(r.stdout, dmy(u.Birthdate)) {
		t.Error("the calendar holds the lender's email or birthdate")
	}
}

// Two lenders' calendars imported into one app keep their events apart:
// a repayment day's UID is the day and its pledges, not the day alone. An
// instalment from a rebuilt schedule carries the mark the note explains.
func TestScheduleICSEventsAreTheLendersOwn(t *testing.T) {
	ts := newTestServer(t)
	uids := map[string]int{}
	for _, i := range []int{0, 3} { // camille, jean-pierre
		r := run(t, testEnv(t, ts.URL), append([]string{"schedule", "--months", "3", "--format", "ics"}, who(t, i)...)...).expectCode(t, ExitOK)
		cal, err := ics.ParseCalendar(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range cal.Events() {
			uids[e.Id()]++
			desc := e.GetProperty(ics.ComponentPropertyDescription).Value
			if strings.Contains(desc, "rebuilt") && !strings.Contains(desc, " *") {
				t.Errorf("the note on rebuilt schedules, and no line marked:\n%s", desc)
			}
		}
	}
	for uid, n := range uids {
		if n > 1 {
			t.Errorf("UID %s is in both lenders' calendars", uid)
		}
	}
}

func TestScheduleCSVParsesBack(t *testing.T) {
	ts := newTestServer(t)
	r := run(t, testEnv(t, ts.URL), append([]string{"schedule", "--format", "csv"}, who(t, 0)...)...).expectCode(t, ExitOK)
	rows, err := csv.NewReader(bytes.NewBufferString(r.stdout)).ReadAll()
	if err != nil || len(rows) < 2 || strings.Join(rows[0], ",") != strings.Join(scheduleCSVHeader, ",") {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	for _, row := range rows[1:] {
		if cents(t, row[4])+cents(t, row[5]) != cents(t, row[6]) {
			t.Errorf("capital + interest ≠ total: %v", row)
		}
	}
}

func TestInsightCommandsRefuseBadFlags(t *testing.T) {
	env := testEnv(t, "http://127.0.0.1:9")
	u := who(t, 0)
	run(t, env, append([]string{"tax", "--year", "1999"}, u...)...).expectCode(t, ExitUsage).expectOneLineError(t, "--year 1999")
	run(t, env, append([]string{"tax", "--year", "2031"}, u...)...).expectCode(t, ExitUsage)
	run(t, env, append([]string{"schedule", "--months", "0"}, u...)...).expectCode(t, ExitUsage).expectOneLineError(t, "--months 0")
	run(t, env, append([]string{"insight", "--format", "csv"}, u...)...).expectCode(t, ExitUsage)
	run(t, env, "insight").expectCode(t, ExitUsage).expectOneLineError(t, "--email")
}

// A lender with no pledge gets a sentence, not an empty table.
func TestInsightWithoutPledges(t *testing.T) {
	ts := newTestServer(t)
	var u sandbox.User
	for _, d := range sandbox.DemoUsers() {
		if strings.Contains(d.Description, "no pledges") {
			u = d
		}
	}
	r := run(t, testEnv(t, ts.URL), "insight", "--email", u.Email, "--birthdate", u.Birthdate).expectCode(t, ExitOK)
	if !strings.Contains(r.stdout, "No lending pledge") {
		t.Errorf("stdout %q", r.stdout)
	}
}

// A server that fails on a later page of pledges: exit 6, one line.
func TestInsightWhenTheServerFailsMidWalk(t *testing.T) {
	h := sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/user/pledges" && r.URL.Query().Get("page") == "3" {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	run(t, testEnv(t, srv.URL), append([]string{"insight"}, who(t, 3)...)...).expectCode(t, ExitNetwork).expectOneLineError(t, "failed")
}
