package i18n

// The list panes (projects, pledges): their layout, views, sorts, pickers
// and the CSV export.
func init() {
	Register(map[Key]Msg{
		// The CSV export (e).
		"lists.export.prompt":  {"Export to: ", "Exporter vers : "},
		"lists.export.hint":    {"enter writes the CSV file, esc cancels", "entrée écrit le fichier CSV, échap annule"},
		"lists.export.exists":  {"%s exists: enter replaces it, esc keeps it", "%s existe : entrée le remplace, échap le garde"},
		"lists.export.writing": {"writing…", "écriture…"},
		"lists.export.no_name": {"Type a file name, or esc to cancel", "Saisissez un nom de fichier, ou échap pour annuler"},
		"lists.export.failed":  {"Could not write %s: %s — choose another name or folder", "Impossible d'écrire %s : %s — choisissez un autre nom ou dossier"},
		"lists.export.wrote":   {"Wrote %s %s to %s", "Export : %s %s dans %s"},
		"lists.export.private": {"Amounts are masked: press p to show them, then e to export", "Montants masqués : p pour les afficher, puis e pour exporter"},
		"lists.export.empty":   {"Nothing to export: no row is shown", "Rien à exporter : aucune ligne affichée"},
		"lists.noun.pledge":    {"pledge", "prêt"},
		"lists.noun.pledges":   {"pledges", "prêts"},
		"lists.noun.project":   {"project", "projet"},
		"lists.noun.date":      {"date", "date"},
		"lists.noun.dates":     {"dates", "dates"},
		"lists.noun.projects":  {"projects", "projets"},

		// The pledges pane.
		"lists.pledges.late_date":   {"%s late", "%s retard"},
		"lists.pledges.upcoming":    {"· next repayments by date (v: the list)", "· prochaines échéances par date (v : la liste)"},
		"lists.pledges.nothing_due": {"No repayment to come for these pledges", "Aucune échéance à venir pour ces prêts"},
		"lists.pledges.col.pledges": {"Pledges", "Prêts"},
		"lists.pledges.col.due":     {"Amount due", "Montant dû"},

		// The projects pane: what the terminal filters and sorts itself.
		"lists.projects.count_local_partial": {"Projects %s of the %s loaded", "Projets %s sur les %s chargés"},
		"lists.projects.on_device_filter":    {"filtered on this device", "filtré sur cet appareil"},
		"lists.projects.on_device_sort":      {"sorted on this device", "trié sur cet appareil"},
		"lists.projects.on_device_both":      {"filtered and sorted on this device", "filtré et trié sur cet appareil"},
		"lists.projects.none_local":          {"None of the projects loaded matches (x clears the filters)", "Aucun des projets chargés ne correspond (x efface les filtres)"},
		"lists.projects.loading_all":         {"loading every page… (esc stops)", "chargement de toutes les pages… (échap arrête)"},
		"lists.projects.loading_more":        {"loading %s… (esc stops)", "chargement %s… (échap arrête)"},
		"lists.filter.status":                {"Status:", "Statut :"},
		"lists.filter.sort":                  {"Sort:", "Tri :"},
		"lists.all.status":                   {"All", "Tous"},
		"lists.sort.none":                    {"as the server orders", "ordre du serveur"},
		"lists.sort.rate":                    {"best rate", "meilleur taux"},
		"lists.sort.duration":                {"shortest duration", "durée la plus courte"},
		"lists.sort.ending":                  {"ending soonest", "fin la plus proche"},

		// The pickers (c, f).
		"lists.filters.title":  {"Filters: type to find a value, enter to choose, esc to close", "Filtres : tapez pour trouver une valeur, entrée pour choisir, échap pour fermer"},
		"lists.picker.title":   {"%s type to filter", "%s tapez pour filtrer"},
		"lists.picker.matches": {"%s of %s", "%s sur %s"},
		"lists.picker.none":    {"Nothing matches: backspace or esc", "Aucune correspondance : retour arrière ou échap"},
	})
}
