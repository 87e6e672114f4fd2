package healthauth

// The dispatcher: it runs the framework table's row (frameworks.go) for a
// call the interpreter meets, on the router model (router.go).

import (
	"go/ast"
	"go/types"

	"github.com/meshlint/meshlint/internal/lint"
)

// A callArgs is one call being dispatched: its arguments, each evaluated
// once (in.eval's effects happen once), and their values.
type callArgs struct {
	in   *interp
	f    *frame
	call *ast.CallExpr
	args []ast.Expr
	vals map[ast.Expr]value
}

// arg returns argument i (last: the last one), or nil.
func (x *callArgs) arg(i int) ast.Expr {
	if i == last {
		i = len(x.args) - 1
	}
	if i < 0 || i >= len(x.args) {
		return nil
	}
	return x.args[i]
}

// eval returns the value of e, evaluating it the first time.
func (x *callArgs) eval(e ast.Expr) value {
	if e == nil {
		return value{}
	}
	if v, ok := x.vals[e]; ok {
		return v
	}
	v := x.in.eval(x.f, e)
	x.vals[e] = v
	return v
}

// from returns the arguments from i on, a final xs... expanded to the
// elements of the slice it holds.
func (x *callArgs) from(i int) []ast.Expr {
	if i < 0 || i >= len(x.args) {
		return nil
	}
	args := x.args[i:]
	if !x.call.Ellipsis.IsValid() {
		return args
	}
	out := append([]ast.Expr(nil), args[:len(args)-1]...)
	return append(out, x.eval(args[len(args)-1]).list...)
}

// evalExcept evaluates every argument but the one at skip, in order.
func (x *callArgs) evalExcept(skip int) {
	for i, a := range x.args {
		if i != skip {
			x.eval(a)
		}
	}
}

// dispatch runs the table's row for a call of fn on recv. It reports false
// for calls the table does not model.
func (in *interp) dispatch(f *frame, call *ast.CallExpr, fn *types.Func, recv value, args []ast.Expr) (value, bool) {
	x := &callArgs{in: in, f: f, call: call, args: args, vals: make(map[ast.Expr]value)}
	rw, ok := rowOf(fn, recv.kind())
	if !ok {
		if recv.b != nil { // r.Path("/x").Methods("GET").Schemes("https")...
			x.evalExcept(none)
			return recv, true
		}
		return value{}, false
	}
	if rw.op != opGroup || rw.fn == none {
		x.evalExcept(none) // arguments first, as Go does; a callback runs with its router
	}
	switch rw.op {
	case opNew:
		return in.opNew(x, rw), true
	case opRoute:
		in.opRoute(x, rw, recv)
	case opUse:
		in.opUse(x, rw, recv.r)
	case opGroup:
		return in.opGroup(x, rw, recv), true
	case opMount:
		in.opMount(x, rw, recv.r)
	case opServe:
		in.opServe(x, rw)
	case opBuild:
		return in.opBuild(x, rw, recv), true
	case opHealth:
		if v := x.eval(x.arg(rw.handler)); v.r != nil && v.r.kind == rw.kind {
			in.routes = append(in.routes, &route{pos: call.Pos(), grpc: true, r: v.r, seq: in.next(), root: in.root, order: len(in.routes)})
		}
	case opRoutes:
		in.opRoutes(x, rw, recv.r)
	case opWrapRoutes:
		return in.opWrapRoutes(x, rw), true
	}
	// Chained registration (gin: r.Use(a).GET(...)) returns the receiver.
	if k := recv.kind(); k != nil && kindOfType(in.c.p.TypesInfo.TypeOf(call)) == k {
		return recv, true
	}
	return value{}, true
}

// opNew makes a router; for gRPC, the auth interceptors among its server
// options are its uses.
func (in *interp) opNew(x *callArgs, rw row) value {
	r := in.newRouter(rw.kind)
	for _, opt := range x.from(rw.mw) {
		for _, ic := range in.interceptors(x.f, opt, 0) {
			in.addUse(r, in.c.classify(ic, 0), "")
		}
	}
	return value{r: r}
}

// opRoute registers a route on recv (or on the default router): a route
// whose middleware are given with it or wrapped around its handler, or a
// mount when the handler is itself a router.
func (in *interp) opRoute(x *callArgs, rw row, recv value) {
	r := recv.r
	if rw.onDefault {
		r = in.defaultRouter(rw.kind)
	} else if recv.b != nil {
		r = recv.b.r
	}
	var h ast.Expr
	var mws []ast.Expr
	if rw.handler == last {
		hs := x.from(rw.mw)
		if len(hs) == 0 {
			return
		}
		h, mws = hs[len(hs)-1], hs[:len(hs)-1]
	} else {
		h, mws = x.arg(rw.handler), x.from(rw.mw)
	}
	v := x.eval(h)
	m := in.firstAuth(mws)
	if v.r != nil && v.r != r {
		in.mount(v, r, m)
		return
	}
	if m == nil {
		m = v.m
	}
	if rw.path == none && recv.b != nil {
		in.addPath(x.call.Pos(), r, r.prefix, lint.Str{Prefix: recv.b.path, Complete: recv.b.complete}, m)
		return
	}
	in.addRoute(x.call.Pos(), r, x.arg(rw.path), m)
}

