package traceheaders

// The module-wide questions, answered from the module's source on disk
// (lint.ModuleSource), syntactically: the same answer for every package
// of the module, whether the packages are analysed in one process
// (meshlint ./...) or one each (go vet -vettool). Each answer is computed
// once per module per run (ModuleSource.Memo), and only when a package
// has a candidate finding that depends on it. Generated and _test.go
// files do not count (SPEC: "the module" is its non-test, non-generated
// code).
//
// Every question says whether its answer is complete: a module whose
// listing was cut short (a file too large or unreadable, too many files)
// cannot prove that "nothing in the module does X", and the rules that
// need that stay silent.

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// modView asks the module-wide questions of one package's module; ms is
// nil when the module is unknown (nogo, GOPATH mode, files not on disk):
// every answer is then "unknown" and the rules that need one are silent.
type modView struct {
	ms *lint.ModuleSource
}

// answer is a module-wide yes/no with its completeness.
type answer struct {
	yes      bool
	complete bool
}

// Memo keys (unexported types: no collision with other analyzers' keys).
type (
	keyPropagator struct{}
	keyInbound    struct{}
	keyDefaults   struct{}
	keyTracing    struct{}
	keyHeaders    struct{}
)

// propagatorSet: does any file call SetTextMapPropagator (otel's, or any
// function of that name: older otel API packages, wrappers), give a
// WithPropagators option (otelhttp, otelgrpc, and the framework
// instrumentations that take one), or import a framework or distribution
// that configures propagation itself (propagatorPaths)?
func (v modView) propagatorSet() answer {
	if v.ms == nil {
		return answer{}
	}
	return v.ms.Memo(keyPropagator{}, func() any {
		files, complete := v.ms.Grep(append([]string{"SetTextMapPropagator", "WithPropagators"}, propagatorGrep...)...)
		for _, f := range files {
			if skipFile(f) {
				continue
			}
			for _, imp := range f.AST.Imports {
				if path, err := strconv.Unquote(imp.Path.Value); err == nil && hasPathPrefix(path, propagatorPaths) {
					return answer{true, true}
				}
			}
			found := false
			ast.Inspect(f.AST, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					switch funcName(call) {
					case "SetTextMapPropagator", "WithPropagators":
						found = true
					}
				}
				return !found
			})
			if found {
				return answer{true, true}
			}
		}
		return answer{false, complete}
	}).(answer)
}

// propagatorPaths are packages that configure trace propagation without
// the module calling otel.SetTextMapPropagator: kratos' tracing middleware
// carries its own TraceContext propagator; go-zero's core/trace (imported
// by rest and zrpc) and hertz's obs-opentelemetry provider set the global
// one; OpenTelemetry distributions (Honeycomb, Uptrace, Splunk,
// Lightstep launchers) configure propagators with the SDK.
var propagatorPaths = []string{
	"github.com/go-kratos/kratos/v2/middleware/tracing",
	"github.com/zeromicro/go-zero/core/trace",
	"github.com/zeromicro/go-zero/rest",
	"github.com/zeromicro/go-zero/zrpc",
	"github.com/hertz-contrib/obs-opentelemetry/provider",
	"github.com/honeycombio/otel-config-go/otelconfig",
	"github.com/uptrace/uptrace-go/uptrace",
	"github.com/signalfx/splunk-otel-go/distro",
	"github.com/lightstep/otel-launcher-go/launcher",
}

// propagatorGrep are substrings of propagatorPaths (see Grep).
var propagatorGrep = []string{"kratos/v2/middleware/tracing", "go-zero", "obs-opentelemetry/provider", "otel-config-go", "uptrace-go", "splunk-otel-go", "otel-launcher-go"}

