//go:build unix

package cache

import "syscall"

// setUmask sets the process's umask and returns what restores it.
func setUmask(m int) func() {
	old := syscall.Umask(m)
	return func() { syscall.Umask(old) }
}
