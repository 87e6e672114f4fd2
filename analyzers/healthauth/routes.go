package healthauth

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// kind is the kind of a router value.
type kind int

const (
	kNone         kind = iota
	kServeMux          // *http.ServeMux: routes are matched at serve time
	kChi               // chi.Router / *chi.Mux: Use applies to all routes
	kGin               // *gin.Engine / *gin.RouterGroup: Use applies to routes registered after it
	kEcho              // *echo.Echo: Use/Pre apply to all routes
	kEchoGroup         // *echo.Group: Use applies to routes registered after it
	kGorilla           // *mux.Router: Use applies to all routes and subrouters
	kGorillaRoute      // *mux.Route: a route being built
	kGRPC              // *grpc.Server / grpc.ServiceRegistrar
)

// kindOfType returns the router kind of a type.
func kindOfType(t types.Type) kind {
	if t == nil {
		return kNone
	}
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return kNone
	}
	name := n.Obj().Name()
	switch n.Obj().Pkg().Path() {
	case httpPath:
		if name == "ServeMux" {
			return kServeMux
		}
	case chiPath, chiV1Path:
		if name == "Mux" || name == "Router" {
			return kChi
		}
	case ginPath:
		switch name {
		case "Engine", "RouterGroup", "IRouter", "IRoutes":
			return kGin
		}
	case echoPath:
		switch name {
		case "Echo":
			return kEcho
		case "Group":
			return kEchoGroup
		}
	case gorillaPath:
		switch name {
		case "Router":
			return kGorilla
		case "Route":
			return kGorillaRoute
		}
	case grpcPath:
		if name == "Server" || name == "ServiceRegistrar" {
			return kGRPC
		}
	}
	return kNone
}

// A router is one router, group, subrouter, mux or gRPC server value, with
// the auth middleware that applies to it.
type router struct {
	kind   kind
	prefix string

	parent     *router
	parentAll  bool // all of parent's middleware applies (chi, gorilla, echo instance)
	parentSeq  int  // else: parent's middleware registered before this sequence number
	parentRoot int

	explicit *mw // auth middleware given when the group was made (gin/echo Group args, chi With)
	uses     []use
	contexts []serveCtx // where the router is served or mounted
}

// A use is one Use/Pre of auth middleware (or one auth interceptor).
type use struct {
	m         *mw
	seq, root int
}

// A serveCtx is one place a router is served (http.ListenAndServe,
// http.Server{Handler}) or mounted on another router.
type serveCtx struct {
	m         *mw     // auth wrapper around the router there
	parent    *router // router it is mounted on; nil when served
	seq, root int
}

// ordered reports whether Use applies only to routes registered after it.
func (r *router) ordered() bool { return r.kind == kGin || r.kind == kEchoGroup }

// authAt returns the auth middleware that applies to a route registered on
// r at sequence number seq in root root (seq < 0: every Use applies).
func (r *router) authAt(seq, root, depth int) *mw {
	if r == nil || depth > 16 {
		return nil
	}
	for _, u := range r.uses {
		if !r.ordered() || seq < 0 || (u.root == root && u.seq < seq) {
			return u.m
		}
	}
	if r.explicit != nil {
		return r.explicit
	}
	if r.parent != nil {
		var m *mw
		if r.parentAll {
			m = r.parent.authAt(-1, -1, depth+1)
		} else {
			m = r.parent.authAt(r.parentSeq, r.parentRoot, depth+1)
		}
		if m != nil {
			return m
		}
	}
	// Served or mounted: behind auth only if every known way in is.
	var first *mw
	for _, c := range r.contexts {
		m := c.m
		if m == nil && c.parent != nil {
			m = c.parent.authAt(c.seq, c.root, depth+1)
		}
		if m == nil {
			return nil
		}
		if first == nil {
			first = m
		}
	}
	return first
}

// A route is one health route registration seen in one interpretation.
type route struct {
	pos   token.Pos
	path  string
	grpc  bool
	r     *router
	m     *mw // auth middleware given with the route itself
	seq   int
	root  int
	order int
}

func (rt *route) auth() *mw {
	if rt.m != nil {
		return rt.m
	}
	return rt.r.authAt(rt.seq, rt.root, 0)
}

// A value is what the interpreter knows of an expression.
type value struct {
	r    *router       // the router it is (or wraps)
	m    *mw           // auth middleware wrapped around it
	gr   *gorillaRoute // a gorilla route being built
	list []ast.Expr    // elements of a slice literal (middleware, server options)
}

func (v value) empty() bool { return v.r == nil && v.m == nil && v.gr == nil && v.list == nil }

type gorillaRoute struct {
	r        *router
	path     string
	complete bool
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
	c       *checker
	seq     int
	root    int
	budget  int
	depth   int
	active  map[*ast.FuncDecl]bool
	globals map[types.Object]value // package variables and struct fields
	routes  []*route
	defMux  *router
}

const maxBudget = 400000

