//go:build unix

package cache

import (
	"os"
	"syscall"
)

// readFlags open an entry for reading. O_NONBLOCK keeps a FIFO put in the
// file's place from blocking the open; a regular file ignores it.
const readFlags = os.O_RDONLY | syscall.O_NONBLOCK
