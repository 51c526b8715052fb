package sandbox

import (
	"net/http"
	"strings"
	"time"
)

// walletJSON is GET /user/wallet (contract.md).
type walletJSON struct {
	ID               int64  `json:"id"`
	Currency         string `json:"currency"`
	Balance          money  `json:"balance"`
	AvailableBalance money  `json:"available_balance"`
	PendingBalance   money  `json:"pending_balance"`
	UpdatedAt        string `json:"updated_at"`
}

// pledgeJSON is an item of GET /user/pledges (contract.md).
type pledgeJSON struct {
	ID               int64             `json:"id"`
	Project          pledgeProjectJSON `json:"project"`
	Amount           money             `json:"amount"`
	InterestRate     rate              `json:"interest_rate"`
	DurationMonths   int               `json:"duration_months"`
	Status           string            `json:"status"`
	CreatedAt        string            `json:"created_at"`
	RepaidCapital    money             `json:"repaid_capital"`
	PaidInterest     money             `json:"paid_interest"`
	RemainingCapital money             `json:"remaining_capital"`
	NextRepayment    *nextJSON         `json:"next_repayment"`
	Repayments       []repaymentJSON   `json:"repayments,omitempty"`
}

type pledgeProjectJSON struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Slug     string `json:"slug"`
	Category string `json:"category"`
}

type nextJSON struct {
	Date   string `json:"date"`
	Amount money  `json:"amount"`
}

type repaymentJSON struct {
	Date     string `json:"date"`
	Capital  money  `json:"capital"`
	Interest money  `json:"interest"`
	Status   string `json:"status"`
}

func (w *wallet) json() walletJSON {
	return walletJSON{
		ID: w.id, Currency: "EUR",
		Balance:          money{cents: w.available + w.pending, quoted: w.quoted},
		AvailableBalance: money{cents: w.available, quoted: w.quoted},
		PendingBalance:   money{cents: w.pending, quoted: w.quoted},
		UpdatedAt:        stamp(w.updatedAt, 1),
	}
}

func (p *pledge) json() pledgeJSON {
	q := p.variant%2 == 0
	j := pledgeJSON{
		ID:               p.id,
		Project:          pledgeProjectJSON{ID: p.project.id, Title: p.project.title, Slug: p.project.slug, Category: p.project.category},
		Amount:           money{cents: p.amount, quoted: q},
		InterestRate:     rate{hundredths: p.project.rate, quoted: q},
		DurationMonths:   p.project.durationMonths,
		Status:           p.status,
		CreatedAt:        stamp(p.createdAt, p.variant),
		RepaidCapital:    money{cents: p.repaidCapital, quoted: q},
		PaidInterest:     money{cents: p.paidInterest, quoted: !q},
		RemainingCapital: money{cents: p.remainingCapital, quoted: q},
	}
	if p.next != nil {
		j.NextRepayment = &nextJSON{Date: p.next.date.Format(layoutDate), Amount: money{cents: p.next.capital + p.next.interest, quoted: q}}
	}
	for _, in := range p.schedule {
		j.Repayments = append(j.Repayments, repaymentJSON{
			Date: in.date.Format(layoutDate), Status: in.status,
			Capital: money{cents: in.capital, quoted: q}, Interest: money{cents: in.interest, quoted: q},
		})
	}
	return j
}

// lookupUser reads user_email and user_birthdate and finds the account,
// answering the error itself when it cannot: 400 for a missing parameter or a
// birthdate that is not YYYY-MM-DD, 404 with notFound for an unknown email,
// 403 for a wrong birthdate. The email is matched without regard to case.
func (h *Handler) lookupUser(w http.ResponseWriter, r *http.Request, notFound string) (*account, bool) {
	q := r.URL.Query()
	email := strings.TrimSpace(q.Get("user_email"))
	birthdate := strings.TrimSpace(q.Get("user_birthdate"))
	for _, p := range []struct{ name, value string }{{"user_email", email}, {"user_birthdate", birthdate}} {
		if p.value == "" {
			writeError(w, http.StatusBadRequest, "param is missing or the value is empty: "+p.name)
			return nil, false
		}
	}
	if _, err := time.Parse(time.DateOnly, birthdate); err != nil {
		writeError(w, http.StatusBadRequest, "user_birthdate must be a date written YYYY-MM-DD")
		return nil, false
	}
	a, ok := h.data.accounts[strings.ToLower(email)]
	if !ok {
		writeError(w, http.StatusNotFound, notFound)
		return nil, false
	}
	if birthdate != a.user.Birthdate {
		writeError(w, http.StatusForbidden, "birthdate does not match")
		return nil, false
	}
	return a, true
}

func (h *Handler) getWallet(w http.ResponseWriter, r *http.Request) {
	a, ok := h.lookupUser(w, r, "no wallet found")
	if !ok {
		return
	}
	if a.wallet == nil {
		writeError(w, http.StatusNotFound, "no wallet found")
		return
	}
	writeJSON(w, http.StatusOK, a.wallet.json())
}

func (h *Handler) listPledges(w http.ResponseWriter, r *http.Request) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	a, ok := h.lookupUser(w, r, "email not found")
	if !ok {
		return
	}
	lo, hi := p.window(len(a.pledges))
	items := make([]pledgeJSON, 0, hi-lo)
	for i := lo; i < hi; i++ {
		items = append(items, a.pledges[i].json())
	}
	setPageHeaders(w, r, p, len(a.pledges))
	writeJSON(w, http.StatusOK, items)
}
