package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/miimosa/miimosa/ui/leadform"
)

// openLead shows the lead form in front of the panes. It sends through the
// client of the moment; without one the key prompt is in front anyway.
func (m Model) openLead() (Model, tea.Cmd) {
	c := m.client
	if c == nil {
		return m, nil
	}
	w, h := m.mainSize()
	m.lead = leadform.New(leadform.Config{
		Submit: c.CreateLead,
		Lang:   m.env.T.Lang,
		T:      m.env.T,
		Drafts: m.opts.LeadDrafts,
		Styles: &m.env.Styles,
		Width:  w,
		Height: h,
		Now:    m.env.Now,
	})
	m = m.show(modalLead)
	return m, m.lead.Init()
}

// leadDone closes the form and puts what it said on the status line.
func (m Model) leadDone(msg leadform.DoneMsg) Model {
	if m.modal != modalLead {
		return m // a late second answer: the form is already gone
	}
	m.lead = leadform.Model{}
	if msg.Notice != "" {
		m = m.say(msg.Notice, nil)
	}
	return m.show(modalNone)
}
