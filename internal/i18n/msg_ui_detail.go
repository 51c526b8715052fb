package i18n

// The detail views the root opens in front of the panes.
func init() {
	Register(map[Key]Msg{
		"ui.pane.pledge": {"Pledge · esc to go back", "Prêt · échap pour revenir"},
	})
}
