package format

import (
	"testing"
	"time"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

func TestMonth(t *testing.T) {
	d := api.Time{Time: time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC), DateOnly: true, Valid: true}
	if got := New(i18n.EN).Month(d); got != "Feb 2026" {
		t.Errorf("EN %q", got)
	}
	if got := New(i18n.FR).Month(d); got != "févr. 2026" {
		t.Errorf("FR %q", got)
	}
	if got := New(i18n.FR).Month(api.Time{}); got != Dash {
		t.Errorf("unknown %q", got)
	}
}
