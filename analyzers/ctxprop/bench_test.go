package ctxprop_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/ctxprop"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times ctxprop on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, ctxprop.Analyzer, "./ctxprop/...")
}
