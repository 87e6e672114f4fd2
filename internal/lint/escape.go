package lint

// "Does this value stay in its function?", shared by clienttimeout and
// defaulttransport: a client or transport built in a function and used
// only there (a one-shot client) is judged differently from one that is
// returned or stored, whose pool and timeout serve every later call.
//
// [Package.LocalUses] follows the value the way later.go does (through
// parentheses, &, *, type assertions, conversions, struct literals and
// assignments to local variables, and into the fields of a local holding
// it) and reports the method calls made on it, or that it leaves the
// function. Precision first for the analyzers that ask: anything this file
// cannot follow counts as leaving, which keeps the finding.

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A LocalUse is a method call made on a value that stays in its function
// (see [Package.LocalUses]).
type LocalUse struct {
	Call   *ast.CallExpr
	Method *types.Func // the method called (generic origin; an interface method for calls through an interface)
	// Path is where the value sits below the receiver: nil when the value
	// itself is the receiver (c.Do(req) for the client c), [Transport] for
	// c.Do(req) on a client c holding the transport followed.
	Path []string
}

// maxLocalTargets bounds the variables followed for one value.
const maxLocalTargets = 16

// LocalUses reports whether the value of the expression at cur (a
// composite literal, a new(T) or other call, a use of a package variable
// such as http.DefaultClient, or the name of a `var c T` declaration) stays
// in the outermost function around it, and if so returns the method calls
// made on it there, in source order.
//
// The value leaves (local is false) when it, or a value holding it, is
// returned, sent on a channel, stored in a package variable, in a
// parameter, result or a field of one, in a map, slice or array element,
// passed to a function (other than a conversion), used as the receiver of
// a method of this package (it could keep it) or as a method value, or
// captured by a closure that is not called in place (go f(), defer f() and
// func(){...}() are in place), or when its variable's address is taken. At
// package level nothing is local.
//
// Not uses: reading or writing its fields (c.Timeout = d), comparisons,
// discarding it (_ = c), replacing the variable holding it.
func (p *Package) LocalUses(cur inspector.Cursor) (uses []LocalUse, local bool) {
	fn := outermostFunc(cur)
	if cur.Node() == nil || fn.Node() == nil || fn == p.Inspector().Root() {
		return nil, false
	}
	st := &localState{p: p, fn: fn, seen: map[targetKey]bool{}}
	if !st.climb(cur, nil) {
		return nil, false
	}
	for i := 0; i < len(st.work); i++ {
		if i >= maxLocalTargets {
			return nil, false
		}
		t := st.work[i]
		for id := range fn.Preorder((*ast.Ident)(nil)) {
			if p.Info.Uses[id.Node().(*ast.Ident)] != t.v {
				continue
			}
			if !inPlaceClosures(id, fn) || !st.climb(id, t.path) {
				return nil, false
			}
		}
	}
	slices.SortFunc(st.uses, func(a, b LocalUse) int { return cmp.Compare(a.Call.Pos(), b.Call.Pos()) })
	return st.uses, true
}

// localState is the work list of one LocalUses question.
type localState struct {
	p    *Package
	fn   inspector.Cursor
	work []target // variables (and the path below them) holding the value
	seen map[targetKey]bool
	uses []LocalUse
}

// follow adds v.path to the work list; it reports false when v is not a
// variable of the function's body or may be changed through a pointer.
func (st *localState) follow(v *types.Var, path []string) bool {
	if v == nil || !st.isLocal(v) || st.p.AddressTaken(v) {
		return false
	}
	t := target{v: v, path: slices.Clip(path)}
	if k := keyOf(t); !st.seen[k] {
		st.seen[k] = true
		st.work = append(st.work, t)
	}
	return true
}

// isLocal reports whether v is declared in the body of the function (a
// parameter or result of it, or of a closure in it, is not local: a bare
// return or the caller sees it).
func (st *localState) isLocal(v *types.Var) bool {
	body := FuncBody(st.fn.Node())
	if body == nil || v.Pkg() != st.p.Types || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	c, ok := st.fn.FindByPos(v.Pos(), v.Pos())
	if !ok {
		return false
	}
	for range c.Enclosing((*ast.FuncType)(nil)) {
		return false
	}
	return true
}

// climb follows the value held at x (at path below x's value) up the
// expression tree to where it goes. It reports false when the value
// leaves the function.
func (st *localState) climb(x inspector.Cursor, path []string) bool {
	for range 64 {
		next, npath, res, more := st.step(x, path)
		if !more {
			return res
		}
		x, path = next, npath
	}
	return false
}

