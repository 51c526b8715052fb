package sandbox

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The published enums (seed/miimosa-api-v1.txt and contract.md), copied here
// rather than imported from package api.
var (
	categories      = []string{"apiculture", "alcool", "aquaculture", "soft", "elevage", "sale", "sucre", "horticulture", "innovation", "nature", "lait", "viticulture"}
	collectTypes    = []string{"donation", "lending"}
	orders          = []string{"populars", "in_progress", "recent"}
	projectStatuses = []string{"upcoming", "in_progress", "success", "failed"}
)

// projectCount is how many projects the seed holds: enough for several pages
// at the largest page size and for every filter to find something.
const projectCount = 360

// project is the sandbox's own record of a project; projects.go renders it.
type project struct {
	id                    int64
	title, slug           string
	description, longDesc string
	imageURL              string // "" renders as null
	status, collectType   string
	category              string
	region                region
	department, city      string
	ownerFirst, ownerLast string
	target, collected     int64 // cents
	backers               int
	rate                  int64 // hundredths of a percent a year; lending only
	durationMonths        int   // lending only
	frequency             string
	publishedAt, endsAt   time.Time
	rewards               []reward
	searchText            string // folded title, description, city and owner, for keyword
	variant               int    // picks JSON representations (number or string, time zone)
}

type reward struct {
	amount      int64 // cents
	description string
}

// buildProjects generates the seed's projects. The generator is seeded with a
// constant, so the same today gives the same projects, byte for byte.
func buildProjects(today time.Time) []project {
	rng := rand.New(rand.NewPCG(2026, 1127))
	out := make([]project, 0, projectCount)
	slugs := map[string]int{}
	for i := range projectCount {
		p := project{id: int64(1000 + i*3 + rng.IntN(3)), variant: i}
		p.category = categories[i%len(categories)]

		reg := regions[rng.IntN(len(regions))]
		if i < len(regions) { // every region at least once
			reg = regions[i]
		}
		dep := reg.departments[rng.IntN(len(reg.departments))]
		p.region, p.department = reg, dep.code
		p.city = dep.cities[rng.IntN(len(dep.cities))]

		p.collectType = "donation"
		if rng.Float64() < 0.45 {
			p.collectType = "lending"
		}
		p.status = pickStatus(rng)
		if i < 8 { // every status with both collect types
			p.status, p.collectType = projectStatuses[i%4], collectTypes[i/4]
		}

		p.ownerFirst = firstNames[rng.IntN(len(firstNames))]
		p.ownerLast = lastNames[rng.IntN(len(lastNames))]
		if local := regionalLastNames[reg.code]; len(local) > 0 && rng.Float64() < 0.6 {
			p.ownerLast = local[rng.IntN(len(local))]
		}

		text := categoryTexts[p.category]
		idea := rng.IntN(len(text.titles))
		place := text.kinds[idea] + " " + places[rng.IntN(len(places))]
		fill := strings.NewReplacer("{place}", place, "{first}", p.ownerFirst, "{city}", p.city,
			"{at}", atCity(p.city), "{near}", nearCity(p.city), "{of_first}", elide("de", p.ownerFirst)).Replace
		p.title = capitalize(fill(text.titles[idea]))
		p.description = capitalize(fill(text.pitches[idea]))

		p.slug = slugify(p.title)
		if n := slugs[p.slug]; n > 0 {
			slugs[p.slug] = n + 1
			p.slug += "-" + strconv.Itoa(n+1)
		} else {
			slugs[p.slug] = 1
		}
		if i%7 != 3 {
			p.imageURL = "https://images.miimosa.com/projects/" + strconv.FormatInt(p.id, 10) + "/cover.jpg"
		}

		setMoney(&p, rng)
		setDates(&p, rng, today)
		p.longDesc = longDescription(p, text, fill, rng)
		if p.collectType == "donation" {
			amounts := []int64{1000, 2500, 5000, 15000}
			for k, d := range text.rewards {
				p.rewards = append(p.rewards, reward{amount: amounts[k], description: fill(d)})
			}
		}
		p.searchText = fold(strings.Join([]string{p.title, p.description, p.city, p.ownerFirst, p.ownerLast}, " "))
		out = append(out, p)
	}
	return out
}

func pickStatus(rng *rand.Rand) string {
	switch x := rng.Float64(); {
	case x < 0.08:
		return "upcoming"
	case x < 0.33:
		return "in_progress"
	case x < 0.85:
		return "success"
	default:
		return "failed"
	}
}

var durations = []int{12, 18, 24, 36, 48, 60, 72, 84}

