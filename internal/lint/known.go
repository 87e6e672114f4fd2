package lint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode/utf8"
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
	s, _ := p.str(e, 0)
	return s
}

// str evaluates e at the given depth of a chain. It also says whether the
// result is exact, that is not cut short by maxDepth: only exact results are
// cached, so that the answer for e never depends on which chain reached it
// first.
func (p *Package) str(e ast.Expr, depth int) (Str, bool) {
	if e == nil {
		return Str{}, true
	}
	if depth > maxDepth {
		return Str{}, false
	}
	e = ast.Unparen(e)
	if tv, ok := p.Info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return Str{Prefix: constant.StringVal(tv.Value), Complete: true}, true
		}
		return Str{}, true
	}
	p.mu.Lock()
	s, ok := p.known[e]
	p.mu.Unlock()
	if ok {
		return s, true
	}
	s, exact := p.eval(e, depth)
	if exact {
		p.mu.Lock()
		p.known[e] = s
		p.mu.Unlock()
	}
	return s, exact
}

func (p *Package) eval(e ast.Expr, depth int) (Str, bool) {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD || !isString(p.Info.TypeOf(e)) {
			return Str{}, true
		}
		x, exact := p.str(e.X, depth+1)
		if !x.Complete {
			return x, exact
		}
		y, exactY := p.str(e.Y, depth+1)
		return Str{Prefix: x.Prefix + y.Prefix, Complete: y.Complete}, exact && exactY
	case *ast.Ident:
		v, ok := p.Info.Uses[e].(*types.Var)
		if !ok || !isString(v.Type()) {
			return Str{}, true
		}
		if def, ok := p.SingleValue(v); ok {
			return p.str(def, depth+1)
		}
	case *ast.CallExpr:
		if tv, ok := p.Info.Types[e.Fun]; ok && tv.IsType() {
			// string(x) conversion of a string-typed value
			if len(e.Args) == 1 && isString(tv.Type) && isString(p.Info.TypeOf(e.Args[0])) {
				return p.str(e.Args[0], depth+1)
			}
			return Str{}, true
		}
		switch p.CalleeName(e) {
		case "fmt.Sprintf":
			if e.Ellipsis.IsValid() {
				return Str{}, true // fmt.Sprintf(format, args...): the arguments are a slice
			}
			return p.sprintf(e.Args, depth)
		case "net.JoinHostPort":
			if len(e.Args) != 2 {
				return Str{}, true
			}
			h, exact := p.str(e.Args[0], depth+1)
			if !h.Complete {
				return Str{}, exact
			}
			host := h.Prefix
			if strings.Contains(host, ":") {
				host = "[" + host + "]"
			}
			port, exactP := p.str(e.Args[1], depth+1)
			return Str{Prefix: host + ":" + port.Prefix, Complete: port.Complete}, exact && exactP
		}
	}
	return Str{}, true
}

// sprintf evaluates fmt.Sprintf(format, args...) as far as its leading
// text is known: verbs with known arguments are formatted, and the first
// verb whose argument is unknown ends the known prefix.
func (p *Package) sprintf(args []ast.Expr, depth int) (Str, bool) {
	if len(args) == 0 {
		return Str{}, true
	}
	format, exact := p.str(args[0], depth+1)
	if !format.Complete {
		return Str{}, exact
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
			return Str{Prefix: b.String()}, exact // indexed or star arguments, or no verb: stop here
		}
		verb, size := utf8.DecodeRuneInString(f[j:])
		if verb == 'T' || verb == 'p' || verb == utf8.RuneError {
			// %T spells the argument's Go type, %p a pointer: not known here.
			return Str{Prefix: b.String()}, exact
		}
		spec := f[i : j+size]
		i = j + size - 1
		if argi >= len(args) {
			return Str{Prefix: b.String()}, exact // too few arguments
		}
		v, ok, exactV := p.fmtValue(args[argi], depth)
		exact = exact && exactV
		argi++
		if !ok {
			return Str{Prefix: b.String()}, exact
		}
		b.WriteString(fmt.Sprintf(spec, v))
	}
	if argi < len(args) {
		// Extra arguments: fmt appends "%!(EXTRA ...)".
		return Str{Prefix: b.String()}, exact
	}
	return Str{Prefix: b.String(), Complete: true}, exact
}

// fmtValue returns a Go value to format for a known argument: one that
// formats exactly as the argument does at run time. Values of types with
// their own String, Error, Format or GoString methods are not known
// (time.Second prints as "1s", not as its constant 1000000000).
func (p *Package) fmtValue(e ast.Expr, depth int) (v any, ok, exact bool) {
	t := p.Info.TypeOf(e)
	if t == nil || formatsItself(t) {
		return nil, false, true
	}
	if tv, ok := p.Info.Types[ast.Unparen(e)]; ok && tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.String:
			return constant.StringVal(tv.Value), true, true
		case constant.Int:
			if i, ok := constant.Int64Val(tv.Value); ok {
				return i, true, true
			}
		case constant.Bool:
			return constant.BoolVal(tv.Value), true, true
		case constant.Float:
			if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Float32 {
				f, _ := constant.Float32Val(tv.Value)
				return f, true, true
			}
			f, _ := constant.Float64Val(tv.Value)
			return f, true, true
		}
		return nil, false, true
	}
	if isString(t) {
		s, exact := p.str(e, depth+1)
		if s.Complete {
			return s.Prefix, true, exact
		}
		return nil, false, exact
	}
	return nil, false, true
}

// formatsItself reports whether fmt formats values of type t through a
// method of theirs (String, Error, Format, GoString) rather than by kind.
func formatsItself(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Named); !ok {
		return false
	}
	ms := types.NewMethodSet(t)
	for _, name := range []string{"String", "Error", "Format", "GoString"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
