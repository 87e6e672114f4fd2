package ctxprop

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

// lossKind says how a call drops the inbound context.
type lossKind int

const (
	noLoss         lossKind = iota
	lossNewRequest          // rule 1: http.NewRequest, retryablehttp.NewRequest
	lossNoContext           // rule 2: http.Get & co., retryablehttp.Get & co.
	lossBackground          // rule 3: Background()/TODO() given directly to an outbound call
	lossDerived             // rule 5: a context derived from Background()/TODO() reaches an outbound call
	lossResty               // a resty request sent without SetContext
	lossCallee              // rule 6: a same-module function without a context drops it
	lossForward             // rule 6: Background()/TODO() passed to a same-module function that forwards its context
)

// A loss is what lossOf found at one call.
type loss struct {
	kind  lossKind
	fn    *types.Func   // the callee
	bg    *ast.CallExpr // lossBackground, lossDerived, lossForward: the Background()/TODO() call
	arg   ast.Expr      // lossBackground, lossForward: the context argument
	at    string        // lossCallee, lossForward: where the callee drops or forwards it ("dir/file.go:12")
	what  string        // lossCallee, lossForward: what it does there
	async bool          // lossCallee: the callee loses it in a goroutine it starts
}

// lossOf classifies a call: does it make an outbound call without the
// inbound context (as it would be judged inside an inbound scope)?
func (c *checker) lossOf(call *ast.CallExpr) loss {
	fn := c.Callee(call)
	if fn == nil {
		return loss{}
	}
	name := c.FuncName(fn)
	switch {
	case lint.NewRequestNoContext[name] != "":
		if !c.contextAttachedLater(call) {
			return loss{kind: lossNewRequest, fn: fn}
		}
	case lint.DefaultClientFuncs[name] || lint.ClientNoContextMethods[name] || lint.RetryableNoContext[name]:
		return loss{kind: lossNoContext, fn: fn}
	case lint.ContextSinks[name] || lint.RetryableContextSinks[name] || c.isRestySetContext(fn) || lint.IsGRPCStub(fn):
		return c.contextArgLoss(call, fn, c.Arg(call, 0))
	case c.isRestySend(fn):
		if !c.restyHasContext(call) {
			return loss{kind: lossResty, fn: fn}
		}
	default:
		return c.calleeLoss(call, fn)
	}
	return loss{}
}

// contextArgLoss judges the context argument of an outbound call.
func (c *checker) contextArgLoss(call *ast.CallExpr, fn *types.Func, arg ast.Expr) loss {
	o := c.origin(arg)
	switch {
	case o.bg == nil:
		return loss{}
	case o.direct:
		return loss{kind: lossBackground, fn: fn, bg: o.bg, arg: arg}
	}
	return loss{kind: lossDerived, fn: fn, bg: o.bg}
}

// report reports l at call, inside scope s.
func (c *checker) report(call *ast.CallExpr, l loss, s lint.Scope) {
	w := c.where(s, call)
	switch l.kind {
	case lossNewRequest:
		c.reportNewRequest(call, l.fn, w)
	case lossNoContext:
		c.Reportf(call.Pos(), "%s sends a request without a context: %s; build it with %s(%s, ...) and send it with a client's Do", lint.ShortName(l.fn), lost, withContextName(l.fn), w.suggest())
	case lossBackground:
		c.reportBackground(call, l, w)
	case lossDerived:
		c.reportDerived(l, w)
	case lossResty:
		c.reportResty(call, l, w)
	case lossCallee, lossForward:
		c.reportCallee(call, l, w)
	}
}

// withContextName spells the context-taking way to build a request in
// fn's package (net/http or go-retryablehttp).
func withContextName(fn *types.Func) string {
	if fn.Pkg() != nil && fn.Pkg().Path() == "github.com/hashicorp/go-retryablehttp" {
		return "retryablehttp.NewRequestWithContext"
	}
	return "http.NewRequestWithContext"
}

// reportNewRequest reports rule 1, with a fix when one context is in scope.
func (c *checker) reportNewRequest(call *ast.CallExpr, fn *types.Func, w where) {
	ctx := w.context()
	if ctx != "" && (w.InGo || w.InDefer) {
		// The request outlives the handler: its cancellation must not
		// follow the request's.
		ctx = c.withoutCancel(w, c.contextPkgName(w))
	}
	short := lint.ShortName(fn)
	with := withContextName(fn)
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: short + " drops the caller's context: " + lost + "; use " + with + "(" + w.suggest() + ", ...)",
	}
	if ctx != "" {
		d.SuggestedFixes = c.fix("use "+with+"("+ctx+", ...)", c.newRequestEdits(call, w, ctx))
	}
	c.Report(d)
}

