package i18n

// Why the client refused a server's answer (api.Reason), said inside the
// "answered something this client refuses (…)" sentences. Key "refusal."
// + the reason; the arguments are the api.Error's Args.
func init() {
	Register(map[Key]Msg{
		"refusal.redirect_http": {
			"the server redirected to plain http (%s): not followed, the API key would travel in clear",
			"le serveur a redirigé vers http sans chiffrement (%s) : non suivi, la clé d'API circulerait en clair"},
		"refusal.redirect_origin": {
			"the server redirected to another server (%s): not followed, the API key and the query would go there",
			"le serveur a redirigé vers un autre serveur (%s) : non suivi, la clé d'API et la requête y partiraient"},
		"refusal.redirect_many": {
			"the server redirected more than %d times: stopped",
			"le serveur a redirigé plus de %d fois : arrêté"},
		"refusal.redirect_lead_to": {
			"the server redirected the lead to %s: not followed, nothing was sent there",
			"le serveur a redirigé le lead vers %s : non suivi, rien n'y a été envoyé"},
		"refusal.redirect_lead": {
			"the server answered the lead with a redirect: not followed, nothing was sent elsewhere",
			"le serveur a répondu au lead par une redirection : non suivie, rien n'a été envoyé ailleurs"},
		"refusal.redirect_request_to": {
			"the server redirected the request to %s: not followed, nothing was sent there",
			"le serveur a redirigé la requête vers %s : non suivi, rien n'y a été envoyé"},
		"refusal.redirect_request": {
			"the server answered the request with a redirect: not followed, nothing was sent elsewhere",
			"le serveur a répondu à la requête par une redirection : non suivie, rien n'a été envoyé ailleurs"},
		"refusal.redirect_unfollowable": {
			"the server answered with a redirect (HTTP %d) that cannot be followed",
			"le serveur a répondu par une redirection (HTTP %d) impossible à suivre"},
		"refusal.cert_authority": {
			"the server's certificate is not signed by an authority this computer trusts: refused, the connection would not be private",
			"le certificat du serveur n'est pas signé par une autorité de confiance de cet ordinateur : refusé, la connexion ne serait pas privée"},
		"refusal.cert_name": {
			"the server's certificate is for another name: refused, the connection would not be private",
			"le certificat du serveur est établi pour un autre nom : refusé, la connexion ne serait pas privée"},
		"refusal.cert_expired": {
			"the server's certificate has expired or is not valid yet: refused, the connection would not be private",
			"le certificat du serveur a expiré ou n'est pas encore valide : refusé, la connexion ne serait pas privée"},
		"refusal.cert_invalid": {
			"the server's certificate is not valid: refused, the connection would not be private",
			"le certificat du serveur n'est pas valide : refusé, la connexion ne serait pas privée"},
		"refusal.cert_unverified": {
			"the server's certificate could not be verified: refused, the connection would not be private",
			"le certificat du serveur n'a pas pu être vérifié : refusé, la connexion ne serait pas privée"},
		"refusal.not_tls": {
			"the server does not speak TLS (https) on this port",
			"le serveur ne parle pas TLS (https) sur ce port"},
		"refusal.malformed_http": {
			"the server's answer is not valid HTTP (malformed status line, headers or body framing)",
			"la réponse du serveur n'est pas du HTTP valide (ligne d'état, en-têtes ou découpage du corps malformés)"},
		"refusal.next_not_url": {
			"the server's next-page link is not a URL: not followed",
			"le lien de page suivante du serveur n'est pas une URL : non suivi"},
		"refusal.next_other_server": {
			"the server's next-page link points to another server (%s): not followed, the API key would go there",
			"le lien de page suivante du serveur mène à un autre serveur (%s) : non suivi, la clé d'API y partirait"},
		"refusal.next_other_path": {
			"the server's next-page link points to %s, not %s: not followed",
			"le lien de page suivante du serveur mène à %s, pas à %s : non suivi"},
		"refusal.too_many_items": {
			"the server sent more than %d items: stopped",
			"le serveur a envoyé plus de %d éléments : arrêté"},
		"refusal.too_many_pages": {
			"the server sent more than %d pages: stopped",
			"le serveur a envoyé plus de %d pages : arrêté"},
		"refusal.pages_in_a_circle": {
			"the server's next-page links go in a circle: stopped after %d pages",
			"les liens de page suivante du serveur tournent en rond : arrêté après %d pages"},
	})
}
