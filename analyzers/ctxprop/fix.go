package ctxprop

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

// where is a call's inbound scope with what fixes and messages need.
type where struct {
	lint.Scope
	c    *checker
	file *ast.File
	at   token.Pos
}

func (c *checker) where(s lint.Scope, n ast.Node) where {
	w := where{Scope: s, c: c, at: n.Pos()}
	for _, f := range c.Files {
		if f.FileStart <= n.Pos() && n.Pos() <= f.FileEnd {
			w.file = f
		}
	}
	return w
}

// context is the one inbound context usable at the call, or "" (see
// lint.Package.Context: it is never r.Context() of a request that may be
// nil).
func (w where) context() string {
	if !w.Inbound() {
		return ""
	}
	return w.c.Context(w.Scope, w.at)
}

// candidate is the one inbound context in scope, for messages: also a
// request that may be nil (the message names r.Context(); no fix uses it).
func (w where) candidate() string {
	if !w.Inbound() {
		return ""
	}
	e, _ := w.c.ContextExpr(w.Scope, w.at)
	return e
}

// suggest spells the context a message recommends: the one in scope
// (wrapped in context.WithoutCancel in a goroutine or deferred call), or
// "ctx".
func (w where) suggest() string {
	e := w.candidate()
	switch {
	case e == "":
		return "ctx"
	case w.InGo || w.InDefer:
		return "context.WithoutCancel(" + e + ")"
	}
	return e
}

// suggestOr is suggest when a context is in scope, else "": in a
// goroutine or deferred call the context to pass keeps the trace without
// the request's cancellation.
func (w where) suggestOr() string {
	if w.candidate() == "" {
		return ""
	}
	return w.suggest()
}

// describe spells the scope for messages.
func (w where) describe() string {
	switch {
	case w.Handler:
		return "a request handler"
	case len(w.Params) > 0 && w.Params[0].Kind == lint.InRequest:
		return "a function that receives an *http.Request"
	}
	return "a function that receives a context"
}

// inLater spells where a goroutine or deferred call runs.
func (w where) inLater() string {
	if w.InDefer {
		return "in a deferred call inside " + w.describe()
	}
	return "in a goroutine started inside " + w.describe()
}

// fix wraps edits in a suggested fix, or returns nil when there are none
// or they would leave the file not gofmt-clean (trailing comments aligned
// with the neighbouring lines' would need realigning).
func (c *checker) fix(msg string, edits []analysis.TextEdit) []analysis.SuggestedFix {
	if len(edits) == 0 || !c.FixIsClean(edits) {
		return nil
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

// withoutCancelFix offers context.WithoutCancel(ctx) in place of arg (the
// Background()/TODO() call bg, or an expression containing it) in a
// goroutine or deferred call.
func (c *checker) withoutCancelFix(d *analysis.Diagnostic, bg *ast.CallExpr, arg ast.Expr, w where) {
	if w.context() == "" {
		return
	}
	if qual := c.pkgQualifier(bg); qual != "" {
		if repl := c.withoutCancel(w, qual); repl != "" {
			d.SuggestedFixes = c.fix("pass "+repl, []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(repl)}})
		}
	}
}

// replaceLater reports d with a fix replacing arg (bg, or a call holding
// it) by the scope's context, once every other fix of the file is known.
func (c *checker) replaceLater(d analysis.Diagnostic, bg *ast.CallExpr, arg ast.Expr, w where) {
	ctx := w.context()
	if ctx == "" {
		c.Report(d)
		return
	}
	if sel, ok := ast.Unparen(bg.Fun).(*ast.SelectorExpr); ok {
		if x, ok := sel.X.(*ast.Ident); ok {
			c.gone[x] = true
		}
	}
	c.later = append(c.later, func() {
		d.SuggestedFixes = c.fix("pass "+ctx, c.replaceEdits(w, bg, arg, ctx))
		c.Report(d)
	})
}

// newRequestEdits rewrites NewRequest(m, u, b) into
// NewRequestWithContext(ctx, m, u, b), keeping the user's qualifier.
func (c *checker) newRequestEdits(call *ast.CallExpr, w where, ctx string) []analysis.TextEdit {
	if len(call.Args) != 3 || call.Ellipsis.IsValid() {
		return nil
	}
	fn := c.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	want := fn.Pkg().Path() + "." + lint.NewRequestNoContext[c.FuncName(fn)]
	var name *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		if !ok {
			return nil
		}
		if _, ok := c.TypesInfo.Uses[x].(*types.PkgName); !ok {
			return nil
		}
		name = f.Sel
	case *ast.Ident: // dot import: the counterpart must resolve to the same package's
		inner := c.Pkg.Scope().Innermost(call.Pos())
		if inner == nil {
			return nil
		}
		_, obj := inner.LookupParent(lint.NewRequestNoContext[c.FuncName(fn)], call.Pos())
		if f, ok := obj.(*types.Func); !ok || c.FuncName(f) != want {
			return nil
		}
		name = f
	default:
		return nil
	}
	tf := c.Fset.File(call.Pos())
	if tf == nil {
		return nil
	}
	first := call.Args[0]
	insert := ctx + ", "
	if tf.Line(first.Pos()) != tf.Line(call.Lparen) {
		indent, ok := c.lineIndent(tf, first.Pos())
		if !ok {
			return nil
		}
		insert = ctx + ",\n" + indent
	}
	return []analysis.TextEdit{
		{Pos: name.Pos(), End: name.End(), NewText: []byte(lint.NewRequestNoContext[c.FuncName(fn)])},
		{Pos: first.Pos(), End: first.Pos(), NewText: []byte(insert)},
	}
}

