package serveridle

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports HTTP servers that close idle connections before the sidecar does.
var Analyzer = &analysis.Analyzer{
	Name:     "serveridle",
	Doc:      lint.MustExtractDoc(doc, "serveridle"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/serveridle/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

func run(p *lint.Pass) (any, error) {
	return nil, nil
}
