package pledges

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// A server whose next links never end: page N links to page N+1 forever
// (endless), or page 2 links back to page 1 (loop). hits counts requests.
func pagingServer(t *testing.T, loop bool, hits *atomic.Int64) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		n = max(n, 1)
		next := n + 1
		if loop && n == 2 {
			next = 1
		}
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(next))
		w.Header().Set("Link", fmt.Sprintf(`<%s?%s>; rel="next"`, r.URL.Path, q.Encode()))
		w.Header().Set("Content-Type", "application/json")
		var items []string
		for i := range 10 {
			items = append(items, fmt.Sprintf(`{"id":%d,"project":{"id":1,"title":"Ferme"},"amount":"100.00","status":"repaying"}`, n*10+i))
		}
		fmt.Fprint(w, "["+strings.Join(items, ",")+"]")
	}))
	t.Cleanup(srv.Close)
	return srv
}

// The pane walks a person's pledges with the bounded walk: a server that
// pages in circles or forever is stopped within the limits, what was
// loaded stays, and the pane says why it stopped.
func TestAServerThatPagesForeverIsStopped(t *testing.T) {
	for _, loop := range []bool{true, false} {
		var hits atomic.Int64
		srv := pagingServer(t, loop, &hits)
		m := New(uitest.Env(i18n.EN), uitest.Client(t, srv.URL, "k")).SetSize(100, 30).SetFocused(true)
		m, cmd := m.Update(common.UserMsg{User: alice, Gen: 1})
		m = uitest.Settle(t, m, cmd)
		if m.Busy() || !errors.Is(m.Err(), api.ErrRefused) {
			t.Fatalf("loop %v: busy %v, err %v", loop, m.Busy(), m.Err())
		}
		if len(m.items) == 0 || len(m.items) > limits.MaxItems || hits.Load() > int64(limits.MaxPages)+1 {
			t.Fatalf("loop %v: %d pledges kept, %d requests", loop, len(m.items), hits.Load())
		}
		if loop && len(m.items) != 20 {
			t.Errorf("loop: %d pledges, want the 20 of pages 1 and 2", len(m.items))
		}
		v := uitest.Plain(m.View())
		if !strings.Contains(v, "refuses") || !strings.Contains(v, "Ferme") {
			t.Errorf("loop %v: the pane does not say why it stopped, or lost what it loaded:\n%s", loop, v)
		}
	}
}
