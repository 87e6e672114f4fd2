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

// Analyzer reports HTTP clients that have no overall timeout.
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
	netHTTP := p.Imports("net/http")
	libs := p.Imports(restyV2, restyV3, fasthttpPath, goKitHTTP, retryablehttp)
	if !netHTTP && !libs {
		return nil, nil
	}
	st := &state{Pass: p, exempt: map[ast.Node]bool{}}
	defaultClientFixed := netHTTP && defaultClientHasTimeout(p)
	check := func(n ast.Node) func(inspector.Cursor) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			t := litType(p, n)
			switch {
			case isClient(t):
				if hasTimeout(p, n) {
					return nil
				}
				return func(cur inspector.Cursor) {
					if p.AssignedLater(cur, "Timeout") == lint.NotAssigned && !sendsWithDeadline(p, cur) {
						reportClient(p, n)
					}
				}
			case libs && (lint.IsValueOf(t, fasthttpPath, "Client") || lint.IsValueOf(t, fasthttpPath, "HostClient")):
				return func(cur inspector.Cursor) { checkFasthttpClient(p, cur, n) }
			}
		case *ast.CallExpr:
			return callCheck(p, n)
		case *ast.ValueSpec:
			if isClientVarDecl(p, n) {
				return func(cur inspector.Cursor) { checkVarDecl(p, cur, n) }
			}
		case *ast.Ident: // a use of a package-level object of net/http
			dc := !defaultClientFixed && p.IsPkgVar(n, "net/http", "DefaultClient")
			fv := isDefaultClientFunc(p, n)
			if !dc && !fv {
				return nil
			}
			return func(cur inspector.Cursor) {
				if dc {
					st.checkDefaultClient(cur, n)
				}
				if fv {
					checkFuncValue(p, cur, n)
				}
			}
		}
		return nil
	}
	var ids []*ast.Ident
	if netHTTP {
		ids = p.PkgLevelIdents("net/http")
	}
	p.Check(ids, check)
	return nil, nil
}

// state is what one run remembers: for each function, whether its uses of
// http.DefaultClient all send requests with a deadline (see
// checkDefaultClient).
type state struct {
	*lint.Pass
	exempt map[ast.Node]bool
}

// isClient reports whether t is http.Client (aliases included), not a
// pointer to it.
func isClient(t types.Type) bool {
	return lint.IsValueOf(t, "net/http", "Client")
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

// callCheck checks a call: new(http.Client), http.Get and the like,
// clients of the libraries. What needs no cursor is checked at once; what
// needs one is returned (see lint.Package.Check), or nil.
func callCheck(p *lint.Pass, call *ast.CallExpr) func(inspector.Cursor) {
	// new(http.Client)
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := p.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
			if tv, ok := p.TypesInfo.Types[call.Args[0]]; !ok || !tv.IsType() || !isClient(tv.Type) {
				return nil
			}
			return func(cur inspector.Cursor) {
				if p.AssignedLater(cur, "Timeout") == lint.NotAssigned && !sendsWithDeadline(p, cur) {
					reportClient(p, call)
				}
			}
		}
	}
	fn := p.Callee(call)
	if fn == nil {
		return nil
	}
	name := p.FuncName(fn)
	switch {
	case lint.DefaultClientFuncs[name]:
		if isFuncRef(p, call.Fun, fn) { // not a method value or variable resolved by Callee: reported where http.Get is named
			p.Reportf(call.Pos(), "%s uses http.DefaultClient, which has no Timeout: %s; %s and call its %s method", lint.ShortName(fn), why, useOwn, fn.Name())
		}
	case lint.NoTimeoutFuncs[name]:
		if isFuncRef(p, call.Fun, fn) {
			reportNoTimeoutFunc(p, call, fn)
		}
	case lint.RestyNew[name]:
		return func(cur inspector.Cursor) { checkResty(p, cur, call) }
	case lint.GoKitClients[name]:
		checkGoKit(p, call, fn, name)
	case name == lint.RetryableNewClient:
		return func(cur inspector.Cursor) {
			if p.AssignedLaterPath(cur, "HTTPClient", "Timeout") == lint.NotAssigned {
				p.Reportf(call.Pos(), "retryablehttp.NewClient's HTTPClient has no Timeout: %s (each attempt can hang); set it (e.g. c.HTTPClient.Timeout = 10 * time.Second)", why)
			}
		}
	}
	return nil
}

