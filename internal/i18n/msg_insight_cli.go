package i18n

// The insight, schedule and tax commands: what a lender's pledges add up to.
func init() {
	exits := "Exit codes: 0 done; 2 usage; 3 API key missing or rejected; 4 not found; 5 birthdate mismatch; " +
		"6 network or server failure, or an answer this client refuses; 130 interrupted."
	exitsFR := "Codes de sortie : 0 fait ; 2 mauvais usage ; 3 clé d'API absente ou refusée ; 4 introuvable ; " +
		"5 date de naissance erronée ; 6 panne du réseau ou du serveur, ou réponse que ce client refuse ; 130 interrompu."
	Register(map[Key]Msg{
		"cli.short.miimosa.insight": {"What a lender's pledges add up to: return, what comes next, what is late, spread", "Ce que donnent les prêts d'un prêteur : rendement, à venir, retards, répartition"},
		"cli.long.miimosa.insight": {
			"Compute, from every pledge of the lender with this email and birthdate, the answers a portfolio tool gives: the next " +
				"repayment, the late loans and since when, the interest received this year; the money-weighted return (XIRR) realised to " +
				"date and expected to the end beside the nominal rate; the repayments of the next 12 months; the money outstanding by " +
				"status and the share late or lost; the spread by category, region and project with the top-5 share and the concentration " +
				"(Herfindahl index); and each loan's own return. A schedule the server did not send is rebuilt from the loan's terms and " +
				"marked estimated. Without --birthdate, it is asked for on the terminal.\n\n" +
				"json prints the whole report: money as decimal strings, returns as decimal strings of percent (null when they cannot " +
				"be computed), dates ISO 8601.\n\n" + exits,
			"Calculer, à partir de tous les prêts du prêteur ayant cet e-mail et cette date de naissance, les réponses qu'un outil de " +
				"portefeuille donne : la prochaine échéance, les prêts en retard et depuis quand, les intérêts perçus cette année ; le " +
				"rendement pondéré par les flux (TRI) réalisé à ce jour et attendu jusqu'au terme à côté du taux nominal ; les échéances " +
				"des 12 prochains mois ; le capital restant dû par statut et la part en retard ou perdue ; la répartition par catégorie, " +
				"région et projet avec la part des 5 premiers et la concentration (indice de Herfindahl) ; et le rendement de chaque prêt. " +
				"Un échéancier que le serveur n'envoie pas est reconstitué à partir des conditions du prêt et marqué estimé. Sans " +
				"--birthdate, elle est demandée sur le terminal.\n\n" +
				"json écrit le rapport entier : montants en chaînes décimales, rendements en chaînes décimales de pourcentage (null " +
				"s'ils ne peuvent être calculés), dates ISO 8601.\n\n" + exitsFR},
		"cli.example.miimosa.insight": {
			"miimosa insight --email camille@example.com\nmiimosa insight --email camille@example.com --birthdate 27/11/1980 --format json",
			"miimosa insight --email camille@example.com\nmiimosa insight --email camille@example.com --birthdate 27/11/1980 --format json"},

		"cli.short.miimosa.schedule": {"List a lender's coming repayments, or write them as a calendar", "Lister les prochaines échéances d'un prêteur, ou les écrire en calendrier"},
		"cli.long.miimosa.schedule": {
			"List the repayments due to the lender with this email and birthdate over the next --months months (12 unless said " +
				"otherwise), instalment by instalment, then the total of each month. Instalments of a schedule rebuilt from the loan's " +
				"terms are marked estimated. Repayments reach lenders from the 15th of each month.\n\n" +
				"ics writes an iCalendar file, one all-day event per repayment date with its total, which a calendar app imports " +
				"(no email or birthdate in it). csv has these columns: %s (a cell that begins with =, +, -, @, a tab or a carriage " +
				"return gets a ' before it, so that a spreadsheet shows it rather than runs it; --csv-raw keeps it as sent).\n\n" + exits,
			"Lister les échéances dues au prêteur ayant cet e-mail et cette date de naissance sur les --months prochains mois (12 " +
				"sauf indication contraire), échéance par échéance, puis le total de chaque mois. Les échéances d'un échéancier " +
				"reconstitué à partir des conditions du prêt sont marquées estimées. Les remboursements arrivent aux prêteurs à " +
				"partir du 15 de chaque mois.\n\n" +
				"ics écrit un fichier iCalendar, un événement d'une journée par date d'échéance avec son total, qu'une application " +
				"d'agenda importe (sans e-mail ni date de naissance). csv a ces colonnes : %s (une cellule qui commence par =, +, -, @, " +
				"une tabulation ou un retour chariot reçoit un ' devant, pour qu'un tableur l'affiche au lieu de l'exécuter ; " +
				"--csv-raw la garde telle qu'envoyée).\n\n" + exitsFR},
		"cli.example.miimosa.schedule": {
			"miimosa schedule --email camille@example.com --months 6\nmiimosa schedule --email camille@example.com --format ics > remboursements.ics",
			"miimosa schedule --email camille@example.com --months 6\nmiimosa schedule --email camille@example.com --format ics > remboursements.ics"},
		"cli.usage.miimosa.schedule.months": {"How many months ahead, counted from today (1 to 600)", "Combien de mois à venir, comptés à partir d'aujourd'hui (1 à 600)"},

		"cli.short.miimosa.tax": {"Estimate what to declare for a year: interest, withholding, capital lost", "Estimer ce qu'il faut déclarer pour une année : intérêts, prélèvements, capital perdu"},
		"cli.long.miimosa.tax": {
			"For the lender with this email and birthdate and the calendar year --year (last year unless said otherwise): the " +
				"interest received, the flat-tax withholding it implies at the rate in force on each payment date (until 31 December 2025 " +
				"%s: %s income tax and %s social charges; from 1 January 2026 %s: social charges %s), and the " +
				"capital lost on defaulted loans that year, the candidate for the losses box. It is an estimate to check against the " +
				"platform's annual tax form (IFU), which is what counts.\n\n" + exits,
			"Pour le prêteur ayant cet e-mail et cette date de naissance et l'année civile --year (l'année dernière sauf indication " +
				"contraire) : les intérêts perçus, le prélèvement forfaitaire qu'ils impliquent au taux en vigueur à la date de chaque " +
				"paiement (jusqu'au 31 décembre 2025 %s : %s d'impôt sur le revenu et %s de prélèvements sociaux ; à partir " +
				"du 1er janvier 2026 %s : prélèvements sociaux %s), et le capital perdu sur les prêts en défaut cette année-là, " +
				"à reporter en moins-value. C'est une estimation à vérifier avec l'imprimé fiscal unique (IFU) de la plateforme, qui " +
				"seul fait foi.\n\n" + exitsFR},
		"cli.example.miimosa.tax": {
			"miimosa tax --email camille@example.com --year 2025\nmiimosa tax --email camille@example.com --year 2026 --format json",
			"miimosa tax --email camille@example.com --year 2025\nmiimosa tax --email camille@example.com --year 2026 --format json"},
		"cli.usage.miimosa.tax.year": {"The calendar year (default: last year)", "L'année civile (par défaut : l'année dernière)"},

		"insight.cli.err.year":        {"--year %d: give a year from 2000 to %d, e.g. --year 2025", "--year %d : indiquez une année de 2000 à %d, par ex. --year 2025"},
		"insight.cli.err.months":      {"--months %d: give a number of months from 1 to 600", "--months %d : indiquez un nombre de mois de 1 à 600"},
		"insight.cli.facts_partial":   {"some projects could not be looked up: their region shows as unknown and a schedule they lack is rebuilt as monthly", "certains projets n'ont pas pu être consultés : leur région s'affiche inconnue et un échéancier manquant est reconstitué en mensuel"},
		"insight.cli.none":            {"No lending pledge: nothing to add up.", "Aucun prêt : rien à calculer."},
		"insight.cli.estimated":       {"(estimated)", "(estimé)"},
		"insight.cli.estimated_note":  {"* from a schedule rebuilt from the loan's terms: an estimate", "* d'après un échéancier reconstitué à partir des conditions du prêt : une estimation"},
		"insight.cli.answers":         {"At a glance", "En bref"},
		"insight.cli.next":            {"Next repayment", "Prochaine échéance"},
		"insight.cli.next_value":      {"%s: %s (%s)", "%s : %s (%s)"},
		"insight.cli.late":            {"Late loans", "Prêts en retard"},
		"insight.cli.late_none":       {"none", "aucun"},
		"insight.cli.late_value":      {"%s, %s overdue, the oldest since %s", "%s, %s en retard, le plus ancien depuis le %s"},
		"insight.cli.interest_year":   {"Interest received in %d", "Intérêts perçus en %d"},
		"insight.cli.return":          {"Return", "Rendement"},
		"insight.cli.realised":        {"Realised to date (XIRR)", "Réalisé à ce jour (TRI)"},
		"insight.cli.expected":        {"Expected to the end", "Attendu jusqu'au terme"},
		"insight.cli.lent":            {"Lent", "Prêté"},
		"insight.cli.repaid":          {"Capital repaid", "Capital remboursé"},
		"insight.cli.interest":        {"Interest received", "Intérêts perçus"},
		"insight.cli.outstanding":     {"Outstanding", "Restant dû"},
		"insight.cli.risk":            {"Outstanding by status", "Restant dû par statut"},
		"insight.cli.at_risk":         {"Late or lost", "En retard ou perdu"},
		"insight.cli.pending":         {"Pending (collects still open)", "En attente (collectes ouvertes)"},
		"insight.cli.behind":          {"The last 12 months: received", "Les 12 derniers mois : reçu"},
		"insight.cli.tax_years":       {"Tax years (see miimosa tax --year Y)", "Années fiscales (voir miimosa tax --year A)"},
		"insight.cli.col.year":        {"Year", "Année"},
		"insight.cli.col.withholding": {"Withholding", "Prélèvement"},
		"insight.cli.col.lost":        {"Capital lost", "Capital perdu"},
		"insight.cli.ahead":           {"The next 12 months", "Les 12 prochains mois"},
		"insight.cli.overdue":         {"Overdue", "En retard"},
		"insight.cli.spread":          {"Spread", "Répartition"},
		"insight.cli.top5":            {"Top 5 projects", "5 premiers projets"},
		"insight.cli.hhi":             {"Concentration", "Concentration"},
		"insight.cli.hhi_value":       {"HHI %s, as if spread evenly over %s projects", "HHI %s, comme réparti également sur %s projets"},
		"insight.cli.by_category":     {"By category", "Par catégorie"},
		"insight.cli.by_region":       {"By region", "Par région"},
		"insight.cli.loans":           {"Each loan", "Chaque prêt"},
		"insight.cli.col.month":       {"Month", "Mois"},
		"insight.cli.col.date":        {"Date", "Date"},
		"insight.cli.col.capital":     {"Capital", "Capital"},
		"insight.cli.col.interest":    {"Interest", "Intérêts"},
		"insight.cli.col.total":       {"Total", "Total"},
		"insight.cli.col.realised":    {"Realised", "Réalisé"},
		"insight.cli.col.expected":    {"Expected", "Attendu"},
		"insight.cli.by_month":        {"By month", "Par mois"},
		"insight.cli.schedule_none":   {"No repayment due in these months.", "Aucune échéance sur ces mois."},
		"insight.cli.ics_name":        {"MiiMOSA repayments", "Remboursements MiiMOSA"},
		"insight.cli.ics_summary":     {"MiiMOSA repayment: %s", "Remboursement MiiMOSA : %s"},
		"insight.cli.ics_line":        {"%s (pledge %d): capital %s, interest %s", "%s (prêt %d) : capital %s, intérêts %s"},
		"insight.cli.tax_title":       {"Tax year %d", "Année fiscale %d"},
		"insight.cli.tax_interest":    {"Interest received", "Intérêts perçus"},
		"insight.cli.income_tax":      {"Income tax (%s)", "Impôt sur le revenu (%s)"},
		"insight.cli.social":          {"Social charges (%s)", "Prélèvements sociaux (%s)"},
		"insight.cli.withholding":     {"Flat-tax withholding", "Prélèvement forfaitaire"},
		"insight.cli.payments":        {"Payments", "Paiements"},
		"insight.cli.lost":            {"Capital lost (losses box)", "Capital perdu (moins-value)"},
		"insight.cli.tax_estimate":    {"An estimate: check it against the platform's annual tax form (IFU), which is what counts.", "Une estimation : vérifiez-la avec l'imprimé fiscal unique (IFU) de la plateforme, qui seul fait foi."},
	})
}
