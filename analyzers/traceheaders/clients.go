package traceheaders

// Rule 2: does an outbound HTTP client or gRPC connection provably inject
// nothing? Precision first: anything the analysis cannot see built (a
// parameter, a struct field, a function result, a type of another module,
// an option it does not know) is unknown, and unknown is silent.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// verdict is what the analysis knows of a client's trace injection.
type verdict int

const (
	unknown              verdict = iota
	injects                      // otelhttp/otelgrpc or a module RoundTripper/interceptor that injects
	plainDefClient               // http.DefaultClient (as the module leaves it)
	plainDefTransport            // a client with no Transport: http.DefaultTransport (as the module leaves it)
	plainViaDefTransport         // a Transport that is, or wraps, http.DefaultTransport (as the module leaves it)
	plain                        // a Transport or options that inject nothing, whatever the defaults
)

// maxDepth bounds the values followed for one verdict.
const maxDepth = 6

const (
	pkgHTTP     = "net/http"
	pkgOtelhttp = "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	pkgOtelgrpc = "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	pkgGRPC     = "google.golang.org/grpc"
)

// combine joins the verdicts of the parts of one value: any injecting
// part makes it inject, any unknown part unknown; otherwise the part that
// depends on the widest default.
func combine(a, b verdict) verdict {
	switch {
	case a == injects || b == injects:
		return injects
	case a == unknown || b == unknown:
		return unknown
	case a == plainDefClient || b == plainDefClient:
		return plainDefClient
	case a == plainDefTransport || b == plainDefTransport:
		return plainDefTransport
	case a == plainViaDefTransport || b == plainViaDefTransport:
		return plainViaDefTransport
	}
	return plain
}

// sendVerdict judges the client an HTTP send (lint.HTTPSends) goes
// through.
func (c *checker) sendVerdict(call *ast.CallExpr, name string) verdict {
	if lint.DefaultClientFuncs[name] {
		return plainDefClient
	}
	recv := c.p.Receiver(call)
	if recv == nil {
		return unknown
	}
	return c.clientVerdict(recv, 0)
}

// clientVerdict judges an *http.Client (or http.Client) expression.
func (c *checker) clientVerdict(e ast.Expr, depth int) verdict {
	if depth > maxDepth || e == nil {
		return unknown
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.clientVerdict(x.X, depth+1)
		}
		return unknown
	case *ast.StarExpr:
		return c.clientVerdict(x.X, depth+1)
	}
	if c.p.IsPkgVar(e, pkgHTTP, "DefaultClient") {
		return plainDefClient
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !isHTTPClient(c.p.TypesInfo.TypeOf(x)) {
			return unknown
		}
		tr := c.p.StructField(x, "Transport")
		if tr == nil {
			return plainDefTransport
		}
		return c.transportVerdict(tr, depth+1)
	case *ast.CallExpr:
		if isNew(c.p, x, "Client") {
			return plainDefTransport
		}
		return unknown // a function result
	case *ast.Ident:
		v := c.p.ObjectOf(x)
		if v == nil || v.Pkg() != c.p.Pkg || c.assignedElsewhere(v) {
			return unknown // a parameter, or an exported package variable another package configures
		}
		def, ok := c.p.SingleValue(v)
		if !ok {
			return unknown
		}
		def = ast.Unparen(def)
		if u, ok := def.(*ast.UnaryExpr); ok && u.Op == token.AND {
			def = ast.Unparen(u.X)
		}
		switch d := def.(type) {
		case *ast.CompositeLit, *ast.CallExpr:
			// A later c.Transport = ..., or the client handed to code
			// that may set it: not judged.
			cur, ok := c.p.Inspector().Root().FindNode(d)
			if !ok || c.p.AssignedLater(cur, "Transport") != lint.NotAssigned {
				return unknown
			}
			return c.clientVerdict(d, depth+1)
		case *ast.Ident, *ast.SelectorExpr:
			if len(c.p.FieldAssigns(v)) > 0 {
				return unknown
			}
			return c.clientVerdict(d, depth+1)
		}
	}
	return unknown // struct fields filled elsewhere, parameters, results
}

