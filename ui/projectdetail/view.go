package projectdetail

import (
	"fmt"
	"strings"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/format"
	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/labels"
	"github.com/miimosa/miimosa/internal/textsafe"
	"github.com/miimosa/miimosa/ui/common"
)

// View renders the detail at exactly the size it was given: a title line
// that stays put and the scrolled body below it.
func (m Model) View() string {
	if m.env == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := []string{m.titleLine()}
	if m.height > 1 {
		lines = append(lines, strings.Split(m.vp.View(), "\n")...)
	}
	return common.Block(lines, m.width, m.height)
}

// Title is the project's title, for whoever frames the detail.
func (m Model) Title() string {
	if t := textsafe.Clean(m.project.Title); t != "" {
		return t
	}
	return m.env.T.T("panes.detail.title_id", m.id)
}

func (m Model) titleLine() string {
	tail := ""
	if m.req.Busy() {
		tail = m.env.T.T("panes.loading")
	}
	return common.DetailTitle(m.env.Styles, m.Title(), tail, m.vp, m.width)
}

// refresh rebuilds the body: on load, resize and privacy. View only slices it.
func (m Model) refresh() Model {
	if m.env == nil {
		return m
	}
	m.vp.SetWidth(m.width)
	m.vp.SetHeight(max(0, m.height-1))
	m.vp.SetContentLines(m.body(max(1, m.width)))
	return m
}

// field is one "label: value" line of the detail.
type field struct {
	label i18n.Key
	value string
}

func (m Model) body(w int) []string {
	env, s := m.env, m.env.Styles
	var out []string
	switch {
	case m.gone:
		return []string{s.Warning.Render(env.T.T("panes.detail.gone"))}
	case m.err != nil && !m.known:
		return []string{s.Error.Render(common.ErrorLine(env, m.err))}
	case !m.known:
		if m.client == nil {
			return []string{s.Subtle.Render(env.T.T("panes.no_client"))}
		}
		return []string{s.Subtle.Render(env.T.T("panes.loading"))}
	}
	if m.err != nil {
		out = append(out, s.Error.Render(common.ErrorLine(env, m.err)), "")
	}
	p, f := m.project, env.Format
	now := env.Now()
	ends := f.Date(p.EndsAt)
	if p.EndsAt.Valid {
		ends += " (" + f.DaysLeft(p.EndsAt, now) + ")"
	}
	facts := []field{
		{"panes.detail.id", fmt.Sprint(p.ID)},
		{"panes.detail.status", labels.ProjectStatus(env.T, p.Status)},
		{"panes.detail.type", labels.CollectType(env.T, p.CollectType)},
		{"panes.detail.category", labels.Category(env.T, p.Category)},
		{"panes.detail.city", orDash(textsafe.Clean(p.City))},
		{"panes.detail.department", orDash(textsafe.Clean(p.Department))},
		{"panes.detail.region", region(p.Region)},
		{"panes.detail.owner", orDash(labels.Owner(p.Owner))},
		{"panes.detail.target", f.MoneyMasked(p.Target, m.privacy)},
		{"panes.detail.collected", f.MoneyMasked(p.Collected, m.privacy)},
		{"panes.detail.progress", common.Progress(env, p, 20)},
		{"panes.detail.backers", f.Int(p.BackersCount)},
		{"panes.detail.published", f.Date(p.PublishedAt)},
		{"panes.detail.ends", ends},
		{"panes.detail.url", orDash(labels.ProjectURL(p))},
		{"panes.detail.slug", orDash(textsafe.Clean(p.Slug))},
		{"panes.detail.image", orDash(textsafe.Clean(p.ImageURL))},
	}
	out = append(out, m.fields(facts, w)...)

	if p.CollectType == "lending" || p.InterestRate.Valid || p.DurationMonths.Valid || p.RepaymentFrequency != "" {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.terms")))
		out = append(out, m.fields([]field{
			{"panes.detail.rate", f.Percent(p.InterestRate)},
			{"panes.detail.duration", f.Months(p.DurationMonths)},
			{"panes.detail.frequency", labels.Frequency(env.T, p.RepaymentFrequency)},
		}, w)...)
	}
	// The server's own text may state amounts too: privacy hides them there.
	text := func(s string) string { return m.serverText(textsafe.CleanMultiline(s)) }
	if d := text(p.Description); strings.TrimSpace(d) != "" {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.description")))
		out = append(out, common.Wrap(d, w)...)
	}
	if d := text(p.LongDescription); strings.TrimSpace(d) != "" {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.long_description")))
		out = append(out, common.Wrap(d, w)...)
	}
	if len(p.Rewards) > 0 {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.rewards")))
		for _, r := range p.Rewards {
			amount := f.MoneyMasked(r.Amount, m.privacy)
			out = append(out, common.Wrap(amount+" — "+text(r.Description), w)...)
			out = append(out, common.ExtraLines(r.Extra, "  ", w, m.privacy)...)
		}
	} else if p.CollectType == "donation" && m.full {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.rewards")), s.Subtle.Render(env.T.T("panes.detail.no_rewards")))
	}
	other := common.ExtraLines(p.Extra, "", w, m.privacy)
	other = append(other, common.ExtraLines(p.Owner.Extra, "owner.", w, m.privacy)...)
	if len(other) > 0 {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.other")))
		out = append(out, other...)
	}
	return out
}

func (m Model) fields(fs []field, w int) []string {
	out := make([]common.Field, len(fs))
	for i, f := range fs {
		out[i] = common.Field{Label: m.env.T.T(f.label), Value: f.value}
	}
	return common.Fields(m.env.Styles, out, w)
}

// serverText is text the server wrote, with its amounts masked while
// privacy is on.
func (m Model) serverText(s string) string {
	if m.privacy {
		return format.MaskAmounts(s)
	}
	return s
}

func region(r api.Region) string {
	name := labels.RegionName(r)
	code := textsafe.Clean(r.Code)
	switch {
	case name == "" && code == "":
		return "—"
	case code == "":
		return name
	case name == "":
		return code
	}
	return name + " (" + code + ")"
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
