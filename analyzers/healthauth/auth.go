package healthauth

// The auth judge: is a middleware expression auth middleware for the
// rule? Known library middleware, then the middleware's body (its
// behaviour), then its name. The body rules are written once (judge),
// against a view of the syntax: with type information for the analysed
// package (typedView, below), without it for another package of the
// module read from source (synView, xpkg.go).

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// classify returns the auth middleware e denotes, or nil. e is a
// middleware expression in a middleware position: r.Use(e), a wrapper's
// callee, a per-route middleware argument, a gRPC interceptor.
func (c *checker) classify(e ast.Expr, depth int) *mw {
	if e == nil || depth > 4 {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		if r := c.judge(c.typed, e, 0); r.auth && !r.exempt {
			return &mw{name: "(inline middleware)"}
		}
	case *ast.CallExpr:
		if c.skipConfigured(e) {
			return nil
		}
		fn := c.p.Callee(e)
		if fn == nil {
			return nil
		}
		if adapters[c.p.FuncName(fn)] && len(e.Args) > 0 {
			return c.classify(e.Args[0], depth+1) // echo.WrapMiddleware(auth)
		}
		return c.classifyFunc(fn, e.Fun, exprName(e.Fun))
	case *ast.Ident, *ast.SelectorExpr:
		switch obj := c.objectOf(e).(type) {
		case *types.Func:
			return c.classifyFunc(obj.Origin(), e, exprName(e))
		case *types.Var:
			return c.classifyVar(obj, e, depth)
		}
	}
	return nil
}

// objectOf returns the object an identifier or selector names.
func (c *checker) objectOf(e ast.Expr) types.Object {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if s := c.p.TypesInfo.Selections[sel]; s != nil {
			return s.Obj()
		}
		return c.p.TypesInfo.Uses[sel.Sel]
	}
	if id, ok := e.(*ast.Ident); ok {
		return c.p.TypesInfo.Uses[id]
	}
	return nil
}

// classifyVar judges a variable used as middleware: by its one value, or
// by its name when it holds a function.
func (c *checker) classifyVar(v *types.Var, e ast.Expr, depth int) *mw {
	if def, ok := c.p.SingleValue(v); ok {
		if m := c.classify(def, depth+1); m != nil {
			return &mw{name: exprName(e)}
		}
		if call, ok := ast.Unparen(def).(*ast.CallExpr); ok && c.skipConfigured(call) {
			return nil
		}
	}
	if nameIsAuth(v.Name()) && isMiddlewareValue(v.Type()) {
		return &mw{name: exprName(e)}
	}
	return nil
}

// classifyFunc judges a function or method used as (or returning)
// middleware. fun is the expression naming it at the use site.
func (c *checker) classifyFunc(fn *types.Func, fun ast.Expr, display string) *mw {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if isKnownAuth(fn) {
		return &mw{name: display}
	}
	if isLibrary(fn.Pkg().Path()) || vetoed(fn.Name()) {
		return nil
	}
	var r bodyResult
	if fn.Pkg() == c.p.Pkg {
		if decl := c.decls[fn]; decl != nil && decl.Body != nil {
			r = c.judge(c.typed, decl, 0)
		}
	} else {
		r = c.judgeForeign(fn)
	}
	switch {
	case r.exempt:
		return nil
	case r.auth || c.nameMatches(fn, fun):
		return &mw{name: display}
	}
	return nil
}

// nameMatches applies the SPEC name rule to fn. A generic name
// (Middleware, Handler, UnaryServerInterceptor) is judged by its package
// name (auth.Middleware), its receiver type (*JWTMiddleware).Handler or the
// receiver expression at the use site (s.authz.Middleware).
func (c *checker) nameMatches(fn *types.Func, fun ast.Expr) bool {
	if nameIsAuth(fn.Name()) {
		return true
	}
	if !isGeneric(fn.Name()) {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if tn, ok := named(sig.Recv().Type()); ok && nameIsAuth(tn.name) {
			return true
		}
		if sel, ok := ast.Unparen(fun).(*ast.SelectorExpr); ok {
			switch x := ast.Unparen(sel.X).(type) {
			case *ast.Ident:
				return nameIsAuth(x.Name)
			case *ast.SelectorExpr:
				return nameIsAuth(x.Sel.Name)
			}
		}
		return false
	}
	return fn.Pkg() != c.p.Pkg && nameIsAuth(fn.Pkg().Name())
}

// bodyResult is what a middleware body shows.
type bodyResult struct {
	auth   bool // refuses requests without credentials (401/403, Authorization header, BasicAuth)
	exempt bool // mentions a health path or the gRPC health service
}

