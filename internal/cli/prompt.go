package cli

import (
	"bufio"
	"context"
	"io"
)

// readLine reads one line (at most limit bytes) from r, returning as soon as
// ctx is cancelled. Signals only cancel ctx (fang turns SIGINT and SIGTERM
// into cancellation), and a read from a terminal does not watch ctx: the read
// runs aside, and on cancel its goroutine is left blocked until the process
// exits, which it is about to.
func readLine(ctx context.Context, r io.Reader, limit int64) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := bufio.NewReader(io.LimitReader(r, limit)).ReadString('\n')
		done <- result{line, err}
	}()
	select {
	case res := <-done:
		return res.line, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
