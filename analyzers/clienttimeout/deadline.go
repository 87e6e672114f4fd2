package clienttimeout

// Requests with a deadline (SPEC: not flagged): a client with no Timeout
// is harmless when it stays in one function and every request it sends
// there carries a context given a deadline in that function:
//
//	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
//	defer cancel()
//	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//	...
//	resp, err := http.DefaultClient.Do(req)
//
// The deadline is followed through locals (the request and context
// variables, and the definitions of them that reach the send),
// req.WithContext(ctx), req.Clone(ctx), and the context derivations that
// keep their parent's deadline (WithCancel, WithValue).

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

// deadlineFuncs give the context they return a deadline.
var deadlineFuncs = map[string]bool{
	"context.WithTimeout":       true,
	"context.WithDeadline":      true,
	"context.WithTimeoutCause":  true,
	"context.WithDeadlineCause": true,
}

// inheritFuncs return a context that keeps their parent's deadline
// (WithoutCancel drops it).
var inheritFuncs = map[string]bool{
	"context.WithCancel":      true,
	"context.WithCancelCause": true,
	"context.WithValue":       true,
}

const (
	clientDo     = "(*net/http.Client).Do"
	clientClose  = "(*net/http.Client).CloseIdleConnections"
	newRequestCx = "net/http.NewRequestWithContext"
)

// maxDeadlineDepth bounds the chains of variables followed.
const maxDeadlineDepth = 16

// sendsWithDeadline reports whether the client value at cur stays in its
// function (lint.LocalUses) and sends at least one request there, each
// through Do with a request carrying a context given a deadline in that
// function. Get, Head, Post and PostForm carry no context: any of them
// makes the answer false.
func sendsWithDeadline(p *lint.Pass, cur inspector.Cursor) bool {
	uses, local := p.LocalUses(cur)
	if !local || len(uses) == 0 {
		return false
	}
	d := &deadlines{p: p, fn: lint.OutermostFunc(cur)}
	sends := 0
	for _, u := range uses {
		if len(u.Path) != 0 {
			return false // a method of something holding the client
		}
		switch p.FuncName(u.Method) {
		case clientDo:
			if !d.request(p.ArgOf(u.Call, clientDo, "req"), 0) {
				return false
			}
			sends++
		case clientClose:
		default:
			return false
		}
	}
	return sends > 0
}

// deadlines answers "does this request (context) carry a deadline given
// in fn" for one function.
type deadlines struct {
	p  *lint.Pass
	fn inspector.Cursor
}

// everyDef reports whether every definition of the variable id that may
// reach its use satisfies ok.
func (d *deadlines) everyDef(id *ast.Ident, depth int, ok func(lint.Def, int) bool) bool {
	defs, known := d.p.ReachingDefs(d.fn, id)
	if !known {
		return false
	}
	for _, def := range defs {
		if !ok(def, depth+1) {
			return false
		}
	}
	return true
}

// request reports whether the *http.Request expression e carries a
// context given a deadline in the function.
func (d *deadlines) request(e ast.Expr, depth int) bool {
	if e == nil || depth > maxDeadlineDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return d.everyDef(e, depth, d.requestDef)
	case *ast.CallExpr:
		switch name := d.p.CalleeName(e); name {
		case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
			return d.context(d.p.ArgOf(e, name, "ctx"), depth+1)
		}
	}
	return false
}

func (d *deadlines) requestDef(def lint.Def, depth int) bool {
	if def.Index < 0 {
		return d.request(def.Rhs, depth)
	}
	call, ok := ast.Unparen(def.Rhs).(*ast.CallExpr)
	if !ok || def.Index != 0 || d.p.CalleeName(call) != newRequestCx {
		return false
	}
	return d.context(d.p.ArgOf(call, newRequestCx, "ctx"), depth)
}

// context reports whether the context.Context expression e was given a
// deadline in the function.
func (d *deadlines) context(e ast.Expr, depth int) bool {
	if e == nil || depth > maxDeadlineDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return d.everyDef(e, depth, d.contextDef)
	case *ast.CallExpr:
		if name := d.p.CalleeName(e); inheritFuncs[name] {
			return d.context(d.p.ArgOf(e, name, "parent"), depth+1)
		}
	}
	return false
}

func (d *deadlines) contextDef(def lint.Def, depth int) bool {
	if def.Index < 0 {
		return d.context(def.Rhs, depth)
	}
	call, ok := ast.Unparen(def.Rhs).(*ast.CallExpr)
	if !ok || def.Index != 0 {
		return false
	}
	name := d.p.CalleeName(call)
	switch {
	case deadlineFuncs[name]:
		return true
	case inheritFuncs[name]:
		return d.context(d.p.ArgOf(call, name, "parent"), depth)
	}
	return false
}
