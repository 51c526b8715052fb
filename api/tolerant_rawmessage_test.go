package api

import (
	"encoding/json"
	"fmt"
)

// The alternative to tolerant.go's scanner that issue 10 asks to weigh:
// encoding/json splits each object into map[string]json.RawMessage, then the
// same per-field rules apply (money as number or string, integers as
// strings, nulls unknown, wrong types and unknown fields kept in Extra).
// It exists only for BenchmarkDecodeProjectsPage, and is checked against the
// client's decoder so that the benchmark compares equal work.

// rawObject is an object split by encoding/json. A field that decodes is
// deleted, so what is left is the Extra.
type rawObject map[string]json.RawMessage

func splitRaw(data []byte) (rawObject, bool) {
	var m rawObject
	if json.Unmarshal(data, &m) != nil || m == nil {
		return nil, false
	}
	return m, true
}

// take returns key's value; a null is consumed and reported as absent.
func (o rawObject) take(key string) (json.RawMessage, bool) {
	raw, ok := o[key]
	if !ok {
		return nil, false
	}
	if string(raw) == "null" {
		delete(o, key)
		return nil, false
	}
	return raw, true
}

func (o rawObject) str(key string) string {
	raw, ok := o.take(key)
	if !ok {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		delete(o, key)
		return s
	case '{', '[', 't', 'f':
		return ""
	}
	delete(o, key)
	return string(raw)
}

func (o rawObject) integer(key string) Int {
	var v Int
	if raw, ok := o.take(key); ok && v.UnmarshalJSON(raw) == nil {
		delete(o, key)
		return v
	}
	return Int{}
}

func (o rawObject) money(key string) Money {
	v := Money{Currency: DefaultCurrency}
	if raw, ok := o.take(key); ok && v.UnmarshalJSON(raw) == nil {
		delete(o, key)
		return v
	}
	return Money{Currency: DefaultCurrency}
}

func (o rawObject) decimal(key string) Decimal {
	var v Decimal
	if raw, ok := o.take(key); ok && v.UnmarshalJSON(raw) == nil {
		delete(o, key)
		return v
	}
	return Decimal{}
}

func (o rawObject) time(key string) Time {
	var v Time
	if raw, ok := o.take(key); ok && v.UnmarshalJSON(raw) == nil {
		delete(o, key)
		return v
	}
	return Time{}
}

func (o rawObject) inner(key string) (rawObject, bool) {
	raw, ok := o.take(key)
	if !ok || raw[0] != '{' {
		return nil, false
	}
	in, ok := splitRaw(raw)
	if ok {
		delete(o, key)
	}
	return in, ok
}

func (o rawObject) extra() Extra {
	if len(o) == 0 {
		return nil
	}
	return Extra(o)
}

func projectFromRaw(o rawObject) Project {
	p := Project{
		ID:                 o.integer("id").Value,
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
		Target:             o.money("target"),
		Collected:          o.money("collected"),
		BackersCount:       o.integer("backers_count"),
		InterestRate:       o.decimal("interest_rate"),
		DurationMonths:     o.integer("duration_months"),
		RepaymentFrequency: o.str("repayment_frequency"),
		PublishedAt:        o.time("published_at"),
		EndsAt:             o.time("ends_at"),
	}
	if raw, ok := o.take("region"); ok {
		if raw[0] == '{' {
			if r, ok := o.inner("region"); ok {
				p.Region = Region{Code: r.str("code"), Name: r.str("name")}
				if p.Region.Name == "" {
					p.Region.Name = RegionName(p.Region.Code)
				}
			}
		} else if s := o.str("region"); s != "" {
			p.Region = Region{Code: s, Name: RegionName(s)}
		}
	}
	if ow, ok := o.inner("owner"); ok {
		p.Owner = Person{FirstName: ow.str("first_name"), LastName: ow.str("last_name")}
		p.Owner.Extra = ow.extra()
	}
	if raw, ok := o.take("rewards"); ok && raw[0] == '[' {
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) == nil {
			p.Rewards = make([]Reward, 0, len(items))
			for _, item := range items {
				if item[0] != '{' {
					continue
				}
				if r, ok := splitRaw(item); ok {
					rw := Reward{Amount: r.money("amount"), Description: r.str("description")}
					rw.Extra = r.extra()
					p.Rewards = append(p.Rewards, rw)
				}
			}
			delete(o, "rewards")
		}
	}
	p.Extra = o.extra()
	return p
}

// decodeProjectsRawMessage decodes a GET /projects body the encoding/json way.
func decodeProjectsRawMessage(body []byte) ([]Project, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(body, &items); err != nil {
		return nil, err
	}
	out := make([]Project, 0, len(items))
	for i, item := range items {
		if string(item) == "null" {
			continue
		}
		o, ok := splitRaw(item)
		if !ok {
			return nil, fmt.Errorf("item %d is %s, not an object", i+1, jsonKind(item))
		}
		out = append(out, projectFromRaw(o))
	}
	return out, nil
}