// opUse adds middleware to r. For a prefixed kind (fiber) the string
// arguments are the path prefixes it applies to, and a router among the
// arguments is mounted there (fiber v3: app.Use("/v1", sub)).
func (in *interp) opUse(x *callArgs, rw row, r *router) {
	if r == nil {
		return
	}
	es := x.from(rw.mw)
	if !r.kind.prefixed {
		in.addUses(r, es, "")
		return
	}
	info := in.c.p.TypesInfo
	prefixes := []string{""}
	var mws []ast.Expr
	var subs []value
	for _, e := range es {
		switch t := info.TypeOf(e); {
		case isStringType(t):
			s := in.c.p.StringOf(e)
			if !s.Complete {
				return // middleware for a path not known: it cannot be placed
			}
			prefixes = []string{s.Prefix}
		case isStringSlice(t):
			if prefixes = in.stringList(e); prefixes == nil {
				return
			}
		case x.eval(e).r != nil:
			subs = append(subs, x.eval(e))
		default:
			mws = append(mws, e)
		}
	}
	for _, p := range prefixes {
		in.addUses(r, mws, p)
		for _, sub := range subs {
			if sub.r.prefix == "" {
				sub.r.prefix = joinPath(r.prefix, p)
			}
			in.mount(sub, r, nil)
		}
	}
}

// opGroup makes a group of recv (a subrouter of a route being built).
func (in *interp) opGroup(x *callArgs, rw row, recv value) value {
	parent := recv.r
	prefix := ""
	if recv.b != nil {
		parent, prefix = recv.b.r, recv.b.path
	}
	if parent == nil {
		x.evalExcept(none)
		return value{}
	}
	if rw.path != none {
		prefix = in.c.p.StringOf(x.arg(rw.path)).Prefix
	}
	c := in.child(parent, rw.kind, prefix)
	mws := x.from(rw.mw)
	x.evalExcept(rw.fn)
	if c.kind.prefixed {
		in.addUses(c, mws, "") // fiber: app.Group("/api", auth) is app.Use("/api", auth)
	} else {
		c.explicit = in.firstAuth(mws)
	}
	if rw.fn != none {
		in.callback(x.f, x.arg(rw.fn), c)
	}
	return value{r: c}
}

// opMount mounts a router (or a plain handler) on r at a prefix.
func (in *interp) opMount(x *callArgs, rw row, r *router) {
	v := x.eval(x.arg(rw.handler))
	if r == nil {
		return
	}
	if v.r != nil {
		if v.r.prefix == "" {
			v.r.prefix = joinPath(r.prefix, in.c.p.StringOf(x.arg(rw.path)).Prefix)
		}
		in.mount(v, r, nil)
		return
	}
	in.addRoute(x.call.Pos(), r, x.arg(rw.path), v.m)
}

// opServe serves a handler; nil serves the default router (mux).
func (in *interp) opServe(x *callArgs, rw row) {
	h := x.arg(rw.handler)
	if h == nil {
		return
	}
	if id, ok := ast.Unparen(h).(*ast.Ident); ok {
		if _, isNil := in.c.p.TypesInfo.Uses[id].(*types.Nil); isNil {
			in.serve(value{r: in.defaultRouter(rw.kind)})
			return
		}
	}
	in.serve(x.eval(h))
}

// opBuild starts or extends a route being built.
func (in *interp) opBuild(x *callArgs, rw row, recv value) value {
	b := builder{kind: rw.kind, r: recv.r, complete: true}
	if recv.b != nil {
		b = *recv.b
		b.kind = rw.kind
	}
	if b.r == nil {
		return value{}
	}
	if rw.path != none {
		s := in.c.p.StringOf(x.arg(rw.path))
		b.path += s.Prefix
		b.complete = b.complete && s.Complete
	}
	return value{b: &b}
}

