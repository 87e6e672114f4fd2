package healthauth

import (
	"go/ast"
	"go/types"
)

// httpMethods are the per-method route helpers of chi, gin and echo.
var httpMethods = map[string]bool{
	"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true, "Head": true, "Options": true, "Connect": true, "Trace": true,
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true, "CONNECT": true, "TRACE": true,
	"Any": true, "RouteNotFound": true,
}

// call evaluates a call: framework route/middleware calls, router
// constructors, serving, calls into the package (followed), and
// handler wrappers.
func (in *interp) call(f *frame, call *ast.CallExpr) value {
	info := in.c.p.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return in.eval(f, call.Args[0]) // http.HandlerFunc(h), conversions
		}
		return value{}
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" && len(call.Args) > 0 {
				v := in.eval(f, call.Args[0])
				l := append([]ast.Expr(nil), v.list...)
				l = append(l, in.list(f, call, call.Args[1:])...)
				return value{list: l}
			}
			for _, a := range call.Args {
				in.eval(f, a)
			}
			return value{}
		}
	}
	fn := in.c.p.Callee(call)
	var recv value
	var recvExpr ast.Expr
	if fn != nil {
		if recvExpr = in.c.p.Receiver(call); recvExpr != nil {
			recv = in.eval(f, recvExpr)
			if recv.r == nil && recv.gr == nil {
				recv = in.fresh(info.TypeOf(recvExpr))
			}
		}
	} else if inner, ok := ast.Unparen(call.Fun).(*ast.CallExpr); ok {
		in.eval(f, inner) // factory(cfg)(h)
	} else if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		in.eval(f, lit) // go func() { http.ListenAndServe(addr, auth(mux)) }()
	}
	args := in.c.p.Args(call)
	if fn != nil && fn.Pkg() != nil {
		if v, ok := in.framework(f, call, fn, recv, args); ok {
			return v
		}
		if fn.Pkg() == in.c.p.Pkg && !middlewareShaped(fn) {
			if decl := in.c.decls[fn]; decl != nil && decl.Body != nil && !in.active[decl] && in.depth < 8 {
				vals := make([]value, len(args))
				for i, a := range args {
					vals[i] = in.eval(f, a)
				}
				v := in.follow(decl, recv, vals)
				if !v.empty() {
					return v
				}
				return in.wrap(call, args, vals)
			}
		}
	}
	vals := make([]value, len(args))
	for i, a := range args {
		vals[i] = in.eval(f, a)
	}
	return in.wrap(call, args, vals)
}

// follow interprets a function of the package called with the given
// receiver and argument values, and returns its result.
func (in *interp) follow(decl *ast.FuncDecl, recv value, vals []value) value {
	info := in.c.p.TypesInfo
	nf := newFrame(nil)
	if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
		if obj := info.Defs[decl.Recv.List[0].Names[0]]; obj != nil && !recv.empty() {
			nf.vars[obj] = recv
		}
	}
	i := 0
	for _, field := range decl.Type.Params.List {
		if _, ok := field.Type.(*ast.Ellipsis); ok {
			break
		}
		names := field.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, n := range names {
			if i < len(vals) {
				if obj := info.Defs[n]; obj != nil && !vals[i].empty() {
					nf.vars[obj] = vals[i]
				}
			}
			i++
		}
	}
	in.active[decl] = true
	in.depth++
	in.block(nf, decl.Body)
	in.depth--
	delete(in.active, decl)
	return nf.ret
}

// callback interprets a chi Group/Route function argument with its router
// parameter bound to r.
func (in *interp) callback(f *frame, fnExpr ast.Expr, r *router) {
	info := in.c.p.TypesInfo
	switch fe := ast.Unparen(fnExpr).(type) {
	case *ast.FuncLit:
		nf := newFrame(f)
		if ps := fe.Type.Params.List; len(ps) > 0 && len(ps[0].Names) > 0 {
			if obj := info.Defs[ps[0].Names[0]]; obj != nil {
				nf.vars[obj] = value{r: r}
			}
		}
		in.block(nf, fe.Body)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		var recv value
		if sel, ok := fe.(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil {
				obj = s.Obj()
				recv = in.eval(f, sel.X)
			} else {
				obj = info.Uses[sel.Sel]
			}
		} else {
			obj = info.Uses[fe.(*ast.Ident)]
		}
		if fn, ok := obj.(*types.Func); ok {
			if decl := in.c.decls[fn.Origin()]; decl != nil && decl.Body != nil && !in.active[decl] && in.depth < 8 {
				in.follow(decl, recv, []value{{r: r}})
			}
		}
	default:
		in.eval(f, fnExpr)
	}
}