// A view answers the judge's questions about the syntax of one package's
// function bodies.
type view interface {
	// callee describes what call calls.
	callee(call *ast.CallExpr) callee
	// intValue returns the value of an integer constant and whether it is
	// a gRPC status code.
	intValue(e ast.Expr) (v int64, grpcCode, ok bool)
	// stringValue returns the value of a string constant.
	stringValue(e ast.Expr) (string, bool)
	// pkgVar spells the package-level variable e names ("path.Name"), or "".
	pkgVar(e ast.Expr) string
	// skipList reports whether id names a package-level variable whose
	// value mentions a health path (var public = []string{"/healthz"}).
	skipList(id *ast.Ident) bool
}

// A callee is what the judge needs to know of a called function.
type callee struct {
	name      string
	basicAuth bool     // (*http.Request).BasicAuth
	body      ast.Node // its declaration, when it is a function of the same package
	in        view     // the view to judge body with
}

// readsHeader are the method names that read a request header or gRPC
// metadata value.
var readsHeader = set("Get", "GetHeader", "Values", "Peek", "Header")

// judge applies the body rules to n (a *ast.FuncDecl or *ast.FuncLit),
// closures and functions of the same package it calls included (two
// levels): auth when it writes 401/403 (or gRPC Unauthenticated/
// PermissionDenied) as a call argument, returns a known auth error value,
// reads the Authorization header or metadata, or calls BasicAuth; exempt
// when it mentions a health path or the gRPC health service.
func (c *checker) judge(v view, n ast.Node, depth int) bodyResult {
	if r, ok := c.bodies[n]; ok {
		return r
	}
	c.bodies[n] = bodyResult{} // recursion guard
	var res bodyResult
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			ce := v.callee(n)
			res.auth = res.auth || ce.basicAuth
			for _, a := range n.Args {
				res.auth = res.auth || noCredentials(v, a, ce.name)
			}
			if ce.body != nil && depth < 2 {
				r := c.judge(ce.in, ce.body, depth+1)
				res.auth, res.exempt = res.auth || r.auth, res.exempt || r.exempt
			}
		case *ast.IndexExpr: // md["authorization"]
			if s, ok := v.stringValue(n.Index); ok && strings.EqualFold(s, "authorization") {
				res.auth = true
			}
		case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
			e := n.(ast.Expr)
			if s, ok := v.stringValue(e); ok {
				res.exempt = res.exempt || c.segs.mentionsHealth(s)
				return false
			}
			res.auth = res.auth || authErrors[v.pkgVar(e)]
			if id, ok := e.(*ast.Ident); ok && v.skipList(id) {
				res.exempt = true
			}
			if sel, ok := e.(*ast.SelectorExpr); ok {
				ast.Inspect(sel.X, visit) // not sel.Sel: a field is not a package variable
				return false
			}
		}
		return true
	}
	if body := lint.FuncBody(n); body != nil {
		ast.Inspect(body, visit)
	}
	c.bodies[n] = res
	return res
}

// noCredentials reports whether a call argument means "no credentials":
// 401/403, gRPC Unauthenticated/PermissionDenied, or the "Authorization"
// header name given to a header read.
func noCredentials(v view, a ast.Expr, callee string) bool {
	if n, grpcCode, ok := v.intValue(a); ok {
		if grpcCode {
			return n == 16 || n == 7
		}
		return n == 401 || n == 403
	}
	if s, ok := v.stringValue(a); ok {
		return readsHeader[callee] && strings.EqualFold(s, "authorization")
	}
	return false
}

// typedView is the view of the analysed package, with type information.
type typedView struct{ c *checker }

func (t typedView) callee(call *ast.CallExpr) callee {
	fn := t.c.p.Callee(call)
	if fn == nil {
		return callee{}
	}
	ce := callee{name: fn.Name(), basicAuth: t.c.p.FuncName(fn) == "(*net/http.Request).BasicAuth"}
	if decl := t.c.decls[fn]; decl != nil && fn.Pkg() == t.c.p.Pkg {
		ce.body, ce.in = decl, t
	}
	return ce
}

func (t typedView) intValue(e ast.Expr) (int64, bool, bool) {
	tv, ok := t.c.p.TypesInfo.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false, false
	}
	v, ok := constant.Int64Val(tv.Value)
	if !ok {
		return 0, false, false
	}
	if tn, ok := named(tv.Type); ok && tn == (typeName{codesPath, "Code"}) {
		return v, true, true
	}
	if b, ok := types.Unalias(tv.Type).(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
		return v, false, true
	}
	return 0, false, false
}

