package sandbox

// French first names, many with the accents and diaereses that keyword
// search and display must survive.
var firstNames = []string{
	"Hélène", "Françoise", "Jérôme", "Noël", "Bérénice", "Loïc", "Amélie", "Gaëlle",
	"Clémence", "Raphaël", "Maëlys", "Benoît", "Aurélien", "Séverine", "Cécile", "Agnès",
	"Joël", "Anaïs", "Zoé", "Chloé", "Léa", "Théo", "Élise", "Émile", "Stéphane",
	"Frédéric", "Valérie", "Pierre", "Marie", "Julien", "Camille", "Nicolas", "Sophie",
	"Antoine", "Claire", "Mathieu", "Lucie", "Guillaume", "Pauline", "Hugo", "Manon",
	"Baptiste", "Margaux", "Yann", "Gwenaëlle", "Maïwenn", "Éric", "Inès", "Jean-Marc",
	"Anne-Sophie", "Thibault", "Solène", "Mathilde", "Rémi", "Océane", "Grégoire",
}

// lastNames is the common pool; regionalLastNames adds local names where
// they are the norm.
var lastNames = []string{
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
	"Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
	"Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
	"Dupont", "Lambert", "Bonnet", "François", "Legrand", "Garnier", "Faure", "Rousseau",
	"Blanc", "Guérin", "Henry", "Roussel", "Perrin", "Morin", "Clément", "Gauthier",
	"Fontaine", "Chevalier", "Robin", "Ménard", "Hébert", "Gérard", "Bérard", "Lemaître",
	"Châtelain", "Séguin", "Thébault", "Rivière", "Léger", "Delacroix", "Marchand", "Brunet",
}

var regionalLastNames = map[string][]string{
	"01": {"Jean-Baptiste", "Bélénus", "Lacroix", "Nagau"},
	"02": {"Marie-Sainte", "Éloi", "Rosine", "Bellay"},
	"03": {"Horth", "Lucien", "Pindard", "Sabayo"},
	"04": {"Hoarau", "Payet", "Grondin", "Técher", "Rivière"},
	"06": {"Saïd", "Madi", "Attoumani", "Combo"},
	"53": {"Le Gall", "Le Goff", "Kerbrat", "Le Bihan", "Tanguy", "Kermarrec"},
	"44": {"Schmitt", "Meyer", "Wagner", "Muller", "Klein"},
	"75": {"Etchegaray", "Irigoyen", "Lafitte", "Dufau"},
	"94": {"Santoni", "Casanova", "Paoli", "Luciani", "Pietri"},
}
