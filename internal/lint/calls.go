package lint

import (
	"go/ast"
	"go/types"
	"sync"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call invokes, or nil (builtins,
// conversions, calls of function-typed values meshlint cannot resolve).
// Matching is by types object, so renamed imports, aliases, method
// expressions ((*http.Client).Get(c, u)), embedded methods and method values
// and function values stored once in a local variable (get := c.Get;
// get(u), or get := http.Get) all resolve.
func (p *Package) Callee(call *ast.CallExpr) *types.Func {
	if fn, ok := typeutil.Callee(p.Info, call).(*types.Func); ok {
		return fn.Origin()
	}
	// A method value held in a local variable assigned exactly once.
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := p.Info.Uses[id].(*types.Var); ok {
			if def, ok := p.SingleValue(v); ok {
				switch def := ast.Unparen(def).(type) {
				case *ast.SelectorExpr:
					if s := p.Info.Selections[def]; s != nil {
						if fn, ok := s.Obj().(*types.Func); ok && s.Kind() == types.MethodVal {
							return fn.Origin()
						}
					} else if fn, ok := p.Info.Uses[def.Sel].(*types.Func); ok {
						return fn.Origin() // get := http.Get
					}
				case *ast.Ident:
					if fn, ok := p.Info.Uses[def].(*types.Func); ok {
						return fn.Origin() // f := dial
					}
				}
			}
		}
	}
	return nil
}

// FullName is fn's qualified name as types.Func.FullName spells it:
// "net/http.Get", "(*net/http.Client).Do", "(net.Conn).Close".
// It returns "" for nil.
func FullName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	return fn.FullName()
}

// CalleeName is FullName(p.Callee(call)).
//
// types.Func.FullName builds a new string on every call; names are cached
// per function for the package (profiling showed FullName among the top
// allocators on real modules).
func (p *Package) CalleeName(call *ast.CallExpr) string {
	return p.FuncName(p.Callee(call))
}

// FuncName is FullName(fn), cached per function for the whole run: the
// functions of a dependency are the same objects in every package that
// imports it, so net/http.Get's name is built once, not once per package.
func (p *Package) FuncName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	if name, ok := fullNames.Load(fn); ok {
		return name.(string)
	}
	name := fn.FullName()
	fullNames.Store(fn, name)
	return name
}

// fullNames maps *types.Func to its FullName (see FuncName).
var fullNames sync.Map

// Args returns the call's arguments as the callee's parameters see them:
// for a method expression call ((*http.Client).Get(c, u)) the receiver is
// dropped, so Args(call)[0] is u.
func (p *Package) Args(call *ast.CallExpr) []ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := p.Info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr && len(call.Args) > 0 {
			return call.Args[1:]
		}
	}
	return call.Args
}

// Arg returns the i'th parameter's argument of call (see Args), or nil.
func (p *Package) Arg(call *ast.CallExpr, i int) ast.Expr {
	args := p.Args(call)
	if i < 0 || i >= len(args) {
		return nil
	}
	return args[i]
}

// Receiver returns the receiver expression of a method call: x in x.M(...)
// and c in (*T).M(c, ...). It returns nil for function calls and for
// method values called through a variable.
func (p *Package) Receiver(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := p.Info.Selections[sel]
	switch {
	case s == nil:
		return nil
	case s.Kind() == types.MethodVal:
		return sel.X
	case s.Kind() == types.MethodExpr && len(call.Args) > 0:
		return call.Args[0]
	}
	return nil
}

// IsNamed reports whether t, after unaliasing and removing at most one
// pointer, is the named type pkgPath.name (generic instances included).
func IsNamed(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// IsPointerTo reports whether t is *pkgPath.name.
func IsPointerTo(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	if _, ok := types.Unalias(ptr.Elem()).(*types.Pointer); ok {
		return false // **T: IsNamed would remove the second pointer
	}
	return IsNamed(ptr.Elem(), pkgPath, name)
}

// IsPkgVar reports whether e refers to the package-level variable
// pkgPath.name (http.DefaultClient, however it is imported).
func (p *Package) IsPkgVar(e ast.Expr, pkgPath, name string) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := p.Info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == pkgPath && v.Name() == name && v.Parent() == v.Pkg().Scope()
}

// Field returns the value of the named field in a keyed composite literal,
// or nil.
func Field(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// ShortName spells fn the way a Go programmer writes it: net.Dial,
// (*http.Client).Get, grpc.NewClient. It returns "" for nil.
func ShortName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := types.Unalias(sig.Recv().Type())
		star := ""
		if ptr, ok := t.(*types.Pointer); ok {
			t, star = ptr.Elem(), "*"
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			return "(" + star + n.Obj().Pkg().Name() + "." + n.Obj().Name() + ")." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// IsPkgLevel reports whether id refers to a package-level object (func,
// var, const or type) of the package pkgPath, however it is imported.
func (p *Package) IsPkgLevel(id *ast.Ident, pkgPath string) bool {
	obj := p.Info.Uses[id]
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && obj.Parent() == obj.Pkg().Scope()
}

// FuncBody returns the body of a *ast.FuncDecl or *ast.FuncLit, or nil
// (other nodes, declarations without a body).
func FuncBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// IsGRPCStub reports whether fn looks like a gRPC client call: a method
// whose first parameter is context.Context and whose last is
// ...grpc.CallOption (protoc-gen-go-grpc client stubs of any service, and
// (*grpc.ClientConn).Invoke/NewStream).
func IsGRPCStub(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() < 2 {
		return false
	}
	if !IsContext(sig.Params().At(0).Type()) {
		return false
	}
	last, ok := types.Unalias(sig.Params().At(sig.Params().Len() - 1).Type()).(*types.Slice)
	return ok && IsValueOf(last.Elem(), "google.golang.org/grpc", "CallOption")
}
