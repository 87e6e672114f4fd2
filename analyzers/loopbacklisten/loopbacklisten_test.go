package loopbacklisten_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/loopbacklisten"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestLoopbackListen(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), loopbacklisten.Analyzer, fixtures.Patterns(t, "loopbacklisten")...)
}
