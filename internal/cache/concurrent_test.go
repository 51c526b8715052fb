package cache

import (
	"fmt"
	"sync"
	"testing"

	"github.com/miimosa/miimosa/api"
)

// Goroutines share one store, and other stores on the same directory stand
// for other processes (they share no lock). Whatever the interleaving,
// a Load sees nothing or one list exactly as some Save wrote it.
func TestConcurrentSavesAndLoadsNeverTearAnEntry(t *testing.T) {
	dir := t.TempDir()
	shared := New(dir, Options{})
	others := []*Store{New(dir, Options{}), New(dir, Options{})}
	// Each writer saves lists whose every project carries the writer and
	// round in its id, so a mix of two lists shows.
	list := func(writer, round int) []api.Project {
		items := projects(20)
		for i := range items {
			items[i].ID = int64(writer*1000 + round)
			items[i].Title = fmt.Sprintf("w%d r%d", writer, round)
		}
		return items
	}
	const writers, rounds = 6, 15
	var wg sync.WaitGroup
	errs := make(chan error, writers*rounds*2)
	for w := range writers {
		s := shared
		if w%3 == 2 {
			s = others[w%2]
		}
		wg.Go(func() {
			for r := range rounds {
				if err := s.Save(host, query, list(w, r), api.Int{Value: int64(w), Valid: true}); err != nil {
					errs <- err
				}
				e, ok, err := s.Load(host, query)
				if err != nil {
					errs <- err
					continue
				}
				if !ok {
					continue
				}
				id := e.Items[0].ID
				for _, p := range e.Items {
					if p.ID != id || p.Title != fmt.Sprintf("w%d r%d", id/1000, id%1000) {
						errs <- fmt.Errorf("a torn entry: %d then %d %q", id, p.ID, p.Title)
						break
					}
				}
				if len(e.Items) != 20 || e.Total.Value != id/1000 {
					errs <- fmt.Errorf("an entry of %d projects, total %d, from writer %d", len(e.Items), e.Total.Value, id/1000)
				}
			}
		})
	}
	// Saves of other queries make the stores evict while the others write.
	wg.Go(func() {
		for r := range rounds {
			if err := shared.Save(host, api.ProjectQuery{Keyword: fmt.Sprint("k", r)}, projects(5), api.Int{}); err != nil {
				errs <- err
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	mustLoad(t, shared, host, query)
}
