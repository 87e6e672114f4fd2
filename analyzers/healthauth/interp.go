package healthauth

// The statement interpreter: it walks the package's functions in
// execution order, following calls within the package with their
// arguments, and tracks what each expression is in terms of routers
// (router.go). Calls into the frameworks are handed to dispatch
// (dispatch.go), which runs the framework table's row (frameworks.go).

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A value is what the interpreter knows of an expression.
type value struct {
	r    *router    // the router it is (or wraps)
	m    *mw        // auth middleware wrapped around it (for routes: in front of them)
	b    *builder   // a route being built
	list []ast.Expr // elements of a slice literal (middleware, server options, routes)
}

func (v value) empty() bool { return v.r == nil && v.m == nil && v.b == nil && v.list == nil }

// kind returns the kind of router or builder v is, or nil.
func (v value) kind() *kind {
	switch {
	case v.r != nil:
		return v.r.kind
	case v.b != nil:
		return v.b.kind
	}
	return nil
}

// A frame holds the local variables of one interpreted function call.
type frame struct {
	vars   map[types.Object]value
	parent *frame // enclosing function of a closure
	ret    value
}

func newFrame(parent *frame) *frame {
	return &frame{vars: make(map[types.Object]value), parent: parent}
}

// interp interprets the package's functions in source order, following
// calls within the package, to find router values, their middleware and
// their health routes.
type interp struct {
	c        *checker
	seq      int
	root     int
	budget   int
	depth    int
	active   map[*ast.FuncDecl]bool
	globals  map[types.Object]value // package variables and struct fields
	defaults map[*kind]*router      // default routers (http.DefaultServeMux)
	routes   []*route
}

const (
	maxBudget = 400000
	maxDepth  = 8 // calls followed into the package
)

func newInterp(c *checker) *interp {
	return &interp{
		c:        c,
		budget:   maxBudget,
		active:   make(map[*ast.FuncDecl]bool),
		globals:  make(map[types.Object]value),
		defaults: make(map[*kind]*router),
	}
}

// run interprets every root: a function of a non-test, non-generated file
// that nothing in the package calls or refers to.
func (in *interp) run(roots []*ast.FuncDecl) {
	for _, d := range roots {
		in.root++
		in.active[d] = true
		in.block(newFrame(nil), d.Body)
		delete(in.active, d)
	}
}

func (in *interp) block(f *frame, b *ast.BlockStmt) {
	if b == nil {
		return
	}
	for _, s := range b.List {
		in.stmt(f, s)
	}
}

func (in *interp) stmt(f *frame, s ast.Stmt) {
	if in.budget <= 0 || s == nil {
		return
	}
	in.budget--
	switch s := s.(type) {
	case *ast.ExprStmt:
		in.eval(f, s.X)
	case *ast.AssignStmt:
		switch {
		case s.Tok != token.ASSIGN && s.Tok != token.DEFINE:
			for _, e := range s.Rhs {
				in.eval(f, e)
			}
		case len(s.Lhs) == len(s.Rhs):
			vals := make([]value, len(s.Rhs))
			for i, e := range s.Rhs {
				vals[i] = in.eval(f, e)
			}
			for i, l := range s.Lhs {
				in.assign(f, l, vals[i])
			}
		case len(s.Rhs) == 1:
			v := in.eval(f, s.Rhs[0])
			in.assign(f, s.Lhs[0], v)
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, v := range vs.Values {
					val := in.eval(f, v)
					if i < len(vs.Names) {
						in.assign(f, vs.Names[i], val)
					}
				}
			}
		}
	case *ast.ReturnStmt:
		for _, e := range s.Results {
			v := in.eval(f, e)
			if f.ret.empty() && !v.empty() {
				f.ret = v
			}
		}
	case *ast.IfStmt:
		in.stmt(f, s.Init)
		in.eval(f, s.Cond)
		in.block(f, s.Body)
		in.stmt(f, s.Else)
	case *ast.ForStmt:
		in.stmt(f, s.Init)
		in.eval(f, s.Cond)
		in.block(f, s.Body)
		in.stmt(f, s.Post)
	case *ast.RangeStmt:
		in.eval(f, s.X)
		in.block(f, s.Body)
	case *ast.SwitchStmt:
		in.stmt(f, s.Init)
		in.eval(f, s.Tag)
		in.block(f, s.Body)
	case *ast.TypeSwitchStmt:
		in.stmt(f, s.Init)
		in.stmt(f, s.Assign)
		in.block(f, s.Body)
	case *ast.SelectStmt:
		in.block(f, s.Body)
	case *ast.CaseClause:
		for _, e := range s.List {
			in.eval(f, e)
		}
		for _, st := range s.Body {
			in.stmt(f, st)
		}
	case *ast.CommClause:
		in.stmt(f, s.Comm)
		for _, st := range s.Body {
			in.stmt(f, st)
		}
	case *ast.BlockStmt:
		in.block(f, s)
	case *ast.LabeledStmt:
		in.stmt(f, s.Stmt)
	case *ast.GoStmt:
		in.eval(f, s.Call)
	case *ast.DeferStmt:
		in.eval(f, s.Call)
	}
}

