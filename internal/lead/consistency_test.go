package lead

import (
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

// A department that is not the post code's is flagged beside the department.
func TestDepartmentMatchesPostCode(t *testing.T) {
	for _, tc := range []struct {
		postCode, department string
		mismatch             bool
	}{
		{"26400", "26", false},
		{"26400", "2A", true},
		{"26 400", "07", true},
		{"01000", "1", false},
		{"20000", "2A", false},
		{"20200", "2b", false},
		{"20000", "20", false}, // not a department: its own check says so
		{"20090", "26", true},
		{"97400", "974", false},
		{"97300", "974", true},
		{"97400", "97", false}, // not a department: its own check
		{"75001", "97", false},
		{"98000", "06", false}, // Monaco: not compared
		{"", "26", false},
		{"264", "2A", false}, // an invalid post code is its own problem
	} {
		l := api.Lead{PostCode: tc.postCode, Department: tc.department}
		err := CheckFieldIn(l, Department, tc.department)
		var p *Problem
		got := err != nil && asProblem(err, &p) && p.Key == keyDeptPost
		if got != tc.mismatch {
			t.Errorf("post code %q, department %q: err %v, want mismatch %v", tc.postCode, tc.department, err, tc.mismatch)
		}
		if CheckFieldIn(l, PostCode, tc.postCode) != nil && got {
			t.Errorf("the mismatch is put on the post code too")
		}
	}
	errs := Check(api.Lead{PostCode: "26400", Department: "2A"}, i18n.New(i18n.FR))
	if got := errs[Department]; len(got) != 1 || got[0] != "ne correspond pas au code postal 26400 (département 26)" {
		t.Errorf("department: %q", got)
	}
	if errs[PostCode] != nil {
		t.Errorf("post code: %q", errs[PostCode])
	}
	errs = Check(api.Lead{PostCode: "20167", Department: "26"}, i18n.New(i18n.EN))
	if got := errs[Department]; len(got) != 1 || !strings.Contains(got[0], "department 2A/2B") {
		t.Errorf("department: %q", got)
	}
}

func asProblem(err error, p **Problem) bool {
	q, ok := err.(*Problem)
	*p = q
	return ok
}

// The server's Rails messages read in the user's language; others are
// kept, cleaned.
func TestServerMessage(t *testing.T) {
	fr, en := i18n.New(i18n.FR), i18n.New(i18n.EN)
	for _, tc := range []struct {
		msg, fr, en string
	}{
		{"can't be blank", "est obligatoire", "is required"},
		{"is invalid", "n'est pas valide", "is invalid"},
		{"is not included in the list", "n'est pas une valeur acceptée", "is not one of the accepted values"},
		{"is too long (maximum is 255 characters)", "est trop long (255 caractères au plus)", "is too long (255 characters at most)"},
		{"is too short (minimum is 1 character)", "est trop court (1 caractères au moins)", "is too short (1 characters at least)"},
		{"has already been taken", "est déjà utilisé", "has already been taken"},
		{"is not a number", "n'est pas un nombre", "is not a number"},
		{" is invalid ", "n'est pas valide", "is invalid"},
		{"must match the \x1b[31mcampaign", "must match the campaign", "must match the campaign"},
		{"is too long (maximum is 99999999999999999999 characters)", "is too long (maximum is 99999999999999999999 characters)", "is too long (maximum is 99999999999999999999 characters)"},
	} {
		if got := ServerMessage(fr, tc.msg); got != tc.fr {
			t.Errorf("FR %q: %q, want %q", tc.msg, got, tc.fr)
		}
		if got := ServerMessage(en, tc.msg); got != tc.en {
			t.Errorf("EN %q: %q, want %q", tc.msg, got, tc.en)
		}
	}
	if got := ServerMessages(fr, []string{"can't be blank", "is invalid"}); got != "est obligatoire, n'est pas valide" {
		t.Errorf("joined: %q", got)
	}
}

func FuzzServerMessage(f *testing.F) {
	for _, s := range []string{"can't be blank", "is too long (maximum is 3 characters)", "\x1b]8;;x\x07", "is invalid"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ServerMessage(i18n.New(i18n.FR), s)
		if strings.ContainsAny(got, "\x1b\n\r") {
			t.Fatalf("%q gave %q", s, got)
		}
	})
}
