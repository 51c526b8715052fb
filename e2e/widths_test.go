package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/miimosa/miimosa/internal/textsafe"
)

// Text whose width terminals and the layout disagree on, as a server could
// send it. Measured in tmux 3.3a: each line gives what tmux draws / what the
// layout measures (ansi.StringWidth) / what the renderer counts on a
// terminal without mode 2027 (ansi.StringWidthWc), before textsafe.Clean.
var hostileTexts = []string{
	"👩\u200d🌾 Ferme",               // 2 / 2 / 4 for the emoji: ZWJ sequence
	"🧑\u200d🤝\u200d🧑",              // 2 / 2 / 6
	"👨\u200d👩\u200d👧 familiale",    // 2 / 2 / 6
	"a\u200db",                     // 2 / 2 / 2, but the joiner stays in the cell
	"🏳\ufe0f\u200d🌈",               // 1 / 2 / 3
	"👁\u200d🗨",                     // 1 / 1 / 2
	"👍🏽 et ✌🏽",                     // 4 / 2 / 4 and 3 / 1 / 3: skin tones
	"a🏽",                           // 3 / 1 / 3
	"Miel ❤\ufe0f ☀\ufe0f ©\ufe0f", // 1 / 2 / 1 each: emoji presentation selector
	"1\ufe0f\u20e3",                // 1 / 2 / 1
	"🇫🇷🇫 vignes",                   // 3 / 4 / 3: half a flag
	"🇫a",                           // 2 / 3 / 2
	"가\u1160 ᄀ각",                   // 2 / 2 / 3 and 4 / 2 / 4: conjoining jamo
	"कि क्ष",                       // 2 / 1 / 2 each: spacing mark, conjunct
	"กำ",                           // 2 / 1 / 2
	"agri\u00adculture",            // 12 / 11 / 11: soft hyphen (already dropped)
	// What every measure already agrees on, kept as it is.
	"Élevage à Ségur 🐑🌾 « bio » 12 € l’été…",
	"Fe\u0301vrier", "🇫🇷🇩🇪", "a\u200cb", "☀\ufe0e", "שָׁלוֹם", "مرحبا", "한국", "ந்", "🐝⭐⌚",
}

// Emoji newer than the C library's tables (Unicode 15 with glibc 2.36: 🪿,
// 🫎) are left out, and only old emoji are used: tmux takes widths from the
// system's wcwidth and draws what it does not know as nothing, whatever the
// program sends, so such a case would test the machine, not the program.

// For each hostile text, the cleaned text advances tmux's cursor by exactly
// the width the layout and the renderer give it.
func TestTmuxDrawsCleanTextAsWideAsMeasured(t *testing.T) {
	needTmux(t)
	cleaned := make([]string, len(hostileTexts))
	for i, s := range hostileTexts {
		cleaned[i] = textsafe.Clean(s)
	}
	drawn := drawnWidths(t, cleaned)
	for i, s := range cleaned {
		layout, wc := ansi.StringWidth(s), ansi.StringWidthWc(s)
		if drawn[i] != layout || drawn[i] != wc {
			t.Errorf("Clean(%q) = %q: tmux draws %d columns, the layout measures %d, the renderer counts %d",
				hostileTexts[i], s, drawn[i], layout, wc)
		}
	}
}

