package i18n

// The detail views the root opens in front of the panes.
func init() {
	Register(map[Key]Msg{
		"ui.pane.pledge": {"Pledge · esc to go back", "Prêt · échap pour revenir"},
		"ui.err.refused": {"the server answered something miimosa refuses (%s): what was loaded stays; report it to MiiMOSA", "le serveur a répondu quelque chose que miimosa refuse (%s) : ce qui est chargé reste ; signalez-le à MiiMOSA"},
	})
}
