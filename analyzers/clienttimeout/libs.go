package clienttimeout

// Client libraries (SPEC framework table, clienttimeout column): resty,
// fasthttp, go-kit's HTTP transport, go-retryablehttp. Their defaults, read
// in their sources (cited in doc.go): none of them sets an overall timeout.

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

const (
	restyV2       = "github.com/go-resty/resty/v2"
	restyV3       = "resty.dev/v3"
	fasthttpPath  = "github.com/valyala/fasthttp"
	goKitHTTP     = "github.com/go-kit/kit/transport/http"
	retryablehttp = "github.com/hashicorp/go-retryablehttp"

	goKitSetClient = goKitHTTP + ".SetClient"
)

// checkResty reports a resty client built by resty.New() (or another
// constructor that builds its own http.Client) that is never given
// SetTimeout: on the builder chain (resty.New().SetTimeout(d)), or later
// on the value it is stored in (c.SetTimeout(d); for a package variable
// anywhere in the package). Handing out its *http.Client (GetClient in
// v2, Client in v3) counts as giving it one: the caller may set Timeout
// there.
func checkResty(p *lint.Pass, cur inspector.Cursor, call *ast.CallExpr) {
	x := cur
	for x.ParentEdgeKind() == edge.SelectorExpr_X {
		sel := x.Parent()
		s := p.TypesInfo.Selections[sel.Node().(*ast.SelectorExpr)]
		if s == nil || s.Kind() != types.MethodVal || sel.ParentEdgeKind() != edge.CallExpr_Fun {
			break
		}
		fn, _ := s.Obj().(*types.Func)
		if fn == nil {
			break
		}
		if lint.RestyTimeout[p.FuncName(fn.Origin())] {
			return
		}
		next := sel.Parent()
		// Builder methods (SetRetryCount, SetHeader, ...) return the
		// client itself: follow the chain. R() and friends do not.
		if !types.Identical(p.TypesInfo.TypeOf(next.Node().(ast.Expr)), p.TypesInfo.TypeOf(x.Node().(ast.Expr))) {
			break
		}
		x = next
	}
	if p.CalledLater(x, lint.RestyTimeout) != lint.NotAssigned {
		return
	}
	p.Reportf(call.Pos(), "resty client has no timeout: %s; call SetTimeout on it (5-10s is typical, e.g. client.SetTimeout(10 * time.Second))", why)
}

// checkFasthttpClient reports a fasthttp.Client or HostClient literal
// without a ReadTimeout (fasthttp: "By default response read timeout is
// unlimited"), unless the same value gets one later.
func checkFasthttpClient(p *lint.Pass, cur inspector.Cursor, lit *ast.CompositeLit) {
	if v := p.StructField(lit, "ReadTimeout"); v != nil && !isZero(p, v) {
		return
	}
	if p.AssignedLater(cur, "ReadTimeout") != lint.NotAssigned || onlyTimedCalls(p, cur) || balanced(p, cur) {
		return
	}
	name := "Client"
	if lint.IsValueOf(litType(p, lit), fasthttpPath, "HostClient") {
		name = "HostClient"
	}
	p.Reportf(lit.Pos(), "fasthttp.%s has no ReadTimeout: %s; set ReadTimeout and WriteTimeout (e.g. ReadTimeout: 10 * time.Second)", name, why)
}

// timedMethods are the fasthttp client methods that bound the request
// themselves; untimed are those that send nothing.
var (
	timedMethods = map[string]bool{"DoTimeout": true, "DoDeadline": true, "GetTimeout": true, "GetDeadline": true}
	untimed      = map[string]bool{"CloseIdleConnections": true}
)

// onlyTimedCalls reports whether the fasthttp client built at cur sends
// every request through DoTimeout, DoDeadline, GetTimeout or GetDeadline
// (at least one): then no request waits without a limit, whatever
// ReadTimeout says. The client must stay in its function, or be a
// package-level variable (every use in the package is checked), and be
// used only by such method calls.
func onlyTimedCalls(p *lint.Pass, cur inspector.Cursor) bool {
	timed := 0
	ok := func(fn *types.Func) bool {
		switch {
		case fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != fasthttpPath:
			return false
		case timedMethods[fn.Name()]:
			timed++
			return true
		}
		return untimed[fn.Name()]
	}
	if uses, local := p.LocalUses(cur); local {
		for _, u := range uses {
			if len(u.Path) != 0 || !ok(u.Method) {
				return false
			}
		}
		return timed > 0
	}
	b := p.BindingOf(cur)
	v := b.Var
	if b.Kind != lint.BindVar || len(b.Path) != 0 || v == nil || v.Parent() != p.Pkg.Scope() || p.AddressTaken(v) || p.Reassigned(v) {
		return false
	}
	for c := range p.Inspector().Root().Preorder((*ast.Ident)(nil)) {
		if p.TypesInfo.Uses[c.Node().(*ast.Ident)] != v {
			continue
		}
		if c.ParentEdgeKind() != edge.SelectorExpr_X || c.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return false
		}
		s := p.TypesInfo.Selections[c.Parent().Node().(*ast.SelectorExpr)]
		if s == nil || s.Kind() != types.MethodVal {
			return false
		}
		if fn, _ := s.Obj().(*types.Func); !ok(fn) {
			return false
		}
	}
	return timed > 0
}

