// Command miimosa is a terminal for MiiMOSA lenders, the support desk that
// helps them, and scripts. Everything lives in internal/cli; this file only
// wires the process to it and exits with its code.
package main

import (
	"context"
	"os"

	"github.com/miimosa/miimosa/internal/childproc"
	"github.com/miimosa/miimosa/internal/cli"
)

func main() {
	app := cli.OSApp()
	// The key is read through app.Getenv only: no child process, ours or
	// a library's, inherits MIIMOSA_API_KEY.
	app.Getenv = childproc.Withhold()
	os.Exit(cli.Main(context.Background(), os.Args[1:], app))
}
