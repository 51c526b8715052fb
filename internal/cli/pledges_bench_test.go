package cli

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/miimosa/miimosa/internal/sandbox"
)

// BenchmarkPledgesAll is `pledges --all` of the 420-pledge demo lender in
// each format against the sandbox on loopback: the client's own work for
// 1.1 MB of pledges, which adds to the round trips on a slow network.
//
//	go test ./internal/cli -run '^$' -bench PledgesAll -benchmem -count 6
func BenchmarkPledgesAll(b *testing.B) {
	srv := httptest.NewServer(sandbox.NewHandler(sandbox.Options{Key: testKey, Now: func() time.Time { return fixedNow }}))
	b.Cleanup(srv.Close)
	env := testEnv(b, srv.URL)
	var jp sandbox.User
	for _, u := range sandbox.DemoUsers() {
		if strings.HasPrefix(u.Email, "jean-pierre") {
			jp = u
		}
	}
	for _, format := range []string{"table", "csv", "ndjson"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				app := &App{
					Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
					Getenv:     func(k string) string { return env[k] },
					IsTerminal: func(any) bool { return false },
					Now:        testClock,
				}
				args := []string{"pledges", "--email", jp.Email, "--birthdate", jp.Birthdate, "--all", "--format", format}
				if code := Main(b.Context(), args, app); code != ExitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
