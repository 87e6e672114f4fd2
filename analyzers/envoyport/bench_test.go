package envoyport_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/envoyport"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times envoyport on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, envoyport.Analyzer, "./envoyport/...")
}
