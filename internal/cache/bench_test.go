package cache

import (
	"testing"

	"github.com/miimosa/miimosa/api"
)

// The pane saves a first page of up to 200 projects when it arrives and
// loads one at start.

func BenchmarkSave200(b *testing.B) {
	s, _ := newStore(b, Options{})
	items := projects(200)
	total := api.Int{Value: 420, Valid: true}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Save(host, query, items, total); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad200(b *testing.B) {
	s, _ := newStore(b, Options{})
	mustSave(b, s, host, query, projects(200), api.Int{Value: 420, Valid: true})
	b.ReportAllocs()
	for b.Loop() {
		if e, ok, err := s.Load(host, query); !ok || len(e.Items) != 200 {
			b.Fatal(ok, err)
		}
	}
}
