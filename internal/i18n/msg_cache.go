package i18n

// The projects pane opening with the last list it saw (internal/cache).
func init() {
	Register(map[Key]Msg{
		"panes.projects.updated_now":   {"updated just now", "mis à jour à l'instant"},
		"panes.projects.updated_min":   {"updated %d min ago", "mis à jour il y a %d min"},
		"panes.projects.updated_hours": {"updated %d h ago", "mis à jour il y a %d h"},
		"panes.projects.updated_days":  {"updated %d days ago", "mis à jour il y a %d jours"},
	})
}
