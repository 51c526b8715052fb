package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/lead"
	"github.com/miimosa/miimosa/internal/sandbox"
	"github.com/miimosa/miimosa/internal/testio"
)

// leadServer runs the real sandbox handler, whose received leads the tests
// read back.
func leadServer(t *testing.T) (*sandbox.Handler, map[string]string) {
	t.Helper()
	h := sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return h, testEnv(t, srv.URL)
}

func writeLead(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lead.json")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const goodLeadJSON = `{
  "email": "jeanne@ferme-des-lilas.fr",
  "firstname": "Jeanne",
  "lastname": "Martin",
  "phone": "+33 6 12 34 56 78",
  "collect_type": "lending",
  "project_description": "Un séchoir solaire pour le foin",
  "project_total_budget": "45 000 €",
  "publication_timeframe": "within_month",
  "siret": "732 829 320 00074",
  "department": "26",
  "category": "elevage",
  "turnover": 120000.5,
  "campaign_id": null
}`

func TestLeadFileSent(t *testing.T) {
	h, env := leadServer(t)
	r := run(t, env, "lead", "--file", writeLead(t, goodLeadJSON)).expectCode(t, ExitOK)
	// The id alone on standard output, as --help promises: id=$(miimosa lead --file …).
	if r.stdout != "4201\n" || r.stderr != "lead received: 4201\n" {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
	leads := h.Leads()
	if len(leads) != 1 {
		t.Fatalf("the sandbox received %d leads, want 1", len(leads))
	}
	got := leads[0].Fields
	for k, want := range map[string]string{
		"email": "jeanne@ferme-des-lilas.fr", "phone": "0612345678", "project_total_budget": "45000.00",
		"siret": "73282932000074", "turnover": "120000.50", "collect_type": "lending",
		"publication_timeframe": "within_month", "category": "elevage",
	} {
		if got[k] != want {
			t.Errorf("sandbox got %s = %q, want %q", k, got[k], want)
		}
	}
	if _, sent := got["campaign_id"]; sent {
		t.Error("an absent field must not be sent")
	}
}

func TestLeadFromStdin(t *testing.T) {
	h, env := leadServer(t)
	r := runWith(t, env, runOpts{stdin: goodLeadJSON}, "lead", "--file", "-").expectCode(t, ExitOK)
	if r.stdout != "4201\n" || !strings.Contains(r.stderr, "lead received: 4201") {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
	if len(h.Leads()) != 1 {
		t.Fatal("the sandbox did not receive the lead")
	}
	env["LANG"] = "fr_FR.UTF-8"
	r = runWith(t, env, runOpts{stdin: goodLeadJSON}, "lead", "--file", "-").expectCode(t, ExitOK)
	if _, err := strconv.Atoi(strings.TrimSpace(r.stdout)); err != nil || r.stderr != "lead reçu : "+r.stdout {
		t.Errorf("French: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

func TestLeadFileLocalErrors(t *testing.T) {
	h, env := leadServer(t)
	path := writeLead(t, `{"email": "jeanne@ferme", "phone": "12 34", "siret": "73282932000075",
		"collect_type": "equity", "project_total_budget": "12,000", "department": "20"}`)
	r := run(t, env, "lead", "--file", path).expectCode(t, ExitUsage)
	for _, line := range []string{
		"email: is not an email address (name@example.com)",
		"firstname: is required",
		"lastname: is required",
		"phone: is not a French phone number",
		"collect_type: must be one of: donation, lending",
		"project_description: is required",
		"project_total_budget: is ambiguous",
		"publication_timeframe: is required",
		"department: is not a department code",
		"siret: is not a valid SIRET",
	} {
		if !strings.Contains(r.stderr, "\n"+line) && !strings.HasPrefix(r.stderr, line) {
			t.Errorf("stderr lacks %q:\n%s", line, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "miimosa: the lead was not sent: 10 field(s) to fix") {
		t.Errorf("no summary line:\n%s", r.stderr)
	}
	if n := len(h.Leads()); n != 0 {
		t.Fatalf("a refused lead reached the server (%d)", n)
	}
}

func TestLeadFileFrench(t *testing.T) {
	_, env := leadServer(t)
	env["LANG"] = "fr_FR.UTF-8"
	r := run(t, env, "lead", "--file", writeLead(t, `{"email":"x"}`)).expectCode(t, ExitUsage)
	if !strings.Contains(r.stderr, "firstname : est obligatoire") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestLeadFileServerRefusal(t *testing.T) {
	// An internationalised address is now refused here, as the server
	// (Rails, the sandbox) refuses it: nothing is sent.
	h, env := leadServer(t)
	body := strings.Replace(goodLeadJSON, "jeanne@ferme-des-lilas.fr", "élise@ferme-des-lilas.fr", 1)
	r := run(t, env, "lead", "--file", writeLead(t, body)).expectCode(t, ExitUsage)
	if !strings.HasPrefix(r.stderr, "email: is not an email address") ||
		!strings.Contains(r.stderr, "miimosa: the lead was not sent: 1 field(s) to fix") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if len(h.Leads()) != 0 {
		t.Fatal("a refused lead reached the server")
	}

	// The server's own refusals (Rails English) read in the user's language.
	srv := newStaticServer(t, 400, map[string]string{"Content-Type": "application/json"},
		`{"errors": {"email": ["has already been taken"], "collect_type": ["is not included in the list"], "base": ["Quota \u001b[31mexceeded"]}}`)
	env = testEnv(t, srv.URL)
	env["LANG"] = "fr_FR.UTF-8"
	r = run(t, env, "lead", "--file", writeLead(t, goodLeadJSON)).expectCode(t, ExitUsage)
	want := "base : Quota exceeded\ncollect_type : n'est pas une valeur acceptée\nemail : est déjà utilisé\n"
	if !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr:\n%s\nwant it to start with:\n%s", r.stderr, want)
	}
}

func TestLeadFileNotALead(t *testing.T) {
	h, env := leadServer(t)
	for name, c := range map[string]struct{ body, want string }{
		"unknown fields": {`{"email":"a@b.fr","e_mail":"x","budget":1}`, `unknown field(s) in the lead: "budget", "e_mail"`},
		"not an object":  {`["email"]`, "the lead is not a JSON object"},
		"null":           {`null`, "the lead is not a JSON object"},
		"two objects":    {`{} {}`, "more than one JSON value"},
		"empty":          {``, "the lead is not a JSON object"},
		"not a string":   {`{"email": true}`, "field email: must be a string"},
	} {
		t.Run(name, func(t *testing.T) {
			r := run(t, env, "lead", "--file", writeLead(t, c.body)).expectCode(t, ExitUsage)
			r.expectOneLineError(t, c.want)
		})
	}
	r := run(t, env, "lead", "--file", filepath.Join(t.TempDir(), "missing.json")).expectCode(t, ExitUsage)
	r.expectOneLineError(t, "cannot read the lead file")
	if len(h.Leads()) != 0 {
		t.Fatal("nothing should have been sent")
	}
}

func TestLeadFileKeyRejected(t *testing.T) {
	_, env := leadServer(t)
	env["MIIMOSA_API_KEY"] = "wrong-key"
	run(t, env, "lead", "--file", writeLead(t, goodLeadJSON)).expectCode(t, ExitKey)
}

func TestLeadFileNetworkFailure(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	env := testEnv(t, url)
	r := run(t, env, "lead", "--file", writeLead(t, goodLeadJSON)).expectCode(t, ExitNetwork)
	r.expectOneLineError(t)
}

func TestLeadFileServerFailure(t *testing.T) {
	srv := newStaticServer(t, http.StatusServiceUnavailable, nil, "down for maintenance")
	run(t, testEnv(t, srv.URL), "lead", "--file", writeLead(t, goodLeadJSON)).expectCode(t, ExitNetwork)
}

func TestLeadDiscardDraft(t *testing.T) {
	_, env := leadServer(t)
	store := &lead.DraftStore{Dir: filepath.Join(env["XDG_STATE_HOME"], "miimosa")}
	if err := store.Save(api.Lead{Email: "jeanne@ferme.fr"}); err != nil {
		t.Fatal(err)
	}
	r := run(t, env, "lead", "--discard-draft").expectCode(t, ExitOK)
	if r.stdout != "lead draft deleted\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	if _, ok, _ := store.Load(); ok {
		t.Fatal("the draft is still there")
	}
	r = run(t, env, "lead", "--discard-draft").expectCode(t, ExitOK)
	if r.stdout != "no lead draft to delete\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	run(t, env, "lead", "--discard-draft", "--file", "x.json").expectCode(t, ExitUsage)
}

func TestLeadWithoutFileNeedsTerminal(t *testing.T) {
	_, env := leadServer(t)
	r := run(t, env, "lead").expectCode(t, ExitUsage)
	r.expectOneLineError(t, "--file lead.json")
}

// On a terminal with ACCESSIBLE set, `miimosa lead` asks with plain
// prompts and sends the lead to the server.
func TestLeadAccessibleForm(t *testing.T) {
	h, env := leadServer(t)
	env["ACCESSIBLE"] = "1"
	answers := []string{
		"jeanne@ferme-des-lilas.fr", "Jeanne", "Martin", "06 12 34 56 78", "",
		"", "Un séchoir solaire", "1", "1", "12 000", "", "", "", "1",
		"", "", "", "", "", "", "", "",
	}
	var out, errb bytes.Buffer
	app := &App{
		Stdin: &testio.LineReader{Lines: answers}, Stdout: &out, Stderr: &errb,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return true },
		Now:        testClock,
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if code := Main(ctx, []string{"lead"}, app); code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	if !strings.HasSuffix(out.String(), "lead received: 4201\n") {
		t.Errorf("stdout:\n%s", out.String())
	}
	leads := h.Leads()
	if len(leads) != 1 || leads[0].Fields["collect_type"] != "donation" || leads[0].Fields["publication_timeframe"] != "within_month" {
		t.Fatalf("sandbox received %+v", leads)
	}
}

func FuzzDecodeLead(f *testing.F) {
	f.Add([]byte(goodLeadJSON))
	f.Add([]byte(`{"email": 1e400, "phone": -0, "siret": "\u0000"}`))
	f.Add([]byte(`{"a":`))
	f.Add([]byte(`[]`))
	p := i18n.New(i18n.EN)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := decodeLead(p, data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "the lead") && !strings.HasPrefix(err.Error(), "unknown field") &&
				!strings.HasPrefix(err.Error(), "field ") {
				t.Fatalf("unexpected error wording: %v", err)
			}
			if ExitCode(err) != ExitUsage {
				t.Fatalf("exit code %d for %v", ExitCode(err), err)
			}
			return
		}
		_ = lead.Check(l, p)
		_ = lead.Normalize(l)
	})
}