func (in *interp) next() int { in.seq++; return in.seq }

func (in *interp) newRouter(k kind) *router { return &router{kind: k} }

func (in *interp) child(parent *router, k kind, all bool, prefix string) *router {
	r := &router{kind: k, parent: parent, parentAll: all, parentSeq: in.next(), parentRoot: in.root}
	if parent != nil {
		r.prefix = parent.prefix
	}
	r.prefix += prefix
	return r
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
		if l.Sel.Name == "Handler" && lint.IsNamed(info.TypeOf(l.X), httpPath, "Server") {
			in.serve(v)
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
		if obj.Pkg() != nil && obj.Pkg().Path() == httpPath && obj.Name() == "DefaultServeMux" {
			return value{r: in.defMux}
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

func (in *interp) fresh(t types.Type) value {
	if k := kindOfType(t); k != kNone && k != kGorillaRoute {
		return value{r: in.newRouter(k)}
	}
	return value{}
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

func (in *interp) compositeLit(f *frame, e *ast.CompositeLit) value {
	t := in.c.p.TypesInfo.TypeOf(e)
	var vals []value
	for _, elt := range e.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			v := in.eval(f, kv.Value)
			vals = append(vals, v)
			// &server{router: r}: the field holds the router (fields are
			// keyed by the field object, see isGlobal).
			if id, ok := kv.Key.(*ast.Ident); ok && !v.empty() {
				if fv, ok := in.c.p.TypesInfo.Uses[id].(*types.Var); ok && fv.IsField() {
					in.globals[fv] = v
				}
			}
			continue
		}
		vals = append(vals, in.eval(f, elt))
	}
	switch {
	case lint.IsNamed(t, httpPath, "ServeMux"):
		return value{r: in.newRouter(kServeMux)}
	case lint.IsNamed(t, httpPath, "Server"):
		if h := lint.Field(e, "Handler"); h != nil {
			for i, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok && kv.Value == h {
					in.serve(vals[i])
				}
			}
		}
	}
	if t != nil {
		if _, ok := t.Underlying().(*types.Slice); ok {
			return value{list: e.Elts}
		}
	}
	return value{}
}

// serve records that a handler value is served (http.ListenAndServe,
// http.Server{Handler: v}): its router gets v's wrappers as one way in.
func (in *interp) serve(v value) {
	if v.r != nil {
		v.r.contexts = append(v.r.contexts, serveCtx{m: v.m})
	}
}

// mount records that a router value is mounted on parent's route.
func (in *interp) mount(v value, parent *router, m *mw) {
	if m == nil {
		m = v.m
	}
	v.r.contexts = append(v.r.contexts, serveCtx{m: m, parent: parent, seq: in.next(), root: in.root})
}

// addRoute records a route registration when its path is a health path.
func (in *interp) addRoute(pos token.Pos, r *router, pathExpr ast.Expr, m *mw) {
	s := in.c.p.StringOf(pathExpr)
	prefix := ""
	if r != nil {
		prefix = r.prefix
	}
	in.addPath(pos, r, prefix, s, m)
}

func (in *interp) addPath(pos token.Pos, r *router, prefix string, s lint.Str, m *mw) {
	full := joinPath(prefix, s.Prefix)
	if !s.Known() || !in.c.segs.isHealthPath(full, s.Complete) {
		return
	}
	if r == nil {
		r = in.newRouter(kNone)
	}
	if !s.Complete {
		full += "..."
	}
	in.routes = append(in.routes, &route{pos: pos, path: full, r: r, m: m, seq: in.next(), root: in.root, order: len(in.routes)})
}

func joinPath(prefix, path string) string {
	if prefix == "" {
		return path
	}
	if strings.HasSuffix(prefix, "/") && strings.HasPrefix(path, "/") {
		return prefix + path[1:]
	}
	return prefix + path
}

// list expands a variadic argument list: f(a, b) or f(xs...) where xs is a
// slice literal (directly, through a variable or built with append).
func (in *interp) list(f *frame, call *ast.CallExpr, args []ast.Expr) []ast.Expr {
	if call.Ellipsis == token.NoPos || len(args) == 0 {
		for _, a := range args {
			in.eval(f, a)
		}
		return args
	}
	out := append([]ast.Expr(nil), args[:len(args)-1]...)
	for _, a := range out {
		in.eval(f, a)
	}
	return append(out, in.eval(f, args[len(args)-1]).list...)
}

// firstAuth classifies middleware expressions and returns the first auth
// one.
func (in *interp) firstAuth(es []ast.Expr) *mw {
	for _, e := range es {
		if m := in.c.classify(e, 0); m != nil {
			return m
		}
	}
	return nil
}

func (in *interp) addUses(r *router, es []ast.Expr) {
	if r == nil {
		return
	}
	for _, e := range es {
		if m := in.c.classify(e, 0); m != nil {
			r.uses = append(r.uses, use{m: m, seq: in.next(), root: in.root})
		}
	}
}
