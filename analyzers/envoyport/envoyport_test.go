package envoyport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/envoyport"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestEnvoyPort(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), envoyport.Analyzer, fixtures.Patterns(t, "envoyport")...)
}