// hasPathPrefix reports whether path is one of prefixes or below one.
func hasPathPrefix(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// inboundMiddleware names, by the import name of an instrumentation
// package, the calls that instrument the inbound side.
var inboundMiddleware = map[string][]string{
	"otelhttp":    {"NewHandler", "NewMiddleware"},
	"otelgin":     {"Middleware"},
	"otelecho":    {"Middleware"},
	"otelmux":     {"Middleware"},
	"otelchi":     {"Middleware"},
	"otelfiber":   {"Middleware"},
	"otelrestful": {"OTelFilter"},
	"otelgrpc":    {"NewServerHandler", "UnaryServerInterceptor", "StreamServerInterceptor"},
}

// inboundDirs: the directories of the module whose files instrument the
// inbound side (otelhttp.NewHandler/NewMiddleware, otelgin/otelecho/
// otelmux/otelchi/otelfiber middleware, otelgrpc.NewServerHandler or its
// server interceptors, hertz's obs-opentelemetry server tracer). Only a
// "yes" enables rule 2, so an incomplete listing answers what it saw.
func (v modView) inboundDirs() map[string]bool {
	if v.ms == nil {
		return nil
	}
	return v.ms.Memo(keyInbound{}, func() any {
		dirs := make(map[string]bool)
		files, _ := v.ms.Grep("otel", "opentelemetry")
		for _, f := range files {
			if skipFile(f) {
				continue
			}
			found := false
			ast.Inspect(f.AST, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return !found
				}
				path := f.PkgOf(sel.X)
				if path == "" {
					return true
				}
				if path == "github.com/hertz-contrib/obs-opentelemetry/tracing" && (sel.Sel.Name == "NewServerTracer" || sel.Sel.Name == "ServerMiddleware") {
					found = true
				}
				if isOtelContrib(path) {
					for _, name := range inboundMiddleware[lint.ImportName(path)] {
						if sel.Sel.Name == name {
							found = true
						}
					}
				}
				return !found
			})
			if found {
				dirs[filepath.Dir(f.Name)] = true
			}
		}
		return dirs
	}).(map[string]bool)
}

// inboundInstrumented reports whether the inbound side is instrumented in
// the binary the package in dir belongs to: the module instruments its
// inbound side somewhere, and either the package does so itself, or the
// module has no main package (a library: the module is the unit), or a
// main package of the module that instruments its inbound side (in itself
// or in a package of the module it imports, transitively) is, or imports,
// the package. So a dial in a CLI tool or a test-support package of a
// service's module is not judged by the service's instrumentation.
func (v modView) inboundInstrumented(dir string) bool {
	in := v.inboundDirs()
	if len(in) == 0 {
		return false
	}
	if in[dir] {
		return true
	}
	b := v.binaries()
	return !b.hasMain || b.served[dir]
}

// binaries is the module's main packages seen through their imports.
type binaries struct {
	hasMain bool
	served  map[string]bool // directories of packages in a binary that instruments its inbound side
}

type keyBinaries struct{}

func (v modView) binaries() binaries {
	return v.ms.Memo(keyBinaries{}, func() any {
		b := binaries{served: make(map[string]bool)}
		in := v.inboundDirs()
		dirs, _ := v.ms.Dirs()
		for _, d := range dirs {
			if _, names := v.ms.DirImports(d); !slices.Contains(names, "main") {
				continue
			}
			b.hasMain = true
			closure := v.closure(d)
			instrumented := false
			for c := range closure {
				instrumented = instrumented || in[c]
			}
			if instrumented {
				for c := range closure {
					b.served[c] = true
				}
			}
		}
		return b
	}).(binaries)
}

// closure returns dir and the directories of the module's packages it
// imports, transitively.
func (v modView) closure(dir string) map[string]bool {
	seen := map[string]bool{dir: true}
	stack := []string{dir}
	for len(stack) > 0 {
		d := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		imps, _ := v.ms.DirImports(d)
		for _, path := range imps {
			if sub := v.ms.DirOf(path); sub != "" && !seen[sub] {
				seen[sub] = true
				stack = append(stack, sub)
			}
		}
	}
	return seen
}

