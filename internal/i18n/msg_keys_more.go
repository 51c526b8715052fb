package i18n

// Keys added with the insight pane and the polish of the terminal.
func init() {
	Register(map[Key]Msg{
		"keys.insight": {"insight", "synthèse"},
		"keys.zoom":    {"zoom", "agrandir"},
		"keys.export":  {"export CSV", "exporter en CSV"},
		"keys.view":    {"switch view", "changer de vue"},
	})
}
