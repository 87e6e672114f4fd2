package lint

// "Same variable, later assignment" tracking, shared by clienttimeout,
// defaulttransport and ctxprop: a value built without some field
// (&http.Client{} without Timeout, &http.Transport{} without
// MaxIdleConnsPerHost, t.Clone()) is fine when the code sets the field on
// it afterwards:
//
//	c := &http.Client{}
//	c.Timeout = 10 * time.Second
//
// [Package.AssignedLater] answers that question ([Package.AssignedLaterPath]
// for a field below a field, rc.HTTPClient.Timeout; [Package.CalledLater]
// for a setter method, resty's c.SetTimeout(d)). It finds where the value
// is stored ([Package.BindingOf]: a variable, or a field path below one,
// e.g. s.client for &Svc{client: &http.Client{}} bound to s) and then looks
// for an assignment to the field on that storage:
//
//   - for a local variable, later in the same function (a closure in it
//     counts wherever it is written: it may run later);
//   - for a package-level variable, anywhere in the package (e.g. init);
//   - through aliases: d := c; t := c.Transport.(*http.Transport);
//     s.client = c; &Svc{client: c};
//   - inside functions and methods of the same package the value is passed
//     to (configure(c), s.setup()), and in the callers of a same-package
//     function that returns it (c := newClient(); c.Timeout = x);
//   - taking the field's address (flag.DurationVar(&c.Timeout, ...)) counts
//     as an assignment.
//
// Precision first: when the value reaches a function meshlint cannot see
// (a function value, an interface method), the answer is [Unknown] and
// analyzers stay silent. A value passed to a function of another package
// is still judged: libraries take a client or transport to use it, not to
// configure it.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Later is the answer of [Package.AssignedLater].
type Later int

const (
	// NotAssigned: the value is never given the field afterwards (or it
	// goes where nothing can: returned to another package, passed to a
	// function of another package, discarded). Report it.
	NotAssigned Later = iota
	// Assigned: the field is assigned later on the same value.
	Assigned
	// Unknown: the value reaches code meshlint cannot see into. Stay silent.
	Unknown
)

func (l Later) String() string {
	switch l {
	case Assigned:
		return "Assigned"
	case Unknown:
		return "Unknown"
	}
	return "NotAssigned"
}

// BindKind says where a value goes; see [Binding].
type BindKind int

const (
	BindOther  BindKind = iota // discarded, used in place, stored where meshlint does not follow (m[k] = v, ch <- v)
	BindVar                    // stored in Var at Path
	BindReturn                 // returned from Func
	BindArg                    // passed to Call
)

// A Binding is where the value of an expression is stored.
type Binding struct {
	Kind BindKind
	Var  *types.Var    // BindVar: the root variable
	Path []string      // fields below the root: BindVar: s.client → [client]; other kinds: where the expression sits inside the stored value (&Svc{client: E} → [client])
	Func ast.Node      // BindReturn: the *ast.FuncDecl or *ast.FuncLit returned from
	Call *ast.CallExpr // BindArg: the call
	Arg  int           // BindArg: parameter index as [Package.Args] counts it; -1 for the receiver of a method expression call
}

// maxLaterDepth bounds how far values are followed into callees and callers.
const maxLaterDepth = 3

// maxTargets bounds the aliases followed for one value.
const maxTargets = 16

// AssignedLater reports whether the field named field is assigned later on
// the value produced by the expression at cur: a composite literal (with or
// without &), a new(T) call, a call such as t.Clone(), or the name of a
// `var c T` declaration. See the comment at the top of later.go.
func (p *Package) AssignedLater(cur inspector.Cursor, field string) Later {
	return p.assignedLater(cur, nil, goal{fields: []string{field}}, 0)
}

// AssignedLaterPath is AssignedLater for a field below a field of the
// value: AssignedLaterPath(cur, "HTTPClient", "Timeout") asks for
// rc.HTTPClient.Timeout = d. Replacing a field on the way
// (rc.HTTPClient = c) counts as assigning it: the new value is judged
// where it is built.
func (p *Package) AssignedLaterPath(cur inspector.Cursor, fields ...string) Later {
	return p.assignedLater(cur, nil, goal{fields: fields}, 0)
}

// CalledLater reports whether one of methods (full names, as
// [Package.FuncName] spells them) is called later on the value produced by
// the expression at cur, with the rules of AssignedLater: resty's
// c.SetTimeout(d) after c := resty.New().
func (p *Package) CalledLater(cur inspector.Cursor, methods map[string]bool) Later {
	return p.assignedLater(cur, nil, goal{methods: methods}, 0)
}

