package cli

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/miimosa/miimosa/api"
	"github.com/miimosa/miimosa/internal/i18n"
)

func init() { register(newWalletCmd) }

// walletCSVHeader names the CSV columns; scripts rely on them.
var walletCSVHeader = []string{"id", "currency", "balance", "available_balance", "pending_balance", "updated_at"}

func newWalletCmd(app *App, g *Globals) *cobra.Command {
	var (
		user      userFlags
		outFormat string
	)
	cmd := &cobra.Command{
		Use:   "wallet --email EMAIL [--birthdate DD/MM/YYYY]",
		Short: "Show a lender's wallet: available, pending and total balance",
		Long: "Show the wallet of the lender with this email and birthdate. Without --birthdate, it is " +
			"asked for on the terminal, so that it stays out of the shell's history; without a terminal, " +
			"pass --birthdate.\n\n" +
			"json prints one object with amounts as decimal strings (\"1234.56\"); csv has these columns: " +
			strings.Join(walletCSVHeader, ", ") + ". Exit code 4 when the email is unknown or the lender " +
			"has no wallet, 5 when the birthdate does not match.",
		Example: `miimosa wallet --email camille@example.com
miimosa wallet --email camille@example.com --birthdate 27/11/1980 --format json
miimosa wallet --demo`,
		Args: noArgs(app, g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWallet(cmd, app, g, &user, outFormat)
		},
	}
	user.register(cmd)
	registerFormatFlag(cmd, &outFormat, walletFormats)
	return cmd
}

func runWallet(cmd *cobra.Command, app *App, g *Globals, uf *userFlags, outFormat string) error {
	p := i18n.New(i18n.Detect(g.Lang, app.Getenv))
	f, err := parseFormat(p, outFormat, walletFormats)
	if err != nil {
		return err
	}
	if err := uf.check(cmd.Context(), app, p, g.Demo); err != nil {
		return err
	}
	s, client, err := openClient(cmd, app, g, p)
	if err != nil {
		return err
	}
	defer s.close()
	user, err := uf.resolve(s.Session, s.p)
	if err != nil {
		return err
	}
	w, err := client.Wallet(cmd.Context(), user)
	if err != nil {
		return s.explain(err)
	}

	o := newOutput(app, s.Lang, f)
	switch f {
	case formatJSON:
		err = writeJSONValue(o.w, newWalletJSON(w))
	case formatCSV:
		cw := csv.NewWriter(o.w)
		_ = cw.Write(walletCSVHeader)
		_ = cw.Write(cleanRow([]string{
			strconv.FormatInt(w.ID, 10), walletCurrency(w), w.Balance.String(),
			w.AvailableBalance.String(), w.PendingBalance.String(), isoTime(w.UpdatedAt),
		}))
		cw.Flush()
		err = cw.Error()
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
