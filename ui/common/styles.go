package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette: every colour the terminal uses, in one place. Adaptive colours
// are chosen by the root model once it knows the background.
type Styles struct {
	Title, Subtle, Muted, Error, Warning, Success, Accent lipgloss.Style
	PaneBorder, PaneBorderFocused                         lipgloss.Style
	Header, Selected, Cell, StatusBar, HelpBar            lipgloss.Style
	Amount                                                lipgloss.Style
}

// NewStyles returns the palette for a dark or light background.
func NewStyles(dark bool) Styles {
	ld := lipgloss.LightDark(dark)
	var (
		fg     color.Color = ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6EDF3"))
		subtle             = ld(lipgloss.Color("#6E7781"), lipgloss.Color("#8B949E"))
		green              = ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#3FB950")) // MiiMOSA's farm green
		red                = ld(lipgloss.Color("#CF222E"), lipgloss.Color("#F85149"))
		amber              = ld(lipgloss.Color("#9A6700"), lipgloss.Color("#D29922"))
		selBg              = ld(lipgloss.Color("#DDF4FF"), lipgloss.Color("#1F3A2A"))
	)
	return Styles{
		Title:             lipgloss.NewStyle().Bold(true).Foreground(green),
		Subtle:            lipgloss.NewStyle().Foreground(subtle),
		Muted:             lipgloss.NewStyle().Foreground(subtle).Faint(true),
		Error:             lipgloss.NewStyle().Foreground(red),
		Warning:           lipgloss.NewStyle().Foreground(amber),
		Success:           lipgloss.NewStyle().Foreground(green),
		Accent:            lipgloss.NewStyle().Foreground(green).Bold(true),
		PaneBorder:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle),
		PaneBorderFocused: lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(green),
		Header:            lipgloss.NewStyle().Bold(true).Foreground(fg),
		Selected:          lipgloss.NewStyle().Background(selBg).Bold(true),
		Cell:              lipgloss.NewStyle().Foreground(fg),
		StatusBar:         lipgloss.NewStyle().Foreground(subtle),
		HelpBar:           lipgloss.NewStyle().Foreground(subtle),
		Amount:            lipgloss.NewStyle().Foreground(fg),
	}
}
