package hardcodedip_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/hardcodedip"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestHardcodedIP(t *testing.T) {
	dir := fixtures.Dir(t)
	analysistest.Run(t, dir, hardcodedip.Analyzer, "./hardcodedip/...")
}

func TestAllowFlag(t *testing.T) {
	dir := fixtures.Dir(t)
	if err := hardcodedip.Analyzer.Flags.Set("allow", "10.20.0.0/16,192.168.5.10"); err != nil {
		t.Fatal(err)
	}
	defer hardcodedip.Analyzer.Flags.Set("allow", "")
	analysistest.Run(t, dir, hardcodedip.Analyzer, "./hardcodedipallow")
}

func TestAllowFlagRejectsBadCIDR(t *testing.T) {
	for _, bad := range []string{"10.0.0.0/99", "banana", "10.0.0.0/8,300.1.1.1"} {
		if err := hardcodedip.Analyzer.Flags.Set("allow", bad); err == nil {
			t.Errorf("-allow=%s: no error", bad)
		}
	}
}
