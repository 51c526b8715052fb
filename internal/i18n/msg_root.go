package i18n

// The root of the terminal (zoom, mouse, the status line's masked email),
// the help overlay and the key prompt's confirmations (ui/, ui/help,
// ui/keyprompt).
func init() {
	Register(map[Key]Msg{
		"ui.zoom.restore": {"zoomed · z to restore", "agrandi · z pour revenir"},

		"ui.help.scroll_mid":   {"%d–%d/%d · ↑/↓ to scroll", "%d–%d/%d · ↑/↓ pour défiler"},
		"ui.help.scroll_short": {"%d–%d/%d · ↑/↓", "%d–%d/%d · ↑/↓"},
		"ui.help.mouse":        {"Mouse: click a pane, a row or a tab; the wheel scrolls what is under the pointer.", "Souris : cliquez sur un panneau, une ligne ou un onglet ; la molette fait défiler ce qui est sous le pointeur."},

		"ui.key.intro_maybe":    {"Paste the API key MiiMOSA gave you. It is tried on the server, then kept in the system keyring, or for this session only if this machine has none.", "Collez la clé d'API fournie par MiiMOSA. Elle est essayée sur le serveur, puis gardée dans le trousseau du système, ou pour cette session seulement si cette machine n'en a pas."},
		"ui.key.forget_confirm": {"Forget this key? It is deleted, and a key must be pasted again to go on.", "Oublier cette clé ? Elle est supprimée, et il faudra en coller une pour continuer."},
		"ui.key.keys_confirm":   {"y or enter forget it · n or esc keep it", "y ou entrée l'oublier · n ou échap la garder"},
		"keys.yes":              {"yes", "oui"},
		"keys.no":               {"no", "non"},
	})
}
