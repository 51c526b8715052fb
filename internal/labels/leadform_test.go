package labels_test

import (
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/ui/leadform"
)

// The lead form's pickers name a category and a collect type as the panes
// and the commands do.
func TestLeadFormPickersUseTheSameNames(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		p := i18n.New(lang)
		for _, c := range api.Categories {
			if a, b := labels.Category(p, c), leadform.Label(p, lead.Category, c); a != b {
				t.Errorf("%s category %s: %q here, %q in the lead form", lang, c, a, b)
			}
		}
		for _, c := range api.CollectTypes {
			if a, b := labels.CollectType(p, c), leadform.Label(p, lead.CollectType, c); a != b {
				t.Errorf("%s type %s: %q here, %q in the lead form", lang, c, a, b)
			}
		}
	}
}
