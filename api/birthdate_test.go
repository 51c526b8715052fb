package api_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
)

var today = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func TestNormalizeBirthdate(t *testing.T) {
	ok := map[string]string{
		"27/11/1980":       "1980-11-27",
		"27-11-1980":       "1980-11-27",
		"27.11.1980":       "1980-11-27",
		"1980-11-27":       "1980-11-27",
		"1980/11/27":       "1980-11-27",
		"  27/11/1980\t":   "1980-11-27",
		"27 / 11 / 1980":   "1980-11-27",
		"1/2/1980":         "1980-02-01",
		"29/02/2000":       "2000-02-29", // leap year
		"27/11/2026":       "2026-11-27", // born today
		"01/01/1900":       "1900-01-01",
		"31/12/1999":       "1999-12-31",
		"2026-11-27":       "2026-11-27",
		"0027/0011/001980": "",
	}
	for in, want := range ok {
		got, err := api.NormalizeBirthdate(in, today)
		if want == "" {
			if err == nil {
				t.Errorf("NormalizeBirthdate(%q) = %q, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("NormalizeBirthdate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"":            api.BirthdateEmpty,
		"   ":         api.BirthdateEmpty,
		"27111980":    api.BirthdateFormat,
		"27/11":       api.BirthdateFormat,
		"27/11-1980":  api.BirthdateFormat,
		"aa/bb/cccc":  api.BirthdateFormat,
		"27/11/80":    api.BirthdateShortYear,
		"31/02/1980":  api.BirthdateBadDay,
		"29/02/1900":  api.BirthdateBadDay, // 1900 is not a leap year
		"31/04/1980":  api.BirthdateBadDay,
		"00/01/1980":  api.BirthdateBadDay,
		"27/13/1980":  api.BirthdateBadMonth,
		"1980-00-10":  api.BirthdateBadMonth,
		"28/11/2026":  api.BirthdateFuture,
		"01/01/3000":  api.BirthdateFuture,
		"31/12/1899":  api.BirthdateTooOld,
		"-1/11/1980":  api.BirthdateFormat,
		"27/11/1980/": api.BirthdateFormat,
	}
	for in, reason := range bad {
		got, err := api.NormalizeBirthdate(in, today)
		var be *api.BirthdateError
		if !errors.As(err, &be) {
			t.Errorf("NormalizeBirthdate(%q) = %q, %v; want a *BirthdateError %s", in, got, err, reason)
			continue
		}
		if be.Reason != reason {
			t.Errorf("NormalizeBirthdate(%q): reason %q, want %q", in, be.Reason, reason)
		}
		if !errors.Is(err, api.ErrInvalidParam) {
			t.Errorf("NormalizeBirthdate(%q): not ErrInvalidParam", in)
		}
		// The message says what to do, and never repeats the personal data.
		if msg := err.Error(); !strings.HasPrefix(msg, "birthdate") || (len(strings.TrimSpace(in)) >= 8 && strings.Contains(msg, strings.TrimSpace(in))) {
			t.Errorf("NormalizeBirthdate(%q): message %q", in, msg)
		}
	}
}

func TestNormalizeBirthdateUsesNowsCalendarDay(t *testing.T) {
	// Late on the 27th in Paris is already the 28th in UTC+14; the day is
	// read in now's own location.
	paris := time.FixedZone("CET", 3600)
	now := time.Date(2026, 11, 27, 23, 30, 0, 0, paris)
	if _, err := api.NormalizeBirthdate("27/11/2026", now); err != nil {
		t.Errorf("born today refused: %v", err)
	}
	if _, err := api.NormalizeBirthdate("28/11/2026", now); err == nil {
		t.Error("born tomorrow accepted")
	}
}
