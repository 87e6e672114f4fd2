package serveridle_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/serveridle"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestServerIdle(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), serveridle.Analyzer, fixtures.Patterns(t, "serveridle")...)
}

func TestMinFlag(t *testing.T) {
	fixtures.SetFlag(t, &serveridle.Analyzer.Flags, "min", "30m")
	analysistest.Run(t, fixtures.Dir(t), serveridle.Analyzer, "./serveridle/flags/min")
}

func TestMinFlagRejectsBadDuration(t *testing.T) {
	for _, bad := range []string{"banana", "", "0", "0s", "-5m", "30", "1x"} {
		err := serveridle.Analyzer.Flags.Set("min", bad)
		if err == nil {
			t.Errorf("-min=%q: no error", bad)
			continue
		}
		t.Logf(`invalid value %q for flag -serveridle.min: %v`, bad, err)
	}
	if got := serveridle.Analyzer.Flags.Lookup("min").Value.String(); got != "1h" {
		t.Errorf("after rejected values, -min = %s, want the default 1h", got)
	}
}
