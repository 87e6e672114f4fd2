package traceheaders

// Header names, and the syntactic judgement of module code that may inject
// trace headers (a RoundTripper's RoundTrip, a gRPC client interceptor).

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// requestID is Envoy's request id header, which no propagator carries.
const requestID = "x-request-id"

// traceHeaderNames are the trace-context headers (lower case), besides
// every x-b3-* header: W3C, B3 single and multi, Jaeger, Google Cloud,
// gRPC's binary trace header, OpenTracing's, Datadog's, AWS X-Ray's,
// SkyWalking's.
var traceHeaderNames = map[string]bool{
	"traceparent":                 true,
	"tracestate":                  true,
	"b3":                          true,
	"uber-trace-id":               true,
	"x-cloud-trace-context":       true,
	"grpc-trace-bin":              true,
	"x-ot-span-context":           true,
	"x-datadog-trace-id":          true,
	"x-datadog-parent-id":         true,
	"x-datadog-sampling-priority": true,
	"x-amzn-trace-id":             true,
	"sw8":                         true,
}

// isTraceHeader reports whether s names a trace-context header, case
// insensitively (x-request-id is not one: it identifies the request, it
// does not carry the trace).
func isTraceHeader(s string) bool {
	l := strings.ToLower(s)
	return traceHeaderNames[l] || strings.HasPrefix(l, "x-b3-")
}

// maxFollow bounds how deep calls are followed when judging a body.
const maxFollow = 2

// A synBody is what a function of the module, read from source, does
// with trace context.
type synBody struct {
	injects   bool // calls an Inject method, sets a trace header, or uses a tracing library
	delegates bool // calls RoundTrip on something (a wrapping RoundTripper)
}

// judgeSyn judges body (of a declaration in sf, package pkg) without
// types: it injects when it calls a function or method named Inject
// (propagators, OpenTracing), names a trace-context header (a literal, or
// a package-level constant or variable of its package whose initializer
// has one), or refers to a tracing library; calls to functions of its
// package, and to methods of its receiver, are followed maxFollow levels.
func (c *checker) judgeSyn(sf *lint.SrcFile, pkg *lint.SrcPackage, recv string, body ast.Node, depth int) synBody {
	if body == nil {
		return synBody{}
	}
	if r, ok := c.synMemo[body]; ok {
		return r
	}
	c.synMemo[body] = synBody{} // recursion guard
	var r synBody
	ast.Inspect(body, func(n ast.Node) bool {
		if r.injects {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			switch funcName(n) {
			case "Inject":
				r.injects = true
				return false
			case "RoundTrip":
				r.delegates = true
			}
			if depth < maxFollow && pkg != nil {
				for _, d := range followSyn(pkg, recv, n) {
					sub := c.judgeSyn(d.File, pkg, recvName(d.Decl), d.Decl.Body, depth+1)
					r.injects = r.injects || sub.injects
					r.delegates = r.delegates || sub.delegates
				}
			}
		case *ast.BasicLit:
			if s, ok := lint.StringLit(n); ok && isTraceHeader(s) {
				r.injects = true
			}
		case *ast.SelectorExpr:
			if path := sf.PkgOf(n.X); path != "" {
				if isTracingPath(path) {
					r.injects = true
				}
				return false
			}
		case *ast.Ident:
			if pkg != nil && synValueHasTraceHeader(pkg, n.Name, 0) {
				r.injects = true
			}
		}
		return !r.injects
	})
	c.synMemo[body] = r
	return r
}

// followSyn returns the declarations a call may reach within pkg: a
// function of the package called by name, or a method of the receiver
// recv (x.m() where x is the receiver's name) when the package declares
// exactly one method of that name.
func followSyn(pkg *lint.SrcPackage, recv string, call *ast.CallExpr) []lint.DeclIn {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if d, ok := pkg.Func(fun.Name); ok && d.Decl.Body != nil {
			return []lint.DeclIn{d}
		}
	case *ast.SelectorExpr:
		if x, ok := ast.Unparen(fun.X).(*ast.Ident); ok && recv != "" && x.Name == recv {
			if ms := pkg.Methods(fun.Sel.Name); len(ms) == 1 && ms[0].Decl.Body != nil {
				return ms
			}
		}
	}
	return nil
}