// eval evaluates e for its effects on routers, in evaluation order, and
// returns what is known of its value.
func (in *interp) eval(f *frame, e ast.Expr) value {
	if e == nil || in.budget <= 0 {
		return value{}
	}
	in.budget--
	info := in.c.p.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj, ok := info.Uses[e].(*types.Var); ok {
			return in.lookup(f, obj)
		}
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			if sel.Kind() == types.FieldVal {
				in.eval(f, e.X)
				return in.lookup(f, sel.Obj())
			}
			return value{}
		}
		if obj, ok := info.Uses[e.Sel].(*types.Var); ok { // pkg.Var
			return in.lookup(f, obj)
		}
	case *ast.StarExpr:
		return in.eval(f, e.X)
	case *ast.UnaryExpr:
		v := in.eval(f, e.X)
		if e.Op == token.AND {
			return v
		}
	case *ast.BinaryExpr:
		in.eval(f, e.X)
		in.eval(f, e.Y)
	case *ast.TypeAssertExpr:
		return in.eval(f, e.X)
	case *ast.IndexExpr:
		in.eval(f, e.X)
		in.eval(f, e.Index)
	case *ast.CompositeLit:
		return in.compositeLit(f, e)
	case *ast.FuncLit:
		in.block(newFrame(f), e.Body)
	case *ast.CallExpr:
		return in.call(f, e)
	}
	return value{}
}

// isGlobal reports whether obj lives in in.globals: a package-level
// variable (of any package) or a struct field. Fields are keyed by the
// field object, so s.router is one router in every method (see doc.go).
func (in *interp) isGlobal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && (v.IsField() || (v.Pkg() != nil && v.Parent() == v.Pkg().Scope()))
}

func (in *interp) assign(f *frame, lhs ast.Expr, v value) {
	info := in.c.p.TypesInfo
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		obj := info.Defs[l]
		if obj == nil {
			obj = info.Uses[l]
		}
		if obj != nil {
			in.bind(f, obj, v)
		}
	case *ast.SelectorExpr:
		sel := info.Selections[l]
		if sel == nil || sel.Kind() != types.FieldVal {
			return
		}
		if isServeField(info.TypeOf(l.X), l.Sel.Name) {
			in.serve(v) // srv.Handler = auth(mux)
		}
		in.globals[sel.Obj()] = v
	}
}

func (in *interp) bind(f *frame, obj types.Object, v value) {
	if in.isGlobal(obj) {
		in.globals[obj] = v
		return
	}
	for fr := f; fr != nil; fr = fr.parent {
		if _, ok := fr.vars[obj]; ok {
			fr.vars[obj] = v
			return
		}
	}
	f.vars[obj] = v
}

// lookup returns the value of a variable, creating a router for an unbound
// router-typed variable (a parameter, a field, a package variable).
func (in *interp) lookup(f *frame, obj types.Object) value {
	if in.isGlobal(obj) {
		if v, ok := in.globals[obj]; ok {
			return v
		}
		if obj.Pkg() != nil {
			if k := defaultRouters[typeName{obj.Pkg().Path(), obj.Name()}]; k != nil {
				return value{r: in.defaultRouter(k)}
			}
		}
		v := in.fresh(obj.Type())
		in.globals[obj] = v
		return v
	}
	top := f
	for fr := f; fr != nil; fr = fr.parent {
		if v, ok := fr.vars[obj]; ok {
			return v
		}
		top = fr
	}
	v := in.fresh(obj.Type())
	if top != nil {
		top.vars[obj] = v
	}
	return v
}

