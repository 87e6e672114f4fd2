package lint

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// varInfo records how a variable is given values anywhere in the package.
type varInfo struct {
	defs      []ast.Expr // right-hand sides (nil entry: a value meshlint cannot see, e.g. x, y := f())
	declared  bool       // declared by var or := in this package (not a parameter)
	declOnly  bool       // declared without a value (var x T)
	addrTaken bool       // &x appears: it may be changed through a pointer
	assigns   int        // assignments to the whole variable other than its declaration (x = v, x, y := ... with x declared before, x++, range)
	fields    []FieldAssign
}

// A FieldAssign is an assignment to a field of a variable: v.F = value.
type FieldAssign struct {
	Field string    // the selected field name (the last selector: v.a.F gives F)
	Path  []string  // the whole selector path below v: v.a.F gives [a F]
	Value ast.Expr  // the assigned value (nil for x.F++ or op-assignments)
	Pos   token.Pos // position of the assignment statement
	Func  ast.Node  // the innermost *ast.FuncDecl or *ast.FuncLit holding it; nil at package level
}

// index builds, once, the assignment index of the package.
func (p *Package) index() map[*types.Var]*varInfo {
	p.assignOnce.Do(func() {
		p.vars = make(map[*types.Var]*varInfo)
		// Every file, skipped ones included: a test may configure what
		// the code under test uses.
		for _, fl := range p.nodeList() {
			for _, e := range fl.nodes {
				switch e.n.(type) {
				case *ast.AssignStmt, *ast.ValueSpec, *ast.UnaryExpr, *ast.IncDecStmt, *ast.RangeStmt:
					p.indexNode(e.n, e.fn)
				}
			}
		}
	})
	return p.vars
}

// varOf returns the index entry of the variable id names (creating it),
// or nil.
func (p *Package) varOf(id *ast.Ident) *varInfo {
	if id == nil || id.Name == "_" {
		return nil
	}
	obj := p.Info.Defs[id]
	if obj == nil {
		obj = p.Info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return nil
	}
	vi := p.vars[v]
	if vi == nil {
		vi = &varInfo{}
		p.vars[v] = vi
	}
	return vi
}

// indexNode records what one declaration, assignment or address-of (in
// function fn, nil at package level) does to variables.
func (p *Package) indexNode(n ast.Node, fn ast.Node) {
	get := p.varOf
	switch n := n.(type) {
	case *ast.ValueSpec:
		for i, id := range n.Names {
			vi := get(id)
			if vi == nil {
				continue
			}
			vi.declared = true
			switch {
			case len(n.Values) == len(n.Names):
				vi.defs = append(vi.defs, n.Values[i])
			case len(n.Values) == 0:
				vi.declOnly = true
			default:
				vi.defs = append(vi.defs, nil)
			}
		}
	case *ast.AssignStmt:
		simple := n.Tok == token.ASSIGN || n.Tok == token.DEFINE
		for i, lhs := range n.Lhs {
			var rhs ast.Expr
			if simple && len(n.Lhs) == len(n.Rhs) {
				rhs = n.Rhs[i]
			}
			p.recordLHS(get, lhs, rhs, n.Pos(), fn, n.Tok == token.DEFINE)
		}
	case *ast.IncDecStmt:
		p.recordLHS(get, n.X, nil, n.Pos(), fn, false)
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			if e != nil {
				p.recordLHS(get, e, nil, n.Pos(), fn, n.Tok == token.DEFINE)
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if vi := get(rootIdent(n.X)); vi != nil {
				vi.addrTaken = true
			}
		}
	}
}

// recordLHS records one assigned left-hand side.
func (p *Package) recordLHS(get func(*ast.Ident) *varInfo, lhs, rhs ast.Expr, pos token.Pos, fn ast.Node, define bool) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if vi := get(l); vi != nil {
			if define && p.Info.Defs[l] != nil {
				vi.declared = true // x, err := ... where x already exists is a plain assignment to x
			} else {
				vi.assigns++
			}
			vi.defs = append(vi.defs, rhs)
		}
	case *ast.SelectorExpr:
		var path []string
		var e ast.Expr = l
		for {
			sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
			if !ok {
				break
			}
			s := p.Info.Selections[sel]
			if s == nil && len(path) > 0 {
				// pkg.Var.F = v (http.DefaultClient.Timeout = d): the root is
				// the package variable.
				if _, ok := p.Info.Uses[sel.Sel].(*types.Var); ok {
					if vi := get(sel.Sel); vi != nil {
						vi.fields = append(vi.fields, FieldAssign{Field: path[len(path)-1], Path: path, Value: rhs, Pos: pos, Func: fn})
					}
				}
				return
			}
			if s == nil || s.Kind() != types.FieldVal {
				return
			}
			path = append([]string{sel.Sel.Name}, path...)
			e = sel.X
		}
		e = ast.Unparen(e)
		if star, ok := e.(*ast.StarExpr); ok { // (*p).F = v
			e = ast.Unparen(star.X)
		}
		if id, ok := e.(*ast.Ident); ok {
			if vi := get(id); vi != nil {
				vi.fields = append(vi.fields, FieldAssign{Field: path[len(path)-1], Path: path, Value: rhs, Pos: pos, Func: fn})
			}
		}
	case *ast.StarExpr: // *p = v: p's pointee changes; p itself is not reassigned
	}
}

