package pledges

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/records"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// run feeds what cmd returns back to the pane, once, and returns the
// command that follows.
func run(t *testing.T, m Model, cmd tea.Cmd) (Model, tea.Cmd) {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command to run")
	}
	return m.Update(cmd())
}

// e exports the pledges shown, filtered and sorted as on screen, to a
// file in the current directory named for the day, with the commands'
// CSV columns; the file is written by the command, not by Update.
func TestExportWritesTheFilteredPledges(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ps := makePledges(1, 12)
	ps[0].Project.Title = "=cmd|' /C calc'!A0" // a formula from a hostile server
	ps[0].Status = "late"
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(ps, ""), nil)
	m = uitest.Press(uitest.Send(uitest.Press(m, "/"), uitest.Type("late")...), "enter")
	shown := m.Shown()
	m, _ = m.Update(uitest.Key("e"))
	if !m.Capturing() {
		t.Fatal("e did not open the export prompt")
	}
	uitest.Contains(t, m.View(), "Export to: miimosa-pledges-2026-11-27.csv")
	m, cmd := m.Update(uitest.Key("enter"))
	path := filepath.Join(dir, "miimosa-pledges-2026-11-27.csv")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("the file was written in Update")
	}
	m, cmd = run(t, m, cmd)
	if m.Capturing() {
		t.Error("the prompt stayed after the write")
	}
	if st, ok := cmd().(common.StatusMsg); !ok || st.Text != "Wrote 3 pledges to "+path {
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
	if !slices.Equal(rows[0], records.PledgeHeader) || len(rows) != 1+len(shown) {
		t.Fatalf("header %q, %d rows for %d shown", rows[0], len(rows)-1, len(shown))
	}
	for i, p := range shown {
		if rows[1+i][0] != strconv.FormatInt(p.ID, 10) {
			t.Errorf("row %d is pledge %s, want %d (the order shown)", i, rows[1+i][0], p.ID)
		}
	}
	if rows[1][2] != "'=cmd|' /C calc'!A0" || rows[1][4] != "100.00" {
		t.Errorf("first row %q: the formula is not defused or the amount is not plain", rows[1])
	}
}

// With amounts masked the export is refused, and says how to get it.
func TestExportIsRefusedWhileAmountsAreMasked(t *testing.T) {
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 3), ""), nil)
	m, _ = m.Update(common.PrivacyMsg{On: true})
	m, cmd := m.Update(uitest.Key("e"))
	if m.Capturing() {
		t.Fatal("the prompt opened with amounts masked")
	}
	if st, ok := cmd().(common.StatusMsg); !ok || st.Text != "Amounts are masked: press p to show them, then e to export" {
		t.Errorf("notice %#v", st)
	}
	// Nothing shown: nothing to export.
	m, _ = m.Update(common.PrivacyMsg{On: false})
	m = uitest.Send(uitest.Press(m, "/"), uitest.Type("zzzz")...)
	m = uitest.Press(m, "enter")
	if _, cmd := m.Update(uitest.Key("e")); cmd == nil {
		t.Error("an empty list: no word about it")
	}
}

// esc closes the prompt and writes nothing; the next caller never sees
// the previous one's prompt.
func TestExportEscAndANewPersonCloseThePrompt(t *testing.T) {
	t.Chdir(t.TempDir())
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage(makePledges(1, 3), ""), nil)
	m = uitest.Press(m, "e", "esc")
	if m.Capturing() {
		t.Error("esc left the prompt open")
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("esc wrote %v", entries)
	}
	m = uitest.Press(m, "e")
	m, _ = m.Update(common.UserMsg{User: api.User{Email: "bob@example.com", Birthdate: "1970-01-01"}, Gen: 2})
	if m.Capturing() {
		t.Error("the previous caller's export prompt stayed open")
	}
}

// A click selects the row under it; the wheel moves the cursor, in the
// list and in the upcoming view.
func TestMouseSelectsAndScrolls(t *testing.T) {
	m := lookedUp(t, 1).SetSize(100, 12)
	m = answer(t, m, pledgePage(makePledges(1, 40), ""), nil)
	m, _ = m.Update(common.ClickMsg{X: 10, Y: 2 + 3}) // the title, the header, then rows
	if p, _ := m.Selected(); p.ID != 4 {
		t.Errorf("a click on the fourth row selected pledge %d", p.ID)
	}
	m, _ = m.Update(common.ClickMsg{X: 10, Y: 1}) // the header
	if p, _ := m.Selected(); p.ID != 4 {
		t.Errorf("a click on the header moved the cursor to %d", p.ID)
	}
	m, _ = m.Update(common.WheelMsg{Lines: 10})
	if p, _ := m.Selected(); p.ID != 14 || m.list.Offset() == 0 {
		t.Errorf("wheel down 10: pledge %d, offset %d", p.ID, m.list.Offset())
	}
	m, _ = m.Update(common.ClickMsg{X: 10, Y: 2})
	if p, _ := m.Selected(); p.ID != int64(1+m.list.Offset()) {
		t.Errorf("a click on the first drawn row selected %d, offset %d", p.ID, m.list.Offset())
	}
	m = uitest.Press(m, "v")
	m, _ = m.Update(common.WheelMsg{Lines: 2})
	m, _ = m.Update(common.ClickMsg{Y: 2})
	if m.upcoming.Cursor() != m.upcoming.Offset() {
		t.Errorf("upcoming: a click on the first row left the cursor at %d", m.upcoming.Cursor())
	}
}

// In the v view, e exports what it shows: one row per date, with the
// pledges due on it and their total.
func TestExportInTheUpcomingViewWritesTheDates(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	m := lookedUp(t, 1)
	m = answer(t, m, pledgePage([]api.Pledge{dueOn(1, 18, 1050), dueOn(2, 18, 2025), dueOn(3, 48, 700)}, ""), nil)
	m = uitest.Press(m, "v", "e")
	uitest.Contains(t, m.View(), "Export to: miimosa-repayments-2026-11-27.csv")
	m, cmd := m.Update(uitest.Key("enter"))
	_, cmd = run(t, m, cmd)
	path := filepath.Join(dir, "miimosa-repayments-2026-11-27.csv")
	if st, ok := cmd().(common.StatusMsg); !ok || st.Text != "Wrote 2 dates to "+path {
		t.Errorf("notice %#v", st)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) != 3 || !slices.Equal(rows[0], records.DueDateHeader) {
		t.Fatalf("%v, rows %q", err, rows)
	}
	if rows[1][1] != "2" || rows[1][2] != "30.75" || rows[1][3] != "false" || rows[2][1] != "1" || rows[2][2] != "7.00" {
		t.Errorf("rows %q: want 2 pledges owing 30.75 then 1 owing 7.00", rows[1:])
	}
}
