package traceheaders

// Rule 3: x-request-id copied by hand from the inbound request onto an
// outbound request or outgoing gRPC metadata, in a function that copies no
// trace-context header.

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

const pkgMetadata = "google.golang.org/grpc/metadata"

// forwardCopy returns whether call copies x-request-id from the inbound
// request onto an outbound request (Header.Set/Add on a request the
// function builds or sends) or outgoing gRPC metadata
// (metadata.AppendToOutgoingContext; metadata.Pairs/New, MD.Set/Append
// reaching metadata.NewOutgoingContext in the function).
func (c *checker) forwardCopy(call *ast.CallExpr, name string, stack []ast.Node) bool {
	s := c.p.ScopeOf(stack)
	fn := outermostFunc(stack)
	if fn == nil {
		return false
	}
	sources := c.inboundSources(s)
	if len(sources) == 0 {
		return false
	}
	switch name {
	case "(net/http.Header).Set", "(net/http.Header).Add":
		if !c.isRequestID(c.p.ArgOf(call, name, "key")) {
			return false
		}
		req := requestOfHeader(c.p, c.p.Receiver(call))
		if req == nil || !c.outboundRequest(req, s, stack, fn) {
			return false
		}
		return c.derived(c.p.ArgOf(call, name, "value"), sources, 0)
	case pkgMetadata + ".AppendToOutgoingContext":
		if call.Ellipsis.IsValid() {
			return false
		}
		return c.pairsCopy(c.p.Args(call)[1:], sources)
	case pkgMetadata + ".Pairs":
		if call.Ellipsis.IsValid() || !c.outgoingMD(call, stack, fn) {
			return false
		}
		return c.pairsCopy(c.p.Args(call), sources)
	case pkgMetadata + ".New":
		lit, ok := ast.Unparen(c.p.ArgOf(call, name, "m")).(*ast.CompositeLit)
		if !ok || !c.outgoingMD(call, stack, fn) {
			return false
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok && c.isRequestID(kv.Key) && c.derived(kv.Value, sources, 0) {
				return true
			}
		}
	case "(" + pkgMetadata + ".MD).Set", "(" + pkgMetadata + ".MD).Append":
		if !c.isRequestID(c.p.ArgOf(call, name, "k")) {
			return false
		}
		md := c.p.ObjectOf(c.p.Receiver(call))
		if md == nil || !c.passedToOutgoing(md, fn) {
			return false
		}
		i := lint.Param(name, "vals")
		for _, v := range c.p.Args(call)[min(i, len(c.p.Args(call))):] {
			if c.derived(v, sources, 0) {
				return true
			}
		}
	}
	return false
}

// pairsCopy reports whether key/value pairs hold x-request-id with a value
// derived from the inbound request.
func (c *checker) pairsCopy(kv []ast.Expr, sources map[*types.Var]bool) bool {
	for i := 0; i+1 < len(kv); i += 2 {
		if c.isRequestID(kv[i]) && c.derived(kv[i+1], sources, 0) {
			return true
		}
	}
	return false
}

// isRequestID reports whether a header-name argument is known to be
// x-request-id, in any case.
func (c *checker) isRequestID(e ast.Expr) bool {
	if e == nil {
		return false
	}
	s, complete := c.headerName(e)
	return complete && strings.EqualFold(s, requestID)
}

// outermostFunc returns the outermost function (declaration or package-
// level literal) of stack, or nil.
func outermostFunc(stack []ast.Node) ast.Node {
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// inboundSources returns the variables holding the inbound request the
// node at the top of stack may copy from: the inbound parameters of its
// scope (ctx, r, c), and in a RoundTrip method its request (whose context
// carries the inbound one).
func (c *checker) inboundSources(s lint.Scope) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	for _, pr := range s.Params {
		if pr.Obj != nil {
			out[pr.Obj] = true
		}
	}
	return out
}

// requestOfHeader returns the request variable r of a header expression
// r.Header (r an *http.Request, or a type embedding one such as
// go-retryablehttp's Request), or nil.
func requestOfHeader(p *lint.Pass, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" {
		return nil
	}
	s := p.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || !fieldOfRequest(s) {
		return nil
	}
	return p.ObjectOf(sel.X)
}

