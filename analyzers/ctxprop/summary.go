package ctxprop

// Rule 6: the context dropped one call away. A function of the module
// with no context parameter that drops the context itself (rules 1/2, a
// rule-3/5 shape with Background()/TODO(), or a call of another such
// function) drops the caller's when a handler calls it; and a
// context-first function that hands its context on to an outbound call
// loses the inbound one when a handler passes it context.Background().
//
// Each function's behaviour is summarised once (summaryOf) and exported
// as a fact on the function's object for the packages of the module that
// import it (dropsFact, forwardsFact); within a package the summaries are
// used directly, so same-package helpers work in every driver, facts or
// not.

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

// dropsFact marks a function without a context parameter that drops the
// inbound context: called from an inbound scope, its outbound call (What,
// at At, a module-relative "file:line") cannot join the inbound trace.
// Async says the loss happens in a goroutine the function starts (a
// fire-and-forget webhook): its callers should hand down a context that
// keeps the trace without the request's cancellation.
type dropsFact struct {
	At, What string
	Async    bool
}

func (*dropsFact) AFact()           {}
func (f *dropsFact) String() string { return "drops the context: " + f.What + " at " + f.At }

// forwardsFact marks a function whose first parameter is a context.Context
// that it hands on to an outbound call (What, at At).
type forwardsFact struct{ At, What string }

func (*forwardsFact) AFact()           {}
func (f *forwardsFact) String() string { return "forwards its context: " + f.What + " at " + f.At }

// A site is where a function drops or forwards the context.
type site struct {
	at, what string
	async    bool // the loss is in a goroutine started on the way (see dropsFact)
}

// summary is what one function of the package does with the context.
type summary struct {
	drops    *site // a function with no inbound parameter that drops it
	forwards *site // a context-first function that forwards its context
	busy     bool  // being computed (recursion guard: counts as nothing)
}

// own reports whether the package belongs to the analysed module (a main
// module: not a dependency in the module cache), the packages whose
// functions are summarised for their importers.
func (c *checker) own() bool {
	return c.Module != nil && c.Module.Path != "" && c.Module.Version == ""
}

// sameModule reports whether fn belongs to a package of the analysed
// module (its own package included).
func (c *checker) sameModule(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == c.Pkg {
		return true
	}
	path := fn.Pkg().Path()
	return c.module != "" && (path == c.module || strings.HasPrefix(path, c.module+"/"))
}

// exportFacts exports the summaries of the package's functions.
func (c *checker) exportFacts() {
	if !c.own() {
		return
	}
	for _, f := range c.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := c.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || !fn.Exported() || strings.HasSuffix(c.Fset.File(fd.Pos()).Name(), "_test.go") {
				continue // only exported names can be called from another package, and not from tests
			}
			s := c.summaryOf(fd)
			if s.drops != nil {
				c.ExportObjectFact(fn, &dropsFact{At: s.drops.at, What: s.drops.what, Async: s.drops.async})
			}
			if s.forwards != nil {
				c.ExportObjectFact(fn, &forwardsFact{At: s.forwards.at, What: s.forwards.what})
			}
		}
	}
}

// calleeLoss is lossOf for a call of a function of the module: does the
// callee drop the context (rule 6), or forward a Background() it is given
// (rule 6 when given directly, rule 5 when derived)?
func (c *checker) calleeLoss(call *ast.CallExpr, fn *types.Func) loss {
	if !c.sameModule(fn) {
		return loss{}
	}
	drops, forwards := c.calleeSummary(fn)
	if drops != nil {
		return loss{kind: lossCallee, fn: fn, at: drops.at, what: drops.what, async: drops.async}
	}
	if forwards == nil {
		return loss{}
	}
	arg := c.Arg(call, 0)
	o := c.origin(arg)
	switch {
	case o.bg == nil:
		return loss{}
	case o.direct:
		return loss{kind: lossForward, fn: fn, bg: o.bg, arg: arg, at: forwards.at, what: forwards.what}
	}
	return loss{kind: lossDerived, fn: fn, bg: o.bg}
}