// rootIdent returns the variable at the root of x, x.f.g, x[i] (for &x.f:
// taking the address of a field lets the whole variable change).
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// SingleValue returns the one expression v is ever given, when that is
// known: a local assigned exactly once (by its declaration, or by one
// assignment after a var declaration with no value), or a package-level
// variable initialized and never assigned elsewhere in the package. A
// variable whose address is taken, or a parameter, has no single value.
func (p *Package) SingleValue(v *types.Var) (ast.Expr, bool) {
	if v == nil || v.IsField() {
		return nil, false
	}
	if v.Pkg() != p.Types {
		return nil, false // declared in another package: we cannot see its assignments
	}
	vi := p.index()[v]
	if vi == nil || !vi.declared || vi.addrTaken || len(vi.defs) != 1 || vi.defs[0] == nil {
		return nil, false
	}
	if vi.declOnly && v.Parent() == p.Types.Scope() {
		return nil, false // package var declared without value, assigned once somewhere: order unknown
	}
	return vi.defs[0], true
}

// SingleResult is [Package.SingleValue] for a variable that takes one
// value of a multi-valued expression: it returns that expression and the
// index of the value v takes.
//
//	host, _, err := net.SplitHostPort(a)  host: the call, 0
//	var ip, ipErr = netip.ParseAddr(host) ip: the call, 0
//	tcp, ok := addr.(*net.TCPAddr)        tcp: the type assertion, 0
//	_, ok := allowed[ip]                  ok: the index expression, 1
//	switch a := x.(type) { case T: ... }  a (in each clause): x.(type), 0
//
// v must be declared by that statement (:= or var) and never assigned
// again anywhere in the package, and its address never taken.
func (p *Package) SingleResult(v *types.Var) (ast.Expr, int, bool) {
	if v == nil || v.IsField() || v.Pkg() != p.Types || !v.Pos().IsValid() {
		return nil, 0, false
	}
	cur, ok := p.Inspector().Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return nil, 0, false
	}
	id, ok := cur.Node().(*ast.Ident)
	if !ok || id.Pos() != v.Pos() || id.Name != v.Name() {
		return nil, 0, false
	}
	vi := p.index()[v]
	k, idx := cur.ParentEdge()
	switch n := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if k != edge.AssignStmt_Lhs || n.Tok != token.DEFINE || len(n.Rhs) != 1 || len(n.Lhs) < 2 {
			// Or the symbolic variable of a type switch (one implicit
			// object per clause, declared at the guard's identifier and
			// absent from Defs): never assigned in its clause.
			if _, isSwitch := cur.Parent().Parent().Node().(*ast.TypeSwitchStmt); isSwitch && k == edge.AssignStmt_Lhs &&
				len(n.Lhs) == 1 && len(n.Rhs) == 1 && p.Info.Defs[id] == nil && (vi == nil || !vi.addrTaken && len(vi.defs) == 0) {
				return ast.Unparen(n.Rhs[0]), 0, true
			}
			return nil, 0, false
		}
		if p.Info.Defs[id] != v {
			return nil, 0, false
		}
		if vi == nil || !vi.declared || vi.addrTaken || len(vi.defs) != 1 || vi.defs[0] != nil {
			return nil, 0, false
		}
		return ast.Unparen(n.Rhs[0]), idx, true
	case *ast.ValueSpec:
		if k != edge.ValueSpec_Names || len(n.Values) != 1 || len(n.Names) < 2 || p.Info.Defs[id] != v {
			return nil, 0, false
		}
		if vi == nil || !vi.declared || vi.addrTaken || len(vi.defs) != 1 || vi.defs[0] != nil {
			return nil, 0, false
		}
		return ast.Unparen(n.Values[0]), idx, true
	}
	return nil, 0, false
}

