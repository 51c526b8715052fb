// Command miimosa is a terminal for MiiMOSA lenders, the support desk that
// helps them, and scripts. Everything lives in internal/cli; this file only
// wires the process to it and exits with its code.
package main

import (
	"context"
	"os"

	"github.com/miimosa/miimosa/internal/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args[1:], cli.OSApp()))
}
