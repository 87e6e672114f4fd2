package defaulttransport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/defaulttransport"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestDefaultTransport(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), defaulttransport.Analyzer, fixtures.Patterns(t, "defaulttransport")...)
}

func TestImplicitFlag(t *testing.T) {
	fixtures.SetFlag(t, &defaulttransport.Analyzer.Flags, "implicit", "true")
	analysistest.Run(t, fixtures.Dir(t), defaulttransport.Analyzer, "./defaulttransport/flags/implicit")
}