// A goal is what the tracking looks for on the value: an assignment to the
// field path fields below it, or a call of one of methods on it.
type goal struct {
	fields  []string
	methods map[string]bool
}

// assignedLater is AssignedLater for the value at cur.Path+suffix.
func (p *Package) assignedLater(cur inspector.Cursor, suffix []string, g goal, depth int) Later {
	if depth > maxLaterDepth || cur.Node() == nil {
		return Unknown
	}
	b := p.BindingOf(cur)
	path := concat(b.Path, suffix)
	switch b.Kind {
	case BindVar:
		if b.Var == nil {
			return Unknown
		}
		origin := cur.Node()
		t := p.newTarget(b.Var, path, outermostFunc(cur), false)
		return p.track(t, origin, g, depth)
	case BindArg:
		t, res := p.calleeTarget(b.Call, b.Arg, path)
		if res != NotAssigned {
			return res
		}
		if t != nil {
			return p.track(*t, cur.Node(), g, depth+1)
		}
	case BindReturn:
		return p.inCallers(b.Func, path, g, depth)
	}
	return NotAssigned
}

// BindingOf reports where the value of the expression at cur is stored.
// It looks through parentheses, &, conversions and struct composite
// literals (the value of &Svc{client: E} bound to s is s.client). The name
// in `var c T` is bound to c.
func (p *Package) BindingOf(cur inspector.Cursor) Binding {
	var rev []string // field path, innermost first
	for cur.Node() != nil && cur.Parent().Node() != nil {
		next, field, b, done := p.bindStep(cur)
		if done {
			out := slices.Clone(rev)
			slices.Reverse(out)
			b.Path = concat(b.Path, out)
			return b
		}
		if field != "" {
			rev = append(rev, field)
		}
		cur = next
	}
	out := slices.Clone(rev)
	slices.Reverse(out)
	return Binding{Kind: BindOther, Path: out}
}

// bindStep is one move of BindingOf: to the expression holding cur's
// value (next, entering field when that is a struct literal's field), or
// the binding found (done; its Path holds only the part below the bound
// variable, BindingOf appends the literal fields climbed).
func (p *Package) bindStep(cur inspector.Cursor) (next inspector.Cursor, field string, b Binding, done bool) {
	parent := cur.Parent()
	k, idx := cur.ParentEdge()
	other := Binding{Kind: BindOther}
	switch n := parent.Node().(type) {
	case *ast.ParenExpr:
		return parent, "", b, false
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			return parent, "", b, false
		}
	case *ast.KeyValueExpr:
		lit, ok := parent.Parent().Node().(*ast.CompositeLit)
		key, ok2 := n.Key.(*ast.Ident)
		if k == edge.KeyValueExpr_Value && ok && ok2 && p.structOf(lit) != nil {
			return parent.Parent(), key.Name, b, false
		}
	case *ast.CompositeLit:
		if st := p.structOf(n); k == edge.CompositeLit_Elts && st != nil && idx >= 0 && idx < st.NumFields() {
			return parent, st.Field(idx).Name(), b, false
		}
	case *ast.AssignStmt:
		if k == edge.AssignStmt_Rhs && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs) {
			if v, q, ok := p.denote(n.Lhs[idx]); ok {
				return cur, "", Binding{Kind: BindVar, Var: v, Path: q}, true
			}
		}
	case *ast.ValueSpec:
		if id := specName(n, k, idx); id != nil {
			if v, ok := p.Info.Defs[id].(*types.Var); ok {
				return cur, "", Binding{Kind: BindVar, Var: v}, true
			}
		}
	case *ast.ReturnStmt:
		if len(n.Results) == 1 { // multi-value returns are not followed into callers
			for fn := range parent.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				return cur, "", Binding{Kind: BindReturn, Func: fn.Node()}, true
			}
		}
	case *ast.CallExpr:
		if k != edge.CallExpr_Args {
			break
		}
		if tv, ok := p.Info.Types[n.Fun]; ok && tv.IsType() {
			return parent, "", b, false // conversion: same value
		}
		arg := idx
		if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
			if s := p.Info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
				arg--
			}
		}
		return cur, "", Binding{Kind: BindArg, Call: n, Arg: arg}, true
	}
	return cur, "", other, true
}