// wrap evaluates a call that may wrap a handler or router in middleware:
// auth(h), otelhttp.NewHandler(mux, "api"), jwtauth.Verifier(ta)(h),
// mw.Handler(h), chain(h, auth, log).
func (in *interp) wrap(call *ast.CallExpr, args []ast.Expr, vals []value) value {
	info := in.c.p.TypesInfo
	if !handlerish(info.TypeOf(call)) {
		return value{}
	}
	var base value
	found := false
	for i, v := range vals {
		if v.r != nil || v.m != nil || handlerish(info.TypeOf(args[i])) && !isMWType(info.TypeOf(args[i])) {
			found = true
			if base.r == nil {
				base.r = v.r
			}
			if base.m == nil {
				base.m = v.m
			}
		}
	}
	if !found {
		return value{}
	}
	if base.m == nil {
		base.m = in.c.classify(call.Fun, 0)
	}
	if base.m == nil {
		base.m = in.chainBuilder(call)
	}
	if base.m == nil {
		for _, a := range args {
			if isMWType(info.TypeOf(a)) {
				if m := in.c.classify(a, 0); m != nil {
					base.m = m
					break
				}
			}
		}
	}
	return base
}

// chainBuilder classifies the middleware given to a chain builder whose
// method wraps the handler: alice.New(auth, logging).Then(h), or
// chain.Then(h) with chain := alice.New(auth).
func (in *interp) chainBuilder(call *ast.CallExpr) *mw {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	x := ast.Unparen(sel.X)
	if id, ok := x.(*ast.Ident); ok {
		if def, ok := in.c.p.SingleValue(in.c.p.ObjectOf(id)); ok {
			x = ast.Unparen(def)
		}
	}
	builder, ok := x.(*ast.CallExpr)
	if !ok {
		return nil
	}
	for _, a := range builder.Args {
		if isMWType(in.c.p.TypesInfo.TypeOf(a)) {
			if m := in.c.classify(a, 0); m != nil {
				return m
			}
		}
	}
	return nil
}

