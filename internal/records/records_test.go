package records

import (
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "'+1", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", " =1+1": "' =1+1", "  @x": "'  @x", " ": " ", "Des ruches": "Des ruches", "": "", "1234.56": "1234.56",
	} {
		if got := Defuse(in); got != want {
			t.Errorf("Defuse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRowsHaveTheirHeadersWidth(t *testing.T) {
	if n, h := len(Project(api.Project{})), len(ProjectHeader); n != h {
		t.Errorf("a project has %d cells for %d columns", n, h)
	}
	p := api.Pledge{NextRepayment: &api.Repayment{Date: api.Time{Time: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC), DateOnly: true, Valid: true}}}
	row := Pledge(p)
	if n, h := len(row), len(PledgeHeader); n != h {
		t.Errorf("a pledge has %d cells for %d columns", n, h)
	}
	if row[12] != "2026-12-15" || row[6] != "" {
		t.Errorf("next date %q, duration %q", row[12], row[6])
	}
}
