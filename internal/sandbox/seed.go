package sandbox

import (
	"strings"
	"sync"
	"time"
)

// seedData is everything the sandbox serves, built once from "today" and
// read-only afterwards.
type seedData struct {
	projects    []project
	projectByID map[int64]*project
	accounts    map[string]*account // by lower-case email
}

// lastSeed keeps the most recent seed: it is read-only, so handlers built for
// the same day (tests build many) share it instead of generating it again.
var lastSeed struct {
	sync.Mutex
	day  time.Time
	data *seedData
}

// seedFor returns the seed data for now's day, built once.
func seedFor(now time.Time) *seedData {
	day := now.UTC().Truncate(24 * time.Hour)
	lastSeed.Lock()
	defer lastSeed.Unlock()
	if lastSeed.data == nil || !lastSeed.day.Equal(day) {
		lastSeed.day, lastSeed.data = day, buildSeed(day)
	}
	return lastSeed.data
}

// buildSeed anchors the data on the UTC day of now, so that a server started
// at any hour of one day serves the same data.
func buildSeed(now time.Time) *seedData {
	today := now.UTC().Truncate(24 * time.Hour)
	d := &seedData{projects: buildProjects(today)}
	d.projectByID = make(map[int64]*project, len(d.projects))
	for i := range d.projects {
		d.projectByID[d.projects[i].id] = &d.projects[i]
	}
	d.accounts = map[string]*account{}
	for _, a := range buildAccounts(d.projects, today) {
		d.accounts[strings.ToLower(a.user.Email)] = a
	}
	return d
}
