package lint

// Reaching definitions, flow-sensitive enough for "which value does this
// variable hold here": clienttimeout asks it of the request and context
// variables a send uses (ctx, cancel := context.WithTimeout(ctx, d) gives
// the parameter ctx a new value before the request is built). Unlike
// [Package.Definitions], which lists every value of a local, it answers
// for parameters too and ignores the definitions that cannot reach the use.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A site is one definition of a variable in a function.
type site struct {
	Def
	stmt  inspector.Cursor // the statement (for a ValueSpec: the spec)
	known bool             // false: a definition meshlint cannot read (x += y, range, x++)
}

// ReachingDefs returns the definitions of the variable that use names
// which may reach use inside the function fn (the cursor of a
// *ast.FuncDecl or *ast.FuncLit holding it): the last definition before
// the use in a block around it, which always runs first, and every
// definition between that one and the use in nested blocks, which may run.
// A declaration with no value (var ctx context.Context) is a definition
// with a nil Rhs (the zero value).
//
// It reports false when it cannot tell: no definition always runs first
// (a parameter never given a new value before the use, or a variable set
// only in an if branch), a definition meshlint cannot read, a definition
// in a closure that does not hold the use (it may run at any time), a
// variable declared outside fn or whose address is taken. Definitions
// after the use are not considered, even in a loop.
func (p *Package) ReachingDefs(fn inspector.Cursor, use *ast.Ident) ([]Def, bool) {
	v, ok := p.Info.Uses[use].(*types.Var)
	n := fn.Node()
	if !ok || n == nil || v.Pkg() != p.Types || v.Pos() < n.Pos() || v.Pos() >= n.End() || p.AddressTaken(v) {
		return nil, false
	}
	var sites []site
	for c := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.IncDecStmt)(nil)) {
		if c.Node().End() > use.Pos() {
			if c.Node().Pos() > use.Pos() {
				break // later in the source
			}
			continue // the statement holding the use (req = req.WithContext(ctx))
		}
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || p.Info.ObjectOf(id) != v {
					continue
				}
				s := site{Def: Def{Index: -1}, stmt: c}
				switch {
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				case len(n.Lhs) == len(n.Rhs):
					s.Rhs, s.known = n.Rhs[i], true
				case len(n.Rhs) == 1:
					s.Rhs, s.Index, s.known = n.Rhs[0], i, true
				}
				sites = append(sites, s)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if p.Info.Defs[id] != v {
					continue
				}
				s := site{Def: Def{Index: -1}, stmt: c, known: true}
				switch {
				case len(n.Values) == len(n.Names):
					s.Rhs = n.Values[i]
				case len(n.Values) == 1:
					s.Rhs, s.Index = n.Values[0], i
				case len(n.Values) != 0:
					s.known = false
				}
				sites = append(sites, s)
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok && p.Info.ObjectOf(id) == v {
					sites = append(sites, site{stmt: c})
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && p.Info.ObjectOf(id) == v {
				sites = append(sites, site{stmt: c})
			}
		}
	}
	dom := -1
	for i := len(sites) - 1; i >= 0; i-- {
		if dominates(sites[i].stmt, use) {
			dom = i
			break
		}
	}
	if dom < 0 {
		return nil, false
	}
	var out []Def
	for _, s := range sites[dom:] {
		if !s.known || !sameClosure(s.stmt, use) {
			return nil, false
		}
		out = append(out, s.Def)
	}
	return out, true
}

// dominates reports whether the definition at site always runs before
// use: the block (or if/switch/for header) holding its statement also
// holds the use.
func dominates(site inspector.Cursor, use *ast.Ident) bool {
	stmt := site
	if _, ok := stmt.Node().(*ast.ValueSpec); ok {
		stmt = stmt.Parent().Parent() // ValueSpec → GenDecl → DeclStmt
	}
	switch stmt.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body,
		edge.IfStmt_Init, edge.SwitchStmt_Init, edge.TypeSwitchStmt_Init, edge.ForStmt_Init:
	default:
		return false // a labeled statement, a for loop's post statement...
	}
	holder := stmt.Parent().Node()
	return holder != nil && holder.Pos() <= use.Pos() && use.End() <= holder.End()
}

// sameClosure reports whether the statement at site runs in a function
// that also holds use: a definition in a closure of its own may run at
// any time.
func sameClosure(site inspector.Cursor, use *ast.Ident) bool {
	for fl := range site.Enclosing((*ast.FuncLit)(nil)) {
		n := fl.Node()
		if use.Pos() < n.Pos() || use.End() > n.End() {
			return false
		}
	}
	return true
}
