package clienttimeout

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports http.Clients that have no overall timeout.
var Analyzer = &analysis.Analyzer{
	Name:     "clienttimeout",
	Doc:      lint.MustExtractDoc(doc, "clienttimeout"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/clienttimeout/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

const (
	why    = "a stalled upstream behind the sidecar holds the request forever"
	useOwn = "use your own &http.Client{Timeout: 10 * time.Second}"
)

func run(p *lint.Pass) (any, error) {
	if !p.Imports("net/http") {
		return nil, nil
	}
	defaultClientFixed := defaultClientHasTimeout(p)
	nodes := []ast.Node{
		(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil),
		(*ast.Ident)(nil),
	}
	for cur := range p.Inspector().Root().Preorder(nodes...) {
		if id, ok := cur.Node().(*ast.Ident); ok && !p.IsPkgLevel(id, "net/http") {
			continue // most identifiers: skip before the file lookup
		}
		if p.Skipped(cur.Node()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			if isClient(litType(p, n)) && !hasTimeout(p, n) && p.AssignedLater(cur, "Timeout") == lint.NotAssigned {
				reportClient(p, n)
			}
		case *ast.CallExpr:
			checkCall(p, cur, n)
		case *ast.ValueSpec:
			checkVarDecl(p, cur, n)
		case *ast.Ident:
			if !defaultClientFixed {
				checkDefaultClient(p, cur, n)
			}
			checkFuncValue(p, cur, n)
		}
	}
	return nil, nil
}

// isClient reports whether t is http.Client (aliases included), not a
// pointer to it.
func isClient(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ptr := types.Unalias(t).(*types.Pointer); ptr {
		return false
	}
	return lint.IsNamed(t, "net/http", "Client")
}

// litType is the type a composite literal builds: for an elided literal
// in []*http.Client{{}} go/types records *http.Client; it builds the
// http.Client.
func litType(p *lint.Pass, lit *ast.CompositeLit) types.Type {
	t := p.TypesInfo.TypeOf(lit)
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok && lit.Type == nil {
		return ptr.Elem()
	}
	return t
}

// hasTimeout reports whether a client literal sets Timeout to something
// other than a constant zero.
func hasTimeout(p *lint.Pass, lit *ast.CompositeLit) bool {
	v := p.StructField(lit, "Timeout")
	return v != nil && !isZero(p, v)
}

// isZero reports whether e is a constant zero.
func isZero(p *lint.Pass, e ast.Expr) bool {
	tv, ok := p.TypesInfo.Types[e]
	return ok && tv.Value != nil && constant.Sign(tv.Value) == 0
}

func reportClient(p *lint.Pass, n ast.Node) {
	p.Reportf(n.Pos(), "http.Client has no Timeout: %s; set Timeout (5-10s is typical, e.g. Timeout: 10 * time.Second)", why)
}

func checkCall(p *lint.Pass, cur inspector.Cursor, call *ast.CallExpr) {
	// new(http.Client)
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := p.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
			if tv, ok := p.TypesInfo.Types[call.Args[0]]; ok && tv.IsType() && isClient(tv.Type) &&
				p.AssignedLater(cur, "Timeout") == lint.NotAssigned {
				reportClient(p, call)
			}
			return
		}
	}
	fn := p.Callee(call)
	if fn != nil && lint.DefaultClientFuncs[p.FuncName(fn)] {
		if !isFuncRef(p, call.Fun, fn) {
			return // a method value or variable resolved by Callee: reported where http.Get is named
		}
		name := lint.ShortName(fn)
		p.Reportf(call.Pos(), "%s uses http.DefaultClient, which has no Timeout: %s; %s and call its %s method", name, why, useOwn, fn.Name())
	}
}

// checkFuncValue reports http.Get (and Head, Post, PostForm) used as a
// function value (var get = http.Get): every call through it uses
// http.DefaultClient. Direct calls are reported by checkCall.
func checkFuncValue(p *lint.Pass, cur inspector.Cursor, id *ast.Ident) {
	fn, ok := p.TypesInfo.Uses[id].(*types.Func)
	if !ok || !lint.DefaultClientFuncs[p.FuncName(fn)] {
		return
	}
	x := cur
	if x.ParentEdgeKind() == edge.SelectorExpr_Sel {
		x = x.Parent()
	}
	for x.ParentEdgeKind() == edge.ParenExpr_X {
		x = x.Parent()
	}
	if x.ParentEdgeKind() == edge.CallExpr_Fun {
		return
	}
	p.Reportf(x.Node().Pos(), "%s uses http.DefaultClient, which has no Timeout: %s; %s and use its %s method", lint.ShortName(fn), why, useOwn, fn.Name())
}

