package hardcodedip_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/hardcodedip"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestHardcodedIP(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), hardcodedip.Analyzer, fixtures.Patterns(t, "hardcodedip")...)
}

func TestAllowFlag(t *testing.T) {
	fixtures.SetFlag(t, &hardcodedip.Analyzer.Flags, "allow", "10.20.0.0/16,192.168.5.10")
	analysistest.Run(t, fixtures.Dir(t), hardcodedip.Analyzer, "./hardcodedip/flags/allow")
}

func TestAllowFlagRejectsBadCIDR(t *testing.T) {
	for _, bad := range []string{"10.0.0.0/99", "banana", "10.0.0.0/8,300.1.1.1"} {
		if err := hardcodedip.Analyzer.Flags.Set("allow", bad); err == nil {
			t.Errorf("-allow=%s: no error", bad)
		}
	}
}
