package common

// Mouse events as the root hands them to a pane or a detail: in the cells
// of its own area (0,0 is its top-left inner cell), so that no pane needs
// to know where the root drew it.

// ClickMsg is a left click inside the receiver's area.
type ClickMsg struct{ X, Y int }

// WheelMsg is the wheel turned over the receiver: Lines > 0 scrolls down.
type WheelMsg struct{ Lines int }
