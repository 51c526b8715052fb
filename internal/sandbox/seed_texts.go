package sandbox

// categoryText holds the French words the project generator combines for one
// category. Placeholders: {place} is the farm with its article ("la ferme des
// Quatre Vents"), {first} the owner's first name, {city} the town, {at} "à
// Tarbes" or "au Moule", {near} "près de Tarbes", "près d'Uzès" or "près du
// Moule", {of_first} "de Pierre" or "d'Hélène".
type categoryText struct {
	kinds   []string // the kind of business, with its article; kinds[i] goes with titles[i]
	titles  []string
	pitches []string // pitches[i] goes with titles[i]
	uses    []string // what the money pays for, listed in the long description
	rewards []string // donation counterparts, cheapest first
}

// places are the names farms go by.
var places = []string{
	"des Quatre Vents", "du Moulin", "de la Source", "des Tilleuls", "du Bois Joli",
	"de la Vallée", "des Coteaux", "du Pré Vert", "des Grands Champs", "de Kerlann",
	"de la Colline", "des Trois Chênes", "du Vieux Puits", "de Bel Air", "des Granges",
	"de l'Étang", "du Soleil Levant", "des Hirondelles", "de la Croix Blanche", "des Genêts",
	"de la Fontaine", "du Val Fleuri", "des Sureaux", "de la Brèche",
}

