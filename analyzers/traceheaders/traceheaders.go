package traceheaders

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports trace headers that are not forwarded although the context may be.
var Analyzer = &analysis.Analyzer{
	Name:     "traceheaders",
	Doc:      lint.MustExtractDoc(doc, "traceheaders"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/traceheaders/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

func run(p *lint.Pass) (any, error) {
	return nil, nil
}