// opRoutes registers route literals (go-zero's rest.Route{Path, Handler})
// on r, behind the auth middleware among the options, those the routes
// were wrapped in, or those wrapped around each handler; a prefix option
// (rest.WithPrefix) is joined in. The route's position is its literal.
func (in *interp) opRoutes(x *callArgs, rw row, r *router) {
	if r == nil {
		return
	}
	opts := x.from(rw.mw)
	m := in.firstAuth(opts)
	prefix := joinPath(r.prefix, in.prefixOption(opts))
	rs := x.arg(rw.routes)
	elems := []ast.Expr{rs}
	v := x.eval(rs)
	if isSlice(in.c.p.TypesInfo.TypeOf(rs)) {
		elems = v.list
	}
	if m == nil {
		m = v.m
	}
	for _, e := range elems {
		in.routeLit(x.f, r, prefix, e, m)
	}
}

// routeLit registers one route literal.
func (in *interp) routeLit(f *frame, r *router, prefix string, e ast.Expr, m *mw) {
	lit := in.literal(e)
	if lit == nil {
		return
	}
	spec, ok := routeLitOf(in.c.p.TypesInfo.TypeOf(lit))
	if !ok {
		return
	}
	if m == nil && spec.mw != "" {
		if l := lint.Field(lit, spec.mw); l != nil {
			m = in.firstAuth(in.eval(f, l).list)
		}
	}
	if m == nil {
		m = in.eval(f, lint.Field(lit, spec.handler)).m
	}
	in.addPath(lit.Pos(), r, prefix, in.c.p.StringOf(lint.Field(lit, spec.path)), m)
}

// opWrapRoutes returns routes behind middleware: rest.WithMiddlewares(ms,
// rs...) and rest.WithMiddleware(m, rs...).
func (in *interp) opWrapRoutes(x *callArgs, rw row) value {
	mws := []ast.Expr{x.arg(rw.mw)}
	if isSlice(in.c.p.TypesInfo.TypeOf(mws[0])) {
		mws = x.eval(mws[0]).list
	}
	m := in.firstAuth(mws)
	if m == nil && x.call.Ellipsis.IsValid() {
		m = x.eval(x.arg(last)).m // WithMiddlewares(a, WithMiddlewares(b, rs...)...)
	}
	return value{list: x.from(rw.routes), m: m}
}

// literal returns the composite literal e is, directly, through & or
// through a variable assigned once.
func (in *interp) literal(e ast.Expr) *ast.CompositeLit {
	for range 4 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return x
		case *ast.UnaryExpr:
			e = x.X
		case *ast.Ident:
			def, ok := in.c.p.SingleValue(in.c.p.ObjectOf(x))
			if !ok {
				return nil
			}
			e = def
		default:
			return nil
		}
	}
	return nil
}

// prefixOption returns the prefix a route option sets (rest.WithPrefix).
func (in *interp) prefixOption(opts []ast.Expr) string {
	for _, o := range opts {
		if call, ok := ast.Unparen(o).(*ast.CallExpr); ok && prefixOptions[in.c.p.CalleeName(call)] && len(call.Args) == 1 {
			return in.c.p.StringOf(call.Args[0]).Prefix
		}
	}
	return ""
}

// stringList returns the known strings of a []string literal, or nil.
func (in *interp) stringList(e ast.Expr) []string {
	lit := in.literal(e)
	if lit == nil {
		return nil
	}
	var out []string
	for _, elt := range lit.Elts {
		s := in.c.p.StringOf(elt)
		if !s.Complete {
			return nil
		}
		out = append(out, s.Prefix)
	}
	return out
}

// interceptors returns the interceptor expressions a server option
// expression installs: grpc.UnaryInterceptor(x), grpc.ChainUnaryInterceptor(a, b)
// and the stream forms, chains (ChainUnaryServer(a, b)) expanded, directly
// or through a variable.
func (in *interp) interceptors(f *frame, opt ast.Expr, depth int) []ast.Expr {
	if depth > 3 {
		return nil
	}
	switch e := ast.Unparen(opt).(type) {
	case *ast.CallExpr:
		fn := in.c.p.Callee(e)
		if fn == nil || !interceptorOptions[in.c.p.FuncName(fn)] && !chainFuncs[fn.Name()] {
			return nil
		}
		var out []ast.Expr
		for _, a := range in.list(f, e, e.Args) {
			if inner := in.interceptors(f, a, depth+1); inner != nil {
				out = append(out, inner...)
			} else {
				out = append(out, a)
			}
		}
		return out
	case *ast.Ident:
		if v := in.c.p.ObjectOf(e); v != nil {
			if def, ok := in.c.p.SingleValue(v); ok {
				return in.interceptors(f, def, depth+1)
			}
		}
	}
	return nil
}

func isStringType(t types.Type) bool {
	b, ok := under(t).(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isSlice(t types.Type) bool {
	_, ok := under(t).(*types.Slice)
	return ok
}

func isStringSlice(t types.Type) bool {
	s, ok := under(t).(*types.Slice)
	return ok && isStringType(s.Elem())
}

func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
