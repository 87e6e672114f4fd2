package hardcodedip_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/hardcodedip"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times hardcodedip on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, hardcodedip.Analyzer, "./hardcodedip/...")
}
