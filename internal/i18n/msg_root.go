package i18n

// The root of the terminal (zoom, mouse, the status line's masked email),
// the help overlay and the key prompt's confirmations (ui/, ui/help,
// ui/keyprompt).
func init() {
	Register(map[Key]Msg{
		"ui.help.scroll_mid":   {"%d–%d/%d · ↑/↓ to scroll", "%d–%d/%d · ↑/↓ pour défiler"},
		"ui.help.scroll_short": {"%d–%d/%d · ↑/↓", "%d–%d/%d · ↑/↓"},
		"ui.help.mouse":        {"Mouse: click a pane, a row or a tab; the wheel scrolls what is under the pointer.", "Souris : cliquez sur un panneau, une ligne ou un onglet ; la molette fait défiler ce qui est sous le pointeur."},
	})
}