// assignedElsewhere reports whether v is an exported package-level
// variable that another package of the module may assign (pkg.V = x,
// pkg.V.F = x, pkg.V[i] = x, or &pkg.V), or whose module cannot be read
// to tell. Unexported variables and locals are judged on the package
// alone.
func (c *checker) assignedElsewhere(v *types.Var) bool {
	if !v.Exported() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return false
	}
	ms := c.modSrc()
	if ms == nil {
		return true
	}
	type key struct{ pkg, name string }
	return ms.Memo(key{v.Pkg().Path(), v.Name()}, func() any {
		files, complete := ms.Grep("." + v.Name())
		if !complete {
			return true
		}
		for _, f := range files {
			if skipFile(f) {
				continue
			}
			found := false
			ast.Inspect(f.AST, func(n ast.Node) bool {
				var targets []ast.Expr
				switch n := n.(type) {
				case *ast.AssignStmt:
					targets = n.Lhs
				case *ast.IncDecStmt:
					targets = []ast.Expr{n.X}
				case *ast.UnaryExpr:
					if n.Op == token.AND {
						targets = []ast.Expr{n.X}
					}
				}
				for _, t := range targets {
					found = found || refersTo(f, t, v)
				}
				return !found
			})
			if found {
				return true
			}
		}
		return false
	}).(bool)
}

// refersTo reports whether an lvalue is pkg.V or below it (pkg.V.F,
// pkg.V[i].F) for the package-level variable v, pkg naming v's package.
func refersTo(f *lint.SrcFile, e ast.Expr, v *types.Var) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if x.Sel.Name == v.Name() && f.PkgOf(x.X) == v.Pkg().Path() {
				return true
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// transportVerdict judges the value of an http.Client's Transport field,
// or of a RoundTripper a module RoundTripper wraps (nil: the field is
// absent, and http.DefaultTransport is used).
func (c *checker) transportVerdict(e ast.Expr, depth int) verdict {
	if e == nil {
		return plainViaDefTransport
	}
	if depth > maxDepth {
		return unknown
	}
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok && id.Name == "nil" && c.p.TypesInfo.Uses[id] == types.Universe.Lookup("nil") {
		return plainViaDefTransport
	}
	if c.p.IsPkgVar(e, pkgHTTP, "DefaultTransport") {
		return plainViaDefTransport
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if fn := c.p.Callee(call); fn != nil && fn.Pkg() != nil && isTracingPath(fn.Pkg().Path()) {
			return injects // otelhttp.NewTransport(...), a tracing library's transport
		}
	}
	t := c.p.TypesInfo.TypeOf(e)
	if lint.IsPointerTo(t, pkgHTTP, "Transport") {
		return plain // *http.Transport never injects, however it was built
	}
	if n := namedOf(t); n != nil && n.Obj().Pkg() != nil && isTracingPath(n.Obj().Pkg().Path()) {
		return injects // *otelhttp.Transport, *ochttp.Transport
	}
	switch x := e.(type) {
	case *ast.Ident:
		v := c.p.ObjectOf(x)
		if v == nil || v.Pkg() != c.p.Pkg || c.assignedElsewhere(v) || len(c.p.FieldAssigns(v)) > 0 {
			return unknown
		}
		if def, ok := c.p.SingleValue(v); ok {
			return c.transportVerdict(def, depth+1)
		}
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && x.Op == token.AND {
			return c.roundTripperVerdict(lit, depth+1)
		}
	case *ast.CompositeLit:
		return c.roundTripperVerdict(x, depth+1)
	}
	return unknown
}

// roundTripperVerdict judges a literal of a RoundTripper type of the
// module: it injects when its RoundTrip injects or sets a trace header;
// it is plain when RoundTrip delegates (calls RoundTrip) and every
// RoundTripper the literal wraps is plain; otherwise (a type of another
// module, a RoundTrip that never delegates, wrapped values not visible)
// unknown.
func (c *checker) roundTripperVerdict(lit *ast.CompositeLit, depth int) verdict {
	t := c.p.TypesInfo.TypeOf(lit)
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil || c.modSrc() == nil || !inModule(c.modSrc(), n.Obj().Pkg().Path()) {
		return unknown
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return unknown
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), "RoundTrip")
	fn, ok := obj.(*types.Func)
	if !ok {
		return unknown
	}
	var wrapped []*types.Var // fields holding the RoundTripper(s) it delegates to
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		// RoundTrip promoted from an embedded http.RoundTripper: the
		// embedded value does the work.
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Embedded() && isRoundTripperField(f.Type()) {
				wrapped = append(wrapped, f)
			}
		}
		if len(wrapped) != 1 {
			return unknown
		}
	} else {
		sf, pkg, decl := c.srcOf(fn)
		if decl == nil {
			return unknown
		}
		r := c.judgeSyn(sf, pkg, recvName(decl), decl.Body, 0)
		switch {
		case r.injects:
			return injects
		case !r.delegates:
			return unknown // answers requests itself (a fake), or sends them some other way
		}
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); isRoundTripperField(f.Type()) {
				wrapped = append(wrapped, f)
			}
		}
		if len(wrapped) == 0 {
			return unknown
		}
	}
	v := plain
	for _, f := range wrapped {
		val := c.p.StructField(lit, f.Name())
		v = combine(v, c.transportVerdict(val, depth+1))
	}
	return v
}

