package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/i18n"
	"github.com/miimosa/miimosa/internal/textsafe"
)

// Help speaks the catalogue's words. Each command's Short, Long, Example
// and flag descriptions come from it (keys cli.short.<path>, cli.long.<path>,
// cli.example.<path>, cli.usage.<path>.<flag>, where <path> is the command
// path with dots: miimosa.auth.login), and so do cobra's own: the help and
// completion commands, --help and --version. fang draws the page; its own
// section titles (usage, examples, flags) are the only words it keeps.

// commandsGroup holds every command, so that the list's title is the
// catalogue's rather than fang's English "commands".
const commandsGroup = "commands"

// addCommands adds children to parent under the catalogue's title, each
// with a --help described in the person's language.
func addCommands(parent *cobra.Command, f *Factory, children ...*cobra.Command) {
	if !parent.ContainsGroup(commandsGroup) {
		parent.AddGroup(&cobra.Group{ID: commandsGroup, Title: f.T("cli.help.commands")})
	}
	for _, c := range children {
		c.GroupID = commandsGroup
		parent.AddCommand(c)
	}
}

// addHelpFlag gives c the --help cobra would add, in the person's language.
func addHelpFlag(c *cobra.Command, f *Factory) {
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, f.T("cli.usage.help"))
	}
}

// localizeBuiltins creates cobra's own commands now rather than when the
// command line runs (cobra then keeps them), and words them from the
// catalogue: help, completion and one command per shell, --help and
// --version.
func localizeBuiltins(root *cobra.Command, f *Factory) {
	root.Flags().BoolP("version", "v", false, f.T("cli.usage.miimosa.version"))
	root.SetHelpCommand(newHelpCmd(f))
	root.InitDefaultHelpCmd()
	root.SetCompletionCommandGroupID(commandsGroup)
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short, c.Long = f.T("cli.short.miimosa.completion"), f.T("cli.long.miimosa.completion")
		shells := c.Commands()
		for _, sh := range shells {
			c.RemoveCommand(sh)
			path := "miimosa.completion." + sh.Name()
			sh.Short = f.T(i18n.Key("cli.short." + path))
			sh.Long = f.T(i18n.Key("cli.long." + path))
			if fl := sh.Flags().Lookup("no-descriptions"); fl != nil {
				fl.Usage = f.T("cli.usage.miimosa.completion.no-descriptions")
			}
		}
		addCommands(c, f, shells...)
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		addHelpFlag(c, f)
		refuseUnknownSubcommands(c, f)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// newHelpCmd is `miimosa help [command]`, as cobra's, in the person's language.
func newHelpCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "help [command]",
		Short:   f.T("cli.short.miimosa.help"),
		Long:    f.T("cli.long.miimosa.help"),
		GroupID: commandsGroup,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			// Words left over where commands are listed name none of them.
			if cmd == nil || err != nil || len(rest) > 0 && cmd.HasSubCommands() {
				return usageErr(f.T("cli.err.help_topic", strings.Join(args, " ")))
			}
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}

// refuseUnknownSubcommands makes a command that only groups others (auth,
// cache, completion) refuse a word it does not know with a usage error
// (exit 2); cobra would print the help and exit 0. Alone, it still shows
// its help.
func refuseUnknownSubcommands(c *cobra.Command, f *Factory) {
	if !c.HasSubCommands() || c.Run != nil || c.RunE != nil || !c.HasParent() {
		return
	}
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageErr(f.T("cli.err.unknown_subcommand", cmd.CommandPath(), textsafe.Clean(args[0])))
		}
		return cmd.Help()
	}
}
