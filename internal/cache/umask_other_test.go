//go:build !unix

package cache

func setUmask(int) func() { return func() {} }
