package common

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// ModalWidth is how wide a modal card may be inside an area w cells wide:
// its natural width, or the area less a margin on narrow terminals.
func ModalWidth(natural, w int) int { return max(0, min(natural, w-2)) }

// Modal draws lines in a bordered card cardW cells wide (border included),
// centred in exactly w×h cells, as the forms and the help overlay are.
func Modal(s Styles, lines []string, cardW, w, h int) string {
	card := s.PaneBorderFocused.Padding(0, 1).Width(cardW).Render(strings.Join(lines, "\n"))
	placed := lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, card)
	return Block(strings.Split(placed, "\n"), w, h)
}