// framework handles calls into net/http, chi, gin, echo, gorilla/mux and
// gRPC. It reports false for calls it does not model.
func (in *interp) framework(f *frame, call *ast.CallExpr, fn *types.Func, recv value, args []ast.Expr) (value, bool) {
	path := fn.Pkg().Path()
	name := fn.Name()
	sig, _ := fn.Type().(*types.Signature)
	isMethod := sig != nil && sig.Recv() != nil
	arg := func(i int) ast.Expr {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	switch path {
	case httpPath:
		if !isMethod {
			switch name {
			case "NewServeMux":
				return value{r: in.newRouter(kServeMux)}, true
			case "Handle", "HandleFunc":
				in.httpRoute(f, call, in.defMux, arg(0), arg(1))
				return value{}, true
			case "ListenAndServe", "Serve":
				in.serveArg(f, args, 1)
				return value{}, true
			case "ListenAndServeTLS":
				in.serveArg(f, args, 3)
				return value{}, true
			case "ServeTLS":
				in.serveArg(f, args, 1)
				return value{}, true
			}
			return value{}, false
		}
		if recv.r != nil && recv.r.kind == kServeMux && (name == "Handle" || name == "HandleFunc") {
			in.httpRoute(f, call, recv.r, arg(0), arg(1))
			return value{}, true
		}
	case chiPath, chiV1Path:
		if !isMethod {
			if name == "NewRouter" || name == "NewMux" {
				return value{r: in.newRouter(kChi)}, true
			}
			return value{}, false
		}
		r := recv.r
		if r == nil || r.kind != kChi {
			return value{}, false
		}
		switch name {
		case "Use":
			in.addUses(r, in.list(f, call, args))
			return value{}, true
		case "With":
			c := in.child(r, kChi, true, "")
			c.explicit = in.firstAuth(in.list(f, call, args))
			return value{r: c}, true
		case "Group":
			c := in.child(r, kChi, true, "")
			in.callback(f, arg(0), c)
			return value{r: c}, true
		case "Route":
			c := in.child(r, kChi, true, in.c.p.StringOf(arg(0)).Prefix)
			in.callback(f, arg(1), c)
			return value{r: c}, true
		case "Mount":
			v := in.eval(f, arg(1))
			if v.r != nil {
				if v.r.prefix == "" {
					v.r.prefix = joinPath(r.prefix, in.c.p.StringOf(arg(0)).Prefix)
				}
				in.mount(v, r, nil)
			} else {
				in.addRoute(call.Pos(), r, arg(0), v.m)
			}
			return value{}, true
		case "Handle", "HandleFunc":
			in.httpRoute(f, call, r, arg(0), arg(1))
			return value{}, true
		case "Method", "MethodFunc":
			in.eval(f, arg(0))
			in.httpRoute(f, call, r, arg(1), arg(2))
			return value{}, true
		}
		if httpMethods[name] {
			in.httpRoute(f, call, r, arg(0), arg(1))
			return value{}, true
		}
	case ginPath:
		if !isMethod {
			if name == "New" || name == "Default" {
				return value{r: in.newRouter(kGin)}, true
			}
			return value{}, false
		}
		r := recv.r
		if r == nil || r.kind != kGin {
			return value{}, false
		}
		switch name {
		case "Use":
			in.addUses(r, in.list(f, call, args))
			return recv, true
		case "Group":
			c := in.child(r, kGin, false, in.c.p.StringOf(arg(0)).Prefix)
			c.explicit = in.firstAuth(in.list(f, call, args[min(1, len(args)):]))
			return value{r: c}, true
		case "Handle", "Match":
			in.eval(f, arg(0))
			in.handlersRoute(f, call, r, arg(1), in.list(f, call, args[min(2, len(args)):]), true)
			return recv, true
		}
		if httpMethods[name] {
			in.handlersRoute(f, call, r, arg(0), in.list(f, call, args[min(1, len(args)):]), true)
			return recv, true
		}
	case echoPath:
		if !isMethod {
			if name == "New" {
				return value{r: in.newRouter(kEcho)}, true
			}
			return value{}, false
		}
		r := recv.r
		if r == nil || (r.kind != kEcho && r.kind != kEchoGroup) {
			return value{}, false
		}
		switch name {
		case "Use", "Pre":
			in.addUses(r, in.list(f, call, args))
			return value{}, true
		case "Group":
			c := in.child(r, kEchoGroup, r.kind == kEcho, in.c.p.StringOf(arg(0)).Prefix)
			c.explicit = in.firstAuth(in.list(f, call, args[min(1, len(args)):]))
			return value{r: c}, true
		case "Add", "Match":
			in.eval(f, arg(0))
			in.handlersRoute(f, call, r, arg(1), in.list(f, call, args[min(2, len(args)):]), false)
			return value{}, true
		}
		if httpMethods[name] {
			in.handlersRoute(f, call, r, arg(0), in.list(f, call, args[min(1, len(args)):]), false)
			return value{}, true
		}
	case gorillaPath:
		if !isMethod {
			if name == "NewRouter" {
				return value{r: in.newRouter(kGorilla)}, true
			}
			return value{}, false
		}
		if r := recv.r; r != nil && r.kind == kGorilla {
			switch name {
			case "Use":
				in.addUses(r, in.list(f, call, args))
				return value{}, true
			case "Handle", "HandleFunc":
				in.httpRoute(f, call, r, arg(0), arg(1))
				return value{}, true
			case "Path", "PathPrefix":
				s := in.c.p.StringOf(arg(0))
				return value{gr: &gorillaRoute{r: r, path: s.Prefix, complete: s.Complete}}, true
			case "NewRoute", "Methods", "Host", "Headers", "Queries", "Schemes", "MatcherFunc", "Name", "HeadersRegexp", "BuildVarsFunc":
				for _, a := range args {
					in.eval(f, a)
				}
				return value{gr: &gorillaRoute{r: r, complete: true}}, true
			}
			return value{}, false
		}
		if gr := recv.gr; gr != nil {
			switch name {
			case "Path", "PathPrefix":
				s := in.c.p.StringOf(arg(0))
				return value{gr: &gorillaRoute{r: gr.r, path: gr.path + s.Prefix, complete: gr.complete && s.Complete}}, true
			case "Subrouter":
				return value{r: in.child(gr.r, kGorilla, true, gr.path)}, true
			case "Handler", "HandlerFunc":
				v := in.eval(f, arg(0))
				if v.r != nil {
					in.mount(v, gr.r, nil)
				} else {
					in.addPath(call.Pos(), gr.r, gr.r.prefix, strOf(gr.path, gr.complete), v.m)
				}
				return value{gr: gr}, true
			}
			for _, a := range args {
				in.eval(f, a)
			}
			return value{gr: gr}, true
		}
	case grpcPath:
		if !isMethod && name == "NewServer" {
			r := in.newRouter(kGRPC)
			for _, opt := range in.list(f, call, args) {
				for _, ic := range in.interceptors(f, opt, 0) {
					if m := in.c.classify(ic, 0); m != nil {
						r.uses = append(r.uses, use{m: m, seq: in.next(), root: in.root})
					}
				}
			}
			return value{r: r}, true
		}
	case healthPBPath:
		if !isMethod && name == "RegisterHealthServer" {
			v := in.eval(f, arg(0))
			in.eval(f, arg(1))
			if v.r != nil && v.r.kind == kGRPC {
				in.routes = append(in.routes, &route{pos: call.Pos(), grpc: true, r: v.r, seq: in.next(), root: in.root, order: len(in.routes)})
			}
			return value{}, true
		}
	}
	return value{}, false
}

// interceptors returns the interceptor expressions a grpc.ServerOption
// expression installs: grpc.UnaryInterceptor(x), grpc.ChainUnaryInterceptor(a, b)
// and the stream forms, directly or through a variable.
func (in *interp) interceptors(f *frame, opt ast.Expr, depth int) []ast.Expr {
	if depth > 3 {
		return nil
	}
	switch e := ast.Unparen(opt).(type) {
	case *ast.CallExpr:
		switch in.c.p.CalleeName(e) {
		case grpcPath + ".UnaryInterceptor", grpcPath + ".StreamInterceptor":
			var out []ast.Expr
			for _, a := range e.Args {
				if inner := in.interceptors(f, a, depth+1); inner != nil {
					out = append(out, inner...)
				} else {
					out = append(out, a)
				}
			}
			return out
		case grpcPath + ".ChainUnaryInterceptor", grpcPath + ".ChainStreamInterceptor":
			return in.list(f, e, e.Args)
		}
		// go-grpc-middleware v1: grpc.UnaryInterceptor(grpc_middleware.ChainUnaryServer(a, b))
		if fn := in.c.p.Callee(e); fn != nil && (fn.Name() == "ChainUnaryServer" || fn.Name() == "ChainStreamServer") {
			return e.Args
		}
	case *ast.Ident:
		if v := in.c.p.ObjectOf(e); v != nil {
			if def, ok := in.c.p.SingleValue(v); ok {
				return in.interceptors(f, def, depth+1)
			}
		}
	}
	return nil
}

// serveArg serves args[i] (nil: http.DefaultServeMux).
func (in *interp) serveArg(f *frame, args []ast.Expr, i int) {
	for j, a := range args {
		if j != i {
			in.eval(f, a)
		}
	}
	if i >= len(args) {
		return
	}
	if id, ok := ast.Unparen(args[i]).(*ast.Ident); ok && id.Name == "nil" {
		if _, isNil := in.c.p.TypesInfo.Uses[id].(*types.Nil); isNil {
			in.serve(value{r: in.defMux})
			return
		}
	}
	in.serve(in.eval(f, args[i]))
}

// httpRoute records pattern → handler on r: a route whose wrappers are
// the handler's, or a mount when the handler is itself a router.
func (in *interp) httpRoute(f *frame, call *ast.CallExpr, r *router, pattern, handler ast.Expr) {
	in.eval(f, pattern)
	v := in.eval(f, handler)
	if v.r != nil && v.r != r {
		in.mount(v, r, nil)
		return
	}
	in.addRoute(call.Pos(), r, pattern, v.m)
}

// handlersRoute records a gin route (middleware..., handler) or an echo
// route (handler, middleware...).
func (in *interp) handlersRoute(f *frame, call *ast.CallExpr, r *router, pattern ast.Expr, hs []ast.Expr, ginOrder bool) {
	if len(hs) == 0 {
		return
	}
	var h ast.Expr
	var mws []ast.Expr
	if ginOrder {
		h, mws = hs[len(hs)-1], hs[:len(hs)-1]
	} else {
		h, mws = hs[0], hs[1:]
	}
	v := in.eval(f, h)
	m := in.firstAuth(mws)
	if v.r != nil && v.r != r {
		in.mount(v, r, m)
		return
	}
	if m == nil {
		m = v.m
	}
	in.addRoute(call.Pos(), r, pattern, m)
}