// denote returns the variable and field path an lvalue-like expression
// refers to: c, s.client, (*p).f, c.Transport.(*http.Transport), &s.client,
// http.DefaultClient (a package variable of another package).
func (p *Package) denote(e ast.Expr) (*types.Var, []string, bool) {
	var rev []string
	for range 32 {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil, nil, false
			}
			e = x.X
		case *ast.SelectorExpr:
			s := p.Info.Selections[x]
			if s == nil { // qualified identifier: pkg.Var
				v, ok := p.Info.Uses[x.Sel].(*types.Var)
				if !ok {
					return nil, nil, false
				}
				slices.Reverse(rev)
				return v, rev, true
			}
			if s.Kind() != types.FieldVal {
				return nil, nil, false
			}
			names := fieldNames(s)
			for i := len(names) - 1; i >= 0; i-- {
				rev = append(rev, names[i])
			}
			e = x.X
		case *ast.Ident:
			v, ok := p.Info.ObjectOf(x).(*types.Var)
			if !ok {
				return nil, nil, false
			}
			slices.Reverse(rev)
			return v, rev, true
		default:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// fieldNames spells a field selection with its implicit embedded fields:
// c.Timeout on a struct embedding *http.Client is [Client Timeout].
func fieldNames(s *types.Selection) []string {
	idx := s.Index()
	names := make([]string, 0, len(idx))
	t := s.Recv()
	for _, i := range idx {
		if ptr, ok := t.Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i < 0 || i >= st.NumFields() {
			return []string{s.Obj().Name()}
		}
		names = append(names, st.Field(i).Name())
		t = st.Field(i).Type()
	}
	return names
}

// structOf returns the struct type a composite literal builds, or nil.
func (p *Package) structOf(lit *ast.CompositeLit) *types.Struct {
	t := p.Info.TypeOf(lit)
	if t == nil {
		return nil
	}
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// StructField returns the value given to the named field in a struct
// composite literal, keyed (T{F: v}) or positional (T{a, b, v}), or nil.
func (p *Package) StructField(lit *ast.CompositeLit, name string) ast.Expr {
	if v := Field(lit, name); v != nil {
		return v
	}
	if len(lit.Elts) == 0 {
		return nil
	}
	if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
		return nil
	}
	st := p.structOf(lit)
	if st == nil {
		return nil
	}
	for i := 0; i < st.NumFields() && i < len(lit.Elts); i++ {
		if st.Field(i).Name() == name {
			return lit.Elts[i]
		}
	}
	return nil
}

// A target is a storage location the tracked value lives in: v.path.
type target struct {
	v      *types.Var
	path   []string
	scope  inspector.Cursor // where v's uses are searched: a function, or the root for package variables
	anyPos bool             // assignments anywhere in scope count (package variables, callee parameters)
}

func (p *Package) newTarget(v *types.Var, path []string, scope inspector.Cursor, anyPos bool) target {
	if v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return target{v: v, path: path, scope: p.Inspector().Root(), anyPos: true}
	}
	return target{v: v, path: path, scope: scope, anyPos: anyPos}
}

// OutermostFunc returns the cursor of the outermost function (a
// *ast.FuncDecl, or a *ast.FuncLit at package level) enclosing cur, or the
// root, whose Node is nil, for package-level expressions.
func OutermostFunc(cur inspector.Cursor) inspector.Cursor {
	return outermostFunc(cur)
}

// outermostFunc is OutermostFunc.
func outermostFunc(cur inspector.Cursor) inspector.Cursor {
	out := cur.Inspector().Root()
	if cur.Node() == nil {
		return out
	}
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		out = c
	}
	return out
}

// track follows the value stored in t (and its aliases) and reports
// whether the goal is met on it after origin.
func (p *Package) track(first target, origin ast.Node, g goal, depth int) Later {
	tr := &tracker{p: p, origin: origin, g: g, depth: depth, work: []target{first}, seen: map[targetKey]bool{}}
	for i := 0; i < len(tr.work) && i < maxTargets; i++ {
		t := tr.work[i]
		if tr.seen[keyOf(t)] {
			continue
		}
		tr.seen[keyOf(t)] = true
		for id := range t.scope.Preorder((*ast.Ident)(nil)) {
			if obj, _ := p.Info.Uses[id.Node().(*ast.Ident)].(*types.Var); obj != t.v {
				continue
			}
			x, q, method := p.selectorPath(id)
			if tr.use(t, x, q, method) {
				return Assigned
			}
		}
	}
	if tr.unknown || len(tr.work) > maxTargets {
		return Unknown
	}
	return NotAssigned
}

