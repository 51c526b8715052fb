package hostile

import (
	"slices"
	"testing"
)

func TestAllListsEveryScenarioOnce(t *testing.T) {
	all := All()
	if len(all) != len(scenarios) {
		t.Errorf("All lists %d scenarios; %d are defined", len(all), len(scenarios))
	}
	for i, sc := range all {
		if scenarios[sc] == nil {
			t.Errorf("%s is listed but not defined", sc)
		}
		if slices.Index(all, sc) != i {
			t.Errorf("%s is listed twice", sc)
		}
	}
	for sc := range Titles {
		if !slices.Contains(all, sc) {
			t.Errorf("titles for %s, which All does not list", sc)
		}
	}
}
