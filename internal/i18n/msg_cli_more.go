package i18n

// More of the commands' words (internal/cli): cobra's own commands, the
// server answers the client refuses, remembering where a key is kept.
func init() {
	Register(map[Key]Msg{
		"cli.short.miimosa.help":                  {"Show the help of any command", "Afficher l'aide d'une commande"},
		"cli.short.miimosa.completion":            {"Write the shell completion script", "Écrire le script de complétion du shell"},
		"cli.short.miimosa.completion.bash":       {"Write the completion script for bash", "Écrire le script de complétion pour bash"},
		"cli.short.miimosa.completion.zsh":        {"Write the completion script for zsh", "Écrire le script de complétion pour zsh"},
		"cli.short.miimosa.completion.fish":       {"Write the completion script for fish", "Écrire le script de complétion pour fish"},
		"cli.short.miimosa.completion.powershell": {"Write the completion script for PowerShell", "Écrire le script de complétion pour PowerShell"},
		"cli.err.help_topic":                      {"no command “%s”: see miimosa --help", "pas de commande « %s » : voir miimosa --help"},

		// An answer the client refuses (api.ErrRefused): the server's fault.
		"cli.err.refused_why": {
			"%s answered something this client refuses (%s): report it to MiiMOSA, or check --api-url",
			"%s a répondu quelque chose que ce client refuse (%s) : signalez-le à MiiMOSA, ou vérifiez --api-url"},
		"cli.err.refused": {
			"%s answered something this client refuses: report it to MiiMOSA, or check --api-url",
			"%s a répondu quelque chose que ce client refuse : signalez-le à MiiMOSA, ou vérifiez --api-url"},

		// The --insecure-storage file, remembered in the config file.
		"cli.err.no_key_file_unused": {
			"no API key in the keyring, but a key file exists at %s: add --insecure-storage, or run `miimosa auth login --insecure-storage` once so that it is remembered",
			"pas de clé d'API dans le trousseau, mais un fichier de clé existe dans %s : ajoutez --insecure-storage, ou lancez une fois `miimosa auth login --insecure-storage` pour qu'il soit retenu"},
		"auth.err.remember": {
			"Note: the config file could not record where the key is kept (%s): add --insecure-storage to the next commands.",
			"Remarque : le fichier de configuration n'a pas pu retenir où la clé est gardée (%s) : ajoutez --insecure-storage aux commandes suivantes."},
	})
}
