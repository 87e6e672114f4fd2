// Package serveridle defines an Analyzer that reports HTTP servers that close idle connections before the sidecar does.
//
// # Analyzer serveridle
//
// serveridle: report HTTP servers that close idle connections before the sidecar does
//
// Work in progress: see SPEC.md, section serveridle.
package serveridle
