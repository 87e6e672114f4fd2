package loopbacktrust_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/loopbacktrust"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times loopbacktrust on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, loopbacktrust.Analyzer, "./loopbacktrust/basic/...")
}
