package healthauth

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// Package paths of the frameworks the rule models.
const (
	httpPath     = "net/http"
	chiPath      = "github.com/go-chi/chi/v5"
	chiV1Path    = "github.com/go-chi/chi"
	ginPath      = "github.com/gin-gonic/gin"
	echoPath     = "github.com/labstack/echo/v4"
	gorillaPath  = "github.com/gorilla/mux"
	grpcPath     = "google.golang.org/grpc"
	healthPBPath = "google.golang.org/grpc/health/grpc_health_v1"
	codesPath    = "google.golang.org/grpc/codes"
)

// An mw is one auth middleware found in front of a route.
type mw struct{ name string }

// knownAuth lists library middleware that checks credentials, by package
// path and function name. Packages whose path starts with a key in
// knownAuthPrefix match by name too (modules that may not be in the
// fixture module: echo-jwt, jwtauth).
var knownAuth = map[string]bool{
	ginPath + ".BasicAuth":                          true,
	ginPath + ".BasicAuthForRealm":                  true,
	ginPath + ".BasicAuthForProxy":                  true,
	echoPath + "/middleware.BasicAuth":              true,
	echoPath + "/middleware.BasicAuthWithConfig":    true,
	echoPath + "/middleware.KeyAuth":                true,
	echoPath + "/middleware.KeyAuthWithConfig":      true,
	echoPath + "/middleware.JWT":                    true,
	echoPath + "/middleware.JWTWithConfig":          true,
	chiPath + "/middleware.BasicAuth":               true,
	chiV1Path + "/middleware.BasicAuth":             true,
	"github.com/labstack/echo-jwt.JWT":              true,
	"github.com/labstack/echo-jwt.WithConfig":       true,
	"github.com/go-chi/jwtauth.Verifier":            true,
	"github.com/go-chi/jwtauth.Verify":              true,
	"github.com/go-chi/jwtauth.Authenticator":       true,
	"github.com/go-chi/jwtauth.AuthenticatorWithFn": true,
}

// versionless strips a trailing /vN major-version element from a module
// package path so that echo-jwt/v4 and jwtauth/v5 match.
func versionless(path string) string {
	if i := strings.LastIndex(path, "/v"); i > 0 {
		rest := path[i+2:]
		if rest != "" && strings.Trim(rest, "0123456789") == "" {
			return path[:i]
		}
	}
	return path
}

// libraryPkgs are packages whose middleware is judged only by knownAuth:
// their other middleware (loggers, CORS, CSRF, rate limiters, otelhttp) is
// never auth, whatever its name.
var libraryPkgs = []string{
	httpPath, ginPath, chiPath, chiV1Path, echoPath, gorillaPath, grpcPath,
	"github.com/gorilla/", "github.com/justinas/", "github.com/rs/cors", "github.com/go-chi/",
	"github.com/labstack/", "github.com/gin-contrib/", "go.opentelemetry.io/", "golang.org/x/",
	"google.golang.org/", "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector",
}

func isLibrary(path string) bool {
	for _, l := range libraryPkgs {
		if path == l || strings.HasSuffix(l, "/") && strings.HasPrefix(path, l) || strings.HasPrefix(path, l+"/") {
			return true
		}
	}
	return false
}

// bodyResult is what a middleware body shows.
type bodyResult struct {
	auth   bool // writes 401/403, reads the Authorization header or calls BasicAuth
	exempt bool // mentions a health path or the gRPC health service
}

// classify returns the auth middleware e denotes, or nil. e is a
// middleware expression in a middleware position: r.Use(e), a wrapper's
// callee, a gin/echo per-route middleware argument, a gRPC interceptor.
func (c *checker) classify(e ast.Expr, depth int) *mw {
	if e == nil || depth > 4 {
		return nil
	}
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.FuncLit:
		r := c.body(e, 0)
		if r.auth && !r.exempt {
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
		if fn.FullName() == echoPath+".WrapMiddleware" && len(e.Args) == 1 {
			return c.classify(e.Args[0], depth+1)
		}
		return c.classifyFunc(fn, e.Fun, exprName(e.Fun))
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if s := c.p.TypesInfo.Selections[sel]; s != nil {
				obj = s.Obj()
			} else {
				obj = c.p.TypesInfo.Uses[sel.Sel]
			}
		} else {
			obj = c.p.TypesInfo.Uses[e.(*ast.Ident)]
		}
		switch obj := obj.(type) {
		case *types.Func:
			return c.classifyFunc(obj.Origin(), e, exprName(e))
		case *types.Var:
			if def, ok := c.p.SingleValue(obj); ok {
				if m := c.classify(def, depth+1); m != nil {
					return &mw{name: exprName(e)}
				}
				if call, ok := ast.Unparen(def).(*ast.CallExpr); ok && c.skipConfigured(call) {
					return nil
				}
			}
			if nameIsAuth(obj.Name()) && isMiddlewareValue(obj.Type()) {
				return &mw{name: exprName(e)}
			}
		}
	}
	return nil
}

