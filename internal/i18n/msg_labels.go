package i18n

// LabelSet is an enumeration of the API whose codes have readable names:
// one name per code, the same in the terminal panes, the commands' output,
// shell completion and the lead form.
type LabelSet string

// The enumerations with labels; each code's key is "label.<set>.<code>".
const (
	LabelCategory        LabelSet = "category"
	LabelCollectType     LabelSet = "collect_type"
	LabelProjectStatus   LabelSet = "project_status"
	LabelPledgeStatus    LabelSet = "pledge_status"
	LabelRepaymentStatus LabelSet = "repayment_status"
	LabelFrequency       LabelSet = "frequency"
	LabelOrder           LabelSet = "order"
	LabelTimeframe       LabelSet = "timeframe"
)

// LabelKey is the catalogue key of one code of set.
func LabelKey(set LabelSet, code string) Key { return Key("label." + string(set) + "." + code) }

// Label is the readable name of code in set; ok is false when the catalogue
// does not know the code (the server added one), so the caller can show the
// code itself rather than a key.
func (p Printer) Label(set LabelSet, code string) (string, bool) {
	k := LabelKey(set, code)
	mu.RLock()
	_, ok := catalog[k]
	mu.RUnlock()
	if !ok {
		return "", false
	}
	return p.T(k), true
}

func init() {
	Register(map[Key]Msg{
		// Categories: the API's codes are French slugs.
		"label.category.apiculture":   {"Beekeeping", "Apiculture"},
		"label.category.alcool":       {"Beer, cider & spirits", "Bières, cidres et spiritueux"},
		"label.category.aquaculture":  {"Aquaculture", "Aquaculture"},
		"label.category.soft":         {"Soft drinks", "Boissons sans alcool"},
		"label.category.elevage":      {"Livestock", "Élevage"},
		"label.category.sale":         {"Savoury food", "Épicerie salée"},
		"label.category.sucre":        {"Sweet food", "Épicerie sucrée"},
		"label.category.horticulture": {"Horticulture", "Horticulture"},
		"label.category.innovation":   {"Innovation", "Innovation"},
		"label.category.nature":       {"Nature & environment", "Nature et environnement"},
		"label.category.lait":         {"Dairy", "Produits laitiers"},
		"label.category.viticulture":  {"Wine growing", "Viticulture"},

		"label.collect_type.donation": {"Donation", "Don"},
		"label.collect_type.lending":  {"Lending", "Prêt"},

		"label.project_status.upcoming":    {"Upcoming", "À venir"},
		"label.project_status.in_progress": {"Collecting", "En collecte"},
		"label.project_status.success":     {"Funded", "Financé"},
		"label.project_status.failed":      {"Not funded", "Non financé"},

		// A pending pledge waits for its project's collect to end: "collect
		// open" says why nothing is repaid yet, "pending" did not.
		"label.pledge_status.pending":   {"Collect open", "Collecte ouverte"},
		"label.pledge_status.repaying":  {"Repaying", "En remboursement"},
		"label.pledge_status.repaid":    {"Repaid", "Remboursé"},
		"label.pledge_status.late":      {"Late", "En retard"},
		"label.pledge_status.defaulted": {"Defaulted", "En défaut"},

		"label.repayment_status.paid":      {"Paid", "Payée"},
		"label.repayment_status.scheduled": {"Scheduled", "Prévue"},
		"label.repayment_status.late":      {"Late", "En retard"},

		// Shown after "Repayments" / "Remboursements".
		"label.frequency.monthly":   {"Monthly", "Mensuels"},
		"label.frequency.quarterly": {"Quarterly", "Trimestriels"},

		// Short: the projects pane shows the order in its filter line.
		"label.order.populars":    {"Most backers", "Les plus soutenus"},
		"label.order.in_progress": {"Collecting now", "En collecte"},
		"label.order.recent":      {"Newest", "Les plus récents"},

		"label.timeframe.within_month":    {"Within a month", "Dans le mois"},
		"label.timeframe.next_months":     {"In the next months", "Dans les prochains mois"},
		"label.timeframe.another_quarter": {"Another quarter", "Dans un autre trimestre"},
	})
}
