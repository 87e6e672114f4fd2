package ctxprop

import (
	"bytes"
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports outbound requests that drop the caller's context.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxprop",
	Doc:      lint.MustExtractDoc(doc, "ctxprop"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/ctxprop/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

// lost is the "why" shared by every message.
const lost = "the sidecar cannot join the outbound call to the inbound trace (traceparent, x-request-id) and the caller's deadline and cancellation are lost"

func run(p *lint.Pass) (any, error) {
	st := &state{Pass: p, gone: make(map[*ast.Ident]bool)}
	// Rule 1/2 need net/http (methods of *http.Client can be reached through
	// another package's types); rule 3/4 need context.Background/TODO, so a
	// direct import of context.
	if !p.Imports("net/http", "context") && !p.Reaches("net/http") {
		return nil, nil
	}
	p.Inspector().WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		if p.Skipped(call) {
			return false // the whole file is skipped
		}
		fn := p.Callee(call)
		if fn == nil {
			return true
		}
		name := p.FuncName(fn)
		switch {
		case name == "net/http.NewRequest":
			checkNewRequest(p, call, stack)
		case lint.DefaultClientFuncs[name] || lint.ClientNoContextMethods[name]:
			s := enclosing(p, stack)
			p.Reportf(call.Pos(), "%s sends a request without a context: %s; build it with http.NewRequestWithContext(%s, ...) and send it with a client's Do", lint.ShortName(fn), lost, s.suggest())
		case lint.ContextSinks[name] || isStub(fn):
			checkBackground(st, call, fn, stack)
		}
		return true
	})
	// Rule 3 fixes are decided last: whether the context import survives
	// depends on every other fix in the file.
	for _, report := range st.later {
		report()
	}
	return nil, nil
}

// state is one run's bookkeeping.
type state struct {
	*lint.Pass
	// gone holds the package qualifiers (the "context" of
	// context.Background()) that rule 3 fixes may remove.
	gone  map[*ast.Ident]bool
	later []func()
}

// isStub reports whether fn looks like a gRPC client stub method: a method
// whose first parameter is context.Context and whose last is
// ...grpc.CallOption (protoc-gen-go-grpc output for any service, and
// (*grpc.ClientConn).Invoke/NewStream).
func isStub(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() < 2 {
		return false
	}
	if !isContext(sig.Params().At(0).Type()) {
		return false
	}
	last, ok := types.Unalias(sig.Params().At(sig.Params().Len() - 1).Type()).(*types.Slice)
	if !ok {
		return false
	}
	elem := types.Unalias(last.Elem())
	if _, ptr := elem.(*types.Pointer); ptr {
		return false
	}
	return lint.IsNamed(elem, "google.golang.org/grpc", "CallOption")
}

// isContext reports whether t is context.Context itself (not a pointer to
// it, not another type implementing it).
func isContext(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ptr := types.Unalias(t).(*types.Pointer); ptr {
		return false
	}
	return lint.IsNamed(t, "context", "Context")
}

// inboundKind is the kind of a parameter that carries the inbound context.
type inboundKind int

const (
	kindNone inboundKind = iota
	kindContext
	kindRequest // *http.Request
	kindGin     // *gin.Context
	kindEcho    // echo.Context
)

func classify(t types.Type) inboundKind {
	switch {
	case t == nil:
		return kindNone
	case isContext(t):
		return kindContext
	case lint.IsPointerTo(t, "net/http", "Request"):
		return kindRequest
	case lint.IsPointerTo(t, "github.com/gin-gonic/gin", "Context"):
		return kindGin
	case lint.IsNamed(t, "github.com/labstack/echo/v4", "Context"):
		if _, ptr := types.Unalias(t).(*types.Pointer); !ptr {
			return kindEcho
		}
	}
	return kindNone
}

// A param is one inbound parameter of a function.
type param struct {
	kind inboundKind
	obj  *types.Var // nil for unnamed and _ parameters
}