// classifyFunc judges a function or method used as (or returning)
// middleware. fun is the expression naming it at the use site.
func (c *checker) classifyFunc(fn *types.Func, fun ast.Expr, display string) *mw {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	path := fn.Pkg().Path()
	if knownAuth[path+"."+fn.Name()] || knownAuth[versionless(path)+"."+fn.Name()] {
		return &mw{name: display}
	}
	if isLibrary(path) || vetoed(fn.Name()) {
		return nil
	}
	if fn.Pkg() == c.p.Pkg {
		if decl := c.decls[fn]; decl != nil && decl.Body != nil {
			r := c.body(decl, 0)
			if r.exempt {
				return nil
			}
			if r.auth {
				return &mw{name: display}
			}
		}
	} else {
		switch c.judgeForeign(fn) {
		case foreignSkips:
			return nil
		case foreignAuth:
			return &mw{name: display}
		}
	}
	if c.nameMatches(fn, fun) {
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
		t := sig.Recv().Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && nameIsAuth(n.Obj().Name()) {
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

// body analyses a function body (a *ast.FuncDecl or *ast.FuncLit),
// closures and same-package helpers it calls included (two levels).
func (c *checker) body(n ast.Node, depth int) bodyResult {
	if r, ok := c.bodies[n]; ok {
		return r
	}
	c.bodies[n] = bodyResult{} // recursion guard
	var res bodyResult
	var body *ast.BlockStmt
	switch n := n.(type) {
	case *ast.FuncDecl:
		body = n.Body
	case *ast.FuncLit:
		body = n.Body
	}
	if body == nil {
		return res
	}
	info := c.p.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := c.p.Callee(n)
			if fn != nil && fn.FullName() == "(*net/http.Request).BasicAuth" {
				res.auth = true
			}
			for _, a := range n.Args {
				if c.authConst(a, fn) {
					res.auth = true
				}
			}
			if fn != nil && fn.Pkg() == c.p.Pkg && depth < 2 {
				if decl := c.decls[fn]; decl != nil {
					r := c.body(decl, depth+1)
					res.auth = res.auth || r.auth
					res.exempt = res.exempt || r.exempt
				}
			}
		case *ast.IndexExpr:
			if s, ok := constString(info, n.Index); ok && strings.EqualFold(s, "authorization") {
				res.auth = true
			}
		case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
			e := n.(ast.Expr)
			if s, ok := constString(info, e); ok {
				if c.segs.mentionsHealth(s) {
					res.exempt = true
				}
				return false
			}
			if c.p.IsPkgVar(e, echoPath, "ErrUnauthorized") || c.p.IsPkgVar(e, echoPath, "ErrForbidden") {
				res.auth = true
			}
			if id, ok := e.(*ast.Ident); ok && c.pkgVarMentionsHealth(id) {
				res.exempt = true
			}
		}
		return true
	})
	c.bodies[n] = res
	return res
}

// authConst reports whether a call argument is a constant meaning "no
// credentials": 401/403, gRPC codes.Unauthenticated/PermissionDenied, or
// the "Authorization" header name read by fn.
func (c *checker) authConst(a ast.Expr, fn *types.Func) bool {
	tv, ok := c.p.TypesInfo.Types[ast.Unparen(a)]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int:
		v, ok := constant.Int64Val(tv.Value)
		if !ok {
			return false
		}
		if lint.IsNamed(tv.Type, codesPath, "Code") {
			return v == 16 || v == 7
		}
		if b, ok := types.Unalias(tv.Type).(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			return v == 401 || v == 403
		}
	case constant.String:
		// Reading the header (Header.Get, c.GetHeader, md.Get), not
		// deleting or redacting it.
		if fn == nil || !readsHeader[fn.Name()] {
			return false
		}
		return strings.EqualFold(constant.StringVal(tv.Value), "authorization")
	}
	return false
}

