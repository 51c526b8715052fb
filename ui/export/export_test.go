package export

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

var table = [][]string{
	{"id", "title", "amount"},
	{"1", "Des ruches", "12.50"},
	{"2", "=HYPERLINK(\"http://evil\")", "-3.00"},
	{"3", "@SUM(A1)", "+1"},
	{"4", "\tTab", "\rCR"},
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("the file is not CSV: %v", err)
	}
	return rows
}

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// A cell a spreadsheet would read as a formula stays text; control
// characters from the server (a tab, a carriage return, an escape) are
// cleaned away first, as the commands' CSV does.
func TestWriteCSVDefusesFormulasAndIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := WriteCSV(path, table, false); err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, path)
	want := [][]string{
		{"id", "title", "amount"},
		{"1", "Des ruches", "12.50"},
		{"2", "'=HYPERLINK(\"http://evil\")", "'-3.00"},
		{"3", "'@SUM(A1)", "'+1"},
		{"4", " Tab", " CR"},
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
	if runtime.GOOS != "windows" && mode(t, path) != 0o600 {
		t.Errorf("mode %v, want 0600", mode(t, path))
	}
}

// An existing file is never replaced without confirmation; once confirmed
// it is replaced whole, and private even if it was not.
func TestWriteCSVOverwritesOnlyWhenAsked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(path, table, false); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("writing over a file: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatalf("the file was touched: %q", b)
	}
	if err := WriteCSV(path, table, true); err != nil {
		t.Fatal(err)
	}
	if got := readCSV(t, path); len(got) != len(table) {
		t.Errorf("%d rows after the overwrite", len(got))
	}
	if runtime.GOOS != "windows" && mode(t, path) != 0o600 {
		t.Errorf("mode %v after the overwrite, want 0600", mode(t, path))
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("a temporary file was left beside it: %v", entries)
	}
}

// run executes cmd as the program would and returns its message.
func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

func opened(t *testing.T, name string) Model {
	t.Helper()
	m := New(uitest.Env(i18n.EN), "test").SetWidth(80)
	m, _ = m.Open(table, name, [2]string{"pledge", "pledges"})
	if !m.Active() {
		t.Fatal("Open did not show the prompt")
	}
	return m
}

// The file is written in the command enter returns, not in Update; the
// prompt then closes and the status line says where the file is.
func TestThePromptWritesInACommandAndSaysWhere(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pledges.csv")
	m := opened(t, path)
	if m.input.Value() != path || !strings.Contains(uitest.Plain(strings.Join(m.Lines(), "\n")), "pledges.csv") {
		t.Errorf("the box does not hold the proposed name: %q", m.Lines())
	}
	m, cmd := m.Update(uitest.Key("enter"))
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("the file was written in Update")
	}
	m, cmd = m.Update(run(cmd))
	if m.Active() {
		t.Error("the prompt stayed open after the write")
	}
	st, ok := run(cmd).(common.StatusMsg)
	if !ok || st.Text != "Wrote 4 pledges to "+path {
		t.Errorf("notice %#v", st)
	}
	if got := readCSV(t, path); len(got) != 5 {
		t.Errorf("%d rows written", len(got))
	}
}

func TestAnExistingFileAsksBeforeItIsReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pledges.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := opened(t, path)
	m, cmd := m.Update(uitest.Key("enter"))
	m, _ = m.Update(run(cmd))
	if !m.Active() || !strings.Contains(uitest.Plain(strings.Join(m.Lines(), "\n")), "pledges.csv exists: enter replaces it, esc keeps it") {
		t.Fatalf("no question before replacing:\n%s", strings.Join(m.Lines(), "\n"))
	}
	// esc keeps the file and goes back to the name.
	m, _ = m.Update(uitest.Key("esc"))
	if b, _ := os.ReadFile(path); string(b) != "old" || !m.Active() {
		t.Fatalf("esc: file %q, prompt open %v", b, m.Active())
	}
	m, cmd = m.Update(uitest.Key("enter"))
	m, _ = m.Update(run(cmd))
	m, cmd = m.Update(uitest.Key("enter")) // replace it
	m, cmd = m.Update(run(cmd))
	if m.Active() || run(cmd) == nil {
		t.Fatal("the confirmed write did not finish")
	}
	if got := readCSV(t, path); len(got) != 5 {
		t.Errorf("%d rows after replacing", len(got))
	}
}

// A write that fails says why and keeps the box, to fix the name.
func TestAFailedWriteSaysWhyAndKeepsTheName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-dir", "pledges.csv")
	m := opened(t, path)
	m, cmd := m.Update(uitest.Key("enter"))
	m, _ = m.Update(run(cmd))
	v := uitest.Plain(strings.Join(m.Lines(), "\n"))
	if !m.Active() || !strings.Contains(v, "Could not write pledges.csv: no such file or directory — choose another name or folder") {
		t.Errorf("after a failed write:\n%s", v)
	}
	// An empty name is refused before anything runs.
	m = opened(t, "")
	if m, cmd = m.Update(uitest.Key("enter")); cmd != nil || !strings.Contains(uitest.Plain(strings.Join(m.Lines(), "\n")), "Type a file name") {
		t.Errorf("an empty name: cmd %v, %q", cmd != nil, m.Lines())
	}
}

// esc closes the prompt; a write still running for it is not answered.
func TestEscCancelsAndALateAnswerIsDropped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pledges.csv")
	m := opened(t, path)
	m, cmd := m.Update(uitest.Key("enter"))
	late := run(cmd)
	m = m.Close()
	if m.Active() || m.Height() != 0 || m.Lines() != nil {
		t.Fatal("Close left the prompt")
	}
	if _, cmd := m.Update(late); cmd != nil {
		t.Error("the answer to a closed prompt was taken")
	}
	// Another pane's answer is not this one's.
	other := New(uitest.Env(i18n.EN), "other")
	other, _ = other.Open(table, path+"3", [2]string{"x", "xs"})
	_, cmd = other.Update(uitest.Key("enter"))
	m = opened(t, path+"4")
	m, _ = m.Update(uitest.Key("enter"))
	if m, cmd := m.Update(run(cmd)); cmd != nil || !m.Active() {
		t.Error("an answer for another pane's prompt was taken")
	}
	m = opened(t, path+"2")
	m, _ = m.Update(uitest.Key("esc"))
	if m.Active() {
		t.Error("esc did not close the prompt")
	}
}

func TestResolve(t *testing.T) {
	wd, _ := os.Getwd()
	if got, _ := Resolve("x.csv"); got != filepath.Join(wd, "x.csv") {
		t.Errorf("relative: %q", got)
	}
	home, err := os.UserHomeDir()
	if err == nil {
		if got, _ := Resolve("~/x.csv"); got != filepath.Join(home, "x.csv") {
			t.Errorf("~/: %q", got)
		}
	}
}
