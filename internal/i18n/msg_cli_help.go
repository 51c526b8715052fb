package i18n

// The commands' help (internal/cli): each command's long description and
// examples, and each flag's description. Keys follow the command path:
// cli.long.<path>, cli.example.<path>, cli.usage.<path>.<flag>, where
// <path> is "miimosa.auth.login"; a flag several commands share has one
// key, cli.usage.<flag>. The one-line descriptions are cli.short.<path>
// (msg_cli.go). fang capitalises the first word of a flag's description:
// each starts with a plain word, never an acronym.
func init() {
	Register(map[Key]Msg{
		"cli.help.commands": {"Commands", "Commandes"},
		"cli.help.usage":    {"Usage", "Utilisation"},
		"cli.help.examples": {"Examples", "Exemples"},
		"cli.help.flags":    {"Flags", "Options"},
		"cli.usage.help":    {"Show this help", "Afficher cette aide"},

		// miimosa
		"cli.long.miimosa": {
			"miimosa shows a MiiMOSA wallet, its lending pledges and what they repay, and browses the projects to back next. " +
				"Support agents look a caller up by email and birthdate; scripts get CSV and JSON from the same client.\n\n" +
				"Exit codes of projects, project, wallet and pledges: 0 done; 2 usage (a flag or argument is wrong); " +
				"3 API key missing or rejected; 4 not found; 5 birthdate mismatch; 6 the server could not be reached, " +
				"failed, or answered something this client refuses; 1 anything else. auth and lead list their own in their --help. " +
				"Every command exits 130 when interrupted (ctrl+c, SIGTERM, SIGHUP).",
			"miimosa affiche le portefeuille MiiMOSA d'un prêteur, ses prêts et ce qu'ils remboursent, et parcourt les projets à soutenir. " +
				"Le service client retrouve un appelant par son e-mail et sa date de naissance ; les scripts obtiennent du CSV et du JSON du même client.\n\n" +
				"Codes de sortie de projects, project, wallet et pledges : 0 terminé ; 2 usage (une option ou un argument est faux) ; " +
				"3 clé d'API absente ou refusée ; 4 introuvable ; 5 date de naissance erronée ; 6 le serveur est injoignable, " +
				"en panne, ou a répondu quelque chose que ce client refuse ; 1 tout le reste. auth et lead donnent les leurs dans leur --help. " +
				"Toute commande sort avec 130 quand elle est interrompue (ctrl+c, SIGTERM, SIGHUP)."},
		"cli.example.miimosa": {
			"# Try it on the embedded sandbox, no key needed:\nmiimosa --demo\n\n# List lending projects in Bretagne as CSV:\nmiimosa projects --type lending --region 53 --format csv",
			"# L'essayer sur le bac à sable intégré, sans clé :\nmiimosa --demo\n\n# Les projets de prêt en Bretagne, en CSV :\nmiimosa projects --type lending --region 53 --format csv"},
		"cli.usage.miimosa.api-url": {
			"The API server to use (default $MIIMOSA_API_URL, the config file, or https://api.miimosa.com)",
			"Serveur d'API à utiliser (par défaut $MIIMOSA_API_URL, le fichier de configuration, ou https://api.miimosa.com)"},
		"cli.usage.miimosa.demo": {
			"Use the embedded sandbox server, with a demo key and demo users",
			"Utiliser le bac à sable intégré, avec une clé et des utilisateurs de démo"},
		"cli.usage.miimosa.lang": {
			"Language: en or fr (default from LC_ALL, LC_MESSAGES, LANG)",
			"Langue : en ou fr (par défaut selon LC_ALL, LC_MESSAGES, LANG)"},
		"cli.usage.miimosa.insecure-storage": {
			"Without a system keyring, keep the API key in a 0600 file in the config directory (remembered by auth login)",
			"Sans trousseau du système, garder la clé d'API dans un fichier 0600 du dossier de configuration (retenu par auth login)"},
		"cli.usage.miimosa.debug": {
			"Log requests to standard error, or to debug.log in the state directory for the terminal UI (the key and personal data are redacted)",
			"Journaliser les requêtes sur la sortie d'erreur, ou dans debug.log du dossier d'état pour l'interface (clé et données personnelles masquées)"},
		"cli.usage.miimosa.version": {"Show the version", "Afficher la version"},
		"cli.usage.miimosa.email": {
			"Fill the lookup in with this email",
			"Remplir la recherche avec cet e-mail"},
		"cli.usage.miimosa.birthdate": {
			"Fill the lookup in with this birthdate (27/11/1980 or 1980-11-27); with --email, look up at once",
			"Remplir la recherche avec cette date de naissance (27/11/1980 ou 1980-11-27) ; avec --email, chercher aussitôt"},
		"cli.usage.miimosa.privacy": {
			"Start with every amount masked",
			"Démarrer avec tous les montants masqués"},

		// Flags several commands share.
		"cli.usage.format": {"Output format: %s", "Format de sortie : %s"},
		"cli.usage.csv-raw": {
			"Keep CSV cells exactly as the server sent them; by default a cell that begins with =, +, -, @, a tab or a carriage return gets a ' in front, so that a spreadsheet does not run it as a formula",
			"Garder les cellules CSV telles que le serveur les a envoyées ; par défaut une cellule qui commence par =, +, -, @, une tabulation ou un retour chariot reçoit un ' devant, pour qu'un tableur ne l'exécute pas comme une formule"},
		"cli.usage.email": {
			"The lender's email (required, except with --demo)",
			"Adresse e-mail du prêteur (obligatoire, sauf avec --demo)"},
		"cli.usage.birthdate": {
			"The lender's birthdate: DD/MM/YYYY or YYYY-MM-DD (asked for when left out on a terminal)",
			"Date de naissance du prêteur : JJ/MM/AAAA ou AAAA-MM-JJ (demandée sur un terminal si elle manque)"},

		// miimosa projects
		"cli.long.miimosa.projects": {
			"List the projects published on MiiMOSA, 20 unless --limit or --all says otherwise.\n\n" +
				"Filters combine. --order is one of %s; --category one of %s; --type one of %s; " +
				"--region an INSEE region code (%s) or its name.\n\n" +
				"json prints an array of objects, ndjson one object a line; amounts and rates are decimal strings (\"1234.56\"), " +
				"dates ISO 8601, unknown values null. csv has these columns: %s. A csv cell that begins with =, +, -, @, a tab " +
				"or a carriage return gets a ' in front, so that a spreadsheet shows it rather than runs it (negative numbers too; " +
				"the API sends none); --csv-raw keeps every cell exactly as sent, for scripts. " +
				"With --all every format prints each page as it arrives; a table sizes its columns from the first 100 rows.",
			"Lister les projets publiés sur MiiMOSA, 20 sauf si --limit ou --all en demandent autrement.\n\n" +
				"Les filtres se combinent. --order vaut %s ; --category %s ; --type %s ; " +
				"--region un code de région INSEE (%s) ou son nom.\n\n" +
				"json écrit un tableau d'objets, ndjson un objet par ligne ; montants et taux sont des chaînes décimales (\"1234.56\"), " +
				"les dates en ISO 8601, les valeurs inconnues null. csv a ces colonnes : %s. Une cellule csv qui commence par =, +, -, @, " +
				"une tabulation ou un retour chariot reçoit un ' devant, pour qu'un tableur l'affiche au lieu de l'exécuter (les nombres " +
				"négatifs aussi ; l'API n'en envoie pas) ; --csv-raw garde chaque cellule telle qu'envoyée, pour les scripts. " +
				"Avec --all, chaque format écrit chaque page dès qu'elle arrive ; un tableau dimensionne ses colonnes sur les 100 premières lignes."},
		"cli.example.miimosa.projects": {
			"# The 5 most backed lending projects in Bretagne:\nmiimosa projects --order populars --type lending --region 53 --limit 5\n\n# Every beekeeping project, as CSV:\nmiimosa projects --category apiculture --all --format csv > apiculture.csv",
			"# Les 5 projets de prêt les plus soutenus en Bretagne :\nmiimosa projects --order populars --type lending --region 53 --limit 5\n\n# Tous les projets d'apiculture, en CSV :\nmiimosa projects --category apiculture --all --format csv > apiculture.csv"},
		"cli.usage.miimosa.projects.order":    {"Order: %s", "Ordre : %s"},
		"cli.usage.miimosa.projects.category": {"Category: %s", "Catégorie : %s"},
		"cli.usage.miimosa.projects.type":     {"Collect type: %s", "Type de collecte : %s"},
		"cli.usage.miimosa.projects.region": {
			"Region, as its code (53 for Bretagne) or its name",
			"Région, par son code (53 pour la Bretagne) ou son nom"},
		"cli.usage.miimosa.projects.keyword": {
			"Words to find in the title, description, city or owner's name",
			"Mots à chercher dans le titre, la description, la ville ou le nom du porteur"},
		"cli.usage.miimosa.projects.limit": {"How many projects to list at most", "Nombre maximal de projets à lister"},
		"cli.usage.miimosa.projects.all":   {"List every project, page after page", "Lister tous les projets, page après page"},

		// miimosa project
		"cli.long.miimosa.project": {
			"Show one project: every field the server sends, its long description, its rewards (donations) and any field " +
				"this version does not know yet, so nothing is hidden.\n\n" +
				"json prints the object with amounts and rates as decimal strings (\"1234.56\"), dates ISO 8601, unknown values null, " +
				"and the fields this version does not know under \"extra\".",
			"Afficher un projet : chaque champ envoyé par le serveur, sa description complète, ses contreparties (dons) et tout champ " +
				"que cette version ne connaît pas encore, pour que rien ne soit caché.\n\n" +
				"json écrit l'objet avec montants et taux en chaînes décimales (\"1234.56\"), les dates en ISO 8601, les valeurs inconnues null, " +
				"et les champs que cette version ne connaît pas sous \"extra\"."},
		"cli.example.miimosa.project": {
			"miimosa project 1042\nmiimosa project 1042 --format json | jq .rewards",
			"miimosa project 1042\nmiimosa project 1042 --format json | jq .rewards"},

		// miimosa wallet
		"cli.long.miimosa.wallet": {
			"Show the wallet of the lender with this email and birthdate. Without --birthdate, it is asked for on the terminal, " +
				"so that it stays out of the shell's history; without a terminal, pass --birthdate.\n\n" +
				"json prints one object with amounts as decimal strings (\"1234.56\"); csv has these columns: %s (a cell that begins " +
				"with =, +, -, @, a tab or a carriage return gets a ' in front; --csv-raw keeps it as sent). " +
				"Exit code 4 when the email is unknown or the lender has no wallet, 5 when the birthdate does not match.",
			"Afficher le portefeuille du prêteur qui a cet e-mail et cette date de naissance. Sans --birthdate, elle est demandée sur le terminal, " +
				"pour rester hors de l'historique du shell ; sans terminal, passez --birthdate.\n\n" +
				"json écrit un objet avec les montants en chaînes décimales (\"1234.56\") ; csv a ces colonnes : %s (une cellule qui commence " +
				"par =, +, -, @, une tabulation ou un retour chariot reçoit un ' devant ; --csv-raw la garde telle qu'envoyée). " +
				"Code de sortie 4 quand l'e-mail est inconnu ou que le prêteur n'a pas de portefeuille, 5 quand la date de naissance ne correspond pas."},
		"cli.example.miimosa.wallet": {
			"miimosa wallet --email camille@example.com\nmiimosa wallet --email camille@example.com --birthdate 27/11/1980 --format json\nmiimosa wallet --demo",
			"miimosa wallet --email camille@example.com\nmiimosa wallet --email camille@example.com --birthdate 27/11/1980 --format json\nmiimosa wallet --demo"},

		// miimosa pledges
		"cli.long.miimosa.pledges": {
			"List the lending pledges of the lender with this email and birthdate, 20 unless --limit or --all says otherwise. " +
				"Without --birthdate, it is asked for on the terminal, so that it stays out of the shell's history; without a terminal, pass --birthdate.\n\n" +
				"json prints an array of objects (with the repayment schedule when the server sends it), ndjson one object a line; " +
				"amounts and rates are decimal strings (\"1234.56\"), dates ISO 8601, unknown values null. csv has these columns: %s " +
				"(a cell that begins with =, +, -, @, a tab or a carriage return gets a ' in front; --csv-raw keeps it as sent). " +
				"With --all every format prints each page as it arrives.",
			"Lister les prêts du prêteur qui a cet e-mail et cette date de naissance, 20 sauf si --limit ou --all en demandent autrement. " +
				"Sans --birthdate, elle est demandée sur le terminal, pour rester hors de l'historique du shell ; sans terminal, passez --birthdate.\n\n" +
				"json écrit un tableau d'objets (avec l'échéancier quand le serveur l'envoie), ndjson un objet par ligne ; " +
				"montants et taux sont des chaînes décimales (\"1234.56\"), les dates en ISO 8601, les valeurs inconnues null. csv a ces colonnes : %s " +
				"(une cellule qui commence par =, +, -, @, une tabulation ou un retour chariot reçoit un ' devant ; --csv-raw la garde telle qu'envoyée). " +
				"Avec --all, chaque format écrit chaque page dès qu'elle arrive."},
		"cli.example.miimosa.pledges": {
			"miimosa pledges --email camille@example.com --all\nmiimosa pledges --email camille@example.com --birthdate 27/11/1980 --all --format csv > pledges.csv",
			"miimosa pledges --email camille@example.com --all\nmiimosa pledges --email camille@example.com --birthdate 27/11/1980 --all --format csv > prets.csv"},
		"cli.usage.miimosa.pledges.limit": {"How many pledges to list at most", "Nombre maximal de prêts à lister"},
		"cli.usage.miimosa.pledges.all":   {"List every pledge, page after page", "Lister tous les prêts, page après page"},

		// miimosa lead
		"cli.long.miimosa.lead": {
			"Send a lead (POST /leads). With --file, the lead is a JSON object whose fields are the API's (email, firstname, lastname, " +
				"phone, collect_type, project_description, project_total_budget, publication_timeframe, and the optional ones); " +
				"- reads standard input (typed on a terminal, ctrl+d ends it). It is checked as the form checks it (email, French phone " +
				"number, SIRET, post code, department, amounts) and sent normalised; its id is the one line printed on standard output, " +
				"and a sentence for a person goes to standard error.\n\n" +
				"Without --file, on a terminal, the form opens; set ACCESSIBLE=1 for plain prompts a screen reader can follow. " +
				"What is typed in the form is kept as a draft as it is typed (readable by you only), until the lead is received, and offered " +
				"back next time; --discard-draft deletes it.\n\n" +
				"Exit codes: 0 sent (its id is printed on standard output); 2 the lead has errors (each printed on standard error as " +
				"\"field: problem\"), found here or by the server, or the file is not a lead; 3 no API key, or it was rejected; " +
				"6 the server could not be reached, failed, or answered something this client refuses; 7 the lead was sent but no answer came, " +
				"so it may have been received: check with MiiMOSA before sending it again; 1 the form was left with the lead unsent (esc, or ctrl+d at a " +
				"plain prompt); 130 interrupted (ctrl+c, SIGTERM, SIGHUP). In both cases what was typed is kept as the draft, and standard error says so.",
			"Envoyer un lead (POST /leads). Avec --file, le lead est un objet JSON dont les champs sont ceux de l'API (email, firstname, lastname, " +
				"phone, collect_type, project_description, project_total_budget, publication_timeframe, et les facultatifs) ; " +
				"- lit l'entrée standard (saisie sur un terminal, ctrl+d la termine). Il est vérifié comme le formulaire le vérifie (e-mail, " +
				"numéro de téléphone français, SIRET, code postal, département, montants) et envoyé normalisé ; son identifiant est la seule ligne " +
				"écrite sur la sortie standard, et une phrase pour la personne va sur la sortie d'erreur.\n\n" +
				"Sans --file, sur un terminal, le formulaire s'ouvre ; définissez ACCESSIBLE=1 pour des questions simples qu'un lecteur d'écran peut suivre. " +
				"Ce qui est saisi dans le formulaire est gardé en brouillon au fil de la saisie (lisible par vous seul), jusqu'à ce que le lead soit reçu, et proposé la fois suivante ; " +
				"--discard-draft le supprime.\n\n" +
				"Codes de sortie : 0 envoyé (son identifiant est écrit sur la sortie standard) ; 2 le lead a des erreurs (chacune écrite sur la sortie d'erreur " +
				"sous la forme « champ : problème »), trouvées ici ou par le serveur, ou le fichier n'est pas un lead ; 3 pas de clé d'API, ou elle a été refusée ; " +
				"6 le serveur est injoignable, en panne, ou a répondu quelque chose que ce client refuse ; 7 le lead est parti mais aucune réponse n'est venue, " +
				"il a donc peut-être été reçu : vérifiez auprès de MiiMOSA avant de le renvoyer ; 1 le formulaire a été quitté sans envoyer le lead (échap, ou ctrl+d " +
				"à une question simple) ; 130 interrompu (ctrl+c, SIGTERM, SIGHUP). Dans ces deux cas, ce qui a été saisi est gardé en brouillon, et la sortie d'erreur le dit."},
		"cli.example.miimosa.lead": {
			"miimosa lead --file lead.json\npartner-export | miimosa lead --file -\nmiimosa lead                    # the form\nACCESSIBLE=1 miimosa lead       # the form, as plain prompts\nmiimosa lead --discard-draft",
			"miimosa lead --file lead.json\npartner-export | miimosa lead --file -\nmiimosa lead                    # le formulaire\nACCESSIBLE=1 miimosa lead       # le formulaire, en questions simples\nmiimosa lead --discard-draft"},
		"cli.usage.miimosa.lead.file": {
			"Send the lead in this JSON file (- for standard input)",
			"Envoyer le lead de ce fichier JSON (- pour l'entrée standard)"},
		"cli.usage.miimosa.lead.discard-draft": {"Delete the saved lead draft", "Supprimer le brouillon de lead enregistré"},

		// miimosa auth
		"cli.long.miimosa.auth": {
			"The API key comes from MIIMOSA_API_KEY, else the system keyring (service \"miimosa\", one entry per API host), else the " +
				"--insecure-storage file when auth login kept it there. It is never taken from the command line, never printed " +
				"(at most its last 4 characters) and never logged.",
			"La clé d'API vient de MIIMOSA_API_KEY, sinon du trousseau du système (service « miimosa », une entrée par hôte d'API), sinon du " +
				"fichier --insecure-storage quand auth login l'y a gardée. Elle n'est jamais prise sur la ligne de commande, jamais affichée " +
				"(au plus ses 4 derniers caractères) et jamais journalisée."},
		"cli.long.miimosa.auth.login": {
			"Asks for the key with hidden typing, or reads its first line from standard input when it is piped. The key is tried " +
				"against the server before it is saved; a rejected key is not saved. Without a keyring (no Secret Service on the machine, " +
				"as on most servers and containers) nothing is saved unless --insecure-storage is given: then the key goes into a 0600 " +
				"file in the config directory, and the config file remembers it, so later commands need no flag. Scripts on such a machine " +
				"can also skip login and set MIIMOSA_API_KEY.\n\n" +
				"Exit codes (auth's own, not those of projects, project, wallet and pledges): 0 the key was accepted and saved; " +
				"1 it was accepted but not saved: no keyring and no --insecure-storage, or the keyring or the file could not be written; " +
				"2 usage (with --demo there is no key to log in with); 3 no key was given, it is not a key, or the server rejected it; " +
				"6 the server could not be reached, failed, or answered something this client refuses; 130 interrupted (ctrl+c, SIGTERM, SIGHUP).",
			"Demande la clé sans l'afficher, ou lit sa première ligne sur l'entrée standard quand elle arrive d'un tube. La clé est essayée " +
				"auprès du serveur avant d'être enregistrée ; une clé refusée n'est pas enregistrée. Sans trousseau (pas de Secret Service sur la machine, " +
				"comme sur la plupart des serveurs et conteneurs), rien n'est enregistré sans --insecure-storage : la clé va alors dans un fichier 0600 " +
				"du dossier de configuration, et le fichier de configuration s'en souvient, pour que les commandes suivantes n'aient besoin d'aucune option. " +
				"Les scripts d'une telle machine peuvent aussi se passer de login et définir MIIMOSA_API_KEY.\n\n" +
				"Codes de sortie (ceux d'auth, pas ceux de projects, project, wallet et pledges) : 0 la clé a été acceptée et enregistrée ; " +
				"1 elle a été acceptée mais pas enregistrée : pas de trousseau et pas de --insecure-storage, ou le trousseau ou le fichier n'a pas pu être écrit ; " +
				"2 usage (avec --demo, il n'y a pas de clé avec laquelle se connecter) ; 3 aucune clé saisie, ce n'est pas une clé, ou le serveur l'a refusée ; " +
				"6 le serveur est injoignable, en panne, ou a répondu quelque chose que ce client refuse ; 130 interrompu (ctrl+c, SIGTERM, SIGHUP)."},
		"cli.example.miimosa.auth.login": {
			"miimosa auth login\npass show miimosa | miimosa auth login\nmiimosa auth login --insecure-storage   # on a server without a keyring",
			"miimosa auth login\npass show miimosa | miimosa auth login\nmiimosa auth login --insecure-storage   # sur un serveur sans trousseau"},
		"cli.long.miimosa.auth.status": {
			"Prints the API host, where the key comes from (MIIMOSA_API_KEY, the keyring or the --insecure-storage file), its last 4 " +
				"characters at most, and whether the server accepts it. Exit code 3 when there is no key or it is rejected, 6 when the " +
				"server cannot be reached.",
			"Écrit l'hôte de l'API, d'où vient la clé (MIIMOSA_API_KEY, le trousseau ou le fichier --insecure-storage), au plus ses 4 derniers " +
				"caractères, et si le serveur l'accepte. Code de sortie 3 quand il n'y a pas de clé ou qu'elle est refusée, 6 quand le serveur " +
				"est injoignable."},
		"cli.usage.miimosa.auth.status.offline": {
			"Do not ask the server whether it accepts the key",
			"Ne pas demander au serveur s'il accepte la clé"},
		"cli.long.miimosa.auth.logout": {
			"Removes the key saved for the API host from the system keyring and the --insecure-storage file, whichever hold one, " +
				"says which did, and forgets the file in the config file. MIIMOSA_API_KEY, if set, is yours to unset.",
			"Supprime la clé enregistrée pour l'hôte de l'API du trousseau du système et du fichier --insecure-storage, selon ceux qui en ont une, " +
				"dit lesquels, et oublie le fichier dans le fichier de configuration. MIIMOSA_API_KEY, si elle est définie, est à vous de la supprimer."},

		// miimosa sandbox
		"cli.long.miimosa.sandbox": {
			"sandbox serves the whole MiiMOSA API v1 on a loopback address, with deterministic French demo projects and demo users, " +
				"until ctrl+c. It accepts a fixed demo key (or --key) and can inject latency, server errors, rate limiting and malformed JSON.",
			"sandbox sert toute l'API MiiMOSA v1 sur une adresse locale, avec des projets et des utilisateurs de démo français et déterministes, " +
				"jusqu'à ctrl+c. Il accepte une clé de démo fixe (ou --key) et peut injecter de la latence, des erreurs serveur, une limite de débit et du JSON malformé."},
		"cli.example.miimosa.sandbox": {
			"miimosa sandbox --addr 127.0.0.1:8080\nmiimosa sandbox --latency 200ms --fail-rate 0.1 --rate-limit 20 --malformed-rate 0.05",
			"miimosa sandbox --addr 127.0.0.1:8080\nmiimosa sandbox --latency 200ms --fail-rate 0.1 --rate-limit 20 --malformed-rate 0.05"},
		"cli.usage.miimosa.sandbox.addr": {
			"Loopback address to listen on (port 0 picks a free one)",
			"Adresse locale où écouter (le port 0 en choisit un libre)"},
		"cli.usage.miimosa.sandbox.key": {
			"Key the sandbox accepts (default: the fixed demo key %s)",
			"Clé que le bac à sable accepte (par défaut : la clé de démo fixe %s)"},
		"cli.usage.miimosa.sandbox.latency": {
			"Delay added to every request, e.g. 200ms",
			"Délai ajouté à chaque requête, par ex. 200ms"},
		"cli.usage.miimosa.sandbox.fail-rate": {
			"Share of requests answered 500, 502 or 503 (0 to 1)",
			"Part des requêtes qui reçoivent 500, 502 ou 503 (de 0 à 1)"},
		"cli.usage.miimosa.sandbox.rate-limit": {
			"Requests per second above which the answer is 429 with Retry-After (0: no limit)",
			"Requêtes par seconde au-delà desquelles la réponse est 429 avec Retry-After (0 : pas de limite)"},
		"cli.usage.miimosa.sandbox.malformed-rate": {
			"Share of JSON answers cut in half (0 to 1)",
			"Part des réponses JSON coupées en deux (de 0 à 1)"},

		// cobra's own commands.
		"cli.long.miimosa.help": {
			"Shows the help of any command: miimosa help projects is miimosa projects --help.",
			"Affiche l'aide de n'importe quelle commande : miimosa help projects équivaut à miimosa projects --help."},
		"cli.long.miimosa.completion": {
			"Writes the script that lets your shell complete miimosa's commands, flags and their values (categories, regions, formats). " +
				"See each shell's help for how to load it.",
			"Écrit le script qui permet à votre shell de compléter les commandes de miimosa, ses options et leurs valeurs (catégories, régions, formats). " +
				"Voyez l'aide de chaque shell pour le charger."},
		"cli.long.miimosa.completion.bash": {
			"Writes the completion script for bash. It needs the bash-completion package.\n\n" +
				"To load it in this session: source <(miimosa completion bash)\n" +
				"To load it in every new session, once: miimosa completion bash > ~/.local/share/bash-completion/completions/miimosa",
			"Écrit le script de complétion pour bash. Il a besoin du paquet bash-completion.\n\n" +
				"Pour le charger dans cette session : source <(miimosa completion bash)\n" +
				"Pour le charger dans chaque nouvelle session, une fois : miimosa completion bash > ~/.local/share/bash-completion/completions/miimosa"},
		"cli.long.miimosa.completion.zsh": {
			"Writes the completion script for zsh. If completion is not enabled in your shell yet, run once: " +
				"echo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n" +
				"To load it in this session: source <(miimosa completion zsh)\n" +
				"To load it in every new session, once: miimosa completion zsh > \"${fpath[1]}/_miimosa\"",
			"Écrit le script de complétion pour zsh. Si la complétion n'est pas encore activée dans votre shell, lancez une fois : " +
				"echo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n" +
				"Pour le charger dans cette session : source <(miimosa completion zsh)\n" +
				"Pour le charger dans chaque nouvelle session, une fois : miimosa completion zsh > \"${fpath[1]}/_miimosa\""},
		"cli.long.miimosa.completion.fish": {
			"Writes the completion script for fish.\n\n" +
				"To load it in this session: miimosa completion fish | source\n" +
				"To load it in every new session, once: miimosa completion fish > ~/.config/fish/completions/miimosa.fish",
			"Écrit le script de complétion pour fish.\n\n" +
				"Pour le charger dans cette session : miimosa completion fish | source\n" +
				"Pour le charger dans chaque nouvelle session, une fois : miimosa completion fish > ~/.config/fish/completions/miimosa.fish"},
		"cli.long.miimosa.completion.powershell": {
			"Writes the completion script for PowerShell.\n\n" +
				"To load it in this session: miimosa completion powershell | Out-String | Invoke-Expression\n" +
				"To load it in every new session, add that line to your PowerShell profile.",
			"Écrit le script de complétion pour PowerShell.\n\n" +
				"Pour le charger dans cette session : miimosa completion powershell | Out-String | Invoke-Expression\n" +
				"Pour le charger dans chaque nouvelle session, ajoutez cette ligne à votre profil PowerShell."},
		"cli.usage.miimosa.completion.no-descriptions": {
			"Leave the descriptions out of the completions",
			"Omettre les descriptions des complétions"},
	})
}
