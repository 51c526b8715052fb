package i18n

// The words of internal/format: durations and countdowns. Numbers, dates and
// currency placement are not words and live in format itself.
func init() {
	Register(map[Key]Msg{
		"fmt.month":     {"%s month", "%s mois"},
		"fmt.months":    {"%s months", "%s mois"},
		"fmt.day_left":  {"%s day left", "%s j restant"},
		"fmt.days_left": {"%s days left", "%s j restants"},
		"fmt.last_day":  {"last day", "dernier jour"},
		"fmt.ended":     {"ended", "terminé"},
	})
}
