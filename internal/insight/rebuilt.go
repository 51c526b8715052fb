package insight

import "github.com/miimosa/miimosa/api"

// The server sends, beside a pledge without a schedule, its next repayment
// and what it has repaid so far. A schedule rebuilt from the terms alone
// can disagree with both (a first instalment a month later than the
// platform's, instalments that do not add up to the capital repaid), and
// the figures would then contradict the pledges list. These bring the
// rebuilt schedule in line with what the server says.

// anchorRebuilt moves the dates of a repaying loan's rebuilt schedule so
// that its first unpaid instalment (by the capital repaid) falls in the
// month of the server's next repayment, then marks the states again for
// the new dates. Only a repaying loan: a late one's next repayment may be
// its overdue one or the one after it, and a repaid or defaulted loan
// expects nothing.
func anchorRebuilt(s []Instalment, p api.Pledge, amount Cents, today day) {
	if p.Status != statusRepaying || p.NextRepayment == nil || !p.NextRepayment.Date.Valid {
		return
	}
	// The first unpaid instalment by what was repaid: the dates, which
	// set the states so far, are what may be wrong.
	k := firstUnpaid(s)
	if repaid, ok := repaidCapital(p, amount); ok {
		k = nearestCount(s, repaid)
		if k == len(s) && repaid < amount {
			k-- // a repayment still to come is the last one
		}
	}
	if k == len(s) {
		return
	}
	next := dayOf(p.NextRepayment.Date.Time)
	shift := next.month().index() - s[k].day.month().index()
	if shift == 0 || shift > len(s)*12 || -shift > len(s)*12 {
		return // already there, or too far off to be the same schedule
	}
	for i := range s {
		ym := s[i].day.month().Add(shift)
		s[i].day = civilDay(ym.Year, ym.Month, instalmentDay)
		s[i].Date = s[i].day.apiTime()
	}
	markRebuilt(s, p, amount, today)
}

// reconcileRebuilt makes the paid instalments of a rebuilt schedule add up
// to the capital repaid and the interest paid that the server reports. The
// capital's difference goes to the last paid instalment and is taken back
// from the first unpaid one, so that the capital still adds up to the
// amount (left as is when that would make either negative); the interest's
// goes to the last paid instalments, none below zero.
func reconcileRebuilt(s []Instalment, p api.Pledge, amount Cents) {
	k := firstUnpaid(s)
	if k == 0 || p.Status == statusRepaid {
		return
	}
	var capital, interest Cents
	for _, in := range s[:k] {
		capital += in.Capital
		interest += in.Interest
	}
	last := &s[k-1]
	if repaid, ok := repaidCapital(p, amount); ok && k < len(s) {
		d := repaid - capital
		if last.Capital+d >= 0 && s[k].Capital-d >= 0 {
			last.Capital += d
			s[k].Capital -= d
		}
	}
	if paid, ok := amountOf(p.PaidInterest); ok {
		// Interest is not bound by the amount: a surplus goes to the last
		// paid instalment, a shortfall is taken back from the last ones.
		d := paid - interest
		for i := k - 1; i >= 0 && d != 0; i-- {
			take := max(d, -s[i].Interest)
			s[i].Interest += take
			d -= take
		}
	}
}

// firstUnpaid is the index of the first instalment not paid, len(s) when
// every one is.
func firstUnpaid(s []Instalment) int {
	for i, in := range s {
		if in.State != Paid {
			return i
		}
	}
	return len(s)
}
