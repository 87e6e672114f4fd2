package lint

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestForDriverRelease: ForDriver counts the analyzers that require the
// pre-pass, and a package's index is released after the last of them,
// not before; it is built again if asked for afterwards.
func TestForDriverRelease(t *testing.T) {
	a := &analysis.Analyzer{Name: "a", Doc: "a", Requires: []*analysis.Analyzer{Analyzer}, Run: Run(func(*Pass) (any, error) { return nil, nil })}
	b := &analysis.Analyzer{Name: "b", Doc: "b", Requires: []*analysis.Analyzer{Analyzer}, Run: Run(func(*Pass) (any, error) { return nil, nil })}
	out := ForDriver([]*analysis.Analyzer{a, b}, false)
	if len(out) != 2 || out[0] == a || out[0].Requires[0] == Analyzer || out[0].Requires[0] != out[1].Requires[0] {
		t.Fatalf("ForDriver did not rewire both analyzers to one new pre-pass")
	}
	tp := newTestPackage(t, "package p\n\nfunc f() { g() }\n\nfunc g() {}\n")
	p := tp.Package
	p.pending.Store(2)
	if p.Inspector() == nil {
		t.Fatal("no inspector")
	}
	for range p.Nodes() {
	}
	p.done()
	if p.inspector == nil {
		t.Fatal("released after the first of two analyzers")
	}
	p.done()
	if p.inspector != nil || p.vars != nil || p.nodes != nil {
		t.Fatal("not released after the last analyzer")
	}
	if p.Inspector() == nil {
		t.Fatal("no inspector after the release")
	}
	// The pre-pass of go vet, golangci-lint and nogo never releases.
	q := newTestPackage(t, "package q\n").Package
	q.Inspector()
	q.done()
	if q.inspector == nil {
		t.Fatal("released without ForDriver")
	}
}
