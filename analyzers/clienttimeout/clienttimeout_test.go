package clienttimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/clienttimeout"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestClientTimeout(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), clienttimeout.Analyzer, fixtures.Patterns(t, "clienttimeout")...)
}
