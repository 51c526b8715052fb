package projectdetail

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

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
	s := m.env.Styles
	var tail string
	if m.loading {
		tail += " " + s.Subtle.Render(m.env.T.T("panes.loading"))
	}
	if n, h := m.vp.TotalLineCount(), m.vp.Height(); n > h && h > 0 {
		// Where the window is in the body, so a person knows there is more.
		top := m.vp.YOffset() + 1
		tail += " " + s.Muted.Render(fmt.Sprintf("[%d–%d/%d]", top, min(n, top+h-1), n))
	}
	// The title gives way first: the position must stay readable.
	room := max(1, m.width-ansi.StringWidth(tail))
	return s.Title.Render(common.FitLine(m.Title(), room)) + tail
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
		return []string{s.Error.Render(ErrorLine(env, m.err))}
	case !m.known:
		if m.client == nil {
			return []string{s.Subtle.Render(env.T.T("panes.no_client"))}
		}
		return []string{s.Subtle.Render(env.T.T("panes.loading"))}
	}
	if m.err != nil {
		out = append(out, s.Error.Render(ErrorLine(env, m.err)), "")
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
		{"panes.detail.progress", Progress(env, p, 20)},
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
		out = append(out, Wrap(d, w)...)
	}
	if d := text(p.LongDescription); strings.TrimSpace(d) != "" {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.long_description")))
		out = append(out, Wrap(d, w)...)
	}
	if len(p.Rewards) > 0 {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.rewards")))
		for _, r := range p.Rewards {
			amount := f.MoneyMasked(r.Amount, m.privacy)
			out = append(out, Wrap(amount+" — "+text(r.Description), w)...)
			out = append(out, ExtraLines(r.Extra, "  ", w, m.privacy)...)
		}
	} else if p.CollectType == "donation" && m.full {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.rewards")), s.Subtle.Render(env.T.T("panes.detail.no_rewards")))
	}
	other := ExtraLines(p.Extra, "", w, m.privacy)
	other = append(other, ExtraLines(p.Owner.Extra, "owner.", w, m.privacy)...)
	if len(other) > 0 {
		out = append(out, "", s.Header.Render(env.T.T("panes.detail.other")))
		out = append(out, other...)
	}
	return out
}

// Field is one "label  value" line of a detail.
type Field struct{ Label, Value string }

// Fields lays fields out with the labels in one column and long values
// wrapped under their own column, w cells wide in all.
func Fields(st common.Styles, fs []Field, w int) []string {
	lw := 0
	for _, f := range fs {
		lw = max(lw, ansi.StringWidth(f.Label))
	}
	lw = min(lw, max(4, w/3))
	vw := max(1, w-lw-2)
	var out []string
	for _, f := range fs {
		for j, v := range Wrap(f.Value, vw) {
			head := strings.Repeat(" ", lw)
			if j == 0 {
				head = st.Subtle.Render(common.Cell(f.Label, lw, false))
			}
			out = append(out, head+"  "+v)
		}
	}
	return out
}

func (m Model) fields(fs []field, w int) []string {
	out := make([]Field, len(fs))
	for i, f := range fs {
		out[i] = Field{m.env.T.T(f.label), f.value}
	}
	return Fields(m.env.Styles, out, w)
}

// Wrap wraps text at words to w cells, cutting words longer than a line,
// and keeps the text's own line breaks.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for para := range strings.SplitSeq(s, "\n") {
		para = strings.TrimRight(para, " \t")
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(para, w, ""), "\n")...)
	}
	return out
}

// serverText is text the server wrote, with its amounts masked while
// privacy is on.
func (m Model) serverText(s string) string {
	if m.privacy {
		return format.MaskAmounts(s)
	}
	return s
}

// ExtraLines shows fields the client does not know, sorted, each value
// compacted and cleaned, so nothing the server sent is hidden; amounts
// written in them are masked when private.
func ExtraLines(e api.Extra, prefix string, w int, private bool) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(e)) {
		line := textsafe.Clean(prefix+k) + ": " + compact(e[k])
		if private {
			line = format.MaskAmounts(line)
		}
		out = append(out, Wrap(line, w)...)
	}
	return out
}

// maxExtraValue keeps one odd field from flooding the detail.
const maxExtraValue = 400

func compact(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return truncate(textsafe.Clean(s))
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return truncate(textsafe.Clean(string(raw)))
	}
	return truncate(textsafe.Clean(b.String()))
}

func truncate(s string) string {
	if ansi.StringWidth(s) > maxExtraValue {
		return ansi.Truncate(s, maxExtraValue, "…")
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