// tracker is the state of one track: the storage locations still to
// search and whether some use could not be followed.
type tracker struct {
	p       *Package
	origin  ast.Node
	g       goal
	depth   int
	work    []target
	seen    map[targetKey]bool
	unknown bool
}

// selectorPath climbs from a use of a variable (id) through parentheses,
// stars, type assertions and field selections: x is the outermost
// expression reached, q the field path selected below the variable, and
// method the method selected on x, if any.
func (p *Package) selectorPath(id inspector.Cursor) (x inspector.Cursor, q []string, method *types.Func) {
	x = id
	if x.ParentEdgeKind() == edge.SelectorExpr_Sel {
		x = x.Parent() // pkg.Var
	}
	for {
		parent := x.Parent()
		if parent.Node() == nil {
			return x, q, nil
		}
		k := x.ParentEdgeKind()
		switch n := parent.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			x = parent
			continue
		case *ast.TypeAssertExpr:
			if k == edge.TypeAssertExpr_X {
				x = parent
				continue
			}
		case *ast.SelectorExpr:
			s := p.Info.Selections[n]
			if k != edge.SelectorExpr_X || s == nil {
				return x, q, nil
			}
			if s.Kind() == types.MethodVal {
				method, _ = s.Obj().(*types.Func)
				return x, q, method
			}
			if s.Kind() == types.FieldVal {
				q = append(q, fieldNames(s)...)
				x = parent
				continue
			}
		}
		return x, q, nil
	}
}

// use judges one use of target t (the expression x, selecting field path
// q and maybe a method): it reports true when the use is the assignment
// looked for, and otherwise queues the locations the value flows to.
func (tr *tracker) use(t target, x inspector.Cursor, q []string, method *types.Func) bool {
	p := tr.p
	want := append(slices.Clip(t.path), tr.g.fields...)
	later := t.anyPos || p.after(x, tr.origin)
	switch {
	case len(tr.g.fields) > 0 && hasPrefix(q, want):
		return isWrite(x) && later
	case len(q) > len(t.path) && len(q) < len(want) && hasPrefix(want, q):
		// A field on the way to the goal's: rc.HTTPClient for
		// rc.HTTPClient.Timeout.
		if isWrite(x) {
			return later // replaced: the new value is judged where it is built
		}
		if method == nil && x.ParentEdgeKind() != edge.ExprStmt_X {
			tr.unknown = true // h := rc.HTTPClient; h.Timeout = d: not followed
		}
	case hasPrefix(t.path, q):
		rest := t.path[len(q):]
		if x.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return false // the container is replaced: not a use of the value
		}
		if method != nil {
			return tr.methodUse(t, method, rest, later)
		}
		return tr.flow(t, x, rest)
	}
	return false
}

// methodUse judges a method called on the tracked value (or on the value
// holding it at field path rest).
func (tr *tracker) methodUse(t target, method *types.Func, rest []string, later bool) bool {
	p := tr.p
	fn := method.Origin()
	switch {
	case len(rest) == 0 && tr.g.methods[p.FuncName(fn)] && later:
		return true
	case fn.Pkg() != p.Types:
		// (*http.Client).Do and friends use the value
	case isAbstract(fn):
		// rt.RoundTrip(req) uses the value; svc.Init() on an interface
		// holding it might configure it.
		if len(rest) > 0 {
			tr.unknown = true
		}
	default:
		if decl, ok := p.funcDecl(fn); ok {
			if recv := fn.Signature().Recv(); recv != nil && tr.depth < maxLaterDepth {
				tr.work = append(tr.work, target{v: recv, path: rest, scope: decl, anyPos: true})
			}
		}
	}
	return false
}

// flow follows the value where the expression at x stores it: another
// variable, a callee's parameter, or the callers of a function returning
// it.
func (tr *tracker) flow(t target, x inspector.Cursor, rest []string) bool {
	p := tr.p
	b := p.BindingOf(x)
	switch b.Kind {
	case BindVar:
		if b.Var != nil {
			tr.work = append(tr.work, p.newTarget(b.Var, concat(b.Path, rest), t.scope, t.anyPos))
		}
	case BindArg:
		ct, res := p.calleeTarget(b.Call, b.Arg, concat(b.Path, rest))
		switch {
		case res == Assigned:
			return true
		case res == Unknown:
			tr.unknown = true
		case ct != nil && tr.depth < maxLaterDepth:
			tr.work = append(tr.work, *ct)
		}
	case BindReturn:
		switch p.inCallers(b.Func, concat(b.Path, rest), tr.g, tr.depth+1) {
		case Assigned:
			return true
		case Unknown:
			tr.unknown = true
		}
	}
	return false
}

