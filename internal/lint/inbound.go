package lint

// Inbound scopes (SPEC ctxprop): where the code runs on behalf of an
// inbound request, so that there is an inbound context to carry onto
// outbound calls. ctxprop and traceheaders share this definition.
//
// An inbound scope is a function or closure with an inbound parameter: a
// context.Context, a *http.Request, or a web framework's request context
// (gin, echo v4/v5, fiber v2/v3, hertz, fasthttp; see inboundTypes).
// Closures see the scope of the functions around them, except closures
// passed to singleflight.Group.Do/DoChan and sync.Once.Do: they are shared
// across requests, so no one caller's context belongs there.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// InboundKind says how a parameter carries the inbound context.
type InboundKind int

const (
	NotInbound  InboundKind = iota
	InContext               // context.Context: ctx
	InRequest               // *http.Request: r.Context()
	InFramework             // a framework request context (see inboundTypes)
)

// An inboundType is a framework type whose parameters make a function an
// inbound scope (a handler), with the expression that spells the
// request's context.Context from a parameter of that type ("" when it has
// none: the type carries no trace context).
type inboundType struct {
	path, name string
	pointer    bool   // the parameter is *T (else T itself)
	context    string // the context from parameter x: x + context
}

// inboundTypes are the framework request contexts (SPEC framework table,
// ctxprop column).
var inboundTypes = []inboundType{
	{"github.com/gin-gonic/gin", "Context", true, ".Request.Context()"},
	{"github.com/labstack/echo/v4", "Context", false, ".Request().Context()"},
	{"github.com/labstack/echo/v5", "Context", true, ".Request().Context()"},
	{"github.com/gofiber/fiber/v2", "Ctx", true, ".UserContext()"},
	{"github.com/gofiber/fiber/v3", "Ctx", false, ".Context()"},
	// hertz handlers are func(ctx context.Context, c *app.RequestContext):
	// the context is the ctx parameter.
	{"github.com/cloudwego/hertz/pkg/app", "RequestContext", true, ""},
	// fasthttp.RequestCtx implements context.Context but carries no trace.
	{"github.com/valyala/fasthttp", "RequestCtx", true, ""},
}

// InboundParam is one inbound parameter of a function.
type InboundParam struct {
	Kind InboundKind
	Obj  *types.Var // nil for unnamed and _ parameters
	ctx  string     // InFramework: the context expression's suffix
}

// Context spells the context.Context the parameter carries (ctx,
// r.Context(), c.Request.Context(), ...), or "" when it carries none or is
// unnamed.
func (pr InboundParam) Context() string {
	if pr.Obj == nil {
		return ""
	}
	switch pr.Kind {
	case InContext:
		return pr.Obj.Name()
	case InRequest:
		return pr.Obj.Name() + ".Context()"
	case InFramework:
		if pr.ctx != "" {
			return pr.Obj.Name() + pr.ctx
		}
	}
	return ""
}

// IsContext reports whether t is context.Context itself (not a pointer to
// it, not another type implementing it).
func IsContext(t types.Type) bool {
	return IsValueOf(t, "context", "Context")
}

// IsValueOf reports whether t is the named type pkgPath.name itself
// (aliases and generic instances included), not a pointer to it.
func IsValueOf(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	if _, ptr := types.Unalias(t).(*types.Pointer); ptr {
		return false
	}
	return IsNamed(t, pkgPath, name)
}

// classifyInbound returns how a parameter of type t carries the inbound
// context, and the framework context suffix.
func classifyInbound(t types.Type) (InboundKind, string) {
	switch {
	case t == nil:
		return NotInbound, ""
	case IsContext(t):
		return InContext, ""
	case IsPointerTo(t, "net/http", "Request"):
		return InRequest, ""
	}
	for _, it := range inboundTypes {
		if it.pointer && IsPointerTo(t, it.path, it.name) || !it.pointer && IsValueOf(t, it.path, it.name) {
			return InFramework, it.context
		}
	}
	return NotInbound, ""
}

// InboundParams returns the inbound parameters of a function type, and
// whether the function is a server-side handler (a framework request
// context parameter, or an http.ResponseWriter with a *http.Request): a
// handler's request is never nil.
func (p *Package) InboundParams(ft *ast.FuncType) (params []InboundParam, handler bool) {
	if ft == nil || ft.Params == nil {
		return nil, false
	}
	var writer bool
	for _, field := range ft.Params.List {
		t := p.Info.TypeOf(field.Type)
		if IsNamed(t, "net/http", "ResponseWriter") {
			writer = true
		}
		k, ctx := classifyInbound(t)
		if k == NotInbound {
			continue
		}
		if k == InFramework {
			handler = true
		}
		if len(field.Names) == 0 {
			params = append(params, InboundParam{Kind: k, ctx: ctx})
			continue
		}
		for _, id := range field.Names {
			v, _ := p.Info.Defs[id].(*types.Var)
			if id.Name == "_" {
				v = nil
			}
			params = append(params, InboundParam{Kind: k, Obj: v, ctx: ctx})
		}
	}
	if writer {
		for _, pr := range params {
			if pr.Kind == InRequest {
				handler = true
			}
		}
	}
	return params, handler
}

// A Scope says where a node sits with respect to the inbound request.
type Scope struct {
	// Fn is the innermost enclosing *ast.FuncDecl or *ast.FuncLit with
	// inbound parameters, or nil: no inbound context in scope (main, init,
	// CLI code, workers, closures shared across requests).
	Fn      ast.Node
	Params  []InboundParam
	Handler bool // Fn is a server-side handler
	InGo    bool // the node runs in a goroutine started inside Fn
	InDefer bool // the node runs in a call deferred inside Fn (and not in a goroutine)
	// Shared is the closure passed to singleflight/sync.Once that ended
	// the search, when there is one.
	Shared ast.Node
}