// reportBackground reports rules 3 and 4: context.Background()/TODO()
// given directly as the context argument of an outbound call.
func (c *checker) reportBackground(call *ast.CallExpr, l loss, w where) {
	which := c.bgName(l.bg)
	sink := lint.ShortName(l.fn)
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End()}
	if w.InGo || w.InDefer {
		d.Message = which + " passed to " + sink + " " + w.inLater() + " drops the inbound context: the sidecar cannot join the outbound call to the inbound trace (traceparent, x-request-id); pass context.WithoutCancel(" + orDefault(w.candidate(), "ctx") + ") to keep the trace without the request's cancellation"
		c.withoutCancelFix(&d, l.bg, l.arg, w)
		c.Report(d)
		return
	}
	d.Message = which + " passed to " + sink + " inside " + w.describe() + " drops the inbound context: " + lost + "; pass " + orDefault(w.candidate(), "the inbound context")
	c.replaceLater(d, l.bg, l.arg, w)
}

// reportDerived reports rule 5 at the Background()/TODO() call a derived
// context comes from, once however many outbound calls it reaches.
func (c *checker) reportDerived(l loss, w where) {
	if c.reported[l.bg] {
		return
	}
	c.reported[l.bg] = true
	bgCur, ok := c.Inspector().Root().FindNode(l.bg)
	if !ok {
		return
	}
	bw := c.where(c.ScopeAt(bgCur), l.bg)
	if !bw.Inbound() {
		return // Background() made outside the inbound scope (a package variable, a shared closure)
	}
	which := c.bgName(l.bg)
	d := analysis.Diagnostic{Pos: l.bg.Pos(), End: l.bg.End()}
	sink := lint.ShortName(l.fn)
	if bw.InGo || bw.InDefer {
		d.Message = which + " " + bw.inLater() + " is the parent of the context given to " + sink + ": the outbound call drops the inbound trace (traceparent, x-request-id); derive it from context.WithoutCancel(" + orDefault(bw.candidate(), "ctx") + ") instead"
		c.withoutCancelFix(&d, l.bg, l.bg, bw)
		c.Report(d)
		return
	}
	d.Message = which + " inside " + bw.describe() + " is the parent of the context given to " + sink + ": " + lost + "; derive it from " + orDefault(bw.candidate(), "the inbound context") + " instead"
	c.replaceLater(d, l.bg, l.bg, bw)
}

// bgName spells the Background()/TODO() call for messages.
func (c *checker) bgName(bg *ast.CallExpr) string {
	if c.CalleeName(bg) == "context.TODO" {
		return "context.TODO()"
	}
	return "context.Background()"
}

// reportCallee reports rule 6 at the call in the inbound scope.
func (c *checker) reportCallee(call *ast.CallExpr, l loss, w where) {
	name := lint.ShortName(l.fn)
	pos := callPos(c, call)
	if l.kind == lossForward {
		c.Reportf(pos, "%s passed to %s drops the inbound context: %s hands it to %s at %s, so %s; pass %s", c.bgName(l.bg), name, name, l.what, l.at, lost, orDefault(w.suggestOr(), "the inbound context"))
		return
	}
	pass := w.suggestOr()
	if l.async && pass != "" && !(w.InGo || w.InDefer) {
		pass = "context.WithoutCancel(" + pass + ")" // the callee's goroutine outlives the request
	}
	where := l.at
	if l.async {
		where += " (in a goroutine)"
	}
	c.Reportf(pos, "%s drops the inbound context: it reaches %s at %s from %s, so %s; give %s a ctx parameter and pass %s", name, l.what, where, w.describe(), lost, name, orDefault(pass, "the inbound context"))
}

// callPos is where a finding about a call goes: the call, or, for a method
// call in a fluent chain split over lines (f.\n parse(r).\n exchange(u)),
// the method's name, where //meshlint:ignore can be put above it.
func callPos(c *checker, call *ast.CallExpr) token.Pos {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if tf := c.Fset.File(call.Pos()); tf != nil && tf.Line(sel.Sel.Pos()) != tf.Line(call.Pos()) {
			return sel.Sel.Pos()
		}
	}
	return call.Pos()
}

