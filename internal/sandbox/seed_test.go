package sandbox

import (
	"math/big"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestSeedProjects(t *testing.T) {
	d := shared.data
	if len(d.projects) < 300 {
		t.Fatalf("%d projects, want 300 or more", len(d.projects))
	}
	cats, regs, types, statuses, kinds := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	ids, slugs := map[int64]bool{}, map[string]bool{}
	noImage, accented := 0, 0
	for _, p := range d.projects {
		cats[p.category], regs[p.region.code], types[p.collectType], statuses[p.status] = true, true, true, true
		kinds[p.status+"/"+p.collectType] = true
		if ids[p.id] || slugs[p.slug] {
			t.Errorf("project %d: id or slug %q not unique", p.id, p.slug)
		}
		ids[p.id], slugs[p.slug] = true, true
		if p.imageURL == "" {
			noImage++
		}
		if strings.ContainsAny(p.ownerFirst+p.ownerLast, "éèëêïîôç") {
			accented++
		}
		checkProject(t, p)
	}
	for _, want := range [][]string{categories, regionCodes(), collectTypes, projectStatuses} {
		for _, v := range want {
			if !cats[v] && !regs[v] && !types[v] && !statuses[v] {
				t.Errorf("no project has %q", v)
			}
		}
	}
	if len(regs) != 18 || len(cats) != 12 || len(kinds) != 8 {
		t.Errorf("%d regions, %d categories, %d status×type combinations", len(regs), len(cats), len(kinds))
	}
	if noImage == 0 || accented == 0 {
		t.Errorf("%d projects without an image, %d owners with accents: want some of each", noImage, accented)
	}
}

func checkProject(t *testing.T, p project) {
	t.Helper()
	reg, ok := regionByCode(p.region.code)
	if !ok || !slices.ContainsFunc(reg.departments, func(d department) bool { return d.code == p.department }) {
		t.Errorf("project %d: department %s is not in region %s", p.id, p.department, p.region.code)
	}
	if !validDepartment(p.department) {
		t.Errorf("project %d: department %q", p.id, p.department)
	}
	if p.title == "" || unicode.IsLower([]rune(p.title)[0]) || strings.Contains(p.title, "{") || strings.Contains(p.description+p.longDesc, "{") {
		t.Errorf("project %d: title %q, description %q", p.id, p.title, p.description)
	}
	if text := p.title + " " + p.description + " " + p.longDesc; strings.Contains(text, " de le ") || strings.Contains(text, "à Le ") ||
		strings.Contains(text, " de É") || strings.Contains(text, " de H") || strings.Contains(text, " de A") {
		t.Errorf("project %d: French article not contracted: %q %q", p.id, p.title, p.description)
	}
	if u, err := url.Parse("https://www.miimosa.com/fr/projects/" + p.slug); err != nil || u.EscapedPath() != u.Path || p.slug == "" {
		t.Errorf("project %d: slug %q", p.id, p.slug)
	}
	switch p.status {
	case "upcoming":
		if p.collected != 0 || p.backers != 0 {
			t.Errorf("upcoming project %d collected %d from %d backers", p.id, p.collected, p.backers)
		}
	case "in_progress":
		if !p.endsAt.After(today) {
			t.Errorf("project %d in progress ended %v", p.id, p.endsAt)
		}
	case "success":
		if p.collected < p.target || p.endsAt.After(today) {
			t.Errorf("successful project %d: %d of %d, ends %v", p.id, p.collected, p.target, p.endsAt)
		}
	case "failed":
		if p.collected >= p.target || p.endsAt.After(today) {
			t.Errorf("failed project %d: %d of %d, ends %v", p.id, p.collected, p.target, p.endsAt)
		}
	}
	if p.collected > p.target*2 || !p.publishedAt.Before(p.endsAt) || p.publishedAt.After(today.Add(24*time.Hour)) {
		t.Errorf("project %d: collected %d of %d, published %v, ends %v", p.id, p.collected, p.target, p.publishedAt, p.endsAt)
	}
	if p.collectType == "lending" {
		if p.rate < 250 || p.rate > 600 || p.durationMonths < 12 || p.durationMonths > 84 || p.rewards != nil {
			t.Errorf("lending project %d: rate %d, %d months, %d rewards", p.id, p.rate, p.durationMonths, len(p.rewards))
		}
	} else if len(p.rewards) == 0 || p.rate != 0 || p.durationMonths != 0 {
		t.Errorf("donation project %d: %d rewards, rate %d", p.id, len(p.rewards), p.rate)
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	a, b := buildSeed(today), buildSeed(today.Add(3*time.Hour))
	if !reflect.DeepEqual(a.projects, b.projects) {
		t.Error("two seeds built on the same day differ")
	}
	if !reflect.DeepEqual(a.accounts["camille.durand@example.com"].pledges, b.accounts["camille.durand@example.com"].pledges) {
		t.Error("the demo user's pledges differ between two builds")
	}
	// Another day moves the dates, not the projects.
	c := buildSeed(today.AddDate(0, 1, 0))
	if c.projects[10].title != a.projects[10].title || c.projects[10].endsAt.Equal(a.projects[10].endsAt) {
		t.Error("a seed built a month later should keep the projects and move their dates")
	}
}

// TestRepaymentInterest recomputes one pledge's schedule with exact
// rationals: interest for a period is the capital still owed times the rate
// over the period, rounded half up to the cent.
func TestRepaymentInterest(t *testing.T) {
	a := shared.data.accounts["camille.durand@example.com"]
	checked := 0
	for _, p := range a.pledges {
		if p.schedule == nil {
			continue
		}
		months := int64(1)
		if p.project.frequency == "quarterly" {
			months = 3
		}
		owed := p.amount
		for _, in := range p.schedule {
			r := new(big.Rat).SetFrac64(owed*p.project.rate*months, 100*100*12) // cents × %/100 /100 × months/12
			r.Add(r, big.NewRat(1, 2))
			want := new(big.Int).Quo(r.Num(), r.Denom()).Int64()
			if in.interest != want {
				t.Fatalf("pledge %d, %s: interest %d, want %d", p.id, in.date.Format(time.DateOnly), in.interest, want)
			}
			owed -= in.capital
			checked++
		}
		if owed != 0 {
			t.Errorf("pledge %d: the schedule leaves %d cents owed", p.id, owed)
		}
	}
	if checked == 0 {
		t.Fatal("no schedule checked")
	}
}

func TestDemoUsersIsACopy(t *testing.T) {
	u := DemoUsers()
	u[0].Email = "changed"
	if DemoUsers()[0].Email == "changed" {
		t.Error("DemoUsers exposes the seed's slice")
	}
	emails := map[string]bool{}
	for _, u := range DemoUsers() {
		if _, err := time.Parse(time.DateOnly, u.Birthdate); err != nil || emails[strings.ToLower(u.Email)] || u.Description == "" {
			t.Errorf("user %+v", u)
		}
		emails[strings.ToLower(u.Email)] = true
	}
}
