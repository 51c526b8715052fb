package api

// The tolerant decoders of every body in contract.md. Each splits the object
// without copying, pulls the keys it knows, and keeps the rest in Extra. They
// fail only when the value is not a JSON object at all.

// UnmarshalJSON decodes a project tolerantly.
func (p *Project) UnmarshalJSON(data []byte) error { return unmarshalObject(data, "project", p) }

func (p *Project) fromObject(o object) {
	*p = Project{
		ID:                 o.id("id"),
		Title:              o.str("title"),
		Slug:               o.str("slug"),
		URL:                o.str("url"),
		ImageURL:           o.str("image_url"),
		Description:        o.str("description"),
		LongDescription:    o.str("long_description"),
		Status:             o.str("status"),
		CollectType:        o.str("collect_type"),
		Category:           o.str("category"),
		Department:         o.str("department"),
		City:               o.str("city"),
		Target:             o.money("target", DefaultCurrency),
		Collected:          o.money("collected", DefaultCurrency),
		BackersCount:       o.integer("backers_count"),
		InterestRate:       o.decimal("interest_rate"),
		DurationMonths:     o.integer("duration_months"),
		RepaymentFrequency: o.str("repayment_frequency"),
		PublishedAt:        o.time("published_at"),
		EndsAt:             o.time("ends_at"),
	}
	p.Region = o.region("region")
	o.into("owner", &p.Owner)
	p.Rewards = list[Reward](o, "rewards")
	p.Extra = o.extra()
}

// UnmarshalJSON decodes a region: an object {"code","name"}, or a bare code
// (string or number) whose name is then taken from Regions.
func (r *Region) UnmarshalJSON(data []byte) error {
	data = trimJSONSpace(data)
	if len(data) > 0 && data[0] != '{' && string(data) != "null" {
		s, ok, err := numberText(data)
		if err != nil || !ok || s == "" {
			return errNotRegion
		}
		*r = Region{Code: s, Name: RegionName(s)}
		return nil
	}
	return unmarshalObject(data, "region", r)
}

func (r *Region) fromObject(o object) {
	*r = Region{Code: o.str("code"), Name: o.str("name")}
	if r.Name == "" {
		r.Name = RegionName(r.Code)
	}
}

// region reads a region field: an object, or a bare code.
func (o object) region(key string) Region {
	raw, ok := o.take(key)
	if !ok {
		return Region{}
	}
	if raw[0] == '{' {
		var r Region
		o.into(key, &r)
		return r
	}
	if s := o.str(key); s != "" {
		return Region{Code: s, Name: RegionName(s)}
	}
	return Region{}
}

var errNotRegion = sentinel("region: expected an object or a region code")

// UnmarshalJSON decodes a person tolerantly.
func (p *Person) UnmarshalJSON(data []byte) error { return unmarshalObject(data, "person", p) }

func (p *Person) fromObject(o object) {
	*p = Person{FirstName: o.str("first_name"), LastName: o.str("last_name")}
	p.Extra = o.extra()
}

// UnmarshalJSON decodes a reward tolerantly.
func (r *Reward) UnmarshalJSON(data []byte) error { return unmarshalObject(data, "reward", r) }

func (r *Reward) fromObject(o object) {
	*r = Reward{Amount: o.money("amount", DefaultCurrency), Description: o.str("description")}
	r.Extra = o.extra()
}

// UnmarshalJSON decodes a wallet tolerantly; its amounts take the wallet's
// currency when it names one.
func (w *Wallet) UnmarshalJSON(data []byte) error { return unmarshalObject(data, "wallet", w) }

func (w *Wallet) fromObject(o object) {
	cur, sent := o.currency("currency")
	mcur := cur
	switch {
	case mcur == "" && sent:
		mcur = "XXX" // ISO 4217 for "no currency": better than a guessed €
	case mcur == "":
		mcur = DefaultCurrency
	}
	*w = Wallet{
		ID:               o.id("id"),
		Currency:         cur,
		Balance:          o.money("balance", mcur),
		AvailableBalance: o.money("available_balance", mcur),
		PendingBalance:   o.money("pending_balance", mcur),
		UpdatedAt:        o.time("updated_at"),
	}
	w.Extra = o.extra()
}

// UnmarshalJSON decodes the project a pledge embeds.
func (p *PledgeProject) UnmarshalJSON(data []byte) error {
	return unmarshalObject(data, "pledge project", p)
}

func (p *PledgeProject) fromObject(o object) {
	*p = PledgeProject{ID: o.id("id"), Title: o.str("title"), Slug: o.str("slug"), Category: o.str("category")}
	p.Extra = o.extra()
}

// UnmarshalJSON decodes a repayment (or a next_repayment) tolerantly.
func (r *Repayment) UnmarshalJSON(data []byte) error { return unmarshalObject(data, "repayment", r) }

func (r *Repayment) fromObject(o object) {
	*r = Repayment{
		Date:     o.time("date"),
		Amount:   o.money("amount", DefaultCurrency),
		Capital:  o.money("capital", DefaultCurrency),
		Interest: o.money("interest", DefaultCurrency),
		Status:   o.str("status"),
	}
	r.Extra = o.extra()
}

// UnmarshalJSON decodes a pledge tolerantly.
func (p *Pledge) UnmarshalJSON(data []byte) error { return unmarshalObject(data, "pledge", p) }

func (p *Pledge) fromObject(o object) {
	*p = Pledge{
		ID:               o.id("id"),
		Amount:           o.money("amount", DefaultCurrency),
		InterestRate:     o.decimal("interest_rate"),
		DurationMonths:   o.integer("duration_months"),
		Status:           o.str("status"),
		CreatedAt:        o.time("created_at"),
		RepaidCapital:    o.money("repaid_capital", DefaultCurrency),
		PaidInterest:     o.money("paid_interest", DefaultCurrency),
		RemainingCapital: o.money("remaining_capital", DefaultCurrency),
	}
	o.into("project", &p.Project)
	var next Repayment
	if o.into("next_repayment", &next) {
		p.NextRepayment = &next
	}
	p.Repayments = list[Repayment](o, "repayments")
	p.Extra = o.extra()
}

// UnmarshalJSON decodes the answer of POST /leads tolerantly.
func (l *LeadResult) UnmarshalJSON(data []byte) error {
	return unmarshalObject(data, "lead result", l)
}

func (l *LeadResult) fromObject(o object) {
	*l = LeadResult{ID: o.id("id"), Status: o.str("status")}
	l.Extra = o.extra()
}
