package i18n

// The keymap's help text (ui/common/keys.go).
func init() {
	Register(map[Key]Msg{
		"keys.help":       {"help", "aide"},
		"keys.quit":       {"quit", "quitter"},
		"keys.next_pane":  {"next pane", "panneau suiv."},
		"keys.prev_pane":  {"previous pane", "panneau préc."},
		"keys.wallet":     {"wallet", "portefeuille"},
		"keys.pledges":    {"pledges", "prêts"},
		"keys.projects":   {"projects", "projets"},
		"keys.up":         {"up", "haut"},
		"keys.down":       {"down", "bas"},
		"keys.top":        {"first", "début"},
		"keys.bottom":     {"last", "fin"},
		"keys.page_up":    {"page up", "page préc."},
		"keys.page_down":  {"page down", "page suiv."},
		"keys.open":       {"open", "ouvrir"},
		"keys.back":       {"back", "retour"},
		"keys.search":     {"search / filter", "rechercher / filtrer"},
		"keys.sort":       {"order / sort", "ordre / tri"},
		"keys.category":   {"category", "catégorie"},
		"keys.type":       {"type", "type"},
		"keys.filters":    {"all filters", "tous les filtres"},
		"keys.clear":      {"clear filters", "effacer les filtres"},
		"keys.reload":     {"reload", "recharger"},
		"keys.browser":    {"open in browser", "ouvrir la page web"},
		"keys.copy":       {"copy URL / id", "copier l'URL / l'id"},
		"keys.privacy":    {"mask amounts", "masquer les sommes"},
		"keys.new_lookup": {"new lookup", "nouvelle recherche"},
		"keys.lead":       {"submit a lead", "saisir un lead"},
		"keys.api_key":    {"API key", "clé d'API"},
	})
}
