// Command probe prints "facts" when one of meshlint's registered analyzers
// (or one it requires) declares a fact type, which makes the driver load
// every dependency from source, and "plain" otherwise. The bench uses it
// to pick the matching floor.
package main

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/registry"
)

func main() {
	seen := make(map[*analysis.Analyzer]bool)
	var facts func([]*analysis.Analyzer) bool
	facts = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || facts(a.Requires) {
				return true
			}
		}
		return false
	}
	if facts(registry.Analyzers()) {
		fmt.Println("facts")
	} else {
		fmt.Println("plain")
	}
}
