package loopbacklisten_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/loopbacklisten"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times loopbacklisten on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, loopbacklisten.Analyzer, "./loopbacklisten/...")
}
