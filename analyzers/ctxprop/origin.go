package ctxprop

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

// An origin is where a context value comes from, followed back through
// context.With*, gRPC metadata wrappers and local variables (rule 5).
type origin struct {
	bg     *ast.CallExpr // a context.Background()/TODO() call
	param  *types.Var    // a parameter of the function
	direct bool          // bg is the expression itself (rule 3), not reached through a wrapper or a variable (rule 5)
}

// maxOrigin bounds the chains followed.
const maxOrigin = 8

// origin follows the context expression e back to its origin. Anything
// meshlint cannot follow (a struct field, a function result, a variable
// assigned in a way it cannot see) has the zero origin: not flagged.
func (c *checker) origin(e ast.Expr) origin {
	o := c.originAt(e, 0)
	return o
}

func (c *checker) originAt(e ast.Expr, depth int) origin {
	if e == nil || depth > maxOrigin {
		return origin{}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		name := c.CalleeName(e)
		if isBackground(name) {
			return origin{bg: e, direct: depth == 0}
		}
		if param, ok := lint.ContextDerivations[name]; ok {
			return c.originAt(c.ArgOf(e, name, param), depth+1)
		}
	case *ast.Ident:
		v, ok := c.TypesInfo.Uses[e].(*types.Var)
		if !ok || v.IsField() || v.Pkg() != c.Pkg {
			return origin{}
		}
		def, ok := c.reachingDef(v, e)
		if !ok {
			return origin{}
		}
		if def == nil {
			return origin{param: v}
		}
		return c.originAt(def, depth+1)
	}
	return origin{}
}

func isBackground(name string) bool {
	return name == "context.Background" || name == "context.TODO"
}

// reachingDef returns the value v holds at use (lint.ReachingDefs: the
// one definition that reaches it; the derivation call of
// `ctx, cancel := context.WithTimeout(parent, d)` for ctx), or nil with
// ok for a parameter never assigned in its function before use. It gives
// up (ok false) when several definitions may reach the use, or one it
// cannot read (x, y := f() with f not a derivation, range variables, v's
// address taken).
func (c *checker) reachingDef(v *types.Var, use *ast.Ident) (ast.Expr, bool) {
	fn := c.EnclosingFunc(v.Pos()) // the function v is declared in
	if fn == nil {
		return nil, false
	}
	if c.NeverAssigned(v) {
		// No definition anywhere (the common `ctx` parameter): what
		// ReachingDefs and assignedBefore would find, without cursors.
		return nil, c.isParam(v)
	}
	cur, ok := c.Inspector().Root().FindNode(fn)
	if !ok {
		return nil, false
	}
	defs, ok := c.ReachingDefs(cur, use)
	if !ok {
		if c.isParam(v) && !c.assignedBefore(cur, v, use) && !c.AddressTaken(v) {
			return nil, true
		}
		return nil, false
	}
	if len(defs) != 1 || defs[0].Rhs == nil {
		return nil, false
	}
	d := defs[0]
	if d.Index > 0 || d.Index == 0 && !c.isDerivation(d.Rhs) {
		return nil, false // the second result of a call, or a result of a call that is not a derivation
	}
	return d.Rhs, true
}

// assignedBefore reports whether v is assigned anywhere in fn before use.
func (c *checker) assignedBefore(fn inspector.Cursor, v *types.Var, use *ast.Ident) bool {
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		n := id.Node().(*ast.Ident)
		if n.Pos() >= use.Pos() {
			break
		}
		if c.TypesInfo.Uses[n] == v && isWrite(id) {
			return true
		}
	}
	return false
}

// isWrite reports whether the identifier at id is assigned, incremented or
// ranged into.
func isWrite(id inspector.Cursor) bool {
	switch id.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
		return true
	}
	return false
}

// isDerivation reports whether e is a call of a context derivation that
// returns (ctx, cancel).
func (c *checker) isDerivation(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	_, ok = lint.ContextDerivations[c.CalleeName(call)]
	return ok
}

// isParam reports whether v is a parameter (or receiver) of a function or
// closure of the package.
func (c *checker) isParam(v *types.Var) bool {
	if v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	// Parameters are declared in the function's scope, whose parent is
	// the file scope (FuncDecl) or an enclosing block (FuncLit); locals
	// live in nested block scopes of the body. The position test below
	// tells them apart: a parameter is declared before its function's body.
	fn := c.EnclosingFunc(v.Pos())
	if fn == nil {
		return false
	}
	body := lint.FuncBody(fn)
	return body != nil && v.Pos() < body.Lbrace
}