// step is one move of climb: to the expression holding x's value (more),
// or the verdict on where the value goes (res).
func (st *localState) step(x inspector.Cursor, path []string) (next inspector.Cursor, npath []string, res, more bool) {
	p := st.p
	parent := x.Parent()
	if parent.Node() == nil {
		return x, path, false, false
	}
	k, idx := x.ParentEdge()
	switch n := parent.Node().(type) {
	case *ast.ParenExpr, *ast.StarExpr:
		return parent, path, false, true
	case *ast.TypeAssertExpr:
		return parent, path, true, k == edge.TypeAssertExpr_X
	case *ast.UnaryExpr:
		return parent, path, true, n.Op == token.AND
	case *ast.KeyValueExpr:
		lit, ok := parent.Parent().Node().(*ast.CompositeLit)
		key, ok2 := n.Key.(*ast.Ident)
		if k != edge.KeyValueExpr_Value || !ok || !ok2 || p.structOf(lit) == nil {
			return x, path, false, false // a map key or value
		}
		return parent.Parent(), append([]string{key.Name}, path...), false, true
	case *ast.CompositeLit:
		st0 := p.structOf(n)
		if k != edge.CompositeLit_Elts || st0 == nil || idx < 0 || idx >= st0.NumFields() {
			return x, path, false, false // a slice, array or map element
		}
		return parent, append([]string{st0.Field(idx).Name()}, path...), false, true
	case *ast.SelectorExpr:
		return st.selector(parent, n, k, path)
	case *ast.CallExpr:
		if k != edge.CallExpr_Args {
			return x, path, false, false
		}
		if tv, ok := p.Info.Types[n.Fun]; ok && tv.IsType() {
			return parent, path, false, true // conversion
		}
		return x, path, st.methodExprArg(n, idx, path), false
	case *ast.AssignStmt:
		return x, path, st.assigned(n, k, idx, path), false
	case *ast.ValueSpec:
		return x, path, st.declared(n, k, idx, path), false
	case *ast.ExprStmt, *ast.CaseClause, *ast.SwitchStmt:
		return x, path, true, false // discarded; switch c { case x: } compares
	case *ast.BinaryExpr:
		return x, path, n.Op == token.EQL || n.Op == token.NEQ, false
	}
	return x, path, false, false // returned, sent, an index, a range, a go/defer argument...
}

// selector is step for a selector expression sel (at cursor parent) over
// the value.
func (st *localState) selector(parent inspector.Cursor, sel *ast.SelectorExpr, k edge.Kind, path []string) (inspector.Cursor, []string, bool, bool) {
	s := st.p.Info.Selections[sel]
	if k == edge.SelectorExpr_Sel && s == nil {
		return parent, path, false, true // pkg.Var
	}
	if k != edge.SelectorExpr_X || s == nil {
		return parent, path, true, false
	}
	switch s.Kind() {
	case types.FieldVal:
		names := fieldNames(s)
		if len(path) == 0 || !hasPrefix(path, names) {
			return parent, path, true, false // a field of the value, or another field of its holder
		}
		return parent, path[len(names):], false, true
	case types.MethodVal:
		fn, _ := s.Obj().(*types.Func)
		call, ok := parent.Parent().Node().(*ast.CallExpr)
		if fn == nil || !ok || parent.ParentEdgeKind() != edge.CallExpr_Fun {
			return parent, path, false, false // a method value
		}
		return parent, path, st.method(call, fn.Origin(), path), false
	}
	return parent, path, true, false
}

// methodExprArg judges the value passed as argument idx of call: only
// the receiver of a method expression call, (*http.Client).Do(c, req),
// keeps it in the function.
func (st *localState) methodExprArg(call *ast.CallExpr, idx int, path []string) bool {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && idx == 0 {
		if s := st.p.Info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			if fn, ok := s.Obj().(*types.Func); ok {
				return st.method(call, fn.Origin(), path)
			}
		}
	}
	return false
}

// assigned judges the value on side k of an assignment.
func (st *localState) assigned(n *ast.AssignStmt, k edge.Kind, idx int, path []string) bool {
	if k == edge.AssignStmt_Lhs {
		return true // the holder is replaced
	}
	if n.Tok != token.ASSIGN && n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
		return false
	}
	lhs := n.Lhs[idx]
	if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
		return true // discarded
	}
	v, q, ok := st.plainLHS(lhs)
	return ok && st.follow(v, concat(q, path))
}

// declared judges the value given to a var declaration.
func (st *localState) declared(n *ast.ValueSpec, k edge.Kind, idx int, path []string) bool {
	id := specName(n, k, idx)
	if id == nil {
		return false
	}
	if id.Name == "_" {
		return true
	}
	v, _ := st.p.Info.Defs[id].(*types.Var)
	return st.follow(v, path)
}

// method records a call of fn on the value (at path below the receiver).
// A method of this package could keep its receiver: the value leaves.
func (st *localState) method(call *ast.CallExpr, fn *types.Func, path []string) bool {
	if fn.Pkg() == nil || fn.Pkg() == st.p.Types {
		return false
	}
	st.uses = append(st.uses, LocalUse{Call: call, Method: fn, Path: slices.Clip(path)})
	return true
}

// plainLHS returns the variable and field path of an assignment's left
// side written as v or v.f.g (no index, no dereference of a pointer that
// could point anywhere).
func (st *localState) plainLHS(e ast.Expr) (*types.Var, []string, bool) {
	var rev []string
	for range 32 {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := st.p.Info.ObjectOf(x).(*types.Var)
			slices.Reverse(rev)
			return v, rev, ok
		case *ast.SelectorExpr:
			s := st.p.Info.Selections[x]
			if s == nil || s.Kind() != types.FieldVal {
				return nil, nil, false
			}
			names := fieldNames(s)
			for i := len(names) - 1; i >= 0; i-- {
				rev = append(rev, names[i])
			}
			e = x.X
		default:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// inPlaceClosures reports whether every function literal between the
// identifier at id and fn is called where it is written: go func(){}(),
// defer func(){}(), func(){}(). A closure stored or passed on may run (and
// reuse the value) after the function returns.
func inPlaceClosures(id, fn inspector.Cursor) bool {
	for fl := range id.Enclosing((*ast.FuncLit)(nil)) {
		if fl == fn {
			return true
		}
		if fl.ParentEdgeKind() != edge.CallExpr_Fun {
			return false
		}
	}
	return true
}