func (t typedView) stringValue(e ast.Expr) (string, bool) {
	return constString(t.c.p.TypesInfo, e)
}

func (t typedView) pkgVar(e ast.Expr) string {
	if v, ok := t.c.objectOf(ast.Unparen(e)).(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return v.Pkg().Path() + "." + v.Name()
	}
	return ""
}

// skipList: a package-level variable of this package whose initializer
// mentions a health path.
func (t typedView) skipList(id *ast.Ident) bool {
	c := t.c
	v, ok := c.p.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.p.Pkg || v.Parent() != c.p.Pkg.Scope() {
		return false
	}
	if r, ok := c.pkgVars[v]; ok {
		return r
	}
	c.pkgVars[v] = false
	def, ok := c.p.SingleValue(v)
	r := ok && c.mentionsHealth(def)
	c.pkgVars[v] = r
	return r
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// mentionsHealth reports whether a string constant naming a health path
// appears anywhere in e.
func (c *checker) mentionsHealth(e ast.Node) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if x, ok := n.(ast.Expr); ok {
			if s, ok := constString(c.p.TypesInfo, x); ok {
				found = c.segs.mentionsHealth(s)
				return false
			}
		}
		return true
	})
	return found
}

// skipKeys are configuration field names that exempt paths from
// middleware whatever their value: echo's Skipper, SkipPaths,
// ExcludedPaths, PublicRoutes...
var skipKeys = []string{"skip", "exclude", "ignore", "public", "exempt", "bypass", "allowlist", "whitelist", "unprotected", "anonymous", "optional"}

// judgedSkipKeys are configuration fields holding a function that says
// which requests skip the middleware (fiber's Next, gofiber/contrib/jwt's
// Filter): they exempt the health path when their body mentions it, or
// when the function cannot be seen.
var judgedSkipKeys = set("Next", "Filter")

// skipConfigured reports whether a middleware factory call is configured
// to let some requests through: a config field named like Skipper or
// SkipPaths (whatever its value), a Next func that skips health, or a
// health path among its arguments.
func (c *checker) skipConfigured(call *ast.CallExpr) bool {
	found := false
	var visit func(n ast.Node, depth int)
	visit = func(n ast.Node, depth int) {
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && (isSkipKey(id.Name) || judgedSkipKeys[id.Name] && !c.visibleFunc(n.Value)) {
					found = true
				}
			case *ast.FuncLit:
				// A callback that exempts health (an authFunc comparing
				// grpc.Method(ctx) with the health service, a Next func).
				found = c.judge(c.typed, n, 0).exempt
				return false
			case *ast.Ident:
				if c.skipIdent(n, depth, visit) {
					found = true
				}
			}
			if x, ok := n.(ast.Expr); ok {
				if s, ok := constString(c.p.TypesInfo, x); ok && c.segs.mentionsHealth(s) {
					found = true
				}
			}
			return !found
		})
	}
	for _, a := range call.Args {
		visit(a, 0)
	}
	return found
}

// skipIdent: a function of the package that exempts health, or a config
// variable given a skip field or built from a skipping value.
func (c *checker) skipIdent(id *ast.Ident, depth int, visit func(ast.Node, int)) bool {
	if fn, ok := c.p.TypesInfo.Uses[id].(*types.Func); ok {
		if decl := c.decls[fn.Origin()]; decl != nil && c.judge(c.typed, decl, 0).exempt {
			return true
		}
	}
	if v, ok := c.p.TypesInfo.Uses[id].(*types.Var); ok && depth < 2 {
		for _, fa := range c.p.FieldAssigns(v) {
			if isSkipKey(fa.Field) || judgedSkipKeys[fa.Field] {
				return true
			}
		}
		if def, ok := c.p.SingleValue(v); ok {
			visit(def, depth+1)
		}
	}
	return false
}

// visibleFunc reports whether e is a function whose body the judge can
// read: a literal or a function of the package.
func (c *checker) visibleFunc(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident, *ast.SelectorExpr:
		fn, ok := c.objectOf(e).(*types.Func)
		return ok && c.decls[fn.Origin()] != nil
	}
	return false
}

func isSkipKey(name string) bool {
	l := strings.ToLower(name)
	for _, k := range skipKeys {
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// exprName spells a middleware expression for the message.
func exprName(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// isMiddlewareValue reports whether a variable's type can hold middleware:
// a function type (func(http.Handler) http.Handler, gin.HandlerFunc,
// echo.MiddlewareFunc, gRPC interceptors) — not a client or a config
// struct that merely has an auth-like name.
func isMiddlewareValue(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
