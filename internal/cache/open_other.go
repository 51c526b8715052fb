//go:build !unix

package cache

import "os"

// readFlags open an entry for reading.
const readFlags = os.O_RDONLY
