package cli

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/records"
)

// walletCSVHeader names the CSV columns; scripts rely on them.
var walletCSVHeader = []string{"id", "currency", "balance", "available_balance", "pending_balance", "updated_at"}

// walletOptions are `miimosa wallet`'s flags.
type walletOptions struct {
	user   userFlags
	format string
	csvRaw bool
}

func newWalletCmd(f *Factory) *cobra.Command {
	var opts walletOptions
	cmd := &cobra.Command{
		Use:     "wallet",
		Short:   f.T("cli.short.miimosa.wallet"),
		Long:    f.T("cli.long.miimosa.wallet", strings.Join(walletCSVHeader, ", ")),
		Example: f.T("cli.example.miimosa.wallet"),
		Args:    noArgs(f),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWallet(cmd.Context(), f, &opts)
		},
	}
	opts.user.register(cmd, f)
	registerFormatFlag(cmd, f, &opts.format, walletFormats)
	registerCSVRawFlag(cmd, f, &opts.csvRaw)
	return cmd
}

func runWallet(ctx context.Context, f *Factory, opts *walletOptions) error {
	outFmt, err := parseFormat(f.Printer, opts.format, walletFormats)
	if err != nil {
		return err
	}
	s, client, user, err := opts.user.open(ctx, f)
	if err != nil {
		return err
	}
	defer s.close()
	w, err := client.Wallet(ctx, user)
	if err != nil {
		return s.explain(err)
	}

	o := newOutput(f, outFmt)
	o.csvRaw = opts.csvRaw
	switch outFmt {
	case formatJSON:
		err = writeJSONValue(o.w, newWalletJSON(w))
	case formatCSV:
		cw := newCSVWriter(o)
		_ = cw.write(walletCSVHeader)
		_ = cw.write([]string{
			strconv.FormatInt(w.ID, 10), walletCurrency(w), w.Balance.String(),
			w.AvailableBalance.String(), w.PendingBalance.String(), records.Time(w.UpdatedAt),
		})
		err = cw.flush()
	default:
		err = o.renderFields(walletFields(o, w))
	}
	if ferr := o.flush(); err == nil {
		err = ferr
	}
	return err
}

// walletFields: the money first, as a support agent reads it out.
func walletFields(o *output, w api.Wallet) []field {
	t := o.p.T
	fl := []field{
		{label: t("cli.field.available"), value: o.f.Money(w.AvailableBalance), right: true},
		{label: t("cli.field.pending"), value: o.f.Money(w.PendingBalance), right: true},
		{label: t("cli.field.balance"), value: o.f.Money(w.Balance), right: true},
		{label: t("cli.field.updated"), value: o.f.DateTime(w.UpdatedAt)},
		{label: t("cli.field.wallet_id"), value: strconv.FormatInt(w.ID, 10)},
	}
	return append(fl, extraFields(w.Extra, "")...)
}
