// Package childproc starts the programs the terminal hands work to (the
// browser opener, clipboard helpers, tmux) with an environment that holds
// none of the program's secrets: the API key in MIIMOSA_API_KEY would
// otherwise reach the browser and everything the browser starts.
package childproc

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// SecretPrefix starts the name of every variable a child never gets. All of
// the program's own variables go, not only the key: dropping the lot cannot
// miss a secret added later, and no helper needs them.
const SecretPrefix = "MIIMOSA_"

// Environ returns env without the variables whose name starts with
// SecretPrefix, in any case (Windows names ignore case).
func Environ(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !isSecret(kv) {
			out = append(out, kv)
		}
	}
	return out
}

// isSecret reports whether the NAME=value entry kv is one of ours.
func isSecret(kv string) bool {
	return len(kv) >= len(SecretPrefix) && strings.EqualFold(kv[:len(SecretPrefix)], SecretPrefix)
}

// Command is exec.CommandContext with the process's environment minus its
// secrets. Standard input, output and error stay unset, which is the null
// device: a helper never reads the terminal the UI owns nor writes over it.
func Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = Environ(os.Environ())
	return cmd
}

// Withhold removes every SecretPrefix variable from the process's own
// environment and returns a getenv that still sees them. The program reads
// its configuration through that getenv; every process started afterwards,
// by our code or by a library that runs helpers with the inherited
// environment (a text field's ctrl+v runs xclip -out, colour detection runs
// tmux info), inherits none of them.
func Withhold() func(string) string {
	withheld := map[string]string{}
	for _, kv := range os.Environ() {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || !isSecret(kv) {
			continue
		}
		withheld[name] = value
		_ = os.Unsetenv(name)
	}
	return func(name string) string {
		if v, ok := os.LookupEnv(name); ok {
			return v
		}
		if v, ok := withheld[name]; ok {
			return v
		}
		if runtime.GOOS == "windows" { // names ignore case there
			for k, v := range withheld {
				if strings.EqualFold(k, name) {
					return v
				}
			}
		}
		return ""
	}
}
