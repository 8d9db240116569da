// Package ziggeo is the Go binding of libziggeo, a client for the Ziggeo
// server API's webhook calls (create, confirm, delete) and a parser for the
// deliveries Ziggeo POSTs to a webhook's target URL.
//
// The package is a thin cgo layer over libziggeo's C API: argument checks,
// retries, timeouts and parsing all happen in the library, and this package
// only converts types, maps errors and owns the native handles.
//
// # Linking
//
// The header is found relative to this package (../../include). The linker
// flags come from CGO_LDFLAGS, for example for a repository build:
//
//	CGO_LDFLAGS="-L$ROOT/target/release -lziggeo -Wl,-rpath,$ROOT/target/release" go build
//
// # Ownership
//
// A Client and a Delivery own native handles. Close frees them; closing
// twice is safe, and a finaliser closes what the program forgot to close.
// Every string libziggeo returns is copied into Go memory and freed at once.
//
// # Errors
//
// Every failed call returns a *Error carrying the status, the HTTP status and
// the response body. Compare with errors.Is against ErrInvalidArgument,
// ErrHTTP, ErrTimeout, ErrConnection and the other sentinels, or extract it
// with errors.As. Errors come from libziggeo's error objects, never from
// thread-local state, so they stay right when goroutines change OS thread.
//
// # Goroutines
//
// A Client is safe for concurrent use and reuses connections: share one
// client rather than making one per call. Close waits for calls in progress.
// A Delivery is immutable and safe for concurrent use.
package ziggeo
