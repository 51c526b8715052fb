package i18n

// `miimosa cache` and the terminal's --no-cache.
func init() {
	Register(map[Key]Msg{
		"cli.short.miimosa.cache": {"Manage the cache of public project lists", "Gérer le cache des listes de projets publics"},
		"cli.long.miimosa.cache": {
			"The terminal keeps the last list of projects it saw for each set of filters, so that the projects pane opens with it at once, marked with its age, and replaces it when the server answers. Only public project data is kept (never a wallet, a pledge, an email or a birthdate), in files readable by you alone, in $XDG_CACHE_HOME/miimosa (else ~/.cache/miimosa), 4 MiB at most. miimosa --no-cache neither reads nor writes it.",
			"Le terminal garde la dernière liste de projets vue pour chaque jeu de filtres : le panneau des projets s'ouvre aussitôt avec elle, marquée de son âge, et la remplace quand le serveur répond. Seules les données publiques des projets y sont (jamais un portefeuille, un prêt, un e-mail ni une date de naissance), dans des fichiers lisibles par vous seul, dans $XDG_CACHE_HOME/miimosa (sinon ~/.cache/miimosa), 4 Mio au plus. miimosa --no-cache ne le lit ni ne l'écrit."},
		"cli.short.miimosa.cache.clear": {"Delete every cached project list", "Supprimer toutes les listes de projets en cache"},
		"cli.long.miimosa.cache.clear": {
			"Delete the project lists the terminal keeps. The next start shows the projects once the server answers. Exit codes: 0 done; 1 the cache could not be deleted.",
			"Supprimer les listes de projets que garde le terminal. Au prochain démarrage, les projets s'affichent quand le serveur répond. Codes de sortie : 0 fait ; 1 le cache n'a pas pu être supprimé."},
		"cli.example.miimosa.cache.clear": {"miimosa cache clear", "miimosa cache clear"},
		"cli.cache.cleared":               {"cache cleared: %s", "cache vidé : %s"},
		"cli.cache.no_dir":                {"no cache directory: set HOME or XDG_CACHE_HOME", "pas de répertoire de cache : définissez HOME ou XDG_CACHE_HOME"},
		"cli.cache.clear_failed":          {"the cache in %s could not be deleted (%s): check its permissions", "le cache de %s n'a pas pu être supprimé (%s) : vérifiez ses droits"},
		"cli.usage.miimosa.concurrency":   {"How many pages a list fetches at once, 1 to 16 (default: concurrency in the config file, else 4)", "Combien de pages une liste charge à la fois, de 1 à 16 (par défaut : concurrency dans le fichier de configuration, sinon 4)"},
		"cli.err.concurrency_config":      {"\"concurrency\": %d in %s: use a number from 1 to %d", "\"concurrency\" : %d dans %s : utilisez un nombre de 1 à %d"},
		"cli.err.concurrency":             {"--concurrency %d: use a number from 1 to %d", "--concurrency %d : utilisez un nombre de 1 à %d"},
		"cli.usage.miimosa.no-cache":      {"Neither show nor keep the last project lists (see miimosa cache)", "Ne pas montrer ni garder les dernières listes de projets (voir miimosa cache)"},
	})
}
