package lint

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the documentation of analyzer name from the
// package comment of its doc.go (content, embedded with //go:embed), so
// that the package documentation, `meshlint help NAME`, the SARIF rule text
// and Analyzer.Doc are one text. The comment holds a section
//
//	# Analyzer NAME
//
//	NAME: SUMMARY
//
//	Full description...
//
// and the result is what follows "NAME:" up to the next heading, the form
// Analyzer.Doc expects (its first line is the summary `meshlint help`
// lists). It panics when there is no such section: a programming error
// caught by every test.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// ExtractDoc is MustExtractDoc returning an error instead of panicking
// (the same convention as x/tools' analysis passes).
func ExtractDoc(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty doc.go")
	}
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("doc.go is not a Go source file: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package doc comment")
	}
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name)
		if !ok || body == "" || (body[0] != '\n' && body[0] != '\r') {
			continue
		}
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("doc.go: '# Analyzer %s' heading not followed by a '%s: summary' line", name, name)
		}
		return strings.TrimSpace(rest), nil
	}
	return "", fmt.Errorf("doc.go: package comment has no '# Analyzer %s' heading", name)
}
