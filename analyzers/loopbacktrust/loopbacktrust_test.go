package loopbacktrust_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/loopbacktrust"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestLoopbackTrust(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), loopbacktrust.Analyzer, fixtures.Patterns(t, "loopbacktrust")...)
}
