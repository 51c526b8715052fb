package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/internal/cache"
)

// newCacheCmd is `miimosa cache`: the terminal keeps the last public
// project lists it saw, to show them at once on the next start.
func newCacheCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cache",
		Short: f.T("cli.short.miimosa.cache"),
		Long:  f.T("cli.long.miimosa.cache"),
		Args:  cobra.NoArgs,
	}
	addCommands(cmd, f, newCacheClearCmd(f))
	return cmd
}

func newCacheClearCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "clear",
		Short:   f.T("cli.short.miimosa.cache.clear"),
		Long:    f.T("cli.long.miimosa.cache.clear"),
		Example: f.T("cli.example.miimosa.cache.clear"),
		Args:    noArgs(f),
		RunE:    func(cmd *cobra.Command, _ []string) error { return runCacheClear(cmd.Context(), f) },
	}
}

// runCacheClear empties the cache directory of what miimosa wrote there;
// it works with --no-cache too, which only stops the terminal using it.
func runCacheClear(_ context.Context, f *Factory) error {
	st, err := cache.Open(f.Getenv, cache.Options{})
	if err != nil {
		return &userError{msg: f.T("cli.cache.no_dir"), err: err}
	}
	if err := st.Clear(); err != nil {
		return &userError{msg: f.T("cli.cache.clear_failed", st.Dir(), oneLine(errors.Unwrap(err))), err: err}
	}
	fmt.Fprintln(f.IO.ErrOut, f.T("cli.cache.cleared", st.Dir()))
	return nil
}
