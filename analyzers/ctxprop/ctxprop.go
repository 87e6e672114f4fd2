package ctxprop

import (
	_ "embed"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports outbound requests that drop the caller's context.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxprop",
	Doc:      lint.MustExtractDoc(doc, "ctxprop"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/ctxprop/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
	// Rule 6 across the packages of a module: each package of the
	// analysed module exports what its functions do with the context
	// (summary.go). Facts flow from a package to its importers, which is
	// the direction a call goes; the standalone driver loads dependencies
	// from export data and analyses only the module's packages from
	// source, so the facts cost no source loading.
	FactTypes: []analysis.Fact{(*dropsFact)(nil), (*forwardsFact)(nil)},
	// A package that failed to load (a go:embed pattern with no files, a
	// broken import) would otherwise fail this analyzer on every package
	// that imports it ("failed prerequisites": facts flow along imports),
	// losing their findings. So ctxprop runs on such packages; on one with
	// type errors it reports and exports nothing (see run).
	RunDespiteErrors: true,
}

// always holds -ctxprop.always.
var always bool

func init() {
	Analyzer.Flags.BoolVar(&always, "always", false, "report context-less requests (rules 1 and 2) everywhere, not only where an inbound context is in scope (noctx's behaviour)")
}

// lost is the "why" shared by most messages.
const lost = "the sidecar cannot join the outbound call to the inbound trace (traceparent, x-request-id) and the caller's deadline and cancellation are lost"

func run(p *lint.Pass) (any, error) {
	if len(p.TypeErrors) > 0 {
		return nil, nil // partial type information: nothing trustworthy to say or export
	}
	c := newChecker(p)
	if !c.relevant() {
		return nil, nil
	}
	c.exportFacts()
	// Calls and scopes are judged without cursors (most packages lose no
	// context anywhere and never build the inspector); reports that need
	// cursors for their fixes ask for them.
	for n := range p.Nodes() {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			continue
		}
		l := c.lossOf(call)
		if l.kind == noLoss {
			continue
		}
		s := c.ScopeOf(c.PathTo(call))
		if s.Inbound() || always && (l.kind == lossNewRequest || l.kind == lossNoContext) && s.Shared == nil {
			c.report(call, l, s)
		}
	}
	// Rule 3/5 fixes are decided last: whether the context import
	// survives depends on every other fix in the file.
	for _, report := range c.later {
		report()
	}
	return nil, nil
}

// checker is one run's state.
type checker struct {
	*lint.Pass
	module string // the analysed module's path ("" when unknown)
	// summaries holds rule 6 summaries of this package's functions
	// (summary.go), computed on demand.
	summaries map[*ast.FuncDecl]*summary
	decls     map[any]*ast.FuncDecl // *types.Func → its declaration in this package
	reported  map[*ast.CallExpr]bool
	// gone holds the package qualifiers (the "context" of
	// context.Background()) that fixes may remove; later holds the
	// reports whose fixes depend on them.
	gone  map[*ast.Ident]bool
	later []func()
}

func newChecker(p *lint.Pass) *checker {
	c := &checker{
		Pass:      p,
		summaries: make(map[*ast.FuncDecl]*summary),
		decls:     make(map[any]*ast.FuncDecl),
		reported:  make(map[*ast.CallExpr]bool),
		gone:      make(map[*ast.Ident]bool),
	}
	if p.Module != nil {
		c.module = p.Module.Path
	}
	return c
}

// relevant is the fast path: a package that can neither hold an inbound
// scope nor make an outbound call, and imports no package of the module
// that exported a rule 6 summary, has nothing to report or export.
func (c *checker) relevant() bool {
	if c.Imports("context", "net/http", "net", "google.golang.org/grpc", "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2", "resty.dev/v3") ||
		c.Reaches("net/http") {
		return true
	}
	return len(c.AllObjectFacts()) > 0
}
