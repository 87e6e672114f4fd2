package defaulttransport_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/defaulttransport"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times defaulttransport on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, defaulttransport.Analyzer, "./defaulttransport/...")
}