var categoryTexts = map[string]categoryText{
	"apiculture": {
		kinds:   []string{"le rucher", "le rucher", "le rucher", "la miellerie"},
		titles:  []string{"Cent nouvelles ruches pour {place}", "Une miellerie flambant neuve pour {place}", "Sauvons l'abeille noire avec {place}", "Un extracteur de miel pour {place}"},
		pitches: []string{"{at}, {first} veut installer cent ruches de plus et récolter un miel de fleurs sauvages vendu en circuit court.", "{first} récolte déjà trois tonnes de miel par an {near} et doit agrandir sa miellerie pour suivre.", "{first} élève l'abeille noire, une race locale menacée, {near} et veut multiplier ses colonies.", "{at}, {first} extrait encore son miel à la main et veut s'équiper pour gagner du temps à chaque récolte."},
		uses:    []string{"des ruches Dadant en bois local", "un extracteur radiaire de 24 cadres", "des reines issues d'un élevage local", "l'aménagement de la miellerie aux normes"},
		rewards: []string{"Un pot de miel de 250 g et nos remerciements", "Trois pots de miel de saison", "Une visite du rucher en tenue d'apiculteur", "Le parrainage d'une ruche pendant un an"},
	},
	"alcool": {
		kinds:   []string{"la brasserie", "la distillerie", "la cidrerie", "la brasserie"},
		titles:  []string{"Une nouvelle cuve de brassage pour {place}", "Un alambic pour {place}", "Le cidre fermier {of_first} {at}", "Une bière à l'orge du pays pour {place}"},
		pitches: []string{"{first} brasse {at} avec l'orge de ses champs et veut doubler sa production.", "{at}, {first} distille les fruits du verger familial et cherche à s'équiper d'un alambic en cuivre.", "{first} presse les pommes de ses vieux vergers haute-tige {near} et veut lancer un cidre fermier.", "{at}, {first} cultive son orge, la fait malter dans la région et veut brasser une bière 100 % locale."},
		uses:    []string{"une cuve de fermentation de 1 000 litres", "un alambic en cuivre", "une étiqueteuse semi-automatique", "l'agrandissement du chai de stockage"},
		rewards: []string{"Une bouteille de la cuvée du financement", "Un coffret de trois bouteilles", "Une visite de la brasserie avec dégustation", "Votre nom sur l'étiquette de la cuvée"},
	},
	"aquaculture": {
		kinds:   []string{"l'exploitation ostréicole", "la ferme aquacole", "la ferme marine", "l'exploitation mytilicole"},
		titles:  []string{"Des parcs à huîtres pour {place}", "Une pisciculture de truites pour {place}", "Une écloserie d'ormeaux pour {place}", "Des moules de corde pour {place}"},
		pitches: []string{"{at}, {first} élève des huîtres en pleine mer et veut étendre ses parcs.", "{first} élève des truites dans une eau de source {near} et modernise ses bassins.", "{first} veut faire naître des ormeaux {near} pour repeupler la côte et fournir les restaurants.", "{at}, {first} élève des moules sur cordes au large et a besoin de nouvelles filières."},
		uses:    []string{"des tables et poches ostréicoles", "un bassin de décantation", "un bateau de travail d'occasion", "une chambre froide pour l'expédition"},
		rewards: []string{"Une bourriche de douze huîtres", "Un colis de poissons fumés", "Une matinée sur les parcs avec {first}", "Une dégustation pour quatre personnes"},
	},
	"soft": {
		kinds:   []string{"le verger", "la limonaderie", "le jardin", "le verger"},
		titles:  []string{"Un pressoir à jus pour {place}", "Une limonade artisanale pour {place}", "Des sirops de plantes pour {place}", "Un jus de pomme bio pour {place}"},
		pitches: []string{"{first} presse les pommes de ses vergers {near} et veut un pressoir à bande.", "{at}, {first} prépare une limonade au citron et au miel du pays et veut l'embouteiller sur place.", "{first} cueille menthe, sureau et verveine {near} et veut en faire des sirops.", "{at}, {first} a converti ses vergers en bio et veut vendre son propre jus de pomme."},
		uses:    []string{"un pressoir à bande", "un pasteurisateur", "une embouteilleuse", "des caisses réutilisables"},
		rewards: []string{"Une bouteille de jus et nos remerciements", "Six bouteilles assorties", "Un atelier de pressage au verger", "Un carton de jus chaque saison pendant un an"},
	},
	"elevage": {
		kinds:   []string{"la ferme", "la ferme", "l'élevage", "l'élevage"},
		titles:  []string{"Un bâtiment pour les brebis de {place}", "Des poules en plein air pour {place}", "Un atelier de découpe pour {place}", "Des vaches Salers heureuses avec {place}"},
		pitches: []string{"{first} élève des brebis en plein air {near} et doit construire une bergerie pour l'hiver.", "{at}, {first} veut installer un poulailler mobile pour 500 poules élevées sur prairie.", "{at}, {first} veut transformer la viande de son élevage sur place et la vendre en direct.", "{first} élève un troupeau de Salers à l'herbe {near} et veut vendre sa viande en caissettes."},
		uses:    []string{"une bergerie en bois de 400 m²", "des clôtures mobiles", "un atelier de découpe aux normes", "une remorque frigorifique"},
		rewards: []string{"Une carte postale de la ferme et nos remerciements", "Une terrine maison", "Un colis de viande de 5 kg", "Une journée à la ferme pendant l'agnelage"},
	},
	"sale": {
		kinds:   []string{"la ferme", "la ferme maraîchère", "la ferme", "la coopérative"},
		titles:  []string{"Un nouveau fournil pour {place}", "Une conserverie pour {place}", "Des terrines artisanales pour {place}", "Un laboratoire de transformation pour {place}"},
		pitches: []string{"{at}, {first} fait son pain au levain avec le blé de la ferme et veut un four plus grand.", "{first} cultive des légumes anciens {near} et veut les mettre en bocaux toute l'année.", "{at}, {first} prépare des terrines avec les porcs de la ferme et veut un laboratoire aux normes.", "{first} et ses voisins {near} veulent un laboratoire partagé pour transformer leurs récoltes."},
		uses:    []string{"un four à bois de 2 m²", "un autoclave", "un pétrin à bras plongeants", "l'aménagement du laboratoire"},
		rewards: []string{"Un pain au levain et nos remerciements", "Un panier de conserves de la ferme", "Un atelier pain ou conserves", "Un panier garni chaque mois pendant un trimestre"},
	},
	"sucre": {
		kinds:   []string{"le verger", "la ferme", "la ferme", "le verger"},
		titles:  []string{"Une confiturerie pour {place}", "Des biscuits fermiers pour {place}", "Du chocolat de la ferme avec {place}", "Des fruits confits pour {place}"},
		pitches: []string{"{first} cuisine les fruits du verger {at} et veut une cuisine de production.", "{at}, {first} prépare des biscuits au beurre de la ferme et cherche un four à sole.", "{first} associe le lait de ses vaches à un cacao équitable {near} pour fabriquer des tablettes.", "{at}, {first} confit les fruits de ses vergers à l'ancienne et veut agrandir son atelier."},
		uses:    []string{"un chaudron de cuisson en cuivre", "un four à sole", "une doseuse", "une vitrine pour la boutique"},
		rewards: []string{"Un pot de confiture et nos remerciements", "Un coffret de quatre confitures", "Un atelier confiture avec {first}", "Une boîte de biscuits chaque mois pendant six mois"},
	},
	"horticulture": {
		kinds:   []string{"le jardin", "la ferme florale", "la pépinière", "le jardin"},
		titles:  []string{"Une serre bioclimatique pour {place}", "Des fleurs de saison avec {place}", "Des plants bio pour {place}", "Une pépinière d'arbres fruitiers pour {place}"},
		pitches: []string{"{first} produit des plants maraîchers bio {near} et veut une serre qui se passe de chauffage.", "{at}, {first} cultive des fleurs coupées de saison, sans chauffage ni avion.", "{first} élève des plants de légumes bio {near} pour les jardiniers et les maraîchers du coin.", "{at}, {first} greffe des variétés fruitières anciennes et veut ouvrir une pépinière."},
		uses:    []string{"une serre bioclimatique de 500 m²", "un système d'irrigation goutte-à-goutte", "une chambre froide pour les fleurs", "des tables de culture"},
		rewards: []string{"Un sachet de graines et nos remerciements", "Un bouquet de saison", "Dix plants pour votre potager", "Un abonnement floral de trois mois"},
	},
	"innovation": {
		kinds:   []string{"la ferme", "le GAEC", "l'EARL", "le GAEC"},
		titles:  []string{"Des panneaux solaires sur le hangar {of_first}", "Un séchoir solaire pour {place}", "Un méthaniseur pour {place}", "Une ferme connectée avec {place}"},
		pitches: []string{"{at}, {first} veut produire l'énergie de la ferme avec des panneaux solaires sur le hangar.", "{first} teste {near} un séchoir solaire pour le foin et les plantes aromatiques.", "{first} veut valoriser le fumier de l'élevage {near} en biogaz et en engrais.", "{at}, {first} installe des capteurs dans les champs pour arroser juste ce qu'il faut."},
		uses:    []string{"180 m² de panneaux photovoltaïques", "un séchoir solaire en grange", "des capteurs d'humidité des sols", "le raccordement au réseau"},
		rewards: []string{"Des nouvelles du projet et nos remerciements", "Un panier de produits de la ferme", "Une visite de l'installation", "Une journée d'immersion sur l'exploitation"},
	},
	"nature": {
		kinds:   []string{"le GAEC", "la ferme", "la ferme", "le domaine"},
		titles:  []string{"Planter deux kilomètres de haies avec {place}", "Des arbres au milieu des champs pour {place}", "Une mare pour la biodiversité {at}", "Restaurer une prairie humide avec {place}"},
		pitches: []string{"{first} plante des haies autour des parcelles {near} pour abriter oiseaux et insectes.", "{at}, {first} passe à l'agroforesterie et plante des arbres au milieu des cultures.", "{first} veut creuser une mare {near} pour les amphibiens et les libellules.", "{at}, {first} restaure une prairie humide où pâturent ses vaches et nichent les oiseaux."},
		uses:    []string{"3 000 plants d'essences locales", "des protections contre le gibier", "le paillage biodégradable", "le creusement d'une mare"},
		rewards: []string{"Un arbre planté à votre nom", "Une photo de votre arbre chaque printemps", "Une journée de plantation avec {first}", "Un petit verger de cinq arbres chez vous"},
	},
	"lait": {
		kinds:   []string{"la chèvrerie", "la ferme", "la ferme", "la fromagerie"},
		titles:  []string{"Une fromagerie pour {place}", "Un nouveau tank à lait pour {place}", "Des yaourts fermiers pour {place}", "Une cave d'affinage pour {place}"},
		pitches: []string{"{at}, {first} transforme le lait de ses chèvres et veut une vraie fromagerie.", "{first} trait quarante vaches {near} et doit remplacer un tank à lait hors d'âge.", "{first} trait ses vaches {near} et veut fabriquer yaourts et fromages blancs.", "{at}, {first} fabrique des tommes et veut une cave pour les affiner plus longtemps."},
		uses:    []string{"une cuve de caillage", "une cave d'affinage ventilée", "un tank à lait de 3 000 litres", "une conditionneuse de pots"},
		rewards: []string{"Un fromage de la ferme et nos remerciements", "Un plateau de trois fromages", "Une visite de la traite et de la fromagerie", "Un colis de fromages chaque mois pendant un an"},
	},
	"viticulture": {
		kinds:   []string{"le domaine", "le vignoble", "le château", "le domaine"},
		titles:  []string{"Un nouveau chai pour {place}", "Replanter des vignes avec {place}", "Un pressoir pneumatique pour {place}", "Passer en bio avec {place}"},
		pitches: []string{"{first} reprend les vignes familiales {near} et veut vinifier au domaine.", "{at}, {first} replante des cépages anciens, plus résistants à la sécheresse.", "{first} vendange à la main {near} et veut un pressoir plus doux pour ses raisins.", "{at}, {first} convertit ses vignes en bio et doit s'équiper pour travailler les sols."},
		uses:    []string{"un pressoir pneumatique", "des cuves inox thermorégulées", "10 000 pieds de vigne", "un enjambeur d'occasion"},
		rewards: []string{"Une bouteille du domaine", "Un carton de six bouteilles", "Une visite des vignes et du chai", "Votre nom sur un rang de vigne"},
	},
}