// contextAttachedLater reports whether the request built by call is
// stored in a variable that the same function later gives a real context:
//
//	req, err := http.NewRequest(m, u, nil)
//	...
//	resp, err := c.Do(req.WithContext(ctx))
//
// That request carries ctx when it is sent (pre-Go 1.13 code, and code
// that attaches the context where it sends), so flagging it would be a
// false positive (found in alertmanager's notifiers). A context that is
// itself context.Background()/TODO() does not count.
func (c *checker) contextAttachedLater(call *ast.CallExpr) bool {
	cur, ok := c.Inspector().Root().FindNode(call)
	if !ok {
		return false
	}
	v := c.ResultVar(cur)
	if v == nil {
		return false
	}
	var body *ast.BlockStmt
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = lint.FuncBody(fn.Node())
		break
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		w, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch c.CalleeName(w) {
		case "(*net/http.Request).WithContext", "(*net/http.Request).Clone", "(*github.com/hashicorp/go-retryablehttp.Request).WithContext":
		default:
			return true
		}
		if c.ObjectOf(c.Receiver(w)) != v {
			return true
		}
		ctx := c.Arg(w, 0)
		if bg, ok := ast.Unparen(ctx).(*ast.CallExpr); ok && isBackground(c.CalleeName(bg)) {
			return true
		}
		found = ctx != nil
		return !found
	})
	return found
}

// restyRequest reports whether t is a resty *Request (v2 or v3).
func restyRequest(t types.Type) bool {
	for _, path := range lint.RestyRequest {
		if lint.IsPointerTo(t, path, "Request") {
			return true
		}
	}
	return false
}

// isRestySend reports whether fn sends a resty request.
func (c *checker) isRestySend(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.Recv() != nil && lint.RestySends[fn.Name()] && restyRequest(sig.Recv().Type())
}

// isRestySetContext reports whether fn is (*resty.Request).SetContext.
func (c *checker) isRestySetContext(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.Recv() != nil && fn.Name() == "SetContext" && restyRequest(sig.Recv().Type())
}

// restyHasContext reports whether the resty request sent by call was given
// a context (SetContext on its chain, or on the request variable in the
// same function), or comes from where meshlint cannot see (a parameter, a
// field, a function result other than R()/NewRequest()).
func (c *checker) restyHasContext(call *ast.CallExpr) bool {
	x := c.Receiver(call)
	for range 32 {
		x = ast.Unparen(x)
		switch e := x.(type) {
		case *ast.CallExpr:
			fn := c.Callee(e)
			if fn == nil {
				return true
			}
			if c.isRestySetContext(fn) {
				return true // judged at the SetContext call itself
			}
			recv := fn.Signature().Recv()
			switch {
			case recv != nil && restyRequest(recv.Type()):
				x = c.Receiver(e) // r.SetHeader(...).SetBody(...)
				continue
			case recv != nil && (fn.Name() == "R" || fn.Name() == "NewRequest"):
				return false // a new request from the client
			}
			return true
		case *ast.Ident:
			v := c.ObjectOf(e)
			if v == nil {
				return true
			}
			if def, ok := c.SingleValue(v); ok && !c.restyVarSetContext(v) {
				x = def
				continue
			}
			return true // reassigned, a parameter, or given a context on the variable
		default:
			return true
		}
	}
	return true
}

// restyVarSetContext reports whether v.SetContext(...) is called anywhere
// in the package.
func (c *checker) restyVarSetContext(v *types.Var) bool {
	for cur := range c.Inspector().Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if fn := c.Callee(call); fn != nil && c.isRestySetContext(fn) && c.ObjectOf(c.Receiver(call)) == v {
			return true
		}
	}
	return false
}

// reportResty reports a resty request sent without a context, with a
// fix inserting .SetContext(ctx) before the send.
func (c *checker) reportResty(call *ast.CallExpr, l loss, w where) {
	ctx := w.context()
	if ctx != "" && (w.InGo || w.InDefer) {
		ctx = c.withoutCancel(w, c.contextPkgName(w))
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "resty request sent by " + l.fn.Name() + " without SetContext: " + lost + "; call .SetContext(" + w.suggest() + ") on the request",
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && ctx != "" {
		edit := analysis.TextEdit{Pos: sel.X.End(), End: sel.X.End(), NewText: []byte(".SetContext(" + ctx + ")")}
		d.SuggestedFixes = c.fix("call .SetContext("+ctx+")", []analysis.TextEdit{edit})
	}
	c.Report(d)
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