// isWrite reports whether the expression at x is assigned, incremented,
// ranged into, or has its address taken.
func isWrite(x inspector.Cursor) bool {
	switch x.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
		return true
	case edge.UnaryExpr_X:
		u, _ := x.Parent().Node().(*ast.UnaryExpr)
		return u != nil && u.Op == token.AND
	}
	return false
}

// after reports whether the code at x runs after origin: it comes later in
// the source, or it sits in a function literal that does not contain
// origin (a closure may run at any time).
func (p *Package) after(x inspector.Cursor, origin ast.Node) bool {
	if x.Node().Pos() >= origin.End() {
		return true
	}
	for fl := range x.Enclosing((*ast.FuncLit)(nil)) {
		n := fl.Node()
		if origin.Pos() < n.Pos() || origin.End() > n.End() {
			return true
		}
	}
	return false
}

// calleeTarget says what happens to a value passed to call as parameter
// arg: a same-package function with a body gives a target on its parameter;
// a function value or interface method gives Unknown; a function of another
// package gives (nil, NotAssigned).
func (p *Package) calleeTarget(call *ast.CallExpr, arg int, path []string) (*target, Later) {
	fn := p.Callee(call)
	if fn == nil {
		if tv, ok := p.Info.Types[call.Fun]; ok && tv.IsBuiltin() {
			return nil, NotAssigned // append, copy, ...: not followed
		}
		return nil, Unknown // a function value: it may configure the value
	}
	if isAbstract(fn) {
		return nil, Unknown
	}
	if fn.Pkg() != p.Types {
		return nil, NotAssigned
	}
	decl, ok := p.funcDecl(fn)
	if !ok {
		return nil, Unknown
	}
	sig := fn.Signature()
	var param *types.Var
	switch {
	case arg < 0:
		param = sig.Recv()
	case arg < sig.Params().Len():
		if sig.Variadic() && arg >= sig.Params().Len()-1 {
			return nil, Unknown
		}
		param = sig.Params().At(arg)
	}
	if param == nil || param.Name() == "" || param.Name() == "_" {
		return nil, NotAssigned
	}
	return &target{v: param, path: path, scope: decl, anyPos: true}, NotAssigned
}

// inCallers follows a value returned from a same-package named function
// into each of its callers: one that assigns the field is enough.
func (p *Package) inCallers(fn ast.Node, path []string, g goal, depth int) Later {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || depth >= maxLaterDepth {
		return NotAssigned
	}
	obj, _ := p.Info.Defs[decl.Name].(*types.Func)
	if obj == nil {
		return NotAssigned
	}
	res := NotAssigned
	for c := range p.Inspector().Root().Preorder((*ast.CallExpr)(nil)) {
		if p.Callee(c.Node().(*ast.CallExpr)) != obj {
			continue
		}
		switch p.assignedLater(c, path, g, depth+1) {
		case Assigned:
			return Assigned
		case Unknown:
			res = Unknown
		}
	}
	return res
}

// funcDecl returns the cursor of the declaration (with a body) of fn in
// this package.
func (p *Package) funcDecl(fn *types.Func) (inspector.Cursor, bool) {
	for c := range p.Inspector().Root().Preorder((*ast.FuncDecl)(nil)) {
		d := c.Node().(*ast.FuncDecl)
		if d.Body != nil && p.Info.Defs[d.Name] == fn {
			return c, true
		}
	}
	return inspector.Cursor{}, false
}

// isAbstract reports whether fn is an interface method.
func isAbstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// targetKey identifies a target for de-duplication.
type targetKey struct {
	v    *types.Var
	path string
}

func keyOf(t target) targetKey {
	return targetKey{t.v, strings.Join(t.path, ".")}
}

func hasPrefix(s, prefix []string) bool {
	return len(s) >= len(prefix) && slices.Equal(s[:len(prefix)], prefix)
}

func concat(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	return append(slices.Clip(a), b...)
}

// specName is the name a var declaration binds to the node at edge k,
// index idx of spec: the name itself, or the name its value is given to
// (one value per name); nil for a value of a multi-value call.
func specName(spec *ast.ValueSpec, k edge.Kind, idx int) *ast.Ident {
	switch {
	case k == edge.ValueSpec_Names:
		return spec.Names[idx]
	case k == edge.ValueSpec_Values && len(spec.Names) == len(spec.Values):
		return spec.Names[idx]
	}
	return nil
}
