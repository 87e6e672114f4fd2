package ctxprop_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/ctxprop"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestCtxprop(t *testing.T) {
	dir := fixtures.Dir(t)
	analysistest.Run(t, dir, ctxprop.Analyzer, "./ctxprop/...")
}
