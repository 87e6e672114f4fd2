package hardcodedip_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/meshlint/meshlint/analyzers/hardcodedip"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// BenchmarkAnalyzer times hardcodedip (with the shared pre-pass and inspector
// it requires, as in a real run) on its fixture packages, which are loaded
// once outside the timed loop. CI runs it once:
//
//	go test -run='^$' -bench=. -benchtime=1x ./analyzers/...
func BenchmarkAnalyzer(b *testing.B) {
	mode := packages.LoadSyntax
	if len(hardcodedip.Analyzer.FactTypes) > 0 {
		mode = packages.LoadAllSyntax // facts: dependencies are analyzed too
	}
	cfg := &packages.Config{
		Mode: mode,
		Dir:  fixtures.Dir(b),
		Env:  append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, "./hardcodedip/...")
	if err != nil {
		b.Fatal(err)
	}
	if len(pkgs) == 0 || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("fixture packages ./hardcodedip/... did not load")
	}
	analyzers := []*analysis.Analyzer{hardcodedip.Analyzer}
	findings := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		graph, err := checker.Analyze(analyzers, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		findings = 0
		for _, act := range graph.Roots {
			if act.Err != nil {
				b.Fatalf("%s: %v", act, act.Err)
			}
			findings += len(act.Diagnostics)
		}
	}
	if findings == 0 {
		b.Errorf("no findings on the fixtures: the benchmark measures the fast path only")
	}
	b.ReportMetric(float64(len(pkgs)), "pkgs/op")
	b.ReportMetric(float64(findings), "findings/op")
}