// fieldOfRequest reports whether a field selection selects a field of
// net/http.Request (directly or through embedded fields).
func fieldOfRequest(s *types.Selection) bool {
	t := s.Recv()
	idx := s.Index()
	for i, ix := range idx {
		if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
			t = ptr.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || ix < 0 || ix >= st.NumFields() {
			return false
		}
		if i == len(idx)-1 {
			return lint.IsValueOf(t, pkgHTTP, "Request")
		}
		t = st.Field(ix).Type()
	}
	return false
}

// requestBuilders make a new outbound request.
var requestBuilders = map[string]bool{
	"net/http.NewRequest":                                         true,
	"net/http.NewRequestWithContext":                              true,
	"github.com/hashicorp/go-retryablehttp.NewRequest":            true,
	"github.com/hashicorp/go-retryablehttp.NewRequestWithContext": true,
	"github.com/hashicorp/go-retryablehttp.FromRequest":           true,
}

// outboundRequest reports whether req is an outbound request of the
// function: built there by http.NewRequest(WithContext) (or
// go-retryablehttp's), or sent there (passed to a Do or RoundTrip method),
// and not the inbound request itself; in a RoundTrip method, its request
// parameter.
func (c *checker) outboundRequest(req *types.Var, s lint.Scope, stack []ast.Node, fn ast.Node) bool {
	if isRoundTripParam(c.p, req, stack) {
		return true
	}
	for _, pr := range s.Params {
		if pr.Obj == req {
			return false // the inbound request (middleware setting a header for the next handler)
		}
	}
	if def, _, ok := c.p.SingleResult(req); ok {
		if call, isCall := def.(*ast.CallExpr); isCall && requestBuilders[c.p.CalleeName(call)] {
			return true
		}
	}
	if def, ok := c.p.SingleValue(req); ok {
		if call, isCall := ast.Unparen(def).(*ast.CallExpr); isCall && requestBuilders[c.p.CalleeName(call)] {
			return true
		}
	}
	sent := false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || sent {
			return !sent
		}
		switch funcName(call) {
		case "Do", "RoundTrip":
		default:
			return true
		}
		fn := c.p.Callee(call)
		if fn == nil {
			return true
		}
		if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() == nil {
			return true
		}
		for _, a := range c.p.Args(call) {
			if c.p.ObjectOf(a) == req {
				sent = true
			}
		}
		return !sent
	})
	return sent
}

// isRoundTripParam reports whether v is the request parameter of an
// http.RoundTripper's RoundTrip method enclosing the stack.
func isRoundTripParam(p *lint.Pass, v *types.Var, stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		d, ok := stack[i].(*ast.FuncDecl)
		if !ok {
			continue
		}
		if d.Recv == nil || d.Name.Name != "RoundTrip" || d.Type.Params == nil || len(d.Type.Params.List) != 1 {
			return false
		}
		f := d.Type.Params.List[0]
		return len(f.Names) == 1 && p.TypesInfo.Defs[f.Names[0]] == v && lint.IsPointerTo(v.Type(), pkgHTTP, "Request")
	}
	return false
}

// outgoingMD reports whether the metadata built by call becomes outgoing
// metadata in the function: it is the md argument of
// metadata.NewOutgoingContext, or is stored in a local variable that is.
func (c *checker) outgoingMD(call *ast.CallExpr, stack []ast.Node, fn ast.Node) bool {
	if len(stack) >= 2 {
		if parent, ok := stack[len(stack)-2].(*ast.CallExpr); ok && c.p.CalleeName(parent) == pkgMetadata+".NewOutgoingContext" &&
			ast.Unparen(c.p.ArgOf(parent, pkgMetadata+".NewOutgoingContext", "md")) == call {
			return true
		}
	}
	if len(stack) < 2 {
		return false
	}
	var v *types.Var
	switch parent := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		if len(parent.Lhs) == 1 && len(parent.Rhs) == 1 && ast.Unparen(parent.Rhs[0]) == call {
			v = c.p.ObjectOf(parent.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(parent.Names) == 1 && len(parent.Values) == 1 && ast.Unparen(parent.Values[0]) == call {
			v = c.p.ObjectOf(parent.Names[0])
		}
	}
	return v != nil && c.passedToOutgoing(v, fn)
}

// passedToOutgoing reports whether the metadata variable md is passed to
// metadata.NewOutgoingContext in fn.
func (c *checker) passedToOutgoing(md *types.Var, fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found && c.p.CalleeName(call) == pkgMetadata+".NewOutgoingContext" {
			found = c.p.ObjectOf(c.p.ArgOf(call, pkgMetadata+".NewOutgoingContext", "md")) == md
		}
		return !found
	})
	return found
}