// isRoundTripperField reports whether a field's type is http.RoundTripper
// or *http.Transport.
func isRoundTripperField(t types.Type) bool {
	return lint.IsValueOf(t, pkgHTTP, "RoundTripper") || lint.IsPointerTo(t, pkgHTTP, "Transport")
}

// namedOf returns the named type of t or *t, or nil.
func namedOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

func isHTTPClient(t types.Type) bool {
	return lint.IsNamed(t, pkgHTTP, "Client")
}

// isNew reports whether call is new(http.<name>).
func isNew(p *lint.Pass, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if b, ok := p.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return false
	}
	tv, ok := p.TypesInfo.Types[call.Args[0]]
	return ok && tv.IsType() && lint.IsValueOf(tv.Type, pkgHTTP, name)
}

// optionsOf returns the expressions of a variadic options argument list
// (args from the first option on): each argument, or, for opts..., the
// elements of the slice as far as they are known. ok is false when some
// are not known.
func (c *checker) optionsOf(call *ast.CallExpr, args []ast.Expr) ([]ast.Expr, bool) {
	if !call.Ellipsis.IsValid() {
		return args, true
	}
	if len(args) != 1 {
		return nil, false
	}
	return c.sliceElems(args[0], 0)
}

// sliceElems returns the elements a slice expression holds: a slice
// literal, or a variable of the package given only slice literals and
// appends of further elements (opts = append(opts, grpc.WithX())).
// Anything else (a parameter, a function result, an element assignment,
// an address taken, an append of another slice that is not a literal) is
// unknown.
func (c *checker) sliceElems(e ast.Expr, depth int) ([]ast.Expr, bool) {
	if depth > 3 {
		return nil, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		return x.Elts, true
	case *ast.Ident:
		v := c.p.ObjectOf(x)
		if v == nil || v.Pkg() != c.p.Pkg || c.p.AddressTaken(v) || c.assignedElsewhere(v) {
			return nil, false
		}
		return c.varElems(v, depth)
	}
	return nil, false
}

