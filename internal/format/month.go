package format

import "github.com/miimosa/miimosa/api"

// frMonths are the French abbreviated month names (as the Imprimerie
// nationale abbreviates them).
var frMonths = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// Month formats the month of a date: "Dec 2026", "déc. 2026".
func (f Formatter) Month(t api.Time) string {
	if !t.Valid {
		return Dash
	}
	d := t.Time
	if !t.DateOnly {
		d = d.In(f.loc())
	}
	if f.fr() {
		return frMonths[d.Month()-1] + " " + d.Format("2006")
	}
	return d.Format("Jan 2006")
}
