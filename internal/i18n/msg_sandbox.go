package i18n

// `miimosa sandbox` (internal/cli/sandbox.go).
func init() {
	Register(map[Key]Msg{
		"sandbox.listening":  {"MiiMOSA sandbox listening on %s", "Bac à sable MiiMOSA à l'écoute sur %s"},
		"sandbox.key":        {"API key: %s", "Clé d'API : %s"},
		"sandbox.users":      {"Demo users (email, birthdate):", "Utilisateurs de démonstration (e-mail, date de naissance) :"},
		"sandbox.point":      {"Point the app at it:", "Pour y brancher l'application :"},
		"sandbox.faults":     {"Injected faults: %s", "Pannes simulées : %s"},
		"sandbox.stop":       {"Press Ctrl+C to stop.", "Ctrl+C pour arrêter."},
		"sandbox.stopped":    {"Sandbox stopped.", "Bac à sable arrêté."},
		"sandbox.err_share":  {"--%s must be between 0 and 1 (got %v)", "--%s doit être entre 0 et 1 (reçu %v)"},
		"sandbox.err_limit":  {"--rate-limit must be 0 (no limit) or a number of requests per second (got %d)", "--rate-limit doit valoir 0 (sans limite) ou un nombre de requêtes par seconde (reçu %d)"},
		"sandbox.err_delay":  {"--latency cannot be negative (got %s)", "--latency ne peut pas être négative (reçu %s)"},
		"sandbox.err_addr":   {"--addr %s is not a loopback address: use 127.0.0.1:PORT, [::1]:PORT or localhost:PORT", "--addr %s n'est pas une adresse locale : utilisez 127.0.0.1:PORT, [::1]:PORT ou localhost:PORT"},
		"sandbox.err_listen": {"cannot start the sandbox: %s", "impossible de démarrer le bac à sable : %s"},
	})
}
