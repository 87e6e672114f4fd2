// Package envoyport defines an Analyzer that reports servers that listen on a port the Istio sidecar owns.
//
// # Analyzer envoyport
//
// envoyport: report servers that listen on a port the Istio sidecar owns
//
// Work in progress: see SPEC.md, section envoyport.
package envoyport