// fresh returns a new router for a value of a router type whose origin
// the interpreter has not seen (a parameter, another package's result).
func (in *interp) fresh(t types.Type) value {
	if k := kindOfType(t); k != nil && !k.builder {
		return value{r: in.newRouter(k)}
	}
	return value{}
}

func (in *interp) compositeLit(f *frame, e *ast.CompositeLit) value {
	info := in.c.p.TypesInfo
	t := info.TypeOf(e)
	var served value
	for _, elt := range e.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			v := in.eval(f, kv.Value)
			id, _ := kv.Key.(*ast.Ident)
			if id == nil || v.empty() {
				continue
			}
			// &server{router: r}: the field holds the router (fields are
			// keyed by the field object, see isGlobal).
			if fv, ok := info.Uses[id].(*types.Var); ok && fv.IsField() {
				in.globals[fv] = v
			}
			if isServeField(t, id.Name) {
				served = v // http.Server{Handler: auth(mux)}
			}
			continue
		}
		in.eval(f, elt)
	}
	in.serve(served)
	if k := kindOfType(t); k != nil && !k.builder {
		return value{r: in.newRouter(k)} // &http.ServeMux{}
	}
	if t != nil {
		if _, ok := t.Underlying().(*types.Slice); ok {
			return value{list: e.Elts}
		}
	}
	return value{}
}

// call evaluates a call: framework calls (dispatch), calls into the
// package (followed), and handler wrappers.
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
			return in.builtin(f, b, call)
		}
	}
	fn := in.c.p.Callee(call)
	var recv value
	if fn != nil {
		if recvExpr := in.c.p.Receiver(call); recvExpr != nil {
			recv = in.eval(f, recvExpr)
			if recv.kind() == nil {
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
		if v, ok := in.dispatch(f, call, fn, recv, args); ok {
			return v
		}
		if decl := in.c.decls[fn]; fn.Pkg() == in.c.p.Pkg && !middlewareShaped(fn) && in.canFollow(decl) {
			vals := in.evalAll(f, args)
			if v := in.follow(decl, recv, vals); !v.empty() {
				return v
			}
			return in.wrap(call, args, vals)
		}
	}
	return in.wrap(call, args, in.evalAll(f, args))
}

func (in *interp) builtin(f *frame, b *types.Builtin, call *ast.CallExpr) value {
	if b.Name() == "append" && len(call.Args) > 0 {
		v := in.eval(f, call.Args[0])
		l := append([]ast.Expr(nil), v.list...)
		l = append(l, in.list(f, call, call.Args[1:])...)
		return value{list: l}
	}
	in.evalAll(f, call.Args)
	return value{}
}

func (in *interp) evalAll(f *frame, args []ast.Expr) []value {
	vals := make([]value, len(args))
	for i, a := range args {
		vals[i] = in.eval(f, a)
	}
	return vals
}

func (in *interp) canFollow(decl *ast.FuncDecl) bool {
	return decl != nil && decl.Body != nil && !in.active[decl] && in.depth < maxDepth
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

// callback interprets a function argument (chi Group/Route, fiber Route)
// with its router parameter bound to r.
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
			if decl := in.c.decls[fn.Origin()]; in.canFollow(decl) {
				in.follow(decl, recv, []value{{r: r}})
			}
		}
	default:
		in.eval(f, fnExpr)
	}
}

// list expands a variadic argument list: f(a, b) or f(xs...) where xs is a
// slice literal (directly, through a variable or built with append).
func (in *interp) list(f *frame, call *ast.CallExpr, args []ast.Expr) []ast.Expr {
	if call.Ellipsis == token.NoPos || len(args) == 0 {
		in.evalAll(f, args)
		return args
	}
	out := append([]ast.Expr(nil), args[:len(args)-1]...)
	in.evalAll(f, out)
	return append(out, in.eval(f, args[len(args)-1]).list...)
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