// varElems collects the elements given to slice variable v anywhere in
// the package (see sliceElems).
func (c *checker) varElems(v *types.Var, depth int) ([]ast.Expr, bool) {
	var elems []ast.Expr
	ok, declared := true, false
	add := func(rhs ast.Expr) {
		rhs = ast.Unparen(rhs)
		switch r := rhs.(type) {
		case *ast.CompositeLit:
			elems = append(elems, r.Elts...)
			return
		case *ast.CallExpr:
			if id, isID := ast.Unparen(r.Fun).(*ast.Ident); isID && len(r.Args) >= 1 {
				if b, isB := c.p.TypesInfo.Uses[id].(*types.Builtin); isB && b.Name() == "append" && c.p.ObjectOf(r.Args[0]) == v {
					rest := r.Args[1:]
					if r.Ellipsis.IsValid() {
						if len(rest) != 1 {
							ok = false
							return
						}
						more, known := c.sliceElems(rest[0], depth+1)
						if !known {
							ok = false
							return
						}
						rest = more
					}
					elems = append(elems, rest...)
					return
				}
			}
		case *ast.Ident:
			if r.Name == "nil" {
				return
			}
		}
		ok = false
	}
	for n := range c.p.Inspector().Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.IndexExpr)(nil)) {
		if !ok {
			break
		}
		switch n := n.Node().(type) {
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if c.p.TypesInfo.Defs[id] != v {
					continue
				}
				declared = true
				switch {
				case len(n.Values) == 0:
				case len(n.Values) == len(n.Names):
					add(n.Values[i])
				default:
					ok = false
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if c.p.ObjectOf(lhs) != v {
					if ix, isIx := ast.Unparen(lhs).(*ast.IndexExpr); isIx && c.p.ObjectOf(ix.X) == v {
						ok = false // opts[i] = x
					}
					continue
				}
				if n.Tok == token.DEFINE && c.p.TypesInfo.Defs[ast.Unparen(lhs).(*ast.Ident)] == v {
					declared = true
				}
				if len(n.Lhs) != len(n.Rhs) || (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) {
					ok = false
					continue
				}
				add(n.Rhs[i])
			}
		}
	}
	return elems, ok && declared
}

// dialVerdict judges the options of a gRPC dial (lint.GRPCDials).
func (c *checker) dialVerdict(call *ast.CallExpr, name string) verdict {
	args := c.p.Args(call)
	i := lint.Param(name, "opts")
	if i > len(args) {
		return unknown
	}
	opts, ok := c.optionsOf(call, args[i:])
	if !ok {
		return unknown
	}
	v := plain
	for _, o := range opts {
		v = combine(v, c.dialOptionVerdict(o, 0))
		if v == unknown || v == injects {
			return v
		}
	}
	return v
}

// dialOptionVerdict judges one grpc.DialOption.
func (c *checker) dialOptionVerdict(e ast.Expr, depth int) verdict {
	if depth > maxDepth {
		return unknown
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		v := c.p.ObjectOf(x)
		if v == nil || v.Pkg() != c.p.Pkg {
			return unknown
		}
		if def, ok := c.p.SingleValue(v); ok {
			return c.dialOptionVerdict(def, depth+1)
		}
		return unknown
	case *ast.CallExpr:
		fn := c.p.Callee(x)
		if fn == nil || fn.Pkg() == nil {
			return unknown
		}
		name := c.p.FuncName(fn)
		switch name {
		case "google.golang.org/grpc.WithStatsHandler":
			return c.statsHandlerVerdict(c.p.ArgOf(x, name, "h"))
		case "google.golang.org/grpc.WithUnaryInterceptor", "google.golang.org/grpc.WithStreamInterceptor":
			return c.interceptorVerdict(c.p.ArgOf(x, name, "f"), depth+1)
		case "google.golang.org/grpc.WithChainUnaryInterceptor", "google.golang.org/grpc.WithChainStreamInterceptor":
			list, ok := c.optionsOf(x, c.p.Args(x))
			if !ok {
				return unknown
			}
			v := plain
			for _, ic := range list {
				v = combine(v, c.interceptorVerdict(ic, depth+1))
			}
			return v
		}
		if isTracingPath(fn.Pkg().Path()) {
			return injects
		}
		if fn.Pkg().Path() == pkgGRPC && strings.HasPrefix(fn.Name(), "With") {
			return plain // credentials, keepalive, service config, resolvers, call options...
		}
	}
	return unknown // a function of the module or another library returning options
}

// statsHandlerVerdict judges the argument of grpc.WithStatsHandler.
func (c *checker) statsHandlerVerdict(h ast.Expr) verdict {
	call, ok := ast.Unparen(h).(*ast.CallExpr)
	if !ok {
		return unknown
	}
	if fn := c.p.Callee(call); fn != nil && fn.Pkg() != nil && isTracingPath(fn.Pkg().Path()) {
		return injects // otelgrpc.NewClientHandler(), ocgrpc's
	}
	return unknown
}

