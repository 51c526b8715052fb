package projectdetail

import (
	"encoding/json"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// loaded runs the detail's first load against the server.
func loaded(t *testing.T, m Model) Model {
	t.Helper()
	cmd := m.Init()
	if cmd == nil {
		t.Fatal("no load on Init")
	}
	m, _ = m.Update(cmd())
	if m.Busy() {
		t.Fatal("still busy after the answer")
	}
	return m
}

// firstOfType finds a project of a collect type in the sandbox.
func firstOfType(t *testing.T, client *api.Client, typ string) api.Project {
	t.Helper()
	p, err := client.Projects(t.Context(), api.ProjectQuery{Order: "in_progress", Type: typ})
	if err != nil || len(p.Items) == 0 {
		t.Fatalf("no %s project in the sandbox: %v", typ, err)
	}
	return p.Items[0]
}

func TestScreens(t *testing.T) {
	for _, sz := range uitest.Sizes {
		t.Run(sz.Name, func(t *testing.T) {
			env, client := uitest.SandboxEnv(t, sz.Lang)
			for _, typ := range []string{"lending", "donation"} {
				m := loaded(t, New(env, client, firstOfType(t, client, typ), 1).SetSize(sz.W, sz.H))
				if !m.full || m.err != nil {
					t.Fatalf("%s detail did not load: %v", typ, m.err)
				}
				t.Run(typ, func(t *testing.T) { uitest.Golden(t, m) })
				end, _ := m.Update(uitest.Key("G"))
				t.Run(typ+"_end", func(t *testing.T) { uitest.Golden(t, end) })
			}
		})
	}
}

func TestLendingTermsAndDonationRewards(t *testing.T) {
	env, client := uitest.SandboxEnv(t, i18n.EN)
	lend := loaded(t, New(env, client, api.Project{ID: firstOfType(t, client, "lending").ID}, 1).SetSize(100, 200))
	v := lend.View()
	for _, want := range []string{"Lending terms", "Interest rate", "Duration", "Repayments"} {
		uitest.Contains(t, v, want)
	}
	don := loaded(t, New(env, client, api.Project{ID: firstOfType(t, client, "donation").ID}, 1).SetSize(100, 200))
	if len(don.Project().Rewards) == 0 {
		t.Fatal("the sandbox's donation detail has no rewards")
	}
	uitest.Contains(t, don.View(), "Rewards")
	r := don.Project().Rewards[0]
	uitest.Contains(t, don.View(), env.Format.Money(r.Amount)+" — ")
	if strings.Contains(uitest.Plain(don.View()), "Lending terms") {
		t.Error("a donation shows lending terms")
	}
}

func TestGoneProject(t *testing.T) {
	env, client := uitest.SandboxEnv(t, i18n.FR)
	m := loaded(t, New(env, client, api.Project{ID: 987654321}, 1).SetSize(60, 15))
	uitest.Contains(t, m.View(), "Ce projet n'existe plus")
}

func TestNewFromProjectShowsAtOnce(t *testing.T) {
	env, client := uitest.Env(i18n.EN), uitest.Offline(t)
	m := New(env, client, api.Project{ID: 5, Title: "Des ruches", City: "Lyon"}, 1).SetSize(80, 20)
	if !m.Busy() {
		t.Error("not loading the full detail")
	}
	uitest.Contains(t, m.View(), "Des ruches")
	uitest.Contains(t, m.View(), "Lyon")
}

func TestAnswersForAnotherDetailAreDropped(t *testing.T) {
	env, client := uitest.Env(i18n.EN), uitest.Offline(t)
	a := New(env, client, api.Project{ID: 1}, 1).SetSize(80, 20)
	b := New(env, client, api.Project{ID: 2}, 2).SetSize(80, 20)
	// Both details' first loads have the same sequence number: the tag the
	// root gave each tells their answers apart.
	a, _ = a.Update(loadedMsg{tag: b.tag, seq: b.req.Seq(), project: api.Project{ID: 2, Title: "Wrong one"}})
	if a.known || strings.Contains(uitest.Plain(a.View()), "Wrong one") {
		t.Fatal("a detail took another's answer")
	}
	a, _ = a.Update(loadedMsg{tag: a.tag, seq: a.req.Seq(), project: api.Project{ID: 1, Title: "Right one"}})
	uitest.Contains(t, a.View(), "Right one")
	// A reload supersedes the first load: its late answer is dropped.
	old := a.req.Seq()
	a, _ = a.Update(uitest.Key("r"))
	a, _ = a.Update(loadedMsg{tag: a.tag, seq: old, project: api.Project{ID: 1, Title: "Stale"}})
	if strings.Contains(uitest.Plain(a.View()), "Stale") {
		t.Error("a superseded load's answer was shown")
	}
}

func TestEveryOtherFieldIsShownCleaned(t *testing.T) {
	env, client := uitest.Env(i18n.EN), uitest.Offline(t)
	m := New(env, client, api.Project{ID: 9}, 9).SetSize(100, 60)
	p := api.Project{
		ID: 9, Title: "Evil\x1b[2J title", LongDescription: "line one\nline \x1b]52;c;aGk=\x07two",
		Extra: api.Extra{
			"carbon_kg":  json.RawMessage(`1234`),
			"label":      json.RawMessage(`"Bio \u001b[31mAB"`),
			"nested":     json.RawMessage(`{ "a" : [1, 2] }`),
			"\x1b[7mkey": json.RawMessage(`true`),
		},
		Owner: api.Person{FirstName: "Ana", Extra: api.Extra{"phone": json.RawMessage(`"hidden?"`)}},
	}
	m, _ = m.Update(loadedMsg{tag: m.tag, seq: m.req.Seq(), project: p})
	v := m.View()
	if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b]52") || strings.Contains(v, "\x1b[31m") || strings.Contains(v, "\x1b[7m") {
		t.Fatalf("a server escape sequence reached the screen: %q", v)
	}
	for _, want := range []string{"Other fields sent by the server", "carbon_kg: 1234", "label: Bio AB", `nested: {"a":[1,2]}`, "key: true", "owner.phone: hidden?", "line one", "two"} {
		uitest.Contains(t, v, want)
	}
}

func TestLongDescriptionWrapsToTheWidth(t *testing.T) {
	env, client := uitest.Env(i18n.EN), uitest.Offline(t)
	m := New(env, client, api.Project{ID: 3}, 3).SetSize(40, 50)
	long := strings.Repeat("Des vaches heureuses au pré. ", 20) + "\n\nSecond paragraph."
	m, _ = m.Update(loadedMsg{tag: m.tag, seq: m.req.Seq(), project: api.Project{ID: 3, Title: "T", LongDescription: long}})
	lines := strings.Split(uitest.Plain(m.View()), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d lines", len(lines))
	}
	var body int
	for _, l := range lines {
		if strings.Contains(l, "vaches") {
			body++
		}
	}
	if body < 10 {
		t.Errorf("the description is not wrapped: %d lines hold it", body)
	}
	uitest.Contains(t, m.View(), "Second paragraph.")
}

func TestPrivacyMasksRewardsAndAmounts(t *testing.T) {
	env, client := uitest.Env(i18n.EN), uitest.Offline(t)
	m := New(env, client, api.Project{ID: 4}, 4).SetSize(100, 60)
	m, _ = m.Update(loadedMsg{tag: m.tag, seq: m.req.Seq(), project: api.Project{ID: 4, CollectType: "donation",
		Target: api.Money{Cents: 1000000, Currency: "EUR", Valid: true}, Collected: api.Money{Cents: 25000, Currency: "EUR", Valid: true},
		Rewards: []api.Reward{{Amount: api.Money{Cents: 2500, Currency: "EUR", Valid: true}, Description: "Un pot de miel"}}}})
	uitest.Contains(t, m.View(), "€25.00 — Un pot de miel")
	m, _ = m.Update(common.PrivacyMsg{On: true})
	v := uitest.Plain(m.View())
	if strings.Contains(v, "€25") || strings.Contains(v, "€10,000") || strings.Contains(v, "€250") {
		t.Errorf("an amount shows:\n%s", v)
	}
	uitest.Contains(t, v, "€•••• — Un pot de miel")
}

func TestKeysScroll(t *testing.T) {
	env, client := uitest.Env(i18n.EN), uitest.Offline(t)
	m := New(env, client, api.Project{ID: 4}, 4).SetSize(60, 10)
	m, _ = m.Update(loadedMsg{tag: m.tag, seq: m.req.Seq(), project: api.Project{ID: 4, Title: "T", LongDescription: strings.Repeat("x\n", 50)}})
	m, _ = m.Update(uitest.Key("j"))
	m, _ = m.Update(uitest.Key("pgdown"))
	if m.vp.YOffset() == 0 {
		t.Error("j and pgdown did not scroll")
	}
	m, _ = m.Update(uitest.Key("g"))
	if m.vp.YOffset() != 0 {
		t.Error("g did not go to the top")
	}
	m, _ = m.Update(uitest.Key("G"))
	uitest.Contains(t, m.View(), "[62–70/70]")
}

// Closing the detail cancels its load: the root closes it on esc.
func TestCloseCancelsTheLoad(t *testing.T) {
	env, client := uitest.Env(i18n.EN), uitest.Offline(t)
	m := New(env, client, api.Project{ID: 4}, 4)
	ctx := m.req.Context()
	if !m.Busy() || ctx.Err() != nil {
		t.Fatal("no load in flight")
	}
	m = m.Close()
	if m.Busy() || ctx.Err() == nil {
		t.Error("closing left the load running")
	}
}

func TestCopyAndOpenURL(t *testing.T) {
	env := uitest.Env(i18n.EN)
	if got := labels.ProjectURL(api.Project{URL: "javascript:alert(1)", Slug: "des-ruches"}); got != "https://www.miimosa.com/fr/projects/des-ruches" {
		t.Errorf("a non-web URL was kept: %q", got)
	}
	if got := labels.ProjectURL(api.Project{URL: "https://www.miimosa.com/fr/projects/x"}); got != "https://www.miimosa.com/fr/projects/x" {
		t.Errorf("URL %q", got)
	}
	// No clipboard helper and no tmux: only OSC 52 goes out, and the
	// status line says it is not confirmed rather than "copied".
	for _, v := range []string{"TMUX", "DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME"} {
		t.Setenv(v, "")
	}
	t.Setenv("PATH", t.TempDir())
	cmd := CopyURLCmd(env, api.Project{Slug: "des-ruches"})
	var sawStatus, sawOSC52 bool
	for _, c := range cmd().(tea.BatchMsg) {
		switch msg := c().(type) {
		case common.StatusMsg:
			sawStatus = msg.Text == env.T.T("ui.copy.osc52")
		default:
			sawOSC52 = msg != nil // tea's OSC 52 clipboard message
		}
	}
	if !sawStatus || !sawOSC52 {
		t.Errorf("copy: status %v, OSC 52 %v", sawStatus, sawOSC52)
	}
	if msg := BrowseCmd(env, api.Project{})(); msg != (common.StatusMsg{Text: "This project has no web address"}) {
		t.Errorf("open with no URL: %#v", msg)
	}
}

func TestNoPanicWithoutClientOrSize(t *testing.T) {
	env := uitest.Env(i18n.EN)
	m := New(env, nil, api.Project{ID: 1}, 1)
	if m.Init() != nil {
		t.Error("a request without a client")
	}
	_ = m.View()
	m = m.SetSize(1, 1)
	_ = m.View()
	m = m.SetSize(30, 5)
	uitest.Contains(t, m.View(), "press K")
	for _, k := range []string{"j", "k", "G", "g", "pgdown", "pgup", "r", "o", "y", "esc"} {
		m, _ = m.Update(uitest.Key(k))
	}
	var zero Model
	_ = zero.View()
	zero, _ = zero.Update(uitest.Key("j"))
	_ = zero.SetSize(5, 5).View()
}

// Privacy hides the amounts the server wrote in its own text too: the
// description, the rewards, the other fields.
func TestPrivacyMasksAmountsInTheServersText(t *testing.T) {
	env, client := uitest.Env(i18n.FR), uitest.Offline(t)
	p := api.Project{ID: 9, Title: "Cuverie", CollectType: "donation",
		LongDescription: "Nous achetons un pressoir pneumatique : 10 850 € et une cuve (2 cuves en 2025).",
		Description:     "Objectif : 15 k€",
		Rewards:         []api.Reward{{Amount: uitest.EUR(5000), Description: "Une bouteille (valeur 12 euros)"}},
		Extra:           api.Extra{"budget": json.RawMessage(`"EUR 40 000"`)}}
	m := New(env, client, p, 1).SetSize(100, 60)
	m, _ = m.Update(loadedMsg{tag: m.tag, seq: m.req.Seq(), project: p})
	uitest.Contains(t, m.View(), "10 850 €")
	m, _ = m.Update(common.PrivacyMsg{On: true})
	v := uitest.Plain(m.View())
	for _, leak := range []string{"10 850", "15 k", "12 euros", "40 000", "50,00"} {
		if strings.Contains(v, leak) {
			t.Errorf("%q shows with privacy on:\n%s", leak, v)
		}
	}
	for _, want := range []string{"pressoir pneumatique : •••• €", "•••• euros", "EUR ••••", "(2 cuves en 2025)"} {
		uitest.Contains(t, v, want)
	}
}
