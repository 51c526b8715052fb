package i18n

import (
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
)

// labelSets are the API's enumerations, each with the codes it accepts.
var labelSets = map[LabelSet][]string{
	LabelCategory:        api.Categories,
	LabelCollectType:     api.CollectTypes,
	LabelProjectStatus:   api.ProjectStatuses,
	LabelPledgeStatus:    api.PledgeStatuses,
	LabelRepaymentStatus: api.RepaymentStatuses,
	LabelFrequency:       api.RepaymentFrequencies,
	LabelOrder:           api.Orders,
	LabelTimeframe:       api.PublicationTimeframes,
}

// Every code of every enumeration has one name per language, no two codes
// of a set share one, and no label is left for a code the API lost.
func TestEveryCodeHasOneLabel(t *testing.T) {
	known := map[Key]bool{}
	for set, codes := range labelSets {
		for _, lang := range []Lang{EN, FR} {
			seen := map[string]string{}
			for _, code := range codes {
				known[LabelKey(set, code)] = true
				name, ok := New(lang).Label(set, code)
				if !ok {
					t.Errorf("%s %s: no label", set, code)
					continue
				}
				if other, dup := seen[name]; dup {
					t.Errorf("%s: %s and %s are both %q in %s", set, other, code, name, lang)
				}
				seen[name] = code
			}
		}
	}
	for k := range All() {
		if strings.HasPrefix(string(k), "label.") && !known[k] {
			t.Errorf("%s labels no code of the API", k)
		}
	}
	if _, ok := New(FR).Label(LabelCategory, "not-a-category"); ok {
		t.Error("an unknown code has a label")
	}
}

func TestLabelWording(t *testing.T) {
	cases := []struct {
		lang       Lang
		set        LabelSet
		code, want string
	}{
		{EN, LabelPledgeStatus, "pending", "Collect open"},
		{FR, LabelPledgeStatus, "pending", "Collecte ouverte"},
		{EN, LabelCategory, "alcool", "Beer, cider & spirits"},
		{FR, LabelCategory, "alcool", "Bières, cidres et spiritueux"},
	}
	for _, c := range cases {
		if got, _ := New(c.lang).Label(c.set, c.code); got != c.want {
			t.Errorf("%s %s %s = %q, want %q", c.lang, c.set, c.code, got, c.want)
		}
	}
}