// setMoney sets target, collected, backers and, for lending, the rate,
// duration and repayment frequency, consistently with the status.
func setMoney(p *project, rng *rand.Rand) {
	if p.collectType == "lending" {
		p.target = int64(10+rng.IntN(141)) * 1000 * 100 // 10 000 – 150 000 €
		p.rate = 250 + 25*int64(rng.IntN(15))           // 2.50 – 6.00 %
		p.durationMonths = durations[rng.IntN(len(durations))]
		p.frequency = "monthly"
		if rng.Float64() < 0.25 {
			p.frequency = "quarterly"
		}
	} else {
		p.target = int64(20+rng.IntN(231)) * 100 * 100 // 2 000 – 25 000 €
	}
	var pct int64
	switch p.status {
	case "upcoming":
		pct = 0
	case "in_progress":
		pct = int64(5 + rng.IntN(136))
	case "success":
		pct = int64(100 + rng.IntN(81))
	case "failed":
		pct = int64(10 + rng.IntN(86))
	}
	if p.collectType == "lending" {
		if p.status == "success" {
			pct = 100 // a loan is never over-subscribed
		}
		pct = min(pct, 100)
		p.collected = p.target * pct / 100 / 1000 * 1000 // lenders lend in tens of euros
	} else {
		p.collected = p.target * pct / 100
		if p.collected > 0 && p.variant%5 == 0 {
			p.collected += int64(rng.IntN(100)) // donations of odd amounts leave cents
		}
	}
	avg := int64(4500)
	if p.collectType == "lending" {
		avg = 35000
	}
	if p.collected > 0 {
		p.backers = int(p.collected/avg) + 1 + rng.IntN(10)
	}
}

// setDates places publication and end relative to today, consistently with
// the status: collects still open end in the future, closed ones in the past
// (up to eight years, so that some loans are fully repaid).
func setDates(p *project, rng *rand.Rand, today time.Time) {
	day := 24 * time.Hour
	at := func(t time.Time, hour int) time.Time {
		return t.Add(time.Duration(hour)*time.Hour + time.Duration(rng.IntN(60))*time.Minute)
	}
	switch p.status {
	case "upcoming":
		p.publishedAt = at(today.Add(-time.Duration(1+rng.IntN(14))*day), 8)
		p.endsAt = today.Add(time.Duration(35+rng.IntN(40))*day + 22*time.Hour)
	case "in_progress":
		p.publishedAt = at(today.Add(-time.Duration(2+rng.IntN(44))*day), 8)
		p.endsAt = today.Add(time.Duration(1+rng.IntN(50))*day + 22*time.Hour)
	default:
		p.endsAt = today.Add(-time.Duration(3+rng.IntN(2900))*day + 22*time.Hour)
		p.publishedAt = at(p.endsAt.Add(-time.Duration(31+rng.IntN(30))*day).Truncate(day), 8)
	}
}

// longDescription is the detail's text, in paragraphs separated by blank
// lines and a dashed list, as the project pages have.
func longDescription(p project, text categoryText, fill func(string) string, rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString(p.description + "\n\n")
	fmt.Fprintf(&b, "Qui sommes-nous ?\n%s %s travaille %s depuis %d ans. ", p.ownerFirst, p.ownerLast, atCity(p.city), 3+rng.IntN(30))
	b.WriteString("Nous vendons à la ferme, sur les marchés et à quelques restaurants des environs.\n\n")
	b.WriteString("À quoi servira la collecte ?\n")
	shares := []int64{45, 35, 20}
	for k, share := range shares {
		use := text.uses[(k+p.variant)%len(text.uses)]
		fmt.Fprintf(&b, "- %s : %s\n", fill(use), euros(p.target*share/100))
	}
	b.WriteString("\n")
	if p.collectType == "lending" {
		fmt.Fprintf(&b, "Votre prêt sera remboursé en %d mois, au taux de %s %% par an, par échéances %s.\n\n",
			p.durationMonths, strings.ReplaceAll(trimZeros(centsString(p.rate)), ".", ","), frequencyFR(p.frequency))
	} else {
		b.WriteString("Chaque don, même petit, compte : en retour, nous vous envoyons une contrepartie de la ferme.\n\n")
	}
	b.WriteString("Merci pour votre soutien !")
	return b.String()
}

func frequencyFR(f string) string {
	if f == "quarterly" {
		return "trimestrielles"
	}
	return "mensuelles"
}

// euros writes whole euros the French way: "12 500 €".
func euros(cents int64) string {
	s := strconv.FormatInt(cents/100, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String() + " €"
}

// atCity is "à Tarbes", with the article contracted: "au Moule", "aux
// Sables-d'Olonne".
func atCity(city string) string {
	switch {
	case strings.HasPrefix(city, "Le "):
		return "au " + city[len("Le "):]
	case strings.HasPrefix(city, "Les "):
		return "aux " + city[len("Les "):]
	}
	return "à " + city
}

// nearCity is "près de Tarbes", elided and contracted: "près d'Uzès", "près
// du Moule", "près des Sables-d'Olonne".
func nearCity(city string) string {
	switch {
	case strings.HasPrefix(city, "Le "):
		return "près du " + city[len("Le "):]
	case strings.HasPrefix(city, "Les "):
		return "près des " + city[len("Les "):]
	}
	return "près " + elide("de", city)
}

// elide writes "de Pierre" but "d'Hélène", "d'Uzès": French drops the vowel
// of "de" before a vowel or a mute h.
func elide(word, name string) string {
	if r := []rune(name); len(r) > 0 && strings.ContainsRune("AEIOUYHÉÈÊÎÔ", r[0]) {
		return word[:len(word)-1] + "'" + name
	}
	return word + " " + name
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// slugify makes the URL part of a title: folded, lower case, dashes.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
