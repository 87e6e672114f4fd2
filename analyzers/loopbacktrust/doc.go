// Package loopbacktrust defines an Analyzer that reports security decisions taken on the peer address, which behind the sidecar is the sidecar's.
//
// # Analyzer loopbacktrust
//
// loopbacktrust: report security decisions taken on the peer address, which behind the sidecar is the sidecar's
//
// Work in progress: see SPEC.md, section loopbacktrust.
package loopbacktrust
