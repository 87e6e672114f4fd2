package clienttimeout_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/clienttimeout"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times clienttimeout on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, clienttimeout.Analyzer, "./clienttimeout/...")
}
