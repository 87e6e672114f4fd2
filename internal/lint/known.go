package lint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// Str is what meshlint knows of a string value at compile time: its
// leading text and whether that text is the whole string.
//
//	"10.0.0.5:8080"          {Prefix: "10.0.0.5:8080", Complete: true}
//	"10.0.0.5:" + port       {Prefix: "10.0.0.5:"}
//	os.Getenv("ADDR")        {} (unknown)
type Str struct {
	Prefix   string
	Complete bool
}

// Known reports whether anything at all is known of the value.
func (s Str) Known() bool { return s.Complete || s.Prefix != "" }

// maxDepth bounds the evaluation of chains of variables.
const maxDepth = 12

// StringOf evaluates e as a string known at compile time (SPEC "Common
// rules"): string constants and constant expressions, locals assigned
// exactly once from a known string, package-level variables initialized from
// a known string and never assigned elsewhere in the package,
// fmt.Sprintf with a constant format, net.JoinHostPort, and + concatenation.
// Results are cached per package.
func (p *Package) StringOf(e ast.Expr) Str {
	return p.str(e, 0)
}

func (p *Package) str(e ast.Expr, depth int) Str {
	if e == nil || depth > maxDepth {
		return Str{}
	}
	e = ast.Unparen(e)
	if tv, ok := p.Info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return Str{Prefix: constant.StringVal(tv.Value), Complete: true}
		}
		return Str{}
	}
	p.mu.Lock()
	s, ok := p.known[e]
	p.mu.Unlock()
	if ok {
		return s
	}
	s = p.eval(e, depth)
	p.mu.Lock()
	p.known[e] = s
	p.mu.Unlock()
	return s
}

func (p *Package) eval(e ast.Expr, depth int) Str {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD || !isString(p.Info.TypeOf(e)) {
			return Str{}
		}
		x := p.str(e.X, depth+1)
		if !x.Complete {
			return x
		}
		y := p.str(e.Y, depth+1)
		return Str{Prefix: x.Prefix + y.Prefix, Complete: y.Complete}
	case *ast.Ident:
		v, ok := p.Info.Uses[e].(*types.Var)
		if !ok || !isString(v.Type()) {
			return Str{}
		}
		if def, ok := p.SingleValue(v); ok {
			return p.str(def, depth+1)
		}
	case *ast.CallExpr:
		if tv, ok := p.Info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			// string(x) conversion of a string-typed value
			if isString(p.Info.TypeOf(e.Args[0])) {
				return p.str(e.Args[0], depth+1)
			}
			return Str{}
		}
		switch p.CalleeName(e) {
		case "fmt.Sprintf":
			return p.sprintf(e.Args, depth)
		case "net.JoinHostPort":
			if len(e.Args) != 2 {
				return Str{}
			}
			h := p.str(e.Args[0], depth+1)
			if !h.Complete {
				return Str{}
			}
			host := h.Prefix
			if strings.Contains(host, ":") {
				host = "[" + host + "]"
			}
			port := p.str(e.Args[1], depth+1)
			return Str{Prefix: host + ":" + port.Prefix, Complete: port.Complete}
		}
	}
	return Str{}
}

// sprintf evaluates fmt.Sprintf(format, args...) as far as its leading
// text is known: verbs with known arguments are formatted, and the first
// verb whose argument is unknown ends the known prefix.
func (p *Package) sprintf(args []ast.Expr, depth int) Str {
	if len(args) == 0 {
		return Str{}
	}
	format := p.str(args[0], depth+1)
	if !format.Complete {
		return Str{}
	}
	f := format.Prefix
	args = args[1:]
	var b strings.Builder
	argi := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Scan the verb: flags, width, precision, verb letter.
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.", f[j]) >= 0 {
			j++
		}
		if j >= len(f) || f[j] == '[' || f[j] == '*' {
			return Str{Prefix: b.String()} // indexed or star arguments: stop here
		}
		spec := f[i : j+1]
		i = j
		if argi >= len(args) {
			return Str{Prefix: b.String()}
		}
		v, ok := p.fmtValue(args[argi], depth)
		argi++
		if !ok {
			return Str{Prefix: b.String()}
		}
		b.WriteString(fmt.Sprintf(spec, v))
	}
	return Str{Prefix: b.String(), Complete: true}
}

// fmtValue returns a Go value to format for a known argument.
func (p *Package) fmtValue(e ast.Expr, depth int) (any, bool) {
	if tv, ok := p.Info.Types[ast.Unparen(e)]; ok && tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.String:
			return constant.StringVal(tv.Value), true
		case constant.Int:
			if i, ok := constant.Int64Val(tv.Value); ok {
				return i, true
			}
		case constant.Bool:
			return constant.BoolVal(tv.Value), true
		case constant.Float:
			f, _ := constant.Float64Val(tv.Value)
			return f, true
		}
		return nil, false
	}
	if isString(p.Info.TypeOf(e)) {
		if s := p.str(e, depth+1); s.Complete {
			return s.Prefix, true
		}
	}
	return nil, false
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
