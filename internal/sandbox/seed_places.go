package sandbox

// region is a French region with its INSEE code and, for the seed, its
// departments and some of their real towns. The codes are copied from the
// INSEE list on purpose rather than imported from package api.
type region struct {
	code, name  string
	departments []department
}

type department struct {
	code   string
	cities []string
}

// regions lists the 18 regions (13 metropolitan, 5 overseas), by INSEE code.
var regions = []region{
	{"01", "Guadeloupe", []department{{"971", []string{"Pointe-à-Pitre", "Basse-Terre", "Le Moule", "Capesterre-Belle-Eau", "Sainte-Rose"}}}},
	{"02", "Martinique", []department{{"972", []string{"Fort-de-France", "Le Lamentin", "Le Robert", "Sainte-Marie", "Le François"}}}},
	{"03", "Guyane", []department{{"973", []string{"Cayenne", "Kourou", "Saint-Laurent-du-Maroni", "Macouria", "Mana"}}}},
	{"04", "La Réunion", []department{{"974", []string{"Saint-Denis", "Saint-Pierre", "Saint-Paul", "Le Tampon", "Saint-Joseph", "Cilaos"}}}},
	{"06", "Mayotte", []department{{"976", []string{"Mamoudzou", "Dzaoudzi", "Koungou", "Sada"}}}},
	{"11", "Île-de-France", []department{
		{"77", []string{"Provins", "Meaux", "Fontainebleau", "Coulommiers"}},
		{"78", []string{"Rambouillet", "Houdan"}},
		{"91", []string{"Étampes", "Milly-la-Forêt"}},
		{"95", []string{"Magny-en-Vexin"}},
	}},
	{"24", "Centre-Val de Loire", []department{
		{"18", []string{"Bourges", "Sancerre"}},
		{"28", []string{"Chartres", "Nogent-le-Rotrou"}},
		{"36", []string{"Châteauroux", "Valençay"}},
		{"37", []string{"Tours", "Chinon", "Amboise"}},
		{"41", []string{"Blois", "Romorantin-Lanthenay"}},
		{"45", []string{"Orléans", "Pithiviers"}},
	}},
	{"27", "Bourgogne-Franche-Comté", []department{
		{"21", []string{"Dijon", "Beaune", "Nuits-Saint-Georges"}},
		{"25", []string{"Besançon", "Pontarlier"}},
		{"39", []string{"Lons-le-Saunier", "Arbois", "Poligny"}},
		{"58", []string{"Nevers", "Clamecy"}},
		{"70", []string{"Vesoul"}},
		{"71", []string{"Mâcon", "Cluny", "Charolles"}},
		{"89", []string{"Auxerre", "Chablis"}},
		{"90", []string{"Belfort"}},
	}},
	{"28", "Normandie", []department{
		{"14", []string{"Caen", "Lisieux", "Pont-l'Évêque", "Bayeux"}},
		{"27", []string{"Évreux", "Vernon"}},
		{"50", []string{"Saint-Lô", "Coutances", "Valognes"}},
		{"61", []string{"Alençon", "Camembert", "Domfront"}},
		{"76", []string{"Rouen", "Dieppe", "Neufchâtel-en-Bray", "Fécamp"}},
	}},
	{"32", "Hauts-de-France", []department{
		{"02", []string{"Laon", "Saint-Quentin", "Château-Thierry"}},
		{"59", []string{"Lille", "Cambrai", "Avesnes-sur-Helpe", "Bailleul"}},
		{"60", []string{"Beauvais", "Compiègne"}},
		{"62", []string{"Arras", "Saint-Omer", "Boulogne-sur-Mer"}},
		{"80", []string{"Amiens", "Abbeville"}},
	}},
	{"44", "Grand Est", []department{
		{"08", []string{"Charleville-Mézières", "Sedan"}},
		{"10", []string{"Troyes", "Bar-sur-Aube"}},
		{"51", []string{"Reims", "Épernay", "Châlons-en-Champagne"}},
		{"52", []string{"Langres", "Chaumont"}},
		{"54", []string{"Nancy", "Lunéville"}},
		{"55", []string{"Verdun", "Bar-le-Duc"}},
		{"57", []string{"Metz", "Sarrebourg"}},
		{"67", []string{"Strasbourg", "Obernai", "Sélestat"}},
		{"68", []string{"Colmar", "Munster", "Riquewihr"}},
		{"88", []string{"Épinal", "Gérardmer"}},
	}},
	{"52", "Pays de la Loire", []department{
		{"44", []string{"Nantes", "Clisson", "Guérande"}},
		{"49", []string{"Angers", "Saumur", "Cholet"}},
		{"53", []string{"Laval", "Mayenne"}},
		{"72", []string{"Le Mans", "La Flèche"}},
		{"85", []string{"La Roche-sur-Yon", "Les Sables-d'Olonne", "Noirmoutier-en-l'Île"}},
	}},
	{"53", "Bretagne", []department{
		{"22", []string{"Saint-Brieuc", "Lannion", "Dinan", "Paimpol"}},
		{"29", []string{"Quimper", "Brest", "Morlaix", "Douarnenez"}},
		{"35", []string{"Rennes", "Saint-Malo", "Cancale", "Fougères"}},
		{"56", []string{"Vannes", "Lorient", "Pontivy", "Quiberon"}},
	}},
	{"75", "Nouvelle-Aquitaine", []department{
		{"16", []string{"Angoulême", "Cognac"}},
		{"17", []string{"La Rochelle", "Marennes", "Rochefort"}},
		{"19", []string{"Tulle", "Brive-la-Gaillarde"}},
		{"23", []string{"Guéret", "Aubusson"}},
		{"24", []string{"Périgueux", "Sarlat-la-Canéda", "Bergerac"}},
		{"33", []string{"Bordeaux", "Saint-Émilion", "Pauillac", "Arcachon"}},
		{"40", []string{"Mont-de-Marsan", "Dax"}},
		{"47", []string{"Agen", "Marmande"}},
		{"64", []string{"Pau", "Bayonne", "Espelette", "Saint-Jean-Pied-de-Port"}},
		{"79", []string{"Niort", "Parthenay"}},
		{"86", []string{"Poitiers", "Châtellerault"}},
		{"87", []string{"Limoges", "Saint-Yrieix-la-Perche"}},
	}},
	{"76", "Occitanie", []department{
		{"09", []string{"Foix", "Saint-Girons"}},
		{"11", []string{"Carcassonne", "Narbonne", "Limoux"}},
		{"12", []string{"Rodez", "Roquefort-sur-Soulzon", "Millau"}},
		{"30", []string{"Nîmes", "Uzès", "Alès"}},
		{"31", []string{"Toulouse", "Saint-Gaudens"}},
		{"32", []string{"Auch", "Condom"}},
		{"34", []string{"Montpellier", "Sète", "Pézenas", "Lodève"}},
		{"46", []string{"Cahors", "Figeac", "Rocamadour"}},
		{"48", []string{"Mende", "Marvejols"}},
		{"65", []string{"Tarbes", "Lourdes"}},
		{"66", []string{"Perpignan", "Banyuls-sur-Mer", "Céret"}},
		{"81", []string{"Albi", "Gaillac"}},
		{"82", []string{"Montauban", "Moissac"}},
	}},
	{"84", "Auvergne-Rhône-Alpes", []department{
		{"01", []string{"Bourg-en-Bresse", "Belley"}},
		{"03", []string{"Moulins", "Vichy"}},
		{"07", []string{"Privas", "Aubenas"}},
		{"15", []string{"Aurillac", "Salers"}},
		{"26", []string{"Valence", "Nyons", "Die"}},
		{"38", []string{"Grenoble", "Vienne"}},
		{"42", []string{"Saint-Étienne", "Roanne"}},
		{"43", []string{"Le Puy-en-Velay"}},
		{"63", []string{"Clermont-Ferrand", "Thiers", "Ambert"}},
		{"69", []string{"Lyon", "Villefranche-sur-Saône"}},
		{"73", []string{"Chambéry", "Beaufort"}},
		{"74", []string{"Annecy", "Thônes"}},
	}},
	{"93", "Provence-Alpes-Côte d'Azur", []department{
		{"04", []string{"Digne-les-Bains", "Forcalquier", "Manosque"}},
		{"05", []string{"Gap", "Embrun"}},
		{"06", []string{"Nice", "Grasse"}},
		{"13", []string{"Marseille", "Aix-en-Provence", "Arles"}},
		{"83", []string{"Toulon", "Brignoles", "Bandol"}},
		{"84", []string{"Avignon", "Carpentras", "Cavaillon"}},
	}},
	{"94", "Corse", []department{
		{"2A", []string{"Ajaccio", "Porto-Vecchio", "Sartène"}},
		{"2B", []string{"Bastia", "Corte", "Calvi"}},
	}},
}

// regionByCode finds a region by INSEE code.
func regionByCode(code string) (region, bool) {
	for _, r := range regions {
		if r.code == code {
			return r, true
		}
	}
	return region{}, false
}

// regionCodes lists the INSEE codes, in order, for error messages.
func regionCodes() []string {
	codes := make([]string, len(regions))
	for i, r := range regions {
		codes[i] = r.code
	}
	return codes
}
