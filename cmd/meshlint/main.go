// Command meshlint finds Go code that breaks behind an Istio sidecar.
//
// Usage:
//
//	meshlint [flags] [packages]        # standalone, default ./...
//	meshlint help [analyzer]
//	go vet -vettool=$(command -v meshlint) [flags] ./...
//
// Exit codes: 0 no findings, 3 findings, 1 packages failed to load or
// analysis failed, 2 usage error. See README.md.
package main

import (
	"github.com/meshlint/meshlint/internal/driver"
	"github.com/meshlint/meshlint/internal/registry"
)

func main() {
	driver.Main("meshlint", registry.Analyzers())
}
