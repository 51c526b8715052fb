package i18n

// What the terminal did with the system around it (ui/common/system.go):
// how a copied text was sent. %s first is the caller's own "… copied".
func init() {
	Register(map[Key]Msg{
		"ui.copy.system":          {"%s to the system clipboard (%s)", "%s dans le presse-papiers du système (%s)"},
		"ui.copy.system_and_tmux": {"%s to the system clipboard (%s) and tmux's paste buffer", "%s dans le presse-papiers du système (%s) et le tampon de tmux"},
		"ui.copy.tmux":            {"%s into tmux's paste buffer (prefix then ] pastes it)", "%s dans le tampon de tmux (préfixe puis ] pour coller)"},
		"ui.copy.osc52":           {"Sent to the terminal's clipboard (OSC 52), unconfirmed: paste to check", "Envoyé au presse-papiers du terminal (OSC 52), sans confirmation : collez pour vérifier"},
		"ui.copy.osc52_tmux":      {"Sent to the terminal's clipboard (OSC 52), but tmux may keep it in its own buffer (set-clipboard)", "Envoyé au presse-papiers du terminal (OSC 52), mais tmux peut le garder dans son tampon (set-clipboard)"},
	})
}
