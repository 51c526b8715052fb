package i18n

// The lead form's review screen, its help line, saving as it is typed, and
// a send whose outcome is unknown (ui/leadform, internal/lead).
func init() {
	Register(map[Key]Msg{
		// The review before anything is sent.
		"lead.review.title":    {"Review before sending", "Vérifiez avant d'envoyer"},
		"lead.review.position": {"%d/%d", "%d/%d"},
		"lead.review.empty":    {"—", "—"},
		"lead.review.unconfirmed": {"A send of this lead on %s got no answer: it may have been received.",
			"Un envoi de ce lead le %s est resté sans réponse : il a peut-être été reçu."},

		// A send whose answer never came.
		"lead.form.unknown": {"No answer after the lead left (%s): it may have been received. What you typed is kept as a draft.",
			"Pas de réponse après le départ du lead (%s) : il a peut-être été reçu. Votre saisie est gardée en brouillon."},
		"lead.form.resend_question": {"Send it again? If the first send arrived, MiiMOSA will have this lead twice: check with MiiMOSA first if you can.",
			"L'envoyer à nouveau ? Si le premier envoi est arrivé, MiiMOSA aura ce lead en double : vérifiez d'abord auprès de MiiMOSA si vous le pouvez."},
		"lead.form.draft_offer_unconfirmed": {"It was sent on %s without an answer: it may already have been received.",
			"Il a été envoyé le %s sans réponse : il a peut-être déjà été reçu."},
		"lead.err.lost":              {"the connection was lost before the answer", "la connexion a été perdue avant la réponse"},
		"lead.err.unreadable_answer": {"the server's answer could not be read", "la réponse du serveur est illisible"},
		"lead.err.gateway_timeout":   {"the server's gateway gave up waiting (HTTP 504)", "la passerelle du serveur a cessé d'attendre (HTTP 504)"},
		"lead.accessible.resend":     {"Send it again", "L'envoyer à nouveau"},

		// Keys, in the help line: each one a key and what it does.
		"lead.keys.esc":            {"esc", "échap"},
		"lead.keys.yes":            {"y", "o"},
		"lead.keys.edit":           {"edit", "modifier"},
		"lead.keys.move":           {"move", "se déplacer"},
		"lead.keys.send_again":     {"send again", "renvoyer"},
		"lead.keys.to_review":      {"back to the review", "retour au récapitulatif"},
		"lead.cli.outcome_unknown": {"the lead was sent but no answer came: it may have been received; check with MiiMOSA before sending it again (exit 7)", "le lead est parti mais aucune réponse n'est venue : il a peut-être été reçu ; vérifiez auprès de MiiMOSA avant de le renvoyer (code 7)"},
	})
}
