package serveridle_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/serveridle"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times serveridle on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, serveridle.Analyzer, "./serveridle/...")
}