// checkFuncValue reports http.Get (and Head, Post, PostForm) used as a
// function value (var get = http.Get): every call through it uses
// http.DefaultClient. Direct calls are reported by callCheck.
func checkFuncValue(p *lint.Pass, cur inspector.Cursor, id *ast.Ident) {
	if !isDefaultClientFunc(p, id) {
		return
	}
	fn := p.TypesInfo.Uses[id].(*types.Func)
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

// isDefaultClientFunc reports whether id names http.Get (or Head, Post,
// PostForm).
func isDefaultClientFunc(p *lint.Pass, id *ast.Ident) bool {
	fn, ok := p.TypesInfo.Uses[id].(*types.Func)
	return ok && lint.DefaultClientFuncs[p.FuncName(fn)]
}

// isClientVarDecl reports whether spec declares http.Client variables
// without a value (var c http.Client).
func isClientVarDecl(p *lint.Pass, spec *ast.ValueSpec) bool {
	if len(spec.Values) != 0 || spec.Type == nil {
		return false
	}
	tv, ok := p.TypesInfo.Types[spec.Type]
	return ok && isClient(tv.Type)
}

// checkVarDecl reports `var c http.Client` declarations (no value) whose
// Timeout is never assigned.
func checkVarDecl(p *lint.Pass, cur inspector.Cursor, spec *ast.ValueSpec) {
	if !isClientVarDecl(p, spec) {
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
		if p.Reassigned(v) {
			continue // replaced by a whole value later: var c http.Client; c = *other
		}
		nameCur := cur.ChildAt(edge.ValueSpec_Names, i)
		if p.AssignedLater(nameCur, "Timeout") == lint.NotAssigned && !sendsWithDeadline(p, nameCur) {
			reportClient(p, name)
		}
	}
}

// checkDefaultClient reports a use of http.DefaultClient (see
// defaultClientUse), unless every use of it in the function only sends
// requests carrying a deadline given there (SPEC: not flagged).
func (st *state) checkDefaultClient(cur inspector.Cursor, id *ast.Ident) {
	x, ok := defaultClientUse(st.Pass, cur, id)
	if !ok || st.defaultClientExempt(x) {
		return
	}
	st.Reportf(x.Node().Pos(), "http.DefaultClient has no Timeout: %s; %s", why, useOwn)
}

// defaultClientExempt reports whether the function around the use at x
// sends through http.DefaultClient only requests that carry a context
// given a deadline in that function, with every use of it there.
func (st *state) defaultClientExempt(x inspector.Cursor) bool {
	fn := lint.OutermostFunc(x)
	if fn.Node() == nil {
		return false // package level
	}
	if ex, ok := st.exempt[fn.Node()]; ok {
		return ex
	}
	ex := true
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Name != "DefaultClient" {
			continue
		}
		if use, ok := defaultClientUse(st.Pass, c, id); ok && !sendsWithDeadline(st.Pass, use) {
			ex = false
			break
		}
	}
	st.exempt[fn.Node()] = ex
	return ex
}

// defaultClientUse returns the expression of a use of http.DefaultClient
// at the identifier id, and whether it is one that rule 2 reports: not
// comparisons (c == http.DefaultClient), which make no request, not
// replacing it, and not the assignment of its Timeout (the fix).
func defaultClientUse(p *lint.Pass, cur inspector.Cursor, id *ast.Ident) (inspector.Cursor, bool) {
	if !p.IsPkgVar(id, "net/http", "DefaultClient") {
		return cur, false
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
			return x, false // a comparison makes no request
		}
	case edge.CaseClause_List:
		return x, false // switch c { case http.DefaultClient: }
	case edge.AssignStmt_Lhs:
		return x, false // http.DefaultClient = &http.Client{...}: replaced, not used
	case edge.StarExpr_X:
		// c := *http.DefaultClient; c.Timeout = d: a copy given a timeout
		if p.AssignedLater(x.Parent(), "Timeout") != lint.NotAssigned {
			return x, false
		}
	case edge.SelectorExpr_X:
		sel := x.Parent().Node().(*ast.SelectorExpr)
		if sel.Sel.Name == "Timeout" && x.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs {
			return x, false // http.DefaultClient.Timeout = d: the fix
		}
	}
	return x, true
}

// defaultClientHasTimeout reports whether the package gives
// http.DefaultClient a non-zero Timeout (http.DefaultClient.Timeout = d);
// then its uses in the package are not reported.
func defaultClientHasTimeout(p *lint.Pass) bool {
	obj, ok := p.PkgObject("net/http", "DefaultClient").(*types.Var)
	if !ok {
		return false
	}
	for _, fa := range p.FieldAssigns(obj) {
		if len(fa.Path) == 1 && fa.Field == "Timeout" && fa.Value != nil && !isZero(p, fa.Value) {
			return true
		}
	}
	return false
}
