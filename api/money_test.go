package api_test

import (
	"encoding/json"
	"math"
	"strconv"
	"testing"

	"github.com/miimosa/miimosa/api"
)

func TestParseMoney(t *testing.T) {
	ok := []struct {
		in    string
		cents int64
		out   string
	}{
		{"1234.5", 123450, "1234.50"},
		{"1234.56", 123456, "1234.56"},
		{"12", 1200, "12.00"},
		{" 12 ", 1200, "12.00"},
		{"0.05", 5, "0.05"},
		{"-3.10", -310, "-3.10"},
		{"-0.01", -1, "-0.01"},
		{"+7", 700, "7.00"},
		{"1.500", 150, "1.50"}, // extra decimals that are zeros are exact
		{"007.1", 710, "7.10"},
		{"92233720368547758.07", math.MaxInt64, "92233720368547758.07"},
		{"-92233720368547758.07", -math.MaxInt64, "-92233720368547758.07"},
	}
	for _, c := range ok {
		m, err := api.ParseMoney(c.in, "")
		if err != nil {
			t.Errorf("ParseMoney(%q): %v", c.in, err)
			continue
		}
		if m.Cents != c.cents || !m.Valid || m.Currency != "EUR" || m.String() != c.out {
			t.Errorf("ParseMoney(%q) = %+v %q, want %d cents EUR %q", c.in, m, m.String(), c.cents, c.out)
		}
	}
	bad := []string{"", " ", "1.234", "1.2.3", "1e3", "1E-2", "12.", ".5", "-", "abc", "1,50", "€12", "1 000",
		"NaN", "Infinity", "0x10", "92233720368547758.08", "99999999999999999999", "--1", "1.0e2"}
	for _, in := range bad {
		if m, err := api.ParseMoney(in, "EUR"); err == nil {
			t.Errorf("ParseMoney(%q) = %+v, want an error", in, m)
		}
	}
}

func TestMoneyCurrencyAndUnknown(t *testing.T) {
	m, err := api.ParseMoney("3", "CHF")
	if err != nil || m.Currency != "CHF" {
		t.Fatalf("ParseMoney with currency = %+v, %v", m, err)
	}
	if s := (api.Money{}).String(); s != "" {
		t.Errorf("unknown money renders %q, want \"\" (never 0 €)", s)
	}
	if s := (api.Money{Cents: math.MinInt64, Valid: true}).String(); s != "-92233720368547758.08" {
		t.Errorf("MinInt64 cents renders %q", s)
	}
}

func TestMoneyJSON(t *testing.T) {
	cases := []struct {
		in    string
		cents int64
		valid bool
	}{
		{`1234.56`, 123456, true},
		{`"1234.56"`, 123456, true},
		{`1234.5`, 123450, true},
		{`" 12 "`, 1200, true},
		{`null`, 0, false},
	}
	for _, c := range cases {
		var m api.Money
		if err := json.Unmarshal([]byte(c.in), &m); err != nil {
			t.Errorf("Unmarshal(%s): %v", c.in, err)
			continue
		}
		if m.Cents != c.cents || m.Valid != c.valid {
			t.Errorf("Unmarshal(%s) = %+v", c.in, m)
		}
	}
	for _, in := range []string{`true`, `{}`, `[1]`, `"x"`, `1e2`, `1.001`} {
		var m api.Money
		if err := json.Unmarshal([]byte(in), &m); err == nil {
			t.Errorf("Unmarshal(%s) = %+v, want an error", in, m)
		}
	}
	b, err := json.Marshal(struct {
		A, B api.Money
	}{A: api.Money{Cents: -5, Valid: true}})
	if err != nil || string(b) != `{"A":"-0.05","B":null}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
}

func TestParseDecimal(t *testing.T) {
	ok := []struct{ in, out string }{
		{"4.5", "4.5"}, {"4.50", "4.5"}, {"3", "3"}, {"-0.25", "-0.25"}, {"0.001", "0.001"},
		{"00012.3400", "12.34"}, {"0", "0"}, {"-0", "0"}, {"+1.5", "1.5"},
	}
	for _, c := range ok {
		d, err := api.ParseDecimal(c.in)
		if err != nil || !d.Valid || d.String() != c.out {
			t.Errorf("ParseDecimal(%q) = %+v %q, %v; want %q", c.in, d, d.String(), err, c.out)
		}
	}
	for _, in := range []string{"", "4,5", "1e2", "4.", ".5", "x", "9223372036854775808", "0.1234567890123456789"} {
		if d, err := api.ParseDecimal(in); err == nil {
			t.Errorf("ParseDecimal(%q) = %+v, want an error", in, d)
		}
	}
	var d api.Decimal
	if err := json.Unmarshal([]byte(`"4.5"`), &d); err != nil || d.String() != "4.5" {
		t.Errorf("Unmarshal(\"4.5\") = %+v, %v", d, err)
	}
	if err := json.Unmarshal([]byte(`null`), &d); err != nil || d.Valid {
		t.Errorf("Unmarshal(null) = %+v, %v", d, err)
	}
	if s := (api.Decimal{Value: 5, Scale: 3, Valid: true}).String(); s != "0.005" {
		t.Errorf("0.005 renders %q", s)
	}
}

func TestParseInt(t *testing.T) {
	for in, want := range map[string]int64{"12": 12, " 12 ": 12, "12.0": 12, "-3": -3, "0": 0} {
		i, err := api.ParseInt(in)
		if err != nil || i.Value != want || !i.Valid {
			t.Errorf("ParseInt(%q) = %+v, %v", in, i, err)
		}
	}
	for _, in := range []string{"", "1.5", "x", "1e3", strconv.FormatUint(math.MaxUint64, 10)} {
		if i, err := api.ParseInt(in); err == nil {
			t.Errorf("ParseInt(%q) = %+v, want an error", in, i)
		}
	}
}

func TestParseTime(t *testing.T) {
	for _, in := range []string{"2026-11-20T10:00:00Z", "2026-11-20T10:00:00.123+01:00", "2026-11-20 10:00:00 UTC", "2026-11-20T10:00:00"} {
		tm, err := api.ParseTime(in)
		if err != nil || !tm.Valid || tm.DateOnly {
			t.Errorf("ParseTime(%q) = %+v, %v", in, tm, err)
		}
	}
	tm, err := api.ParseTime("2026-12-15")
	if err != nil || !tm.DateOnly || tm.Day() != 15 {
		t.Errorf("ParseTime(date) = %+v, %v", tm, err)
	}
	for _, in := range []string{"", "yesterday", "2026-13-01", "15/12/2026"} {
		if tm, err := api.ParseTime(in); err == nil {
			t.Errorf("ParseTime(%q) = %+v, want an error", in, tm)
		}
	}
	var v struct{ T api.Time }
	if err := json.Unmarshal([]byte(`{"T":null}`), &v); err != nil || v.T.Valid {
		t.Errorf("null time = %+v, %v", v.T, err)
	}
	b, _ := json.Marshal(struct{ A, B api.Time }{A: tm})
	if string(b) != `{"A":"2026-12-15","B":null}` {
		t.Errorf("Marshal times = %s", b)
	}
}
