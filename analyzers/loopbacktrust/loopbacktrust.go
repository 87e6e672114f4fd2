package loopbacktrust

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports security decisions taken on the peer address, which behind the sidecar is the sidecar's.
var Analyzer = &analysis.Analyzer{
	Name:     "loopbacktrust",
	Doc:      lint.MustExtractDoc(doc, "loopbacktrust"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/loopbacktrust/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

func run(p *lint.Pass) (any, error) {
	return nil, nil
}