// isOtelContrib reports whether path is an OpenTelemetry instrumentation
// package (contrib, or a framework's own otel package such as
// github.com/riandyrn/otelchi or github.com/gofiber/contrib/otelfiber).
func isOtelContrib(path string) bool {
	return strings.HasPrefix(path, "go.opentelemetry.io/contrib/") || strings.HasPrefix(lint.ImportName(path), "otel")
}

// defaults says whether the module replaces net/http's defaults with
// something that may inject trace headers.
type defaults struct {
	transport bool // http.DefaultTransport replaced (or unknown): clients with no Transport may inject
	client    bool // http.DefaultClient or its Transport replaced (or unknown), or transport
}

// defaultsReplaced: does the module assign http.DefaultTransport,
// http.DefaultClient.Transport or http.DefaultClient a value that may
// inject trace headers (otelhttp.NewTransport(...), a tracing library's
// transport, or anything this reading cannot judge)? A plain
// &http.Transport{...} or a clone does not count. An incomplete listing
// counts as replaced (silent).
func (v modView) defaultsReplaced() defaults {
	if v.ms == nil {
		return defaults{true, true}
	}
	return v.ms.Memo(keyDefaults{}, func() any {
		var d defaults
		files, complete := v.ms.Grep("DefaultTransport", "DefaultClient")
		if !complete {
			return defaults{true, true}
		}
		for _, f := range files {
			if skipFile(f) {
				continue
			}
			ast.Inspect(f.AST, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, lhs := range as.Lhs {
					switch target(f, lhs) {
					case "DefaultTransport":
						if synMayInject(f, as.Rhs[i], false) {
							d.transport = true
						}
					case "DefaultClient.Transport":
						if synMayInject(f, as.Rhs[i], false) {
							d.client = true
						}
					case "DefaultClient":
						if synMayInject(f, as.Rhs[i], true) {
							d.client = true
						}
					}
				}
				return true
			})
		}
		d.client = d.client || d.transport
		return d
	}).(defaults)
}

// target names the net/http default an assignment's left-hand side
// replaces: "DefaultTransport", "DefaultClient.Transport",
// "DefaultClient", or "".
func target(f *lint.SrcFile, lhs ast.Expr) string {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if f.PkgOf(sel.X) == "net/http" {
		switch sel.Sel.Name {
		case "DefaultTransport", "DefaultClient":
			return sel.Sel.Name
		}
		return ""
	}
	if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && sel.Sel.Name == "Transport" && inner.Sel.Name == "DefaultClient" && f.PkgOf(inner.X) == "net/http" {
		return "DefaultClient.Transport"
	}
	return ""
}

// synMayInject judges, without types, a value given to a net/http default:
// false only for values that certainly inject nothing: a &http.Transport
// literal, new(http.Transport), a Clone() call, http.DefaultTransport
// itself, nil; for a client (isClient), an http.Client literal whose
// Transport is absent or one of those.
func synMayInject(f *lint.SrcFile, e ast.Expr, isClient bool) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name != "nil"
	case *ast.CompositeLit:
		sel, ok := ast.Unparen(e.Type).(*ast.SelectorExpr)
		if !ok || f.PkgOf(sel.X) != "net/http" {
			return true
		}
		switch {
		case !isClient && sel.Sel.Name == "Transport":
			return false
		case isClient && sel.Sel.Name == "Client":
			for _, elt := range e.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					return true // positional: not judged
				}
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Transport" {
					return synMayInject(f, kv.Value, false)
				}
			}
			return false
		}
		return true
	case *ast.SelectorExpr:
		return !(f.PkgOf(e.X) == "net/http" && e.Sel.Name == "DefaultTransport")
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Clone" && len(e.Args) == 0 {
			return false // http.DefaultTransport.(*http.Transport).Clone()
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "new" && len(e.Args) == 1 {
			if sel, ok := ast.Unparen(e.Args[0]).(*ast.SelectorExpr); ok && f.PkgOf(sel.X) == "net/http" && sel.Sel.Name == "Transport" {
				return false
			}
		}
	}
	return true
}