// derived reports whether the value of e comes from the inbound request:
// it refers to one of the sources (r.Header.Get("X-Request-Id"),
// c.GetHeader(...), requestIDFrom(ctx), md.Get(...) of the incoming
// metadata), directly or through local variables assigned once.
func (c *checker) derived(e ast.Expr, sources map[*types.Var]bool, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := c.p.TypesInfo.Uses[id].(*types.Var)
		if !ok || v.IsField() {
			return true
		}
		if sources[v] {
			found = true
			return false
		}
		if v.Pkg() != c.p.Pkg || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return true
		}
		if def, ok := c.p.SingleValue(v); ok {
			found = c.derived(def, sources, depth+1)
		} else if def, _, ok := c.p.SingleResult(v); ok {
			found = c.derived(def, sources, depth+1)
		}
		return !found
	})
	return found
}

// mentionsTrace reports whether the function n copies (or injects) trace
// context anywhere: it names a trace-context header (a constant, or a
// package variable of its package whose value names one), forwards the
// inbound headers or metadata wholesale (forwardsWholesale), calls an
// Inject function or method or a tracing library, or calls a function of
// the module that does, maxFollow levels deep.
func (c *checker) mentionsTrace(n ast.Node, depth int) bool {
	if n == nil {
		return false
	}
	if r, ok := c.traceMemo[n]; ok {
		return r
	}
	c.traceMemo[n] = false // recursion guard
	var body *ast.BlockStmt
	switch fn := n.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	found := forwardsWholesale(c.pkgOf, body)
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
			e := m.(ast.Expr)
			if tv, ok := c.p.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && isTraceHeader(constant.StringVal(tv.Value)) {
				found = true
				return false
			}
			if sel, ok := m.(*ast.SelectorExpr); ok {
				if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
					if pn, ok := c.p.TypesInfo.Uses[x].(*types.PkgName); ok && isTracingPath(pn.Imported().Path()) {
						found = true
						return false
					}
				}
			}
			if id, ok := m.(*ast.Ident); ok {
				if v, ok := c.p.TypesInfo.Uses[id].(*types.Var); ok && v.Pkg() == c.p.Pkg && v.Parent() == v.Pkg().Scope() && depth < maxFollow {
					if def, ok := c.p.SingleValue(v); ok && c.mentionsTrace(def, depth+1) {
						found = true
					}
				}
			}
		case *ast.CallExpr:
			if funcName(m) == "Inject" {
				found = true
				return false
			}
			fn := c.p.Callee(m)
			if fn == nil || fn.Pkg() == nil || depth >= maxFollow {
				return true
			}
			if isTracingPath(fn.Pkg().Path()) {
				found = true
				return false
			}
			if fn.Pkg() == c.p.Pkg {
				if d := c.declOf(fn); d != nil && c.mentionsTrace(d, depth+1) {
					found = true
				}
			} else if sf, pkg, d := c.srcOf(fn); d != nil && c.judgeSyn(sf, pkg, recvName(d), d.Body, depth+1).injects {
				found = true
			}
		}
		return !found
	})
	c.traceMemo[n] = found
	return found
}

// declOf returns the declaration of a function or method of the analysed
// package, or nil.
func (c *checker) declOf(fn *types.Func) *ast.FuncDecl {
	if c.decls == nil {
		c.decls = make(map[*types.Func]*ast.FuncDecl)
		for _, f := range c.p.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name != nil {
					if obj, ok := c.p.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						c.decls[obj] = fd
					}
				}
			}
		}
	}
	return c.decls[fn.Origin()]
}

// pkgOf returns the import path x names when it is a package name.
func (c *checker) pkgOf(x ast.Expr) string {
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		if pn, ok := c.p.TypesInfo.Uses[id].(*types.PkgName); ok {
			return pn.Imported().Path()
		}
	}
	return ""
}
