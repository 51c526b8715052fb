package cli

import (
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/leadform"
	"github.com/miimosa/miimosa/ui/projectdetail"
)

// A code has one name wherever a person reads it: the commands' output,
// the terminal's panes and the lead form's pickers.
func TestOneLabelPerCodeEverywhere(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		p := i18n.New(lang)
		env := &common.Env{T: p}
		same := func(what, code string, names ...string) {
			t.Helper()
			for _, n := range names[1:] {
				if n != names[0] {
					t.Errorf("%s %s %s has several names: %q", lang, what, code, names)
					return
				}
			}
		}
		for _, c := range api.Categories {
			same("category", c, label(p, "cli.category.", c), projectdetail.Category(env, c), leadform.Label(p, lead.Category, c))
		}
		for _, c := range api.CollectTypes {
			same("type", c, label(p, "cli.type.", c), projectdetail.CollectType(env, c), leadform.Label(p, lead.CollectType, c))
		}
		for _, c := range api.PledgeStatuses {
			same("pledge status", c, label(p, "cli.pledge_status.", c), projectdetail.PledgeStatus(env, c))
		}
		for _, c := range api.ProjectStatuses {
			same("project status", c, label(p, "cli.status.", c), projectdetail.ProjectStatus(env, c))
		}
		for _, c := range api.RepaymentFrequencies {
			same("frequency", c, label(p, "cli.frequency.", c), projectdetail.Frequency(env, c))
		}
		for _, c := range api.Orders {
			same("order", c, label(p, "cli.order.", c), projectdetail.Order(env, c))
		}
	}
	if got := label(i18n.New(i18n.EN), "cli.pledge_status.", "pending"); got != "Collect open" {
		t.Errorf("pending reads %q", got)
	}
	if got := label(i18n.New(i18n.EN), "cli.category.", "brand-new"); got != "brand-new" {
		t.Errorf("an unknown code reads %q, want the code itself", got)
	}
}

func TestCompletionDescribesWithTheLabels(t *testing.T) {
	env := testEnv(t, "http://127.0.0.1:1")
	got := completions(t, env, "projects", "--category", "alc")
	if len(got) != 1 || got[0] != "alcool\tBeer, cider & spirits" {
		t.Errorf("completion of alc: %q", got)
	}
	env["LANG"] = "fr_FR.UTF-8"
	got = completions(t, env, "projects", "--type", "l")
	if len(got) != 1 || got[0] != "lending\tPrêt" {
		t.Errorf("French completion of l: %q", got)
	}
}