// readsHeader are the method names that read a request header or gRPC
// metadata value.
var readsHeader = map[string]bool{"Get": true, "GetHeader": true, "Values": true, "Peek": true, "Header": true}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// pkgVarMentionsHealth reports whether id names a package-level variable of
// this package whose initializer mentions a health path: a skip list such
// as var public = map[string]bool{"/healthz": true}.
func (c *checker) pkgVarMentionsHealth(id *ast.Ident) bool {
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
// middleware: echo's Skipper, SkipPaths, ExcludedPaths, PublicRoutes...
var skipKeys = []string{"skip", "exclude", "ignore", "public", "exempt", "bypass", "allowlist", "whitelist", "unprotected", "anonymous", "optional"}

// skipConfigured reports whether a middleware factory call is configured
// to let some requests through: a config field named like Skipper or
// SkipPaths (whatever its value), or a health path among its arguments.
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
				if id, ok := n.Key.(*ast.Ident); ok && isSkipKey(id.Name) {
					found = true
				}
			case *ast.FuncLit:
				// A callback that exempts health (an authFunc comparing
				// grpc.Method(ctx) with the health service).
				if c.body(n, 0).exempt {
					found = true
				}
				return false
			case *ast.Ident:
				if fn, ok := c.p.TypesInfo.Uses[n].(*types.Func); ok {
					if decl := c.decls[fn.Origin()]; decl != nil && c.body(decl, 0).exempt {
						found = true
					}
				}
				if v, ok := c.p.TypesInfo.Uses[n].(*types.Var); ok && depth < 2 {
					for _, fa := range c.p.FieldAssigns(v) {
						if isSkipKey(fa.Field) {
							found = true
						}
					}
					if def, ok := c.p.SingleValue(v); ok {
						visit(def, depth+1)
					}
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

// handlerish reports whether t is a handler, a router or a handler
// function: anything a route can be registered with or wrapped around.
func handlerish(t types.Type) bool {
	if t == nil {
		return false
	}
	if kindOfType(t) != kNone {
		return true
	}
	if lint.IsNamed(t, httpPath, "HandlerFunc") || lint.IsNamed(t, echoPath, "HandlerFunc") || lint.IsNamed(t, ginPath, "HandlerFunc") {
		return true
	}
	if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP"); obj != nil {
		if _, ok := obj.(*types.Func); ok {
			return true
		}
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		ps := sig.Params()
		if ps.Len() == 2 && lint.IsNamed(ps.At(0).Type(), httpPath, "ResponseWriter") && lint.IsPointerTo(ps.At(1).Type(), httpPath, "Request") {
			return true
		}
		if ps.Len() == 1 && lint.IsPointerTo(ps.At(0).Type(), ginPath, "Context") {
			return true
		}
		if ps.Len() == 1 && lint.IsNamed(ps.At(0).Type(), echoPath, "Context") && sig.Results().Len() == 1 {
			return true
		}
	}
	return false
}

// isMWType reports whether t is a middleware type: a function from handler
// to handler, gin.HandlerFunc, or a gRPC server interceptor.
func isMWType(t types.Type) bool {
	if t == nil {
		return false
	}
	for _, n := range [][2]string{{ginPath, "HandlerFunc"}, {echoPath, "MiddlewareFunc"}, {gorillaPath, "MiddlewareFunc"}, {grpcPath, "UnaryServerInterceptor"}, {grpcPath, "StreamServerInterceptor"}} {
		if lint.IsNamed(t, n[0], n[1]) {
			return true
		}
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	ps := sig.Params()
	for i := 0; i < ps.Len(); i++ {
		pt := ps.At(i).Type()
		if lint.IsPointerTo(pt, grpcPath, "UnaryServerInfo") || lint.IsPointerTo(pt, grpcPath, "StreamServerInfo") {
			return true
		}
	}
	if ps.Len() == 1 && lint.IsPointerTo(ps.At(0).Type(), ginPath, "Context") && sig.Results().Len() == 0 {
		return true
	}
	if sig.Results().Len() == 1 && handlerish(sig.Results().At(0).Type()) {
		for i := 0; i < ps.Len(); i++ {
			if handlerish(ps.At(i).Type()) {
				return true
			}
		}
	}
	return false
}

// middlewareShaped reports whether fn is middleware or a middleware
// factory: only those are judged by their source when they belong to
// another package of the module.
func middlewareShaped(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if isMWType(sig) {
		return true
	}
	return sig.Results().Len() >= 1 && isMWType(sig.Results().At(0).Type())
}
