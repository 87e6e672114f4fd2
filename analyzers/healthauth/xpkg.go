package healthauth

// Middleware defined in another package of the module is judged by its
// source, not by analysis facts: facts make drivers type-check every
// dependency from source (packages.LoadAllSyntax), which doubles the time
// and memory of a run. Export data keeps the file and line of each
// function; when lint's module source (internal/lint/modsrc.go: the
// module the driver names in pass.Module, located from the package's own
// directory, parsed once per run) contains that file, the function's body
// is judged by the same rules as the package's own (judge, auth.go)
// through synView, the view of syntax without types.

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// judgeForeign judges fn, a middleware-shaped function of another package,
// from its source when that source is in the analysed package's module.
func (c *checker) judgeForeign(fn *types.Func) bodyResult {
	if r, ok := c.foreign[fn]; ok {
		return r
	}
	r := c.judgeForeign1(fn)
	c.foreign[fn] = r
	return r
}

func (c *checker) judgeForeign1(fn *types.Func) bodyResult {
	if !middlewareShaped(fn) || vetoed(fn.Name()) {
		return bodyResult{}
	}
	ms := c.p.ModuleSource()
	if ms == nil || !below(fn.Pkg().Path(), ms.Path) {
		return bodyResult{} // no module known, or another module (a dependency)
	}
	pos := c.p.Fset.Position(fn.Pos())
	f := ms.File(pos.Filename) // nil outside the module: module cache, GOROOT, vendor
	if f == nil || f.Generated || f.AST == nil || f.AST.Name == nil {
		return bodyResult{}
	}
	decl := f.DeclAt(fn.Name(), pos.Line)
	pkg := ms.Package(filepath.Dir(f.Name), f.AST.Name.Name)
	if decl == nil || decl.Body == nil || pkg == nil {
		return bodyResult{}
	}
	return c.judge(c.synView(pkg, f, decl), decl, 0)
}

// below reports whether path is base or below it.
func below(path, base string) bool {
	return path == base || strings.HasPrefix(path, base+"/")
}

// synView is the view of another package's syntax, without types: the
// body of decl in file f of package pkg.
type synView struct {
	c    *checker
	pkg  *lint.SrcPackage
	f    *lint.SrcFile
	recv string // decl's receiver name, if a method
}

func (c *checker) synView(pkg *lint.SrcPackage, f *lint.SrcFile, decl *ast.FuncDecl) synView {
	v := synView{c: c, pkg: pkg, f: f}
	if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
		v.recv = decl.Recv.List[0].Names[0].Name
	}
	return v
}

// callee: a function of the package by name, or a method of the same
// receiver (s.deny(w) in a method of s) when only one has that name.
func (v synView) callee(call *ast.CallExpr) callee {
	var ce callee
	var d lint.DeclIn
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		ce.name = fun.Name
		d, _ = v.pkg.Func(fun.Name)
	case *ast.SelectorExpr:
		ce.name = fun.Sel.Name
		ce.basicAuth = fun.Sel.Name == "BasicAuth" && len(call.Args) == 0 && v.f.PkgOf(fun.X) == ""
		if x, ok := ast.Unparen(fun.X).(*ast.Ident); ok && v.recv != "" && x.Name == v.recv {
			if ms := v.pkg.Methods(fun.Sel.Name); len(ms) == 1 {
				d = ms[0]
			}
		}
	}
	if d.Decl != nil && d.Decl.Body != nil {
		ce.body, ce.in = d.Decl, v.c.synView(v.pkg, d.File, d.Decl)
	}
	return ce
}

// intValue: a literal, an imported StatusUnauthorized/StatusForbidden
// (net/http, fasthttp...), codes.Unauthenticated/PermissionDenied, or a
// constant of the package holding one of those.
func (v synView) intValue(e ast.Expr) (int64, bool, bool) {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if vs := v.pkg.Values(id.Name); len(vs) == 1 {
			return intLit(vs[0].File, vs[0].Expr)
		}
		return 0, false, false
	}
	return intLit(v.f, e)
}

func intLit(f *lint.SrcFile, e ast.Expr) (int64, bool, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if e.Kind == token.INT {
			n, err := strconv.ParseInt(e.Value, 0, 64)
			return n, false, err == nil
		}
	case *ast.SelectorExpr:
		switch f.PkgOf(e.X) {
		case "":
		case codesPath:
			code, ok := map[string]int64{"Unauthenticated": 16, "PermissionDenied": 7}[e.Sel.Name]
			return code, true, ok
		default:
			status, ok := map[string]int64{"StatusUnauthorized": 401, "StatusForbidden": 403}[e.Sel.Name]
			return status, false, ok
		}
	}
	return 0, false, false
}

// stringValue: a literal, a string constant of the package, or a
// healthpb full-method-name constant (its value is the health service's).
func (v synView) stringValue(e ast.Expr) (string, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return lint.StringLit(e)
	case *ast.SelectorExpr:
		if v.f.PkgOf(e.X) == healthPBPath && strings.HasPrefix(e.Sel.Name, "Health_") && strings.HasSuffix(e.Sel.Name, "FullMethodName") {
			return "/grpc.health.v1.Health/", true
		}
	case *ast.Ident:
		if vs := v.pkg.Values(e.Name); len(vs) == 1 {
			return lint.StringLit(vs[0].Expr)
		}
	}
	return "", false
}

func (v synView) pkgVar(e ast.Expr) string {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		if path := v.f.PkgOf(sel.X); path != "" {
			return path + "." + sel.Sel.Name
		}
	}
	return ""
}

func (v synView) skipList(id *ast.Ident) bool { return v.valueMentionsHealth(id.Name, 0) }

// valueMentionsHealth reports whether name is a package-level constant or
// variable of the package whose initializer mentions a health path: a
// skip list such as var public = map[string]bool{"/healthz": true}, or
// const healthPath = "/healthz".
func (v synView) valueMentionsHealth(name string, depth int) bool {
	key := synValue{v.pkg, name}
	if r, ok := v.c.synValues[key]; ok {
		return r
	}
	defs := v.pkg.Values(name)
	if len(defs) == 0 || depth > 4 {
		return false
	}
	v.c.synValues[key] = false // recursion guard
	found := false
	for _, def := range defs {
		ast.Inspect(def.Expr, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				s, ok := lint.StringLit(n)
				found = found || ok && v.c.segs.mentionsHealth(s)
			case *ast.SelectorExpr:
				found = found || def.File.PkgOf(n.X) == healthPBPath && strings.HasPrefix(n.Sel.Name, "Health_")
				return false
			case *ast.Ident:
				found = found || n.Name != name && v.valueMentionsHealth(n.Name, depth+1)
			}
			return !found
		})
	}
	v.c.synValues[key] = found
	return found
}

// synValue is a package-level value of another package (valueMentionsHealth memo).
type synValue struct {
	pkg  *lint.SrcPackage
	name string
}
