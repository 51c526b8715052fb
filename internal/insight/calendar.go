package insight

// calendarMonths is how far the calendar looks ahead and back.
const calendarMonths = 12

// MonthFlow is what falls due, or was received, in one month.
type MonthFlow struct {
	Month     YearMonth
	Capital   Cents
	Interest  Cents
	Count     int  // instalments
	Estimated bool // some come from a rebuilt schedule
}

// Total is capital plus interest.
func (m MonthFlow) Total() Cents { return m.Capital + m.Interest }

// Calendar is the cash flow around today. This month is in both lists:
// what it has brought so far, and what it still brings.
type Calendar struct {
	// Ahead are this month and the 11 after it: the upcoming instalments
	// (due today or later) of every loan not in default.
	Ahead []MonthFlow
	// Behind are the 11 months before this one and this one, up to today:
	// the instalments paid.
	Behind []MonthFlow
	// Overdue adds up the instalments unpaid past their date, whatever the
	// month, on loans not in default; they are in no month of Ahead.
	Overdue MonthFlow
}

func calendar(loans []Loan, today day) Calendar {
	this := today.month()
	c := Calendar{Ahead: make([]MonthFlow, calendarMonths), Behind: make([]MonthFlow, calendarMonths)}
	for k := range calendarMonths {
		c.Ahead[k].Month = this.Add(k)
		c.Behind[k].Month = this.Add(k - calendarMonths + 1)
	}
	first := this.index()
	for i := range loans {
		l := &loans[i]
		for _, in := range l.Schedule {
			var m *MonthFlow
			switch in.State {
			case Upcoming:
				if k := in.day.month().index() - first; k >= 0 && k < calendarMonths {
					m = &c.Ahead[k]
				}
			case Paid:
				k := in.day.month().index() - first + calendarMonths - 1
				if in.day <= today && k >= 0 && k < calendarMonths {
					m = &c.Behind[k]
				}
			case Overdue:
				m = &c.Overdue
			}
			if m != nil {
				m.Capital += in.Capital
				m.Interest += in.Interest
				m.Count++
				m.Estimated = m.Estimated || l.Estimated
			}
		}
	}
	return c
}