// Inbound reports whether there is an inbound context in scope.
func (s Scope) Inbound() bool { return s.Fn != nil }

// ScopeOf computes the scope of the node at the top of stack (as
// inspector.WithStack gives it: stack[0] is the *ast.File).
func (p *Package) ScopeOf(stack []ast.Node) Scope {
	var s Scope
	var inGo, inDefer bool
	for i := len(stack) - 1; i >= 0; i-- {
		var ft *ast.FuncType
		switch n := stack[i].(type) {
		case *ast.GoStmt:
			if runsLater(n.Call, stack, i) {
				inGo = true
			}
		case *ast.DeferStmt:
			if runsLater(n.Call, stack, i) {
				inDefer = true
			}
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if ft == nil {
			continue
		}
		if params, handler := p.InboundParams(ft); len(params) > 0 {
			s.Fn, s.Params, s.Handler = stack[i], params, handler
			s.InGo, s.InDefer = inGo, inDefer && !inGo
			return s
		}
		if lit, ok := stack[i].(*ast.FuncLit); ok && i > 0 && p.sharedClosure(lit, stack[i-1]) {
			s.Shared = lit
			return s
		}
	}
	return s
}

// ScopeAt is ScopeOf for the node at cur.
func (p *Package) ScopeAt(cur inspector.Cursor) Scope {
	var stack []ast.Node
	for e := range cur.Enclosing() {
		stack = append(stack, e.Node())
	}
	slices.Reverse(stack)
	return p.ScopeOf(stack)
}

// sharedClosure reports whether lit is the function argument of a call
// that runs it once for many callers: singleflight.Group.Do/DoChan,
// sync.Once.Do.
func (p *Package) sharedClosure(lit *ast.FuncLit, parent ast.Node) bool {
	call, ok := parent.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || ast.Unparen(call.Args[len(call.Args)-1]) != lit {
		return false
	}
	switch p.CalleeName(call) {
	case "(*golang.org/x/sync/singleflight.Group).Do",
		"(*golang.org/x/sync/singleflight.Group).DoChan",
		"(*sync.Once).Do":
		return true
	}
	return false
}

// runsLater reports whether stack[i+1:] (the path from a go or defer
// statement down to the node) lies in code that runs later: the
// statement's call itself, or the body of a function literal it calls.
// Its arguments and receiver are evaluated at once.
func runsLater(call *ast.CallExpr, stack []ast.Node, i int) bool {
	if i+1 >= len(stack) || stack[i+1] != call {
		return false
	}
	if i+2 == len(stack) {
		return true // go f(...) / defer f(...): the call itself
	}
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	for _, n := range stack[i+2:] {
		if n == lit {
			return true
		}
	}
	return false
}

// Context returns the one inbound context expression usable at pos in a
// suggested fix, or "": see ContextExpr; a *http.Request that may be nil
// at pos gives "" (r.Context() on a nil request would panic).
func (p *Package) Context(s Scope, pos token.Pos) string {
	if e, nonNil := p.ContextExpr(s, pos); nonNil {
		return e
	}
	return ""
}

// ContextExpr returns the one inbound context expression in scope at pos,
// or "": exactly one inbound parameter carries a context, and it is named
// and not shadowed at pos. nonNil says whether the expression is safe to
// evaluate there: always, except for a *http.Request that is not a
// handler's and is not dereferenced in Fn before pos (it may be nil).
func (p *Package) ContextExpr(s Scope, pos token.Pos) (expr string, nonNil bool) {
	var pr *InboundParam
	for i := range s.Params {
		if s.Params[i].Kind == InFramework && s.Params[i].ctx == "" {
			continue // hertz's RequestContext, fasthttp: the ctx parameter (if any) is the context
		}
		if pr != nil {
			return "", false // two candidates: not ours to choose
		}
		pr = &s.Params[i]
	}
	if pr == nil || pr.Obj == nil || p.Types == nil {
		return "", false
	}
	inner := p.Types.Scope().Innermost(pos)
	if inner == nil {
		return "", false
	}
	if _, got := inner.LookupParent(pr.Obj.Name(), pos); got != pr.Obj {
		return "", false // shadowed
	}
	nonNil = pr.Kind != InRequest || s.Handler || p.derefBefore(s.Fn, pr.Obj, pos)
	return pr.Context(), nonNil
}

// derefBefore reports whether the body of fn dereferences v (a pointer
// parameter: v.Field, v.Method(), *v) before pos, at the top level of the
// body's statements or nested blocks that contain pos: then v is not nil
// at pos (or the function has already panicked).
func (p *Package) derefBefore(fn ast.Node, v *types.Var, pos token.Pos) bool {
	body := FuncBody(fn)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // may run later, or never
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			// A branch or loop body that does not contain pos may not
			// have run.
			return n == body || pos < n.End()
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				// Only the left operand always runs.
				ast.Inspect(n.X, func(m ast.Node) bool { found = found || p.derefs(m, v); return !found })
				return false
			}
		}
		found = p.derefs(n, v)
		return !found
	})
	return found
}

// derefs reports whether n itself dereferences v: v.x (a field or a
// method of the pointed-to type) or *v.
func (p *Package) derefs(n ast.Node, v *types.Var) bool {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(n.X).(*ast.Ident)
		return ok && p.Info.Uses[id] == v
	case *ast.StarExpr:
		id, ok := ast.Unparen(n.X).(*ast.Ident)
		return ok && p.Info.Uses[id] == v
	}
	return false
}
