package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// click sends a left click at the 1-based cell (col, row), as an xterm in
// SGR mouse mode reports one: the program asked tmux for mouse events, and
// tmux hands the bytes to it as the terminal would.
func (term *terminal) click(col, row int) {
	term.t.Helper()
	press := fmt.Sprintf("\x1b[<0;%d;%dM", col, row)
	release := fmt.Sprintf("\x1b[<0;%d;%dm", col, row)
	var hex []string
	for _, b := range []byte(press + release) {
		hex = append(hex, fmt.Sprintf("%02x", b))
	}
	term.run(append([]string{"send-keys", "-t", "e2e", "-H"}, hex...)...)
}

// A click on the projects pane focuses it and selects the project under
// the pointer, in a real terminal.
func TestAClickFocusesThePaneAndSelectsTheRow(t *testing.T) {
	needTmux(t)
	bin := build(t)
	term := openTerminal(t, baseEnv(t), fmt.Sprintf("%q --demo; sleep 600", bin))
	screen := term.waitFor("the dashboard with the pledges focused", func(s string) bool {
		return strings.Contains(s, "┏━ 2 Pledges") && len(projectRows(s)) >= 3
	})
	lines := strings.Split(screen, "\n")
	rows := projectRows(screen)
	target := rows[2] // the third project
	row := -1
	for i, l := range lines {
		if l == target {
			row = i + 1
			break
		}
	}
	if row < 0 {
		t.Fatalf("the third project's line is not on screen:\n%s", screen)
	}
	// The project's title as its row shows it: the pane grows when it takes
	// the focus, so the row moves; its text does not.
	title := string([]rune(strings.TrimSpace(strings.Trim(target, "┃│ ")))[:24])
	term.click(20, row)
	term.waitFor("the clicked project selected in the focused projects pane", func(s string) bool {
		if !strings.Contains(s, "┏━ 3 Projects") {
			return false
		}
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, title) {
				return strings.Contains(l, "› "+title)
			}
		}
		return false
	})
}