// calleeSummary returns what fn (of the module) does with the context:
// from its declaration in this package, or from the facts its package
// exported.
func (c *checker) calleeSummary(fn *types.Func) (drops, forwards *site) {
	if fn.Pkg() == c.Pkg {
		if decl := c.declOf(fn); decl != nil {
			s := c.summaryOf(decl)
			return s.drops, s.forwards
		}
		return nil, nil
	}
	var df dropsFact
	if c.ImportObjectFact(fn, &df) {
		drops = &site{df.At, df.What, df.Async}
	}
	var ff forwardsFact
	if c.ImportObjectFact(fn, &ff) {
		forwards = &site{at: ff.At, what: ff.What}
	}
	return drops, forwards
}

// declOf returns the declaration of fn in this package, or nil.
func (c *checker) declOf(fn *types.Func) *ast.FuncDecl {
	if len(c.decls) == 0 {
		for _, f := range c.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					if obj, ok := c.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						c.decls[obj] = fd
					}
				}
			}
		}
		c.decls[nil] = nil // computed
	}
	return c.decls[fn]
}

// summaryOf summarises one function of the package.
func (c *checker) summaryOf(decl *ast.FuncDecl) *summary {
	if s, ok := c.summaries[decl]; ok {
		return s
	}
	s := &summary{busy: true}
	c.summaries[decl] = s
	if decl.Body != nil {
		if params, _ := c.InboundParams(decl.Type); len(params) == 0 {
			s.drops = c.findDrop(decl)
		}
		if v := firstContextParam(c, decl.Type); v != nil {
			s.forwards = c.findForward(decl, v)
		}
	}
	s.busy = false
	return s
}

// firstContextParam returns the named first parameter when it is a
// context.Context.
func firstContextParam(c *checker, ft *ast.FuncType) *types.Var {
	if ft.Params == nil || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return nil
	}
	id := ft.Params.List[0].Names[0]
	v, _ := c.TypesInfo.Defs[id].(*types.Var)
	if v == nil || id.Name == "_" || !lint.IsContext(v.Type()) {
		return nil
	}
	return v
}

// findDrop returns the first place where the function at fn (which has
// no inbound parameter) drops the context as if it were an inbound scope.
// Closures with inbound parameters of their own and closures shared
// across requests are theirs, not the function's.
// The calls and their scopes are judged without cursors; the inspector
// is asked only about a request built without a context (is it returned?).
func (c *checker) findDrop(decl *ast.FuncDecl) *site {
	for n := range c.NodesIn(decl) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			continue
		}
		l := c.lossOf(call)
		if l.kind == noLoss {
			continue
		}
		if st, counts := c.dropAt(decl, call, l); counts {
			return st
		}
	}
	return nil
}

// dropAt returns the site where call, in decl, drops the context as l
// says; counts is false when the loss is not the function's (see
// findDrop).
func (c *checker) dropAt(decl *ast.FuncDecl, call *ast.CallExpr, l loss) (st *site, counts bool) {
	path := c.PathTo(call)
	if s := c.ScopeOf(path); s.Inbound() || s.Shared != nil {
		return nil, false
	}
	if l.kind == lossNewRequest {
		if cur, ok := c.Inspector().Root().FindNode(call); ok && c.returned(cur) {
			return nil, false // a request builder: its caller attaches the context (vault's toRetryableHTTP)
		}
	}
	if (l.kind == lossBackground || l.kind == lossDerived) && lint.Dialers[c.CalleeName(call)] {
		// A connection helper dialling with its own timeout: the dial
		// carries no trace headers, and the RPCs made on the connection
		// take the caller's context (istio's echo forwarder).
		return nil, false
	}
	st = c.siteOf(call, l)
	if st != nil && inGoroutine(path, decl) {
		st.async = true
	}
	return st, true
}

