package cli

import (
	"bufio"
	"context"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
)

// Signals only cancel ctx (fang turns SIGINT and SIGTERM into
// cancellation), and a plain read from a terminal does not watch ctx. A read
// left blocked aside would keep stdin after the prompt is gone, and steal
// what the terminal answers next (lipgloss's background query froze the
// process that way). So prompts read through a cancelreader, which wakes a
// blocked read on a terminal or pipe: when the prompt returns, nothing reads
// stdin any more.

// cancellable wraps r so that cancelling ctx ends a blocked read with
// ctx's error. Call stop when done reading. A regular file (stdin
// redirected from one) cannot be watched, and needs not be: its reads never
// block, so it is read as it is.
func cancellable(ctx context.Context, r io.Reader) (rd io.Reader, stop func()) {
	cr, err := cancelreader.NewReader(r)
	if err != nil {
		return r, func() {}
	}
	if _, ok := r.(cancelreader.File); !ok {
		// Not a file: an in-process caller's reader, which cancelreader
		// cannot wake. It is read aside so that ctx still ends the wait;
		// it is not the process's stdin, which is always a file.
		_ = cr.Close()
		return &asideReader{ctx: ctx, r: r}, func() {}
	}
	unwatch := context.AfterFunc(ctx, func() { cr.Cancel() })
	return &ctxReader{ctx: ctx, r: cr}, func() {
		unwatch()
		_ = cr.Close()
	}
}

// ctxReader reports a cancelled read as ctx's error.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if errors.Is(err, cancelreader.ErrCanceled) && c.ctx.Err() != nil {
		return n, c.ctx.Err()
	}
	return n, err
}

// asideReader reads a reader that is not a file on another goroutine, and
// returns ctx's error as soon as ctx is cancelled.
type asideReader struct {
	ctx context.Context
	r   io.Reader
}

func (a *asideReader) Read(p []byte) (int, error) {
	if err := a.ctx.Err(); err != nil {
		return 0, err
	}
	type result struct {
		b   []byte
		err error
	}
	ch, buf := make(chan result, 1), make([]byte, len(p))
	go func() {
		n, err := a.r.Read(buf)
		ch <- result{buf[:n], err}
	}()
	select {
	case res := <-ch:
		return copy(p, res.b), res.err
	case <-a.ctx.Done():
		return 0, a.ctx.Err()
	}
}

// readLine reads one line (at most limit bytes) from r, returning ctx's
// error as soon as ctx is cancelled.
func readLine(ctx context.Context, r io.Reader, limit int64) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	rd, stop := cancellable(ctx, r)
	defer stop()
	line, err := bufio.NewReader(io.LimitReader(rd, limit)).ReadString('\n')
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	return line, err
}

// readHidden reads a line from the terminal f without echo, at most limit
// bytes. The terminal is in raw mode meanwhile, so ctrl+c arrives as a key
// and is an interruption; SIGTERM cancels ctx. The terminal's state is
// restored on every way out.
func readHidden(ctx context.Context, f interface {
	io.Reader
	Fd() uintptr
}, limit int) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	state, err := term.MakeRaw(f.Fd())
	if err != nil {
		return "", err
	}
	defer func() { _ = term.Restore(f.Fd(), state) }()
	rd, stop := cancellable(ctx, f)
	defer stop()
	var line []byte
	buf := make([]byte, 256)
	for {
		n, err := rd.Read(buf)
		for _, b := range buf[:n] {
			switch b {
			case '\r', '\n':
				return string(line), nil
			case 3: // ctrl+c, a byte in raw mode, not SIGINT
				return "", context.Canceled
			case 4: // ctrl+d: the end, as in a line-mode terminal
				if len(line) == 0 {
					return "", io.EOF
				}
				return string(line), nil
			case 21: // ctrl+u clears the line
				line = line[:0]
			case 127, 8: // backspace removes a character, not a byte
				if len(line) > 0 {
					_, size := utf8.DecodeLastRune(line)
					line = line[:len(line)-size]
				}
			default:
				if len(line) < limit {
					line = append(line, b)
				}
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			return string(line), err
		}
	}
}