// balanced reports whether the fasthttp client built at cur only serves a
// fasthttp.LBClient (its Clients), directly or through a local variable
// used for nothing else: LBClient.Do always applies its Timeout
// (DefaultLBClientTimeout, 1s, when unset), so no request waits without a
// limit.
func balanced(p *lint.Pass, cur inspector.Cursor) bool {
	if lbSlot(p, cur) {
		return true
	}
	b := p.BindingOf(cur)
	v := b.Var
	fn := lint.OutermostFunc(cur)
	if b.Kind != lint.BindVar || len(b.Path) != 0 || v == nil || fn.Node() == nil || v.Parent() == p.Pkg.Scope() || p.AddressTaken(v) {
		return false
	}
	uses := 0
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		if p.TypesInfo.Uses[c.Node().(*ast.Ident)] != v {
			continue
		}
		if c.ParentEdgeKind() == edge.AssignStmt_Lhs || !lbSlot(p, c) {
			return false
		}
		uses++
	}
	return uses > 0
}

// lbSlot reports whether the value at x is put into a fasthttp.LBClient's
// Clients: append(lb.Clients, x) or LBClient{Clients: []fasthttp.BalancingClient{x}}.
func lbSlot(p *lint.Pass, x inspector.Cursor) bool {
	for x.ParentEdgeKind() == edge.ParenExpr_X || x.ParentEdgeKind() == edge.UnaryExpr_X {
		x = x.Parent()
	}
	switch x.ParentEdgeKind() {
	case edge.CallExpr_Args:
		call := x.Parent().Node().(*ast.CallExpr)
		if tv, ok := p.TypesInfo.Types[call.Fun]; !ok || !tv.IsBuiltin() || len(call.Args) < 2 || x.ParentEdgeIndex() == 0 {
			return false
		}
		sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Clients" && lint.IsNamed(p.TypesInfo.TypeOf(sel.X), fasthttpPath, "LBClient")
	case edge.CompositeLit_Elts:
		kv, ok := x.Parent().Parent().Node().(*ast.KeyValueExpr)
		if !ok || x.Parent().ParentEdgeKind() != edge.KeyValueExpr_Value {
			return false
		}
		key, ok := kv.Key.(*ast.Ident)
		lit, ok2 := x.Parent().Parent().Parent().Node().(*ast.CompositeLit)
		return ok && ok2 && key.Name == "Clients" && lint.IsNamed(p.TypesInfo.TypeOf(lit), fasthttpPath, "LBClient")
	}
	return false
}

// reportNoTimeoutFunc reports a package-level function of fasthttp or
// go-retryablehttp that sends through the library's default client.
func reportNoTimeoutFunc(p *lint.Pass, call *ast.CallExpr, fn *types.Func) {
	name := lint.ShortName(fn)
	if fn.Pkg().Path() == fasthttpPath {
		fix := "use fasthttp.DoTimeout"
		switch fn.Name() {
		case "Get":
			fix = "use fasthttp.GetTimeout"
		case "Post":
			fix = "use a fasthttp.Client with ReadTimeout and call its Post method"
		}
		p.Reportf(call.Pos(), "%s uses fasthttp's default client, which has no timeout: %s; %s", name, why, fix)
		return
	}
	p.Reportf(call.Pos(), "%s uses retryablehttp's default client, whose HTTPClient has no Timeout: %s; use your own retryablehttp.NewClient() with HTTPClient.Timeout set and call its %s method", name, why, fn.Name())
}

// optionKind says whether a go-kit client option gives the client its
// *http.Client.
type optionKind int

const (
	otherOption   optionKind = iota // ClientBefore, BufferedStream, tracing options...
	setsClient                      // httptransport.SetClient(c)
	unknownOption                   // an option meshlint cannot see into
)

// checkGoKit reports a go-kit httptransport.NewClient (or
// NewExplicitClient) call without a SetClient option: the client then
// sends through http.DefaultClient (go-kit transport/http/client.go:
// "By default, http.DefaultClient is used").
func checkGoKit(p *lint.Pass, call *ast.CallExpr, fn *types.Func, name string) {
	if call.Ellipsis.IsValid() {
		return // options from a slice: not followed
	}
	args := p.Args(call)
	for i := lint.Param(name, "options"); i < len(args); i++ {
		if goKitOption(p, args[i], 0) != otherOption {
			return
		}
	}
	p.Reportf(call.Pos(), "go-kit's %s has no SetClient option, so it sends through http.DefaultClient, which has no Timeout: %s; pass the SetClient(&http.Client{Timeout: 10 * time.Second}) option", fn.Name(), why)
}

// goKitOption classifies one client option expression. The client's
// *http.Client is an unexported field: only SetClient sets it, so options
// from go-kit's own packages and function literals that do not call
// SetClient are other options.
func goKitOption(p *lint.Pass, e ast.Expr, depth int) optionKind {
	if depth > 4 {
		return unknownOption
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := p.Callee(e)
		switch {
		case fn == nil:
		case p.FuncName(fn) == goKitSetClient:
			return setsClient
		case fn.Pkg() != nil && strings.HasPrefix(fn.Pkg().Path(), "github.com/go-kit/kit/"):
			return otherOption
		}
	case *ast.FuncLit:
		kind := otherOption
		ast.Inspect(e.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && p.CalleeName(c) == goKitSetClient {
				kind = setsClient
			}
			return kind == otherOption
		})
		return kind
	case *ast.Ident:
		if def, ok := p.SingleValue(p.ObjectOf(e)); ok {
			return goKitOption(p, def, depth+1)
		}
	}
	return unknownOption
}