// tracingPaths are the import paths (and path prefixes, at a path element
// boundary) of libraries that propagate trace context: OpenTelemetry,
// OpenCensus, OpenTracing, Zipkin, Jaeger, Datadog and other APM agents,
// and frameworks whose servers and clients trace by default (go-zero's
// rest and zrpc, kratos' tracing middleware).
var tracingPaths = []string{
	"go.opentelemetry.io",
	"go.opencensus.io",
	"contrib.go.opencensus.io",
	"github.com/opentracing/opentracing-go",
	"github.com/opentracing-contrib",
	"github.com/openzipkin/zipkin-go",
	"github.com/openzipkin-contrib",
	"github.com/uber/jaeger-client-go",
	"github.com/jaegertracing/jaeger-client-go",
	"gopkg.in/DataDog/dd-trace-go.v1",
	"github.com/DataDog/dd-trace-go",
	"go.elastic.co/apm",
	"github.com/newrelic/go-agent",
	"github.com/SkyAPM/go2sky",
	"github.com/aws/aws-xray-sdk-go",
	"github.com/signalfx/signalfx-go-tracing",
	"github.com/instana/go-sensor",
	"github.com/lightstep/lightstep-tracer-go",
	"github.com/honeycombio/beeline-go",
	"github.com/grpc-ecosystem/go-grpc-middleware/tracing",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/tracing",
	"github.com/go-kit/kit/tracing",
	"github.com/go-kratos/kratos/v2/middleware/tracing",
	"github.com/zeromicro/go-zero/rest",
	"github.com/zeromicro/go-zero/zrpc",
	"github.com/zeromicro/go-zero/core/trace",
	"github.com/hertz-contrib/obs-opentelemetry",
}

// tracingGrep are substrings of tracingPaths, to skip files that cannot
// import any of them before parsing.
var tracingGrep = []string{
	"go.opentelemetry.io", "opencensus", "opentracing", "zipkin", "jaeger", "dd-trace-go",
	"go.elastic.co/apm", "newrelic/go-agent", "go2sky", "aws-xray-sdk-go", "signalfx", "instana",
	"lightstep", "beeline-go", "go-grpc-middleware", "go-kit/kit/tracing", "kratos", "go-zero",
	"obs-opentelemetry",
}

// isTracingPath reports whether an import path belongs to a tracing
// library (see tracingPaths).
func isTracingPath(path string) bool {
	return hasPathPrefix(path, tracingPaths)
}

// tracingImported: does any file of the module import a tracing library?
func (v modView) tracingImported() answer {
	if v.ms == nil {
		return answer{}
	}
	return v.ms.Memo(keyTracing{}, func() any {
		files, complete := v.ms.Grep(tracingGrep...)
		for _, f := range files {
			if skipFile(f) {
				continue
			}
			for _, imp := range f.AST.Imports {
				if path, err := strconv.Unquote(imp.Path.Value); err == nil && isTracingPath(path) {
					return answer{true, true}
				}
			}
		}
		return answer{false, complete}
	}).(answer)
}

