package lint

// Durations known at compile time (serveridle: the idle and read timeouts
// a server is given).

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"time"
)

// DurationOf evaluates e, an expression of integer type (time.Duration or
// a plain integer), as known at compile time, in nanoseconds for a
// time.Duration:
//
//   - a constant expression, folded by the type checker: 75 * time.Second,
//     time.Duration(90) * time.Second, a named constant, time.Hour / 2;
//   - a variable assigned exactly once from a known value ([Package.SingleValue]):
//     idle := 90 * time.Second, or a package-level variable initialized and
//     never assigned elsewhere;
//   - a conversion to a 64-bit integer type (time.Duration, int64, int) of
//     a known value, and +, -, * of known values: time.Duration(n) * time.Second
//     with n := 90.
//
// Anything else (configuration, flags, function results, fields,
// parameters, time.Duration(cfg.N) * time.Second) is unknown.
func (p *Package) DurationOf(e ast.Expr) (time.Duration, bool) {
	v, ok := p.intOf(e, 0)
	if !ok {
		return 0, false
	}
	return time.Duration(v), true
}

// intOf evaluates e as an int64 known at compile time (see DurationOf).
func (p *Package) intOf(e ast.Expr, depth int) (int64, bool) {
	if e == nil || depth > maxDepth {
		return 0, false
	}
	e = ast.Unparen(e)
	tv, ok := p.Info.Types[e]
	if !ok || !isInteger(tv.Type) {
		return 0, false
	}
	if tv.Value != nil {
		return int64Of(tv.Value)
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := p.Info.Uses[e].(*types.Var)
		if !ok {
			return 0, false
		}
		if def, ok := p.SingleValue(v); ok {
			return p.intOf(def, depth+1)
		}
	case *ast.CallExpr:
		// A conversion T(x) to a 64-bit integer type: the value is kept.
		ft, ok := p.Info.Types[e.Fun]
		if !ok || !ft.IsType() || len(e.Args) != 1 || !is64(ft.Type) {
			return 0, false
		}
		return p.intOf(e.Args[0], depth+1)
	case *ast.BinaryExpr:
		var op token.Token
		switch e.Op {
		case token.ADD, token.SUB, token.MUL:
			op = e.Op
		default:
			return 0, false
		}
		if !is64(tv.Type) {
			return 0, false // int32 arithmetic may wrap where int64 does not
		}
		x, ok := p.intOf(e.X, depth+1)
		if !ok {
			return 0, false
		}
		y, ok := p.intOf(e.Y, depth+1)
		if !ok {
			return 0, false
		}
		return int64Of(constant.BinaryOp(constant.MakeInt64(x), op, constant.MakeInt64(y)))
	}
	return 0, false
}

// int64Of returns the value of an integer constant that fits in an int64.
func int64Of(c constant.Value) (int64, bool) {
	c = constant.ToInt(c)
	if c.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c)
}

// isInteger reports whether t is an integer type (named or not, untyped
// included).
func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// is64 reports whether t is a signed 64-bit integer type: int64,
// time.Duration, int (64 bits on every platform meshlint's users deploy
// to), or an untyped integer.
func is64(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return false
	}
	switch b.Kind() {
	case types.Int64, types.Int, types.UntypedInt:
		return true
	}
	return false
}
