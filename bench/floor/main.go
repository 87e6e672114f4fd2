// Command floor is the benchmark floor: meshlint's own driver
// (internal/driver.Main, same loading, output and exit codes) running one
// analyzer that requires nothing and does nothing. The difference between
// meshlint and floor is what meshlint's analyzers cost.
package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/driver"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing (benchmark floor)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { driver.Main("floor", []*analysis.Analyzer{noop}) }