// lineIndent returns the text between the start of pos's line and pos when
// it is all blanks.
func (c *checker) lineIndent(tf *token.File, pos token.Pos) (string, bool) {
	src, err := c.ReadFile(tf.Name())
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

// withoutCancel spells context.WithoutCancel(ctx) with the file's qualifier
// for the context package, or returns "" when the file's Go version is
// older than 1.21 or the qualifier is unusable.
func (c *checker) withoutCancel(w where, qual string) string {
	ctx := w.context()
	if qual == "" || ctx == "" || w.file == nil {
		return ""
	}
	v := c.TypesInfo.FileVersions[w.file]
	if v == "" && c.Pkg != nil {
		v = c.Pkg.GoVersion()
	}
	if !version.IsValid(v) || version.Compare(v, "go1.21") < 0 {
		return ""
	}
	return qual + ".WithoutCancel(" + ctx + ")"
}

// pkgQualifier returns the identifier that qualifies the context package
// in bg (context.Background()), or "" (dot import).
func (c *checker) pkgQualifier(bg *ast.CallExpr) string {
	sel, ok := ast.Unparen(bg.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	pn, ok := c.TypesInfo.Uses[x].(*types.PkgName)
	if !ok || pn.Imported().Path() != "context" || pn.Imported().Scope().Lookup("WithoutCancel") == nil {
		return ""
	}
	return x.Name
}

// contextPkgName returns the name under which the call's file imports the
// context package, when that name resolves to it at the call; else "".
func (c *checker) contextPkgName(w where) string {
	if w.file == nil || c.Pkg == nil {
		return ""
	}
	inner := c.Pkg.Scope().Innermost(w.at)
	if inner == nil {
		return ""
	}
	for _, spec := range w.file.Imports {
		pn := c.importName(spec)
		if pn == nil || pn.Imported().Path() != "context" || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if pn.Imported().Scope().Lookup("WithoutCancel") == nil {
			return ""
		}
		if _, obj := inner.LookupParent(pn.Name(), w.at); obj == pn {
			return pn.Name()
		}
	}
	return ""
}

func (c *checker) importName(spec *ast.ImportSpec) *types.PkgName {
	var obj types.Object
	if spec.Name != nil {
		obj = c.TypesInfo.Defs[spec.Name]
	} else {
		obj = c.TypesInfo.Implicits[spec]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// replaceEdits replaces arg (the context.Background() call bg, or an
// expression holding it) with ctx. When that was the file's last use of
// the context package, the import goes too (only when that leaves the
// import block gofmt-clean; otherwise no fix).
func (c *checker) replaceEdits(w where, bg *ast.CallExpr, arg ast.Expr, ctx string) []analysis.TextEdit {
	edits := []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(ctx)}}
	if w.file == nil {
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
	pn, ok := c.TypesInfo.Uses[x].(*types.PkgName)
	if !ok {
		return nil
	}
	// Count the file's uses of the package name; uses that no fix removes
	// stay whatever other fixes do.
	var uses, other int
	ast.Inspect(w.file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.TypesInfo.Uses[id] == pn {
			uses++
			if !c.gone[id] {
				other++
			}
		}
		return true
	})
	switch {
	case other > 0:
		return edits
	case uses == 1:
		del := c.deleteImport(w.file, pn)
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
func (c *checker) deleteImport(f *ast.File, pn *types.PkgName) *analysis.TextEdit {
	tf := c.Fset.File(f.FileStart)
	if tf == nil {
		return nil
	}
	src, err := c.ReadFile(tf.Name())
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
			if c.importName(spec) != pn {
				continue
			}
			return c.deleteSpec(tf, src, f, gd, spec)
		}
	}
	return nil
}

// deleteSpec is deleteImport for the import spec found.
func (c *checker) deleteSpec(tf *token.File, src []byte, f *ast.File, gd *ast.GenDecl, spec *ast.ImportSpec) *analysis.TextEdit {
	if !gd.Lparen.IsValid() || len(gd.Specs) < 2 || spec.Doc != nil || spec.Comment != nil {
		return nil
	}
	line := tf.Line(spec.Pos())
	if tf.Line(spec.End()) != line || line+1 > tf.LineCount() {
		return nil
	}
	for _, other := range gd.Specs {
		if other != ast.Spec(spec) && (tf.Line(other.Pos()) == line || tf.Line(other.End()) == line) {
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