// expr spells the context the parameter carries.
func (pr param) expr() string {
	if pr.obj == nil {
		return ""
	}
	n := pr.obj.Name()
	switch pr.kind {
	case kindContext:
		return n
	case kindRequest:
		return n + ".Context()"
	case kindGin:
		return n + ".Request.Context()"
	case kindEcho:
		return n + ".Request().Context()"
	}
	return ""
}

// A scope describes where a call sits: the innermost enclosing function or
// closure with inbound parameters, and whether the call runs in a goroutine
// (or deferred call) started below that function.
type scope struct {
	fn      ast.Node // *ast.FuncDecl or *ast.FuncLit; nil: no inbound context in scope
	params  []param
	handler bool // a server-side handler (gin, echo, or ResponseWriter + *http.Request)
	goStmt  bool // the call runs in a goroutine started inside fn
	defer_  bool // the call is deferred inside fn
	file    *ast.File
	at      token.Pos // the call
	pkg     *types.Package
}

// enclosing computes the scope of the call at the top of stack.
func enclosing(p *lint.Pass, stack []ast.Node) scope {
	s := scope{pkg: p.Pkg}
	if len(stack) == 0 {
		return s
	}
	s.at = stack[len(stack)-1].Pos()
	if f, ok := stack[0].(*ast.File); ok {
		s.file = f
	}
	var inGo, inDefer bool
	for i := len(stack) - 1; i >= 0; i-- {
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
			if params, handler := inbound(p, n.Type); len(params) > 0 {
				s.fn, s.params, s.handler, s.goStmt, s.defer_ = n, params, handler, inGo, inDefer && !inGo
				return s
			}
		case *ast.FuncLit:
			if params, handler := inbound(p, n.Type); len(params) > 0 {
				s.fn, s.params, s.handler, s.goStmt, s.defer_ = n, params, handler, inGo, inDefer && !inGo
				return s
			}
		}
	}
	return s
}

// runsLater reports whether stack[i+1:] (the path from a go or defer
// statement down to the call) lies in code that runs later: the statement's
// call itself, or the body of a function literal it calls. Its arguments
// and receiver are evaluated at once.
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

// inbound returns the inbound parameters of a function type, and whether
// the function is a server-side handler.
func inbound(p *lint.Pass, ft *ast.FuncType) ([]param, bool) {
	if ft == nil || ft.Params == nil {
		return nil, false
	}
	var params []param
	var writer, handler bool
	for _, field := range ft.Params.List {
		t := p.TypesInfo.TypeOf(field.Type)
		if lint.IsNamed(t, "net/http", "ResponseWriter") {
			writer = true
		}
		k := classify(t)
		if k == kindNone {
			continue
		}
		if k == kindGin || k == kindEcho {
			handler = true
		}
		if len(field.Names) == 0 {
			params = append(params, param{kind: k})
			continue
		}
		for _, id := range field.Names {
			v, _ := p.TypesInfo.Defs[id].(*types.Var)
			if id.Name == "_" {
				v = nil
			}
			params = append(params, param{kind: k, obj: v})
		}
	}
	if writer {
		for _, pr := range params {
			if pr.kind == kindRequest {
				handler = true
			}
		}
	}
	return params, handler
}

// expr returns the one context expression available at the call, or "":
// exactly one inbound parameter, named, and not shadowed at the call.
func (s scope) expr() string {
	if len(s.params) != 1 || s.params[0].obj == nil || s.pkg == nil {
		return ""
	}
	obj := s.params[0].obj
	inner := s.pkg.Scope().Innermost(s.at)
	if inner == nil {
		return ""
	}
	if _, got := inner.LookupParent(obj.Name(), s.at); got != obj {
		return "" // shadowed
	}
	return s.params[0].expr()
}

// suggest spells the context a message recommends: the one in scope
// (wrapped in context.WithoutCancel in a goroutine or deferred call), or
// "ctx".
func (s scope) suggest() string {
	e := s.expr()
	switch {
	case e == "":
		return "ctx"
	case s.goStmt || s.defer_:
		return "context.WithoutCancel(" + e + ")"
	}
	return e
}