// drawnWidths prints each text in a window of its own in a private tmux
// server, 400 columns wide so nothing wraps, and returns how far tmux moved
// the cursor for each: the width tmux draws, whatever any library thinks.
func drawnWidths(t *testing.T, texts []string) []int {
	t.Helper()
	const done = "@@drawn@@" // follows each text; the window has printed it all once it shows
	dir := t.TempDir()
	term := &terminal{t: t, socket: filepath.Join(dir, "tmux.sock"), env: baseEnv(t)}
	args := []string{"-f", "/dev/null", "new-session", "-d", "-s", "probe", "-x", "400", "-y", "3", "sleep 600"}
	for i, s := range texts {
		f := filepath.Join(dir, strconv.Itoa(i))
		if err := os.WriteFile(f, []byte(s+done), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, ";", "new-window", "-d", "-t", "probe:", "-n", "w"+strconv.Itoa(i), "cat "+f+"; sleep 600")
	}
	term.run(args...)
	t.Cleanup(func() { _ = term.cmd("kill-server").Run() })
	for i := range texts {
		target := "probe:w" + strconv.Itoa(i)
		deadline := time.Now().Add(patience)
		for !strings.Contains(term.run("capture-pane", "-p", "-t", target), done) {
			if time.Now().After(deadline) {
				t.Fatalf("tmux did not print text %d (%q) within %s", i, texts[i], patience)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	widths := make([]int, len(texts))
	for _, line := range strings.Split(strings.TrimSpace(term.run("list-windows", "-t", "probe", "-F", "#{window_name} #{cursor_x}")), "\n") {
		name, x, _ := strings.Cut(line, " ")
		i, err := strconv.Atoi(strings.TrimPrefix(name, "w"))
		if !strings.HasPrefix(name, "w") || err != nil {
			continue // the session's first window
		}
		cx, err := strconv.Atoi(x)
		if err != nil {
			t.Fatalf("list-windows: %q", line)
		}
		widths[i] = cx - len(done)
	}
	return widths
}

// hostileProjectServer serves GET /projects (a bare JSON array, per the
// contract) and GET /projects/{id} with the given titles, and answers 404
// to everything else (no user can be looked up).
func hostileProjectServer(t *testing.T, titles []string) *httptest.Server {
	t.Helper()
	project := func(i int, title string) map[string]any {
		id := i + 1
		return map[string]any{
			"id": id, "title": title, "slug": fmt.Sprintf("projet-%d", id),
			"url":         projectURL(id),
			"description": title + " — " + title, "long_description": title + "\n" + title,
			"status": "in_progress", "collect_type": "donation", "category": "agriculture",
			"region": map[string]any{"code": "75", "name": "Nouvelle-Aquitaine"}, "department": "24",
			"city": title, "owner": map[string]any{"first_name": title, "last_name": "Durand"},
			"target": "10000.00", "collected": "2500.00", "backers_count": 12,
			"published_at": time.Now().AddDate(0, -1, 0).Format(time.RFC3339),
			"ends_at":      time.Now().AddDate(0, 1, 0).Format(time.RFC3339),
		}
	}
	list := make([]map[string]any, len(titles))
	for i, title := range titles {
		list[i] = project(i, title)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/projects":
			w.Header().Set("Total", strconv.Itoa(len(list)))
			_ = json.NewEncoder(w).Encode(list)
			return
		case strings.HasPrefix(r.URL.Path, "/projects/"):
			if id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/projects/")); err == nil && id >= 1 && id <= len(list) {
				_ = json.NewEncoder(w).Encode(list[id-1])
				return
			}
		}
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"error":"not found"}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// projectURL is the page of the project with this id as the server sends
// it, with characters a shell would act on: they must reach the browser as
// they are, in one argument.
func projectURL(id int) string {
	return fmt.Sprintf("https://www.miimosa.com/fr/projects/projet-%d?from=app&x=$(id);y=`id`", id)
}

// hostileTitles are project titles a server could send, each with text
// terminals and the layout measure differently.
var hostileTitles = []string{
	"👩\u200d🌾 Ferme des Quatre Vents",
	"🧑\u200d🤝\u200d🧑 Coopérative laitière",
	"Atelier a\u200db de transformation",
	"Vignes 🇫🇷🇫 du Bergeracois",
	"Maraîchage 👍🏽 bio ✌🏽",
	"Miel ❤\ufe0f et ☀\ufe0f du Gers",
	"Cidrerie 1\ufe0f\u20e3 en Bretagne",
	"🏳\ufe0f\u200d🌈 Ferme inclusive",
	"👨\u200d👩\u200d👧 Ferme familiale",
	"Élevage de brebis à Ségur 🐑🌾",
	"Fe\u0301vrier : semis d’hiver",
}

// leftEdges open a box line on the left, rightEdges close it.
const (
	leftEdges  = "│┃╭╰┏┗┌└├┣"
	rightEdges = "│┃╮╯┓┛┐┘┤┫"
)

// In a 120-column tmux, with titles full of joiners, modifiers and
// selectors, every line that closes a box closes it in column 120, as tmux
// draws it, and no joiner is left on screen; in the list and in a detail.
func TestHostileTitlesKeepTheBordersInColumn120(t *testing.T) {
	needTmux(t)
	bin := build(t)
	srv := hostileProjectServer(t, hostileTitles)
	env := append(baseEnv(t), "MIIMOSA_API_KEY=e2e-widths-key")
	term := openTerminal(t, env, fmt.Sprintf("%q --api-url %s; sleep 600", bin, srv.URL))

	term.waitText("Who is it?")
	term.keys("Escape") // no one to look up: projects need no user
	// A key sent right after Escape would arrive as alt+key.
	term.waitFor("the lookup to close", func(s string) bool { return !strings.Contains(s, "Who is it?") })
	term.keys("3")
	screen := term.waitText("┏━ 3 Projects", "Quatre Vents", "Coopérative", "Ségur")
	checkRightBorders(t, "the projects list", screen)

	term.keys("Enter")
	screen = term.waitText("Owner", "Quatre Vents")
	checkRightBorders(t, "a project's detail", screen)
}

// checkRightBorders fails unless every line of screen that opens a box
// closes it, exactly 120 columns wide as tmux draws it, and no zero-width
// joiner is left on screen.
func checkRightBorders(t *testing.T, what, screen string) {
	t.Helper()
	if strings.ContainsRune(screen, '\u200d') {
		t.Errorf("%s: a zero-width joiner is on screen", what)
	}
	var boxed []string
	for _, l := range strings.Split(screen, "\n") {
		if r := []rune(l); len(r) > 0 && strings.ContainsRune(leftEdges, r[0]) {
			boxed = append(boxed, strings.TrimRight(l, " "))
		}
	}
	if len(boxed) < 20 {
		t.Fatalf("%s: only %d lines open a box; the screen is not the one expected:\n%s", what, len(boxed), screen)
	}
	widths := drawnWidths(t, boxed)
	bad := 0
	for i, l := range boxed {
		r := []rune(l)
		if widths[i] != 120 || !strings.ContainsRune(rightEdges, r[len(r)-1]) {
			bad++
			t.Errorf("%s: a line ends in column %d, not with a border in column 120: %q", what, widths[i], l)
		}
	}
	if bad > 0 {
		t.Logf("%s, the screen:\n%s", what, screen)
	}
}