// plainInterceptorPaths are libraries whose client interceptors never
// touch trace headers.
var plainInterceptorPaths = []string{
	"github.com/grpc-ecosystem/go-grpc-prometheus",
	"github.com/grpc-ecosystem/go-grpc-middleware/retry",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/timeout",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/validator",
	"github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging",
	"github.com/grpc-ecosystem/go-grpc-middleware/logging",
	"github.com/grpc-ecosystem/go-grpc-middleware/validator",
}

// interceptorVerdict judges one client interceptor: otelgrpc's (or any
// tracing library's) injects; a function of the module is judged by its
// source; the interceptors of a few known libraries are plain; anything
// else is unknown.
func (c *checker) interceptorVerdict(e ast.Expr, depth int) verdict {
	if depth > maxDepth || e == nil {
		return unknown
	}
	e = ast.Unparen(e)
	var fn *types.Func
	switch x := e.(type) {
	case *ast.CallExpr: // a constructor: otelgrpc.UnaryClientInterceptor(), retry.UnaryClientInterceptor(...)
		fn = c.p.Callee(x)
		if fn != nil && fn.Pkg() != nil && !inModuleOrNil(c.modSrc(), fn.Pkg().Path()) {
			path := fn.Pkg().Path()
			if isTracingPath(path) {
				return injects
			}
			for _, p := range plainInterceptorPaths {
				if path == p || strings.HasPrefix(path, p+"/") {
					return plain
				}
			}
			return unknown
		}
		// A constructor of the module: its body (and the closure it
		// returns) is judged below.
	case *ast.FuncLit:
		sf, pkg, lit := c.srcOfLit(x)
		if lit == nil {
			return unknown
		}
		if c.judgeSyn(sf, pkg, "", lit.Body, 0).injects {
			return injects
		}
		return plain
	case *ast.Ident, *ast.SelectorExpr:
		id, _ := x.(*ast.Ident)
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
		switch obj := c.p.TypesInfo.Uses[id].(type) {
		case *types.Func:
			fn = obj
		case *types.Var:
			if obj.Pkg() == c.p.Pkg {
				if def, ok := c.p.SingleValue(obj); ok {
					return c.interceptorVerdict(def, depth+1)
				}
			}
			return unknown
		}
	}
	if fn == nil || fn.Pkg() == nil {
		return unknown
	}
	if isTracingPath(fn.Pkg().Path()) {
		return injects
	}
	sf, pkg, decl := c.srcOf(fn)
	if decl == nil {
		return unknown
	}
	if c.judgeSyn(sf, pkg, recvName(decl), decl.Body, 0).injects {
		return injects
	}
	return plain
}

func inModuleOrNil(ms *lint.ModuleSource, path string) bool {
	return ms != nil && inModule(ms, path)
}

// gatewayVerdict judges the options of runtime.NewServeMux: plain when
// none is WithIncomingHeaderMatcher or WithMetadata and every one is
// known (another runtime option, or a variable holding one); unknown when
// some option is built where the analysis cannot see.
func (c *checker) gatewayVerdict(call *ast.CallExpr) verdict {
	args := c.p.Args(call)
	opts, ok := c.optionsOf(call, args)
	if !ok {
		return unknown
	}
	v := plain
	for _, o := range opts {
		v = combine(v, c.gatewayOptionVerdict(o, 0))
		if v != plain {
			return v
		}
	}
	return v
}

func (c *checker) gatewayOptionVerdict(e ast.Expr, depth int) verdict {
	if depth > maxDepth {
		return unknown
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := c.p.ObjectOf(x)
		if v == nil || v.Pkg() != c.p.Pkg {
			return unknown
		}
		if def, ok := c.p.SingleValue(v); ok {
			return c.gatewayOptionVerdict(def, depth+1)
		}
	case *ast.CallExpr:
		fn := c.p.Callee(x)
		if fn == nil || fn.Pkg() == nil {
			return unknown
		}
		switch name := c.p.FuncName(fn); {
		case lint.GatewayHeaderOptions[name]:
			return injects // headers forwarded as the matcher or annotator decides
		case name == pkgGateway+".WithMiddlewares":
			return unknown // a middleware may rewrite the request's headers (into Grpc-Metadata-*)
		}
		if fn.Pkg().Path() == pkgGateway {
			return plain
		}
	}
	return unknown
}