// inGoroutine reports whether the node at the end of path runs in a
// goroutine started inside fn (an ancestor on path): the call of a go
// statement, or the body of its function literal.
func inGoroutine(path []ast.Node, fn ast.Node) bool {
	i := slices.Index(path, fn)
	if i < 0 {
		return false
	}
	for _, n := range path[i+1 : len(path)-1] {
		if _, ok := n.(*ast.GoStmt); ok {
			return true
		}
	}
	return false
}

// returned reports whether the value of the call at cur is returned by
// its function, directly or through the variable it is assigned to.
func (c *checker) returned(cur inspector.Cursor) bool {
	if _, ok := cur.Parent().Node().(*ast.ReturnStmt); ok {
		return true
	}
	v := c.ResultVar(cur)
	if v == nil {
		return false
	}
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for ret := range fn.Preorder((*ast.ReturnStmt)(nil)) {
			for _, r := range ret.Node().(*ast.ReturnStmt).Results {
				if c.ObjectOf(r) == v {
					return true
				}
			}
		}
		break
	}
	return false
}

// siteOf describes the loss l at call for a summary.
func (c *checker) siteOf(call *ast.CallExpr, l loss) *site {
	switch l.kind {
	case lossCallee:
		return &site{at: l.at, what: l.what, async: l.async}
	case lossNewRequest, lossNoContext:
		return &site{at: c.posString(call.Pos()), what: lint.ShortName(l.fn) + " without a context"}
	case lossBackground, lossForward:
		return &site{at: c.posString(call.Pos()), what: c.bgName(l.bg) + " passed to " + lint.ShortName(l.fn)}
	case lossDerived:
		return &site{at: c.posString(l.bg.Pos()), what: c.bgName(l.bg) + " (the parent of the context passed to " + lint.ShortName(l.fn) + ")"}
	case lossResty:
		return &site{at: c.posString(call.Pos()), what: "a resty request sent without SetContext"}
	}
	return nil
}

// findForward returns the first outbound call that the context parameter
// v of decl reaches: the context argument of a rule-3 call, or of another
// function that forwards it.
func (c *checker) findForward(decl *ast.FuncDecl, v *types.Var) *site {
	for n := range c.NodesIn(decl) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			continue
		}
		callee := c.Callee(call)
		if callee == nil {
			continue
		}
		name := c.FuncName(callee)
		var s *site
		switch {
		case lint.ContextSinks[name] || lint.RetryableContextSinks[name] || c.isRestySetContext(callee) || lint.IsGRPCStub(callee):
			s = &site{at: c.posString(call.Pos()), what: lint.ShortName(callee)}
		case c.sameModule(callee):
			if _, fwd := c.calleeSummary(callee); fwd != nil {
				s = fwd
			}
		}
		if s != nil && c.origin(c.Arg(call, 0)).param == v {
			return s
		}
	}
	return nil
}

// posString spells pos as a module-relative "dir/file.go:line" (the file
// name alone when the module is unknown).
func (c *checker) posString(pos token.Pos) string {
	posn := c.Fset.Position(pos)
	return c.relFile(posn.Filename) + ":" + strconv.Itoa(posn.Line)
}

// relFile returns name relative to the module root: the package's
// directory minus the part of its import path below the module path.
func (c *checker) relFile(name string) string {
	slash := filepath.ToSlash(name)
	dir := slash[:max(strings.LastIndexByte(slash, '/'), 0)]
	path := c.Pkg.Path()
	if c.module != "" && (path == c.module || strings.HasPrefix(path, c.module+"/")) {
		below := strings.TrimPrefix(path, c.module) // "" or "/a/b"
		if root, ok := strings.CutSuffix(dir, below); ok {
			if rel, ok := strings.CutPrefix(slash, root+"/"); ok {
				return rel
			}
		}
	}
	return slash[strings.LastIndexByte(slash, '/')+1:]
}