// isFuncRef reports whether fun names fn directly (http.Get, not a variable
// holding it).
func isFuncRef(p *lint.Pass, fun ast.Expr, fn *types.Func) bool {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	}
	return id != nil && p.TypesInfo.Uses[id] == fn
}

// checkVarDecl reports `var c http.Client` declarations (no value) whose
// Timeout is never assigned.
func checkVarDecl(p *lint.Pass, cur inspector.Cursor, spec *ast.ValueSpec) {
	if len(spec.Values) != 0 || spec.Type == nil {
		return
	}
	if tv, ok := p.TypesInfo.Types[spec.Type]; !ok || !isClient(tv.Type) {
		return
	}
	if _, ok := cur.Parent().Node().(*ast.GenDecl); !ok {
		return
	}
	for i, name := range spec.Names {
		v, ok := p.TypesInfo.Defs[name].(*types.Var)
		if !ok || name.Name == "_" {
			continue
		}
		if reassigned(p, v) {
			continue // replaced by a whole value later: var c http.Client; c = *other
		}
		nameCur := cur.ChildAt(edge.ValueSpec_Names, i)
		if p.AssignedLater(nameCur, "Timeout") == lint.NotAssigned {
			reportClient(p, name)
		}
	}
}

// reassigned reports whether v is given a whole new value anywhere
// (c = other, *(&c) = ...): then the zero value of its declaration is not
// what is used.
func reassigned(p *lint.Pass, v *types.Var) bool {
	for _, f := range p.Files {
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for _, l := range as.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && p.TypesInfo.Uses[id] == v {
					found = true
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// checkDefaultClient reports a use of http.DefaultClient, except
// comparisons (c == http.DefaultClient) and the assignment of its Timeout.
func checkDefaultClient(p *lint.Pass, cur inspector.Cursor, id *ast.Ident) {
	v, ok := p.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Name() != "DefaultClient" || v.Pkg() == nil || v.Pkg().Path() != "net/http" || v.Parent() != v.Pkg().Scope() {
		return
	}
	x := cur
	if x.ParentEdgeKind() == edge.SelectorExpr_Sel {
		x = x.Parent() // http.DefaultClient
	}
	for x.ParentEdgeKind() == edge.ParenExpr_X {
		x = x.Parent()
	}
	switch x.ParentEdgeKind() {
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		if b, ok := x.Parent().Node().(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
			return // a comparison makes no request
		}
	case edge.CaseClause_List:
		return // switch c { case http.DefaultClient: }
	case edge.AssignStmt_Lhs:
		return // http.DefaultClient = &http.Client{...}: replaced, not used
	case edge.StarExpr_X:
		// c := *http.DefaultClient; c.Timeout = d: a copy given a timeout
		if p.AssignedLater(x.Parent(), "Timeout") != lint.NotAssigned {
			return
		}
	case edge.SelectorExpr_X:
		sel := x.Parent().Node().(*ast.SelectorExpr)
		if sel.Sel.Name == "Timeout" && x.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs {
			return // http.DefaultClient.Timeout = d: the fix
		}
	}
	p.Reportf(x.Node().Pos(), "http.DefaultClient has no Timeout: %s; %s", why, useOwn)
}

// defaultClientHasTimeout reports whether the package gives
// http.DefaultClient a non-zero Timeout (http.DefaultClient.Timeout = d);
// then its uses in the package are not reported.
func defaultClientHasTimeout(p *lint.Pass) bool {
	obj := httpVar(p, "DefaultClient")
	if obj == nil {
		return false
	}
	for _, fa := range p.FieldAssigns(obj) {
		if len(fa.Path) == 1 && fa.Field == "Timeout" && fa.Value != nil && !isZero(p, fa.Value) {
			return true
		}
	}
	return false
}

// httpVar returns the package-level variable net/http.name if net/http is
// imported (directly or not).
func httpVar(p *lint.Pass, name string) *types.Var {
	var find func(pkg *types.Package, seen map[*types.Package]bool) *types.Var
	find = func(pkg *types.Package, seen map[*types.Package]bool) *types.Var {
		if seen[pkg] {
			return nil
		}
		seen[pkg] = true
		if pkg.Path() == "net/http" {
			v, _ := pkg.Scope().Lookup(name).(*types.Var)
			return v
		}
		for _, imp := range pkg.Imports() {
			if v := find(imp, seen); v != nil {
				return v
			}
		}
		return nil
	}
	return find(p.Pkg, map[*types.Package]bool{})
}