func recvName(d *ast.FuncDecl) string {
	if d.Recv != nil && len(d.Recv.List) == 1 && len(d.Recv.List[0].Names) == 1 {
		return d.Recv.List[0].Names[0].Name
	}
	return ""
}

// synValueHasTraceHeader reports whether name is a package-level constant
// or variable of pkg whose initializer names a trace-context header
// (var traceHeaders = []string{"traceparent", ...}).
func synValueHasTraceHeader(pkg *lint.SrcPackage, name string, depth int) bool {
	if depth > 3 {
		return false
	}
	for _, v := range pkg.Values(name) {
		found := false
		ast.Inspect(v.Expr, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, ok := lint.StringLit(n); ok && isTraceHeader(s) {
					found = true
				}
			case *ast.Ident:
				if n.Name != name && synValueHasTraceHeader(pkg, n.Name, depth+1) {
					found = true
				}
			case *ast.SelectorExpr:
				return false
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// srcOf returns the source of a function or method of the module (its
// declaration read from disk, with its file and package), or nils when it
// is not in the module or cannot be found.
func (c *checker) srcOf(fn *types.Func) (*lint.SrcFile, *lint.SrcPackage, *ast.FuncDecl) {
	ms := c.modSrc()
	if ms == nil || fn == nil || fn.Pkg() == nil || !inModule(ms, fn.Pkg().Path()) {
		return nil, nil, nil
	}
	pos := c.p.Fset.Position(fn.Pos())
	if !pos.IsValid() {
		return nil, nil, nil
	}
	sf := ms.File(pos.Filename)
	if skipFile(sf) {
		return nil, nil, nil
	}
	d := sf.DeclAt(fn.Name(), pos.Line)
	if d == nil || d.Body == nil {
		return nil, nil, nil
	}
	return sf, ms.Package(filepath.Dir(sf.Name), sf.AST.Name.Name), d
}

// srcOfLit returns the source of a function literal of the analysed
// package, as the module reader parsed its file (found by offset), or nils.
func (c *checker) srcOfLit(lit *ast.FuncLit) (*lint.SrcFile, *lint.SrcPackage, *ast.FuncLit) {
	ms := c.modSrc()
	if ms == nil {
		return nil, nil, nil
	}
	pos := c.p.Fset.Position(lit.Pos())
	sf := ms.File(pos.Filename)
	if skipFile(sf) {
		return nil, nil, nil
	}
	var found *ast.FuncLit
	ast.Inspect(sf.AST, func(n ast.Node) bool {
		if found != nil || n == nil {
			return false
		}
		if fl, ok := n.(*ast.FuncLit); ok && ms.Fset().Position(fl.Pos()).Offset == pos.Offset {
			found = fl
			return false
		}
		return true
	})
	if found == nil {
		return nil, nil, nil
	}
	return sf, ms.Package(filepath.Dir(sf.Name), sf.AST.Name.Name), found
}

// inModule reports whether the package path pkgPath is in the module.
func inModule(ms *lint.ModuleSource, pkgPath string) bool {
	return pkgPath == ms.Path || strings.HasPrefix(pkgPath, ms.Path+"/")
}

// headerName returns the known value of a header-name argument, looking
// through http.CanonicalHeaderKey and textproto.CanonicalMIMEHeaderKey.
func (c *checker) headerName(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		switch name := c.p.CalleeName(call); name {
		case "net/http.CanonicalHeaderKey", "net/textproto.CanonicalMIMEHeaderKey":
			e = c.p.ArgOf(call, name, "s")
		}
	}
	s := c.p.StringOf(e)
	return s.Prefix, s.Complete
}
