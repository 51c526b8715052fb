package i18n

// Connecting (internal/cli/session.go) and `miimosa auth` (internal/cli/auth.go).
func init() {
	Register(map[Key]Msg{
		// Opening a session.
		"auth.err.demo_and_url": {
			"--demo uses the embedded sandbox: leave out --api-url, or drop --demo to use that server",
			"--demo utilise le bac à sable intégré : retirez --api-url, ou retirez --demo pour utiliser ce serveur"},
		"auth.err.sandbox": {
			"the demo sandbox could not start (%s): try again, or use a real server without --demo",
			"le bac à sable de démo n'a pas pu démarrer (%s) : réessayez, ou utilisez un vrai serveur sans --demo"},
		"auth.err.no_key": {
			"no API key: set %s, or run `miimosa auth login`",
			"pas de clé d'API : définissez %s, ou lancez `miimosa auth login`"},
		"auth.err.env_key_invalid": {
			"%s does not hold a valid API key (spaces, quotes or accents in it?): set it again, or unset it to use the saved key",
			"%s ne contient pas une clé d'API valide (espaces, guillemets ou accents ?) : redéfinissez-la, ou supprimez-la pour utiliser la clé enregistrée"},
		"auth.err.key_file": {
			"the saved key cannot be used: %s",
			"la clé enregistrée est inutilisable : %s"},

		// Server address problems (internal/config): source, then the value or cause.
		"auth.config.not_url": {
			"%s: %q is not a server address: give it like https://api.miimosa.com",
			"%s : %q n'est pas une adresse de serveur : écrivez-la comme https://api.miimosa.com"},
		"auth.config.credentials": {
			"%s: %q holds a user name or password: give the server address alone; the key comes from MIIMOSA_API_KEY or the keyring",
			"%s : %q contient un nom d'utilisateur ou un mot de passe : donnez l'adresse du serveur seule ; la clé vient de MIIMOSA_API_KEY ou du trousseau"},
		"auth.config.scheme": {
			"%s: %q: only https:// addresses are supported",
			"%s : %q : seules les adresses https:// sont acceptées"},
		"auth.config.insecure_http": {
			"%s: %q: plain http:// would send the API key unencrypted; use https://, or http:// only for 127.0.0.1, ::1 or localhost",
			"%s : %q : http:// enverrait la clé d'API en clair ; utilisez https://, ou http:// seulement pour 127.0.0.1, ::1 ou localhost"},
		"auth.config.path": {
			"%s: %q: give the server address alone, without a path, query or fragment, like https://api.miimosa.com",
			"%s : %q : donnez l'adresse du serveur seule, sans chemin, requête ni fragment, comme https://api.miimosa.com"},
		"auth.config.port": {
			"%s: %q: the port must be a number from 1 to 65535",
			"%s : %q : le port doit être un nombre de 1 à 65535"},
		"auth.config.file_unreadable": {
			"the config file %s cannot be read (%s): fix its permissions or delete it",
			"le fichier de configuration %s est illisible (%s) : corrigez ses droits ou supprimez-le"},
		"auth.config.file_malformed": {
			"the config file %s is not valid JSON (%s): fix or delete it",
			"le fichier de configuration %s n'est pas du JSON valide (%s) : corrigez-le ou supprimez-le"},

		// miimosa auth

		"auth.demo": {
			"--demo always uses the sandbox's built-in key: there is no key to log in or out with",
			"--demo utilise toujours la clé intégrée du bac à sable : aucune clé à enregistrer ni supprimer"},
		"auth.prompt": {"API key for %s (typing is hidden): ", "Clé d'API pour %s (la saisie est masquée) : "},
		"auth.err.empty": {
			"no key given: paste it at the prompt, or pipe it on standard input (echo \"$KEY\" | miimosa auth login)",
			"aucune clé saisie : collez-la à l'invite, ou passez-la sur l'entrée standard (echo \"$KEY\" | miimosa auth login)"},
		"auth.err.invalid": {
			"this is not an API key (it is empty, too long, or holds spaces, quotes or accents): copy it again from your MiiMOSA account",
			"ce n'est pas une clé d'API (vide, trop longue, ou avec espaces, guillemets ou accents) : copiez-la à nouveau depuis votre compte MiiMOSA"},
		"auth.err.read": {"cannot read the key: %s", "impossible de lire la clé : %s"},
		"auth.err.rejected": {
			"%s rejected this key; nothing was saved: check it in your MiiMOSA account and try again",
			"%s a refusé cette clé ; rien n'a été enregistré : vérifiez-la dans votre compte MiiMOSA et réessayez"},
		"auth.err.save": {"the key is valid but could not be saved: %s", "la clé est valide mais n'a pas pu être enregistrée : %s"},
		"auth.saved_keyring": {
			"Key accepted by %s and saved in the system keyring.",
			"Clé acceptée par %s et enregistrée dans le trousseau du système."},
		"auth.saved_file": {
			"Key accepted by %s and saved in %s (readable by you only), since this machine has no keyring.",
			"Clé acceptée par %s et enregistrée dans %s (lisible par vous seul), faute de trousseau sur cette machine."},
		"auth.err.no_keyring": {
			"no keyring on this machine, so the key was not saved: use --insecure-storage to keep it in a 0600 file, or set MIIMOSA_API_KEY",
			"pas de trousseau sur cette machine, la clé n'a donc pas été enregistrée : utilisez --insecure-storage pour la garder dans un fichier 0600, ou définissez MIIMOSA_API_KEY"},
		"auth.env_overrides": {
			"Note: MIIMOSA_API_KEY is set and takes precedence over the saved key.",
			"Remarque : MIIMOSA_API_KEY est définie et passe avant la clé enregistrée."},

		"auth.status.server":          {"Server: %s", "Serveur : %s"},
		"auth.status.server_demo":     {"Server: %s (the demo sandbox)", "Serveur : %s (le bac à sable de démo)"},
		"auth.status.key_env":         {"Key: %s, from MIIMOSA_API_KEY", "Clé : %s, depuis MIIMOSA_API_KEY"},
		"auth.status.key_keyring":     {"Key: %s, from the system keyring", "Clé : %s, depuis le trousseau du système"},
		"auth.status.key_file":        {"Key: %s, from the file %s (--insecure-storage)", "Clé : %s, depuis le fichier %s (--insecure-storage)"},
		"auth.status.key_demo":        {"Key: %s, the sandbox's built-in key", "Clé : %s, la clé intégrée du bac à sable"},
		"auth.status.key_none":        {"Key: none", "Clé : aucune"},
		"auth.status.no_keyring":      {"No keyring on this machine.", "Pas de trousseau sur cette machine."},
		"auth.status.file_unused":     {"A key file exists at %s; add --insecure-storage to use it.", "Un fichier de clé existe dans %s ; ajoutez --insecure-storage pour l'utiliser."},
		"auth.status.offline":         {"Not checked with the server (--offline).", "Non vérifiée auprès du serveur (--offline)."},
		"auth.status.accepted":        {"The server accepts the key.", "Le serveur accepte la clé."},
		"auth.status.rejected":        {"The server rejects the key: run `miimosa auth login` with a new one.", "Le serveur refuse la clé : lancez `miimosa auth login` avec une nouvelle clé."},
		"auth.status.rejected_env":    {"The server rejects the key: fix or unset MIIMOSA_API_KEY.", "Le serveur refuse la clé : corrigez ou supprimez MIIMOSA_API_KEY."},
		"auth.logout.removed_keyring": {"Removed the key for %s from the system keyring.", "Clé de %s supprimée du trousseau du système."},
		"auth.logout.removed_file":    {"Removed the key file %s.", "Fichier de clé %s supprimé."},
		"auth.logout.nothing":         {"No saved key for %s: nothing to remove.", "Aucune clé enregistrée pour %s : rien à supprimer."},
		"auth.logout.env_still_set": {
			"MIIMOSA_API_KEY is still set in your environment: unset it to stop using that key.",
			"MIIMOSA_API_KEY est toujours définie dans votre environnement : supprimez-la pour ne plus utiliser cette clé."},
	})
}
