// Package api is the client of the MiiMOSA API v1: one method per endpoint,
// typed errors (errors.Is / errors.As on *Error), pagination over the Link
// header, money as integer cents, and decoding that tolerates what the real
// service may send differently from contract.md (unknown fields kept in
// Extra, missing and null fields, numbers as strings).
//
// openapi.yaml in this directory states the contract; the tests check every
// request the client sends and every response the sandbox gives against it.
package api
