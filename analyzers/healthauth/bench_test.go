package healthauth_test

import (
	"testing"

	"github.com/meshlint/meshlint/analyzers/healthauth"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times healthauth on its fixture packages.
func BenchmarkAnalyzer(b *testing.B) {
	fixtures.Bench(b, healthauth.Analyzer, "./healthauth/...")
}
