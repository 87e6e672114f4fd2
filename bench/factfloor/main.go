// Command factfloor is a benchmark reference: meshlint's driver
// (internal/driver.Main) running one analyzer that declares a fact type and
// does nothing else. The driver loads packages as for floor (dependencies
// from export data); the checker also runs the analyzer, with no syntax,
// on every dependency, which is the cost of carrying facts.
package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/driver"
)

// noFact is a fact type that is never exported.
type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }

var noop = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "does nothing but declares a fact type (benchmark fact floor)",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(noFact)},
}

func main() { driver.Main("factfloor", []*analysis.Analyzer{noop}) }
