package projectdetail

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/ui/common"
	"github.com/miimosa/miimosa/ui/internal/uitest"
)

// FuzzView feeds server strings of any kind to the detail: it must never
// panic, never let a control or escape sequence through, and always draw
// exactly its size. Styles are left plain so any escape in the output
// could only have come from the server.
func FuzzView(f *testing.F) {
	f.Add("Des ruches", "ligne 1\nligne 2", "https://www.miimosa.com/fr/projects/x", `{"a":1}`, 60, 15)
	f.Add("\x1b]0;pwned\x07title", "\x1b[2J\x1b[H\u202eevil", "javascript:alert(1)", `"\u001b[31mred"`, 100, 30)
	f.Add("", "", "", `not json`, 0, 0)
	f.Add(strings.Repeat("漢字", 80), strings.Repeat("é\u0301 ", 300), "http://[::1", `[1,2,{"x":"\u0007"}]`, 3, 2)
	f.Fuzz(func(t *testing.T, title, desc, url, extra string, w, h int) {
		w, h = w%300, h%120
		env := uitest.Env(i18n.FR)
		env.Styles = common.Styles{}
		p := api.Project{ID: 1, Title: title, LongDescription: desc, Description: desc, URL: url, City: title,
			Owner: api.Person{FirstName: title}, Rewards: []api.Reward{{Description: desc}},
			Extra: api.Extra{title: json.RawMessage(extra)}}
		m := New(env, nil, p, 1).SetSize(w, h)
		m, _ = m.Update(loadedMsg{tag: m.tag, seq: m.req.Seq(), project: p})
		m, _ = m.Update(uitest.Key("G"))
		v := m.View()
		if w <= 0 || h <= 0 {
			if v != "" {
				t.Fatalf("drew %q at %dx%d", v, w, h)
			}
			return
		}
		uitest.Frame(t, v, w, h)
	})
}