// headersCopied: does any file of the module forward what the sidecar
// needs by hand? It names x-request-id or a trace-context header (a
// string literal, or a constant such as echo.HeaderXRequestID), or it
// forwards the inbound headers wholesale: the incoming gRPC metadata made
// outgoing (metadata.FromIncomingContext and NewOutgoingContext in one
// function), an httputil reverse proxy (which copies every header), or
// one request's Header given to another (out.Header = in.Header.Clone(),
// a range over in.Header writing out.Header). Rule 5's "no trace header
// copied anywhere".
func (v modView) headersCopied() answer {
	if v.ms == nil {
		return answer{}
	}
	return v.ms.Memo(keyHeaders{}, func() any {
		files, complete := v.ms.GrepFold("x-request-id", "xrequestid", "requestidheader", "traceparent", "tracestate",
			"x-b3-", `"b3"`, "uber-trace-id", "x-cloud-trace-context", "grpc-trace-bin", "x-ot-span-context", "x-datadog-", "x-amzn-trace-id",
			"FromIncomingContext", "httputil", ".Header")
		for _, f := range files {
			if skipFile(f) {
				continue
			}
			found := false
			ast.Inspect(f.AST, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if s, ok := lint.StringLit(n); ok && (isTraceHeader(s) || strings.EqualFold(s, requestID)) {
						found = true
					}
				case *ast.Ident:
					found = found || namesForwardedHeader(n.Name)
				case *ast.SelectorExpr:
					if path := f.PkgOf(n.X); path != "" {
						found = found || namesForwardedHeader(n.Sel.Name) ||
							path == "net/http/httputil" && (n.Sel.Name == "ReverseProxy" || n.Sel.Name == "NewSingleHostReverseProxy")
						return false
					}
				case *ast.FuncDecl:
					found = found || forwardsWholesale(f.PkgOf, n.Body)
				case *ast.FuncLit:
					found = found || forwardsWholesale(f.PkgOf, n.Body)
				}
				return !found
			})
			if found {
				return answer{true, true}
			}
		}
		return answer{false, complete}
	}).(answer)
}

// forwardsWholesale reports whether a function body copies the inbound
// headers as a whole: metadata.FromIncomingContext and
// metadata.NewOutgoingContext both called, x.Header = y.Header (or
// y.Header.Clone()), or a range over y.Header whose body writes a Header.
func forwardsWholesale(pkgOf func(ast.Expr) string, body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	var incoming, outgoing, copied bool
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // judged on its own
		case *ast.SelectorExpr:
			if pkgOf(n.X) == "google.golang.org/grpc/metadata" {
				incoming = incoming || n.Sel.Name == "FromIncomingContext"
				outgoing = outgoing || n.Sel.Name == "NewOutgoingContext"
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && isHeaderSel(n.Lhs[0]) {
				rhs := ast.Unparen(n.Rhs[0])
				if call, ok := rhs.(*ast.CallExpr); ok && len(call.Args) == 0 {
					if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Clone" {
						rhs = sel.X
					}
				}
				copied = copied || isHeaderSel(rhs)
			}
		case *ast.RangeStmt:
			if isHeaderSel(n.X) && writesHeader(n.Body) {
				copied = true
			}
		}
		return !copied
	})
	return copied || incoming && outgoing
}

// isHeaderSel reports whether e is a selector x.Header.
func isHeaderSel(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Header"
}

// writesHeader reports whether a block calls Set/Add on x.Header, or
// assigns x.Header[k].
func writesHeader(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Set" || sel.Sel.Name == "Add") && isHeaderSel(sel.X) {
				found = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && isHeaderSel(ix.X) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// namesForwardedHeader reports whether an identifier looks like the name
// of a request-id or trace header constant (echo.HeaderXRequestID,
// fiber.HeaderXRequestID, middleware.RequestIDHeader, HeaderTraceparent).
func namesForwardedHeader(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, "xrequestid") || strings.Contains(l, "requestidheader") || strings.Contains(l, "traceparent")
}

// skipFile reports whether a module file does not count: generated, a
// test, or not parsed.
func skipFile(f *lint.SrcFile) bool {
	return f == nil || f.AST == nil || f.Generated || f.Test
}

// funcName returns the name a call's function is spelled with: F in F(),
// x.F() and pkg.F(), or "".
func funcName(call *ast.CallExpr) string {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun.Name
	case *ast.SelectorExpr:
		return fun.Sel.Name
	case *ast.IndexExpr: // F[T]()
		if id, ok := fun.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}
