package common

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// Moving through what does not fit: the list panes move a cursor over
// rows, the detail views scroll a viewport. Both answer the same keys the
// same way, so that j, pgdn or G never mean one thing here, another there.

// ListMove is how many rows a list's cursor moves for msg: one for up and
// down, page for a page, n (every row) to either end. ok is false for a
// key that does not move the cursor.
func (k KeyMap) ListMove(msg tea.KeyPressMsg, page, n int) (delta int, ok bool) {
	switch {
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.Top):
		return -n, true
	case key.Matches(msg, k.Bottom):
		return n, true
	}
	return 0, false
}

// ListOffset is the first row to draw of n rows, h of them on screen, so
// that the cursor stays visible and the window moves no more than needed
// from offset. With no room (h <= 0) the cursor's row comes first.
func ListOffset(cursor, offset, n, h int) int {
	if h <= 0 {
		return cursor
	}
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+h {
		offset = cursor - h + 1
	}
	return max(0, min(offset, n-h))
}

// Scroll moves vp for the moving keys; other keys leave it.
func (k KeyMap) Scroll(vp *viewport.Model, msg tea.KeyPressMsg) {
	switch {
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	}
}
