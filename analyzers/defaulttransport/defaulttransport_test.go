package defaulttransport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/defaulttransport"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestDefaultTransport(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), defaulttransport.Analyzer, "./defaulttransport/...")
}

func TestImplicitFlag(t *testing.T) {
	if err := defaulttransport.Analyzer.Flags.Set("implicit", "true"); err != nil {
		t.Fatal(err)
	}
	defer defaulttransport.Analyzer.Flags.Set("implicit", "false")
	analysistest.Run(t, fixtures.Dir(t), defaulttransport.Analyzer, "./defaulttransportimplicit")
}
