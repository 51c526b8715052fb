package lookup

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// form drives the lookup as the root would, remembering what it said.
type form struct {
	m    Model
	done []DoneMsg
}

func newForm(t *testing.T, lang i18n.Lang) *form {
	t.Helper()
	srv := uitest.Server(t, sandbox.Options{})
	env, client := uitest.Env(lang), uitest.Client(t, srv.URL, sandbox.DemoKey)
	return &form{m: New(env, client).SetSize(80, 24)}
}

func (f *form) send(t *testing.T, msgs ...tea.Msg) {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		f.m, cmd = f.m.Update(msg)
		f.m = uitest.Drain(t, f.m, func(m Model, msg tea.Msg) (Model, tea.Cmd) {
			if d, ok := msg.(DoneMsg); ok {
				f.done = append(f.done, d)
				return m, nil
			}
			return m.Update(msg)
		}, cmd)
	}
}

func (f *form) fill(t *testing.T, email, birthdate string) {
	t.Helper()
	f.send(t, uitest.Type(email)...)
	f.send(t, uitest.Key("tab"))
	f.send(t, uitest.Type(birthdate)...)
}

func (f *form) view() string { return ansi.Strip(f.m.View()) }

func TestFindsTheDemoUserWithATypedBirthdate(t *testing.T) {
	f := newForm(t, i18n.EN)
	demo := sandbox.DemoUsers()[0] // born 1980-11-27
	f.fill(t, demo.Email, "27/11/1980")
	f.send(t, uitest.Key("enter"))
	if len(f.done) != 1 {
		t.Fatalf("no DoneMsg after a right email and birthdate; form says:\n%s", f.view())
	}
	if want := (api.User{Email: demo.Email, Birthdate: "1980-11-27"}); f.done[0].User != want || f.done[0].Skipped {
		t.Errorf("DoneMsg = %+v, want the user %+v", f.done[0], want)
	}
}

func TestWrongBirthdateIsAnsweredOnTheFormWithWhatWasTyped(t *testing.T) {
	f := newForm(t, i18n.EN)
	demo := sandbox.DemoUsers()[0]
	f.fill(t, demo.Email, "28/11/1980")
	f.send(t, uitest.Key("enter"))
	if len(f.done) != 0 {
		t.Fatalf("a wrong birthdate let the form through: %+v", f.done)
	}
	out := f.view()
	for _, want := range []string{"birthdate does not match", demo.Email, "28/11/1980"} {
		if !strings.Contains(out, want) {
			t.Errorf("form lacks %q:\n%s", want, out)
		}
	}
	// Fixing the birthdate and submitting again goes through.
	for range len("28/11/1980") {
		f.send(t, uitest.Key("backspace"))
	}
	f.send(t, uitest.Type("27/11/1980")...)
	f.send(t, uitest.Key("enter"))
	if len(f.done) != 1 {
		t.Errorf("the corrected birthdate did not go through:\n%s", f.view())
	}
}

func TestUnknownEmailIsAnsweredOnTheForm(t *testing.T) {
	f := newForm(t, i18n.FR)
	f.fill(t, "nobody@example.com", "01/01/1990")
	f.send(t, uitest.Key("enter"))
	out := f.view()
	if len(f.done) != 0 || !strings.Contains(out, "Aucun compte MiiMOSA avec cet e-mail") || !strings.Contains(out, "nobody@example.com") {
		t.Errorf("an unknown email should be said on the form, in French, with the email kept:\n%s", out)
	}
}

func TestEveryLetterIsTyped(t *testing.T) {
	f := newForm(t, i18n.EN)
	f.send(t, uitest.Type("q1?np")...)
	if got := f.m.inputs[fieldEmail].Value(); got != "q1?np" {
		t.Errorf("typed q1?np, the field holds %q", got)
	}
	if !f.m.Capturing() {
		t.Error("the form does not say it captures the keyboard")
	}
}

func TestEnterOnTheEmailMovesToTheBirthdate(t *testing.T) {
	f := newForm(t, i18n.EN)
	f.send(t, uitest.Type("a@b.fr")...)
	f.send(t, uitest.Key("enter"))
	if f.m.field != fieldBirthdate || len(f.done) != 0 {
		t.Errorf("enter with no birthdate should move to it (field %d, done %v)", f.m.field, f.done)
	}
}

func TestBadInputIsRefusedBeforeAnyRequest(t *testing.T) {
	for _, c := range []struct{ email, birthdate, want string }{
		{"not-an-email", "27/11/1980", "Type an email address"},
		{"a@b.fr", "31/02/1980", "day/month/year"},
		{"a@b.fr", "yesterday", "day/month/year"},
	} {
		f := newForm(t, i18n.EN)
		f.fill(t, c.email, c.birthdate)
		f.send(t, uitest.Key("enter"))
		if f.m.Busy() || len(f.done) != 0 || !strings.Contains(f.view(), c.want) {
			t.Errorf("%q / %q: want %q on the form, got:\n%s", c.email, c.birthdate, c.want, f.view())
		}
	}
}

func TestEscSkipsAndDropsACheckInFlight(t *testing.T) {
	f := newForm(t, i18n.EN)
	f.fill(t, sandbox.DemoUsers()[0].Email, "27/11/1980")
	m, check := f.m.Update(uitest.Key("enter"))
	if !m.Busy() {
		t.Fatal("not busy while checking")
	}
	f.m = m
	f.send(t, uitest.Key("esc"))
	if len(f.done) != 1 || !f.done[0].Skipped {
		t.Fatalf("esc should skip: %+v", f.done)
	}
	// The abandoned check's answer changes nothing.
	f.send(t, check())
	if len(f.done) != 1 {
		t.Errorf("an abandoned check still went through: %+v", f.done)
	}
}

func TestPrefilledFormStaysEditableAndFitsSmallTerminals(t *testing.T) {
	f := newForm(t, i18n.EN)
	f.m = f.m.Prefill("someone@example.com", "")
	if f.m.field != fieldBirthdate {
		t.Error("with only the email given, the birthdate should have the keyboard")
	}
	for _, s := range [][2]int{{60, 13}, {20, 5}, {0, 0}, {1, 1}} {
		m := f.m.SetSize(s[0], s[1])
		lines := strings.Split(m.View(), "\n")
		if s[0] > 0 && s[1] > 0 && (len(lines) != s[1] || ansi.StringWidth(lines[0]) != s[0]) {
			t.Errorf("at %dx%d the form renders %d lines of %d", s[0], s[1], len(lines), ansi.StringWidth(lines[0]))
		}
	}
}