// where describes the scope for messages.
func (s scope) where() string {
	switch {
	case s.handler:
		return "a request handler"
	case len(s.params) > 0 && s.params[0].kind == kindRequest:
		return "a function that receives an *http.Request"
	}
	return "a function that receives a context"
}

// checkNewRequest reports rule 1, with a fix when one context is in scope.
func checkNewRequest(p *lint.Pass, call *ast.CallExpr, stack []ast.Node) {
	if contextAttachedLater(p, call, stack) {
		return
	}
	s := enclosing(p, stack)
	ctx := s.expr()
	said := s.suggest()
	if ctx != "" && (s.goStmt || s.defer_) {
		// The request outlives the handler: its cancellation must not
		// follow the request's.
		ctx = withoutCancel(p, s, contextPkgName(p, s))
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "http.NewRequest drops the caller's context: " + lost + "; use http.NewRequestWithContext(" + said + ", ...)",
	}
	if ctx != "" {
		d.SuggestedFixes = fix(p, "use http.NewRequestWithContext("+ctx+", ...)", newRequestEdits(p, call, s, ctx))
	}
	p.Report(d)
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
func contextAttachedLater(p *lint.Pass, call *ast.CallExpr, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	var v *types.Var
	switch parent := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		if len(parent.Rhs) == 1 && ast.Unparen(parent.Rhs[0]) == call && len(parent.Lhs) > 0 {
			v = p.ObjectOf(parent.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(parent.Values) == 1 && ast.Unparen(parent.Values[0]) == call && len(parent.Names) > 0 {
			v = p.ObjectOf(parent.Names[0])
		}
	}
	if v == nil {
		return false
	}
	var body ast.Node
	for i := len(stack) - 1; i >= 0 && body == nil; i-- {
		switch fn := stack[i].(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			body = fn.Body
		}
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch p.CalleeName(c) {
		case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
		default:
			return true
		}
		if p.ObjectOf(p.Receiver(c)) != v {
			return true
		}
		ctx := p.Arg(c, 0)
		if bg, ok := ast.Unparen(ctx).(*ast.CallExpr); ok {
			switch p.CalleeName(bg) {
			case "context.Background", "context.TODO":
				return true
			}
		}
		found = ctx != nil
		return !found
	})
	return found
}

// fix wraps edits in a suggested fix, or returns nil when there are none
// or they would leave the file not gofmt-clean (trailing comments aligned
// with the neighbouring lines' would need realigning).
func fix(p *lint.Pass, msg string, edits []analysis.TextEdit) []analysis.SuggestedFix {
	if len(edits) == 0 || !p.FixIsClean(edits) {
		return nil
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// newRequestEdits rewrites http.NewRequest(m, u, b) into
// http.NewRequestWithContext(ctx, m, u, b), keeping the user's qualifier.
func newRequestEdits(p *lint.Pass, call *ast.CallExpr, s scope, ctx string) []analysis.TextEdit {
	if len(call.Args) != 3 || call.Ellipsis.IsValid() {
		return nil
	}
	var name *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		if !ok {
			return nil
		}
		if _, ok := p.TypesInfo.Uses[x].(*types.PkgName); !ok {
			return nil
		}
		name = f.Sel
	case *ast.Ident: // dot import: NewRequestWithContext must resolve to net/http's
		inner := s.pkg.Scope().Innermost(call.Pos())
		if inner == nil {
			return nil
		}
		_, obj := inner.LookupParent("NewRequestWithContext", call.Pos())
		if fn, ok := obj.(*types.Func); !ok || fn.FullName() != "net/http.NewRequestWithContext" {
			return nil
		}
		name = f
	default:
		return nil
	}
	tf := p.Fset.File(call.Pos())
	if tf == nil {
		return nil
	}
	first := call.Args[0]
	insert := ctx + ", "
	if tf.Line(first.Pos()) != tf.Line(call.Lparen) {
		indent, ok := lineIndent(p, tf, first.Pos())
		if !ok {
			return nil
		}
		insert = ctx + ",\n" + indent
	}
	return []analysis.TextEdit{
		{Pos: name.Pos(), End: name.End(), NewText: []byte("NewRequestWithContext")},
		{Pos: first.Pos(), End: first.Pos(), NewText: []byte(insert)},
	}
}

// lineIndent returns the text between the start of pos's line and pos when
// it is all blanks.
func lineIndent(p *lint.Pass, tf *token.File, pos token.Pos) (string, bool) {
	src, err := p.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return "", false
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	off := tf.Offset(pos)
	indent := string(src[start:off])
	if strings.Trim(indent, " \t") != "" {
		return "", false
	}
	return indent, true
}

// checkBackground reports rules 3 and 4: context.Background()/TODO() given
// directly as the context argument of an outbound call in an inbound scope.
func checkBackground(st *state, call *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	p := st.Pass
	arg := p.Arg(call, 0)
	if arg == nil {
		return
	}
	bg, ok := ast.Unparen(arg).(*ast.CallExpr)
	if !ok {
		return
	}
	var which string
	switch p.CalleeName(bg) {
	case "context.Background":
		which = "context.Background()"
	case "context.TODO":
		which = "context.TODO()"
	default:
		return
	}
	s := enclosing(p, stack)
	if s.fn == nil {
		return // main, init, or no inbound context in scope
	}
	ctx := s.expr()
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End()}
	sink := lint.ShortName(fn)
	if s.goStmt || s.defer_ {
		in := "in a goroutine started inside "
		if s.defer_ {
			in = "in a deferred call inside "
		}
		d.Message = which + " passed to " + sink + " " + in + s.where() + " drops the inbound context: the sidecar cannot join the outbound call to the inbound trace (traceparent, x-request-id); pass context.WithoutCancel(" + orDefault(ctx, "ctx") + ") to keep the trace without the request's cancellation"
		if ctx != "" {
			if qual := pkgQualifier(p, bg); qual != "" {
				if repl := withoutCancel(p, s, qual); repl != "" {
					d.SuggestedFixes = fix(p, "pass "+repl, []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(repl)}})
				}
			}
		}
	} else {
		d.Message = which + " passed to " + sink + " inside " + s.where() + " drops the inbound context: " + lost + "; pass " + orDefault(ctx, "the inbound context")
		if ctx != "" {
			if sel, ok := ast.Unparen(bg.Fun).(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok {
					st.gone[x] = true
				}
			}
			st.later = append(st.later, func() {
				d.SuggestedFixes = fix(p, "pass "+ctx, replaceEdits(st, s, bg, arg, ctx))
				p.Report(d)
			})
			return
		}
	}
	p.Report(d)
}

