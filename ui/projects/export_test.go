package projects

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/records"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// e exports the whole list the filters keep, not the pages seen: every
// page is loaded first, then the prompt asks for the name; the rows are
// in the order shown, with the commands' CSV columns.
func TestExportLoadsTheWholeListThenWritesIt(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 60), nil)
	m, _ = m.setSort(sortRate)
	m = answer(t, m, page(makeProjects(41, 20), "", 60), nil)
	m = uitest.Press(m, "e")
	if !m.Capturing() {
		t.Fatal("e did not open the prompt")
	}
	uitest.Contains(t, m.View(), "Export to: miimosa-projects-2026-11-27.csv")
	m, cmd := m.Update(uitest.Key("enter"))
	m, cmd = m.Update(cmd())
	path := filepath.Join(dir, "miimosa-projects-2026-11-27.csv")
	if st, ok := cmd().(common.StatusMsg); !ok || st.Text != "Wrote 60 projects to "+path {
		t.Errorf("notice %#v", st)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], records.ProjectHeader) || len(rows) != 61 {
		t.Fatalf("header %q, %d rows", rows[0], len(rows)-1)
	}
	for i, j := range m.list.Shown() {
		if rows[1+i][0] != strconv.FormatInt(m.items[j].ID, 10) {
			t.Fatalf("row %d is project %s, not the one shown", i, rows[1+i][0])
		}
	}
}

// With more pages on the server, e loads them first (esc stops it), then
// opens the prompt.
func TestExportWaitsForEveryPage(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 60), nil)
	m = uitest.Press(m, "e")
	if m.Capturing() || !m.req.Busy() || !m.all {
		t.Fatalf("e with a page left: prompt %v, busy %v", m.Capturing(), m.req.Busy())
	}
	m = answer(t, m, page(makeProjects(41, 20), "", 60), nil)
	if !m.Capturing() {
		t.Fatal("the prompt did not open once every page was in")
	}
	m = uitest.Press(m, "esc")
	if m.Capturing() {
		t.Error("esc left the prompt")
	}
	// Amounts masked: refused, nothing loaded for it.
	m = newPane(t)
	m = answer(t, m, page(makeProjects(1, 40), "/projects?page=2", 60), nil)
	m, _ = m.Update(common.PrivacyMsg{On: true})
	m, cmd := m.Update(uitest.Key("e"))
	if m.Capturing() || m.req.Busy() {
		t.Fatal("an export started with amounts masked")
	}
	if st, ok := cmd().(common.StatusMsg); !ok || st.Text != "Amounts are masked: press p to show them, then e to export" {
		t.Errorf("notice %#v", st)
	}
}

// The keys of issue 11's "an open lending project in Bretagne with the
// best rate", typed into the pane against the sandbox: the list then
// starts with the best rate among every such project the server has.
func TestOpenLendingInBretagneWithTheBestRate(t *testing.T) {
	env, client := uitest.SandboxEnv(t, i18n.EN)
	m := New(env, client).SetSize(96, 20).SetFocused(true)
	m = uitest.Settle(t, m, m.Init())
	keys := []string{"t", "t", "f", "b", "r", "e", "enter", "c", "o", "l", "enter", "b", "e", "s", "enter", "esc"}
	m = uitest.Keys(t, m, keys...)
	if m.query.Type != "lending" || m.query.Region != "53" || m.status != "in_progress" || m.sortBy != sortRate || m.next != "" {
		t.Fatalf("after %q: %+v, status %q, sort %d, next %q", keys, m.query, m.status, m.sortBy, m.next)
	}
	// Every open lending project in Bretagne, asked for on its own.
	var best api.Decimal
	n := 0
	for p, err := range client.ProjectPages(t.Context(), m.query) {
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range p.Items {
			if pr.Status == "in_progress" && pr.CollectType == "lending" && pr.Region.Code == "53" {
				n++
				if !best.Valid || compareDecimal(pr.InterestRate, best) > 0 {
					best = pr.InterestRate
				}
			}
		}
	}
	if n == 0 || m.list.Len() != n {
		t.Fatalf("%d such projects on the server, %d shown", n, m.list.Len())
	}
	if got, ok := m.Selected(); !ok || compareDecimal(got.InterestRate, best) != 0 {
		t.Errorf("selected %d at %s%%; the best rate is %s%%", got.ID, got.InterestRate, best)
	}
	for _, i := range m.list.Shown() {
		if p := m.items[i]; p.Status != "in_progress" || p.CollectType != "lending" || p.Region.Code != "53" {
			t.Errorf("shown: %d %s %s %s", p.ID, p.Status, p.CollectType, p.Region.Code)
		}
	}
	uitest.Golden(t, m)
}
