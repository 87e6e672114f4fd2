package lint

import (
	"go/ast"
	"go/token"
	"go/types"
)

// varInfo records how a variable is given values anywhere in the package.
type varInfo struct {
	defs      []ast.Expr // right-hand sides (nil entry: a value meshlint cannot see, e.g. x, y := f())
	declared  bool       // declared by var or := in this package (not a parameter)
	declOnly  bool       // declared without a value (var x T)
	addrTaken bool       // &x appears: it may be changed through a pointer
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
		get := func(id *ast.Ident) *varInfo {
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
		var funcs []ast.Node // stack of enclosing functions
		filter := []ast.Node{
			(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil),
			(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil),
			(*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil),
		}
		p.Inspector().Nodes(filter, func(n ast.Node, push bool) bool {
			switch n := n.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				if push {
					funcs = append(funcs, n)
				} else {
					funcs = funcs[:len(funcs)-1]
				}
				return true
			}
			if !push {
				return true
			}
			var fn ast.Node
			if len(funcs) > 0 {
				fn = funcs[len(funcs)-1]
			}
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
					if id := rootIdent(n.X); id != nil {
						if vi := get(id); vi != nil {
							vi.addrTaken = true
						}
					}
				}
			}
			return true
		})
	})
	return p.vars
}

// recordLHS records one assigned left-hand side.
func (p *Package) recordLHS(get func(*ast.Ident) *varInfo, lhs, rhs ast.Expr, pos token.Pos, fn ast.Node, define bool) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if vi := get(l); vi != nil {
			if define && p.Info.Defs[l] != nil {
				vi.declared = true // x, err := ... where x already exists is a plain assignment to x
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

// FieldAssigns returns every assignment v.F = ... (and v.a.F = ...) in the
// package, in source order.
func (p *Package) FieldAssigns(v *types.Var) []FieldAssign {
	if vi := p.index()[v]; vi != nil {
		return vi.fields
	}
	return nil
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