// withoutCancel spells context.WithoutCancel(ctx) with the file's qualifier
// for the context package, or returns "" when the file's Go version is
// older than 1.21 or the qualifier is unusable.
func withoutCancel(p *lint.Pass, s scope, qual string) string {
	ctx := s.expr()
	if qual == "" || ctx == "" || s.file == nil {
		return ""
	}
	v := p.TypesInfo.FileVersions[s.file]
	if v == "" && p.Pkg != nil {
		v = p.Pkg.GoVersion()
	}
	if !version.IsValid(v) || version.Compare(v, "go1.21") < 0 {
		return ""
	}
	return qual + ".WithoutCancel(" + ctx + ")"
}

// pkgQualifier returns the identifier that qualifies the context package
// in bg (context.Background()), or "" (dot import).
func pkgQualifier(p *lint.Pass, bg *ast.CallExpr) string {
	sel, ok := ast.Unparen(bg.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	pn, ok := p.TypesInfo.Uses[x].(*types.PkgName)
	if !ok || pn.Imported().Path() != "context" || pn.Imported().Scope().Lookup("WithoutCancel") == nil {
		return ""
	}
	return x.Name
}

// contextPkgName returns the name under which the call's file imports the
// context package, when that name resolves to it at the call; else "".
func contextPkgName(p *lint.Pass, s scope) string {
	if s.file == nil || s.pkg == nil {
		return ""
	}
	inner := s.pkg.Scope().Innermost(s.at)
	if inner == nil {
		return ""
	}
	for _, spec := range s.file.Imports {
		pn := importName(p, spec)
		if pn == nil || pn.Imported().Path() != "context" || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if pn.Imported().Scope().Lookup("WithoutCancel") == nil {
			return ""
		}
		if _, obj := inner.LookupParent(pn.Name(), s.at); obj == pn {
			return pn.Name()
		}
	}
	return ""
}

func importName(p *lint.Pass, spec *ast.ImportSpec) *types.PkgName {
	var obj types.Object
	if spec.Name != nil {
		obj = p.TypesInfo.Defs[spec.Name]
	} else {
		obj = p.TypesInfo.Implicits[spec]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// replaceEdits replaces the context.Background() argument with ctx. When
// that was the file's last use of the context package, the import goes too
// (only when that leaves the import block gofmt-clean; otherwise no fix).
func replaceEdits(st *state, s scope, bg *ast.CallExpr, arg ast.Expr, ctx string) []analysis.TextEdit {
	p := st.Pass
	edits := []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(ctx)}}
	if s.file == nil {
		return nil
	}
	sel, ok := ast.Unparen(bg.Fun).(*ast.SelectorExpr)
	if !ok {
		return edits // dot import: the import stays used or was unused before
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	pn, ok := p.TypesInfo.Uses[x].(*types.PkgName)
	if !ok {
		return nil
	}
	// Count the file's uses of the package name; uses that no rule 3 fix
	// removes stay whatever other fixes do.
	var uses, other int
	ast.Inspect(s.file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && p.TypesInfo.Uses[id] == pn {
			uses++
			if !st.gone[id] {
				other++
			}
		}
		return true
	})
	switch {
	case other > 0:
		return edits
	case uses == 1:
		del := deleteImport(p, s.file, pn)
		if del == nil {
			return nil
		}
		return append(edits, *del)
	}
	return nil // several Background() calls and nothing else: fixing one at a time would break the build
}

// deleteImport returns an edit deleting pn's import spec, when it sits
// alone on its line in a parenthesized import block of several specs and
// the deletion leaves the block gofmt-clean.
func deleteImport(p *lint.Pass, f *ast.File, pn *types.PkgName) *analysis.TextEdit {
	tf := p.Fset.File(f.FileStart)
	if tf == nil {
		return nil
	}
	src, err := p.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, sp := range gd.Specs {
			spec := sp.(*ast.ImportSpec)
			if importName(p, spec) != pn {
				continue
			}
			if !gd.Lparen.IsValid() || len(gd.Specs) < 2 || spec.Doc != nil || spec.Comment != nil {
				return nil
			}
			line := tf.Line(spec.Pos())
			if tf.Line(spec.End()) != line || line+1 > tf.LineCount() {
				return nil
			}
			for _, other := range gd.Specs {
				if other != sp && (tf.Line(other.Pos()) == line || tf.Line(other.End()) == line) {
					return nil
				}
			}
			blank := func(l int) bool {
				if l < 1 || l >= tf.LineCount() {
					return false
				}
				a, b := tf.Offset(tf.LineStart(l)), tf.Offset(tf.LineStart(l+1))
				return len(bytes.TrimSpace(src[a:b])) == 0
			}
			prevOpen := tf.Line(gd.Lparen) == line-1
			nextClose := tf.Line(gd.Rparen) == line+1
			prevBlank, nextBlank := blank(line-1), blank(line+1)
			if (prevBlank && nextBlank) || (prevOpen && nextBlank) || (prevBlank && nextClose) {
				return nil
			}
			// The comment groups must not touch the line either.
			start, end := tf.LineStart(line), tf.LineStart(line+1)
			for _, cg := range f.Comments {
				if cg.Pos() < end && cg.End() > start {
					return nil
				}
			}
			return &analysis.TextEdit{Pos: start, End: end}
		}
	}
	return nil
}
