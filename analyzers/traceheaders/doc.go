// Package traceheaders defines an Analyzer that reports trace headers that are not forwarded although the context may be.
//
// # Analyzer traceheaders
//
// traceheaders: report trace headers that are not forwarded although the context may be
//
// Work in progress: see SPEC.md, section traceheaders.
package traceheaders
