package healthauth

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports health routes behind authentication middleware.
var Analyzer = &analysis.Analyzer{
	Name:     "healthauth",
	Doc:      lint.MustExtractDoc(doc, "healthauth"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/healthauth/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
	// No FactTypes: middleware of other packages of the module is judged
	// from its source file (xpkg.go), so drivers need not analyse every
	// dependency. No RunDespiteErrors: on a package with type errors the
	// driver reports "analysis skipped due to errors in package", as for
	// the other analyzers (see doc.go, "Packages with errors").
}

// segments holds -healthauth.paths.
var segments = newSegmentList(defaultSegments)

func init() {
	Analyzer.Flags.Var(segments, "paths", "comma-separated path segments that make a route a health route (replaces the default list)")
}

// checker holds the per-package state of one run.
type checker struct {
	p         *lint.Pass
	segs      *segmentList
	typed     typedView
	decls     map[*types.Func]*ast.FuncDecl
	bodies    map[ast.Node]bodyResult    // judge memo
	pkgVars   map[*types.Var]bool        // typedView.skipList memo
	foreign   map[*types.Func]bodyResult // judgeForeign memo
	synValues map[synValue]bool          // synView.valueMentionsHealth memo
}

func run(p *lint.Pass) (any, error) {
	if !p.Imports(frameworkPkgs...) || isLibrary(p.Pkg.Path()) {
		return nil, nil // frameworks are judged by knownAuth only: nothing to report in them
	}
	// Fast path: every health route needs a path, and every path meshlint
	// can know is built from string constants, which the type checker has
	// already recorded; with none mentioning a health segment (and no gRPC
	// health service) there is nothing to interpret.
	if !p.Imports(healthPBPath) && !segments.anyConstant(p) || !addsAnyRoute(p.TypesInfo) {
		return nil, nil
	}
	c := newChecker(p)
	in := newInterp(c)
	in.run(c.roots())
	c.report(in.routes)
	return nil, nil
}

func newChecker(p *lint.Pass) *checker {
	c := &checker{
		p:         p,
		segs:      segments,
		decls:     make(map[*types.Func]*ast.FuncDecl),
		bodies:    make(map[ast.Node]bodyResult),
		pkgVars:   make(map[*types.Var]bool),
		foreign:   make(map[*types.Func]bodyResult),
		synValues: make(map[synValue]bool),
	}
	c.typed = typedView{c}
	for _, f := range p.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}
	return c
}

// roots returns the functions interpretation starts from, in source
// order: those of non-test, non-generated files that no code of those
// files calls or refers to (the others are interpreted where they are
// called, with their arguments).
func (c *checker) roots() []*ast.FuncDecl {
	referenced := make(map[*types.Func]bool)
	for _, f := range c.p.Files {
		if c.p.Skipped(f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var id *ast.Ident
			switch n := n.(type) {
			case *ast.Ident:
				id = n
			case *ast.SelectorExpr:
				id = n.Sel
			default:
				return true
			}
			if fn, ok := c.p.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() == c.p.Pkg {
				referenced[fn.Origin()] = true
			}
			return true
		})
	}
	var roots []*ast.FuncDecl
	for _, f := range c.p.Files {
		if c.p.Skipped(f) {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := c.p.TypesInfo.Defs[fd.Name].(*types.Func); ok && !referenced[fn] {
				roots = append(roots, fd)
			}
		}
	}
	return roots
}

// report reports each health route registration that is behind auth in
// every interpretation that reached it.
func (c *checker) report(routes []*route) {
	byPos := make(map[token.Pos][]*route)
	var order []token.Pos
	for _, rt := range routes {
		if _, ok := byPos[rt.pos]; !ok {
			order = append(order, rt.pos)
		}
		byPos[rt.pos] = append(byPos[rt.pos], rt)
	}
	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	for _, pos := range order {
		var first *mw
		var rt0 *route
		ok := true
		for _, rt := range byPos[pos] {
			m := rt.auth()
			if m == nil {
				ok = false
				break
			}
			if first == nil {
				first, rt0 = m, rt
			}
		}
		if !ok || first == nil {
			continue
		}
		if rt0.grpc {
			c.p.Reportf(pos, "gRPC health service is behind auth interceptor %s: kubelet gRPC probes (rewritten by Istio to the pilot-agent) carry no credentials, so the probe fails and the pod is restarted or never ready; exempt /grpc.health.v1.Health/ in the interceptor or register health on a server without it", first.name)
			continue
		}
		c.p.Reportf(pos, "health route %q is behind auth middleware %s: kubelet probes (rewritten by Istio to the pilot-agent) carry no credentials, so the probe gets 401/403 and the pod is restarted or never ready; register health routes outside the authenticated group or make the middleware skip them", rt0.path, first.name)
	}
}
