package envoyport

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports servers that listen on a port the Istio sidecar owns.
var Analyzer = &analysis.Analyzer{
	Name:     "envoyport",
	Doc:      lint.MustExtractDoc(doc, "envoyport"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/envoyport/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

func run(p *lint.Pass) (any, error) {
	return nil, nil
}
