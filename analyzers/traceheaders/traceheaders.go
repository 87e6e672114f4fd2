package traceheaders

import (
	_ "embed"
	"go/ast"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports trace headers that are not forwarded although the context may be.
var Analyzer = &analysis.Analyzer{
	Name:     "traceheaders",
	Doc:      lint.MustExtractDoc(doc, "traceheaders"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/traceheaders/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

// strict holds -traceheaders.strict (rule 5).
var strict bool

func init() {
	Analyzer.Flags.BoolVar(&strict, "strict", false, "in a module with no tracing library and no trace header copied anywhere, report every outbound HTTP/gRPC call made inside an inbound scope")
}

const (
	pkgOtel    = "go.opentelemetry.io/otel"
	pkgGateway = "github.com/grpc-ecosystem/grpc-gateway/v2/runtime"

	// why is the reason shared by the messages.
	why = "the sidecar cannot join this call to the inbound trace"
)

// checker is one package's run.
type checker struct {
	p       *lint.Pass
	mod     modView // set by report, once there are candidates
	modOnce bool
	ms      *lint.ModuleSource

	synMemo   map[ast.Node]synBody
	traceMemo map[ast.Node]bool
	decls     map[*types.Func]*ast.FuncDecl

	// Candidates, reported once the module-wide answers they need are in.
	providers []*ast.CallExpr // rule 1: otel.SetTracerProvider
	sends     []send          // rule 2: HTTP sends through clients that inject nothing
	dials     []*ast.CallExpr // rule 2: gRPC dials without otelgrpc
	forwards  []*ast.CallExpr // rule 3: x-request-id copied, no trace header in the function
	outbound  []outboundCall  // rule 5: every outbound call in an inbound scope
	dialNames map[*ast.CallExpr]*types.Func
}

// send is a rule 2 candidate: an HTTP send and what its client is.
type send struct {
	call *ast.CallExpr
	fn   *types.Func
	v    verdict
}

// outboundCall is a rule 5 candidate.
type outboundCall struct {
	call *ast.CallExpr
	fn   *types.Func
}

func run(p *lint.Pass) (any, error) {
	// Fast path: nothing of what the rules are about is imported. (Rule
	// 5 also counts gRPC stubs, whose package may reach grpc only
	// through generated code.)
	if !p.Imports(pkgOtel, pkgOtelhttp, pkgOtelgrpc, pkgHTTP, pkgGRPC, pkgGateway, pkgMetadata) && !(strict && p.Reaches(pkgGRPC)) {
		return nil, nil
	}
	c := &checker{
		p:         p,
		synMemo:   make(map[ast.Node]synBody),
		traceMemo: make(map[ast.Node]bool),
		dialNames: make(map[*ast.CallExpr]*types.Func),
	}
	for n := range p.Nodes() {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := p.Callee(call); fn != nil {
				c.visit(call, fn)
			}
		}
	}
	c.report()
	return nil, nil
}

// visit collects the candidates of one call. Module-wide questions are
// not asked here: a package with no candidate never reads the module.
func (c *checker) visit(call *ast.CallExpr, fn *types.Func) {
	name := c.p.FuncName(fn)
	switch {
	case name == pkgOtel+".SetTracerProvider", name == pkgGateway+".NewServeMux", lint.GRPCDials[name],
		lint.HTTPSends[name], forwardCalls[name], lint.IsGRPCStub(fn):
	default:
		return // most calls: before any other work
	}
	stack := c.p.PathTo(call) // the path from the file to the call
	if c.testHelper(stack) {
		return
	}
	switch {
	case name == pkgOtel+".SetTracerProvider":
		c.providers = append(c.providers, call)
	case name == pkgGateway+".NewServeMux":
		if c.gatewayVerdict(call) == plain {
			c.p.Reportf(call.Pos(), "runtime.NewServeMux without WithIncomingHeaderMatcher or WithMetadata drops x-request-id, traceparent and x-b3-* headers: grpc-gateway's default matcher forwards only standard headers and Grpc-Metadata-*, so %s; pass runtime.WithIncomingHeaderMatcher with a matcher that keeps x-request-id, traceparent, tracestate and x-b3-* (and falls back to runtime.DefaultHeaderMatcher)", "the backend call cannot be joined to the inbound trace")
		}
	case lint.GRPCDials[name]:
		if c.dialVerdict(call, name) == plain {
			c.dials = append(c.dials, call)
			c.dialNames[call] = fn
		}
	case lint.HTTPSends[name]:
		if !c.p.ScopeOf(stack).Inbound() {
			return
		}
		if v := c.sendVerdict(call, name); v != unknown && v != injects {
			c.sends = append(c.sends, send{call, fn, v})
		}
		if strict {
			c.outbound = append(c.outbound, outboundCall{call, fn})
		}
	case lint.IsGRPCStub(fn):
		if strict && c.p.ScopeOf(stack).Inbound() && !c.inStub(stack) {
			c.outbound = append(c.outbound, outboundCall{call, fn})
		}
	default:
		if forwardCalls[name] && c.forwardCopy(call, name, stack) && !c.mentionsTrace(outermostFunc(stack), 0) {
			c.forwards = append(c.forwards, call)
		}
	}
}

// forwardCalls are the calls that may copy x-request-id (rule 3).
var forwardCalls = map[string]bool{
	"(net/http.Header).Set":                  true,
	"(net/http.Header).Add":                  true,
	pkgMetadata + ".AppendToOutgoingContext": true,
	pkgMetadata + ".Pairs":                   true,
	pkgMetadata + ".New":                     true,
	"(" + pkgMetadata + ".MD).Set":           true,
	"(" + pkgMetadata + ".MD).Append":        true,
}

// testHelper reports whether the node at the top of stack is in a test
// helper outside _test.go files: a function (or a closure in one) with a
// *testing.T, *testing.B, *testing.F or testing.TB parameter. Test code
// has no inbound trace to forward (openfga's pkg/testutils dials its
// server under test).
func (c *checker) testHelper(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		var ft *ast.FuncType
		switch n := stack[i].(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if ft == nil || ft.Params == nil {
			continue
		}
		for _, f := range ft.Params.List {
			t := c.p.TypesInfo.TypeOf(f.Type)
			if lint.IsNamed(t, "testing", "T") || lint.IsNamed(t, "testing", "B") || lint.IsNamed(t, "testing", "F") || lint.IsNamed(t, "testing", "TB") {
				return true
			}
		}
	}
	return false
}

// inStub reports whether the node at the top of stack is inside a gRPC
// client stub method (cc.Invoke in generated-style client code): the call
// is reported where the stub is called.
func (c *checker) inStub(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if d, ok := stack[i].(*ast.FuncDecl); ok {
			fn, _ := c.p.TypesInfo.Defs[d.Name].(*types.Func)
			return fn != nil && lint.IsGRPCStub(fn)
		}
	}
	return false
}

// report asks the module-wide questions the candidates need, and reports.
func (c *checker) report() {
	if len(c.providers)+len(c.sends)+len(c.dials)+len(c.forwards)+len(c.outbound) == 0 {
		return
	}
	c.mod = modView{ms: c.modSrc()}
	if c.mod.ms == nil {
		return // module unknown (nogo, GOPATH mode): never guess
	}
	if len(c.providers) > 0 {
		if a := c.mod.propagatorSet(); !a.yes && a.complete {
			for _, call := range c.providers {
				c.p.Reportf(call.Pos(), "otel.SetTracerProvider but no text-map propagator is set anywhere in the module: OpenTelemetry's default propagator is a no-op, so otelhttp and otelgrpc send no traceparent and %s; call otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))", "the sidecar cannot join outbound calls to the inbound trace")
			}
		}
	}
	if len(c.sends)+len(c.dials) > 0 && c.mod.inboundInstrumented(c.dir()) {
		for _, s := range c.sends {
			c.reportSend(s)
		}
		for _, call := range c.dials {
			c.p.Reportf(call.Pos(), "%s without otelgrpc although the module instruments its inbound side: calls on this connection carry no traceparent, so %s; add grpc.WithStatsHandler(otelgrpc.NewClientHandler())", lint.ShortName(c.dialNames[call]), "the sidecar cannot join them to the inbound trace")
		}
	}
	if len(c.forwards) > 0 {
		if a := c.mod.tracingImported(); !a.yes && a.complete {
			for _, call := range c.forwards {
				c.p.Reportf(call.Pos(), "x-request-id is forwarded by hand but no trace header is: without traceparent/tracestate or x-b3-* %s; forward traceparent, tracestate and the x-b3-* headers (or b3) too, or instrument the client with otelhttp or otelgrpc", why)
			}
		}
	}
	if len(c.outbound) > 0 {
		if t := c.mod.tracingImported(); !t.yes && t.complete {
			if h := c.mod.headersCopied(); !h.yes && h.complete {
				for _, o := range c.outbound {
					c.p.Reportf(o.call.Pos(), "%s forwards no trace headers: the module has no tracing instrumentation and copies no trace header, so %s; instrument the client (otelhttp.NewTransport, grpc.WithStatsHandler(otelgrpc.NewClientHandler())) and set a propagator, or forward x-request-id, traceparent and x-b3-* by hand", lint.ShortName(o.fn), why)
				}
			}
		}
	}
}

// reportSend reports a rule 2 HTTP send unless the module's replaced
// defaults cover it.
func (c *checker) reportSend(s send) {
	d := c.mod.defaultsReplaced()
	name := lint.ShortName(s.fn)
	switch s.v {
	case plainDefClient:
		if d.client {
			return
		}
		what := name + " sends through http.DefaultClient"
		if !lint.DefaultClientFuncs[c.p.FuncName(s.fn)] {
			what = name + " on http.DefaultClient"
		}
		c.p.Reportf(s.call.Pos(), "%s, which injects no trace headers although the module instruments its inbound side: %s (no traceparent); use a client with Transport: otelhttp.NewTransport(http.DefaultTransport)", what, why)
	case plainDefTransport:
		if d.transport {
			return
		}
		c.p.Reportf(s.call.Pos(), "%s through an http.Client with no Transport (http.DefaultTransport injects no trace headers) although the module instruments its inbound side: %s (no traceparent); set Transport: otelhttp.NewTransport(http.DefaultTransport)", name, why)
	case plainViaDefTransport, plain:
		if s.v == plainViaDefTransport && d.transport {
			return
		}
		c.p.Reportf(s.call.Pos(), "%s through an http.Client whose Transport injects no trace headers although the module instruments its inbound side: %s (no traceparent); wrap the Transport with otelhttp.NewTransport", name, why)
	}
}

// modSrc returns the package's module source (nil: unknown), looked up on
// first use: a package with no candidate never touches it.
func (c *checker) modSrc() *lint.ModuleSource {
	if !c.modOnce {
		c.modOnce = true
		c.ms = c.p.ModuleSource()
	}
	return c.ms
}

// dir returns the directory of the package's (first) file.
func (c *checker) dir() string {
	for _, f := range c.p.Files {
		if name := c.p.Fset.Position(f.Package).Filename; filepath.IsAbs(name) {
			return filepath.Dir(filepath.Clean(name))
		}
	}
	return ""
}