// A Def is one value a variable is given: Rhs itself when Index < 0, else
// the Index'th value of the multi-valued Rhs (see [Package.SingleResult]).
type Def struct {
	Rhs   ast.Expr
	Index int
}

// Definitions returns every value the local variable v is given, in
// source order, when all of them can be seen: v is declared in a function
// (not a parameter), its address is never taken, and it is only ever
// assigned by = or := (not +=, ++, a range clause). A declaration with no
// value (var host string) gives the zero value and adds no Def.
//
//	host := r.RemoteAddr                        {r.RemoteAddr, -1}
//	if h, _, err := net.SplitHostPort(host); err == nil {
//		host = h                                {h, -1}
//	}
func (p *Package) Definitions(v *types.Var) ([]Def, bool) {
	if v == nil || v.IsField() || v.Pkg() != p.Types || v.Parent() == nil || v.Parent() == p.Types.Scope() || !v.Pos().IsValid() {
		return nil, false
	}
	vi := p.index()[v]
	if vi == nil || !vi.declared || vi.addrTaken {
		return nil, false
	}
	cur, ok := p.Inspector().Root().FindByPos(v.Pos(), v.Pos())
	if !ok {
		return nil, false
	}
	var fn inspector.Cursor
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = c
		break
	}
	if fn.Node() == nil {
		return nil, false
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (p.Info.Defs[id] == v || p.Info.Uses[id] == v)
	}
	var defs []Def
	ok = true
	for c := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.IncDecStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch {
				case !is(lhs):
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					ok = false
				case len(n.Lhs) == len(n.Rhs):
					defs = append(defs, Def{n.Rhs[i], -1})
				case len(n.Rhs) == 1:
					defs = append(defs, Def{ast.Unparen(n.Rhs[0]), i})
				default:
					ok = false
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				switch {
				case !is(id), len(n.Values) == 0:
				case len(n.Values) == len(n.Names):
					defs = append(defs, Def{n.Values[i], -1})
				case len(n.Values) == 1:
					defs = append(defs, Def{ast.Unparen(n.Values[0]), i})
				default:
					ok = false
				}
			}
		case *ast.RangeStmt:
			if (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value)) {
				ok = false
			}
		case *ast.IncDecStmt:
			if is(n.X) {
				ok = false
			}
		}
	}
	if !ok || len(defs) != len(vi.defs) {
		return nil, false
	}
	return defs, true
}

// FieldAssigns returns every assignment v.F = ... (and v.a.F = ...) in the
// package, in source order.
func (p *Package) FieldAssigns(v *types.Var) []FieldAssign {
	if vi := p.index()[v]; vi != nil {
		return vi.fields
	}
	return nil
}

// Reassigned reports whether v is given a whole new value anywhere in the
// package after its declaration: v = x, v, err := ... with v declared
// before, v += x, v++, or a range clause assigning v.
func (p *Package) Reassigned(v *types.Var) bool {
	vi := p.index()[v]
	return vi != nil && vi.assigns > 0
}

// NeverAssigned reports whether v is never declared with a value,
// assigned, incremented, ranged into or has its address taken anywhere in
// the package: a parameter that keeps the value it was called with.
func (p *Package) NeverAssigned(v *types.Var) bool {
	vi := p.index()[v]
	return vi == nil || len(vi.defs) == 0 && !vi.declared && vi.assigns == 0 && !vi.addrTaken
}

// AddressTaken reports whether &v (or &v.f) appears in the package.
func (p *Package) AddressTaken(v *types.Var) bool {
	vi := p.index()[v]
	return vi != nil && vi.addrTaken
}

// ObjectOf returns the variable e names (an identifier), or nil.
func (p *Package) ObjectOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := p.Info.ObjectOf(id).(*types.Var)
	return v
}

// ResultVar returns the variable the value of the call (or expression) at
// cur is assigned to or declared as, when it is the only right-hand side:
// req in `req, err := http.NewRequest(...)` or `var req = ...`; else nil.
func (p *Package) ResultVar(cur inspector.Cursor) *types.Var {
	switch parent := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(parent.Rhs) == 1 && len(parent.Lhs) > 0 {
			return p.ObjectOf(parent.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(parent.Values) == 1 && len(parent.Names) > 0 {
			return p.ObjectOf(parent.Names[0])
		}
	}
	return nil
}
