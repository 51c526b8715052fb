package insight

import (
	"slices"
	"strconv"
	"strings"
)

// Diversification spreads the capital at work, the outstanding capital of
// loans not in default (a defaulted loan's capital is lost, no longer at
// work), three ways.
type Diversification struct {
	ByCategory Breakdown // Key: the category slug; Label empty (callers name it)
	ByRegion   Breakdown // Key: the INSEE code, "" when unknown; Label: the region's name
	ByProject  Breakdown // Key: the project id; Label: its title
}

// Breakdown is capital spread over slices.
type Breakdown struct {
	// Slices are in descending order of capital, then by Key.
	Slices []Slice
	Total  Cents
	// Top5 adds up the five largest slices: the share is Top5/Total.
	Top5 Cents
	// HHI is the Herfindahl–Hirschman index, Σ shareᵢ² from 1/len(Slices)
	// (even) to 1 (all in one slice); 0 when nothing is at work.
	HHI float64
	// Effective is 1/HHI: as many equal slices as this spread is worth.
	Effective float64
}

// Slice is the capital in one category, region or project.
type Slice struct {
	Key         string
	Label       string
	Outstanding Cents
	Loans       int
}

func diversification(loans []Loan) Diversification {
	cat, reg, proj := newSlicer(), newSlicer(), newSlicer()
	for i := range loans {
		l := &loans[i]
		if l.Pending() || l.Defaulted() || l.Outstanding <= 0 {
			continue
		}
		cat.add(l.Project.Category, "", l.Outstanding)
		reg.add(l.Region.Code, l.Region.Name, l.Outstanding)
		proj.add(strconv.FormatInt(l.Project.ID, 10), l.Project.Title, l.Outstanding)
	}
	return Diversification{ByCategory: cat.breakdown(), ByRegion: reg.breakdown(), ByProject: proj.breakdown()}
}

type slicer struct {
	index  map[string]int
	slices []Slice
}

func newSlicer() *slicer { return &slicer{index: map[string]int{}, slices: []Slice{}} }

func (s *slicer) add(key, label string, c Cents) {
	i, ok := s.index[key]
	if !ok {
		i = len(s.slices)
		s.index[key] = i
		s.slices = append(s.slices, Slice{Key: key, Label: label})
	}
	s.slices[i].Outstanding += c
	s.slices[i].Loans++
}

func (s *slicer) breakdown() Breakdown {
	b := Breakdown{Slices: s.slices}
	slices.SortFunc(b.Slices, func(x, y Slice) int {
		if x.Outstanding != y.Outstanding {
			return cmpInt64(int64(y.Outstanding), int64(x.Outstanding))
		}
		return strings.Compare(x.Key, y.Key)
	})
	for i, sl := range b.Slices {
		b.Total += sl.Outstanding
		if i < 5 {
			b.Top5 += sl.Outstanding
		}
	}
	if b.Total > 0 {
		for _, sl := range b.Slices {
			share := float64(sl.Outstanding) / float64(b.Total)
			b.HHI += share * share
		}
		b.Effective = 1 / b.HHI
	}
	return b
}
