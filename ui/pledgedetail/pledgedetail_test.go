package pledgedetail

import (
	"context"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

func eur(cents int64) api.Money { return uitest.EUR(cents) }

func day(months int) api.Time {
	return api.Time{Time: uitest.Now.AddDate(0, months, 0), DateOnly: true, Valid: true}
}

// pledge is a repaying pledge with a two-instalment schedule.
func pledge() api.Pledge {
	return api.Pledge{
		ID:      7,
		Project: api.PledgeProject{ID: 1007, Title: "Ferme 007", Slug: "ferme-7", Category: "elevage"},
		Amount:  eur(80001), InterestRate: api.Decimal{Value: 45, Scale: 1, Valid: true},
		DurationMonths: api.Int{Value: 24, Valid: true}, Status: "repaying",
		RepaidCapital: eur(40000), PaidInterest: eur(375), RemainingCapital: eur(40001),
		NextRepayment: &api.Repayment{Date: day(1), Amount: eur(40226)},
		Repayments: []api.Repayment{
			{Date: day(-1), Capital: eur(40000), Interest: eur(375), Status: "paid"},
			{Date: day(1), Capital: eur(40001), Interest: eur(225), Status: "scheduled"},
		},
	}
}

func TestShowsTheScheduleAndItsTotals(t *testing.T) {
	m := New(uitest.Env(i18n.EN), pledge()).SetSize(100, 40)
	for _, want := range []string{"Pledge #7", "Repayment schedule", "Paid", "Scheduled", "€800.01", "€6.00", "ferme-7"} {
		uitest.Contains(t, m.View(), want)
	}
}

// enter asks the root for the pledge's project, with what the pledge knows
// of it shown at once.
func TestEnterOpensTheProject(t *testing.T) {
	m := New(uitest.Env(i18n.EN), pledge()).SetSize(100, 30)
	_, cmd := m.Update(uitest.Key("enter"))
	if cmd == nil {
		t.Fatal("enter did nothing")
	}
	msg, ok := cmd().(common.OpenProjectMsg)
	if !ok || msg.Project.ID != 1007 || msg.Project.Title != "Ferme 007" {
		t.Errorf("enter sent %#v", msg)
	}
	// A pledge whose project the server did not name opens nothing.
	p := pledge()
	p.Project.ID = 0
	if _, cmd := New(uitest.Env(i18n.EN), p).Update(uitest.Key("enter")); cmd != nil {
		t.Error("enter opened a project without an id")
	}
}

func TestPrivacyMasksEveryAmount(t *testing.T) {
	m := New(uitest.Env(i18n.EN), pledge()).SetSize(100, 40)
	m, _ = m.Update(common.PrivacyMsg{On: true})
	v := uitest.Plain(m.View())
	if n := strings.Count(v, "€"); n == 0 || n != strings.Count(v, "€••••") {
		t.Errorf("an amount shows:\n%s", v)
	}
	uitest.Contains(t, m.View(), "€•••• (••••%)") // the share repaid too
	m, _ = m.Update(common.PrivacyMsg{On: false})
	uitest.Contains(t, m.View(), "€400.00")
}

// The title line says where the window is when the body does not fit.
func TestPositionReadout(t *testing.T) {
	m := New(uitest.Env(i18n.EN), pledge()).SetSize(60, 8)
	if !strings.Contains(uitest.Plain(m.View()), "[1–7/") {
		t.Errorf("no position in the title line:\n%s", uitest.Plain(m.View()))
	}
	m = uitest.Press(m, "j")
	uitest.Contains(t, m.View(), "[2–8/")
}

func TestScreens(t *testing.T) {
	for _, sz := range uitest.Sizes {
		t.Run(sz.Name, func(t *testing.T) {
			env, client := uitest.SandboxEnv(t, sz.Lang)
			u := sandbox.DemoUsers()[0]
			var p api.Pledge
			for pg, err := range client.PledgePages(context.Background(), api.User{Email: u.Email, Birthdate: u.Birthdate}, 100) {
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range pg.Items {
					// The repaying pledge with a schedule due soonest.
					if it.Status == "repaying" && len(it.Repayments) > 0 && it.NextRepayment != nil &&
						(p.ID == 0 || it.NextRepayment.Date.Before(p.NextRepayment.Date.Time)) {
						p = it
					}
				}
			}
			if p.ID == 0 {
				t.Fatal("no repaying pledge with a schedule in the sandbox")
			}
			d := New(env, p).SetSize(sz.W, sz.H)
			t.Run("detail", func(t *testing.T) { uitest.Golden(t, d) })
			t.Run("detail_end", func(t *testing.T) { uitest.Golden(t, uitest.Press(d, "G")) })
		})
	}
}

// The wheel over the detail scrolls it.
func TestWheelScrolls(t *testing.T) {
	m := New(uitest.Env(i18n.EN), pledge()).SetSize(60, 8)
	m, _ = m.Update(common.WheelMsg{Lines: 3})
	uitest.Contains(t, m.View(), "[4–10/")
	m, _ = m.Update(common.WheelMsg{Lines: -3})
	uitest.Contains(t, m.View(), "[1–7/")
}
