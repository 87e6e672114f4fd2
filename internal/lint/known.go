package lint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
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
		if verb >= utf8.RuneSelf || strings.IndexByte("vtbcdoOqxXUeEfFgGs", byte(verb)) < 0 {
			// %T spells the argument's Go type, %p a pointer, and a bad
			// verb prints the type too ("%!z(int=1)"): not known here.
			return Str{Prefix: b.String()}, exact
		}
		spec := f[i : j+size]
		i = j + size - 1
		if argi >= len(args) {
			return Str{Prefix: b.String()}, exact // too few arguments
		}
		v, ok, exactV := p.fmtValue(args[argi], depth)
		exact = exact && exactV
		if !ok {
			return Str{Prefix: b.String()}, exact
		}
		piece := fmt.Sprintf(spec, v)
		if strings.Contains(piece, "%!(") {
			// "%!(NOVERB)", "%!(BADWIDTH)", "%!(EXTRA …)": fmt did not
			// take the argument as this verb's (a width over 10⁶ is no
			// width), so the rest of the call does not line up here.
			return Str{Prefix: b.String()}, exact
		}
		if strings.Contains(piece, "%!") && !types.Identical(p.Info.TypeOf(args[argi]), types.Default(p.Info.TypeOf(args[argi]).Underlying())) {
			// A verb that does not fit the argument prints its type:
			// "%!d(p.Addr=x)" for a named type is not what v prints.
			return Str{Prefix: b.String()}, exact
		}
		argi++
		b.WriteString(piece)
	}
	if argi < len(args) {
		// Extra arguments: fmt appends "%!(EXTRA ...)".
		return Str{Prefix: b.String()}, exact
	}
	return Str{Prefix: b.String(), Complete: true}, exact
}

// fmtValue returns a Go value to format for a known argument: one that
// formats exactly as the argument does at run time, so of the same Go type
// (fmt's error forms spell it: "%!s(int=5)"). Values of types with their
// own String, Error, Format or GoString methods are not known (time.Second
// prints as "1s", not as its constant 1000000000).
func (p *Package) fmtValue(e ast.Expr, depth int) (v any, ok, exact bool) {
	t := p.Info.TypeOf(e)
	if t == nil || formatsItself(t) {
		return nil, false, true
	}
	b, isBasic := t.Underlying().(*types.Basic)
	if !isBasic {
		return nil, false, true
	}
	if tv, ok := p.Info.Types[ast.Unparen(e)]; ok && tv.Value != nil {
		v := goValue(b.Kind(), tv.Value)
		return v, v != nil, true
	}
	if b.Info()&types.IsString != 0 {
		s, exact := p.str(e, depth+1)
		if s.Complete {
			return s.Prefix, true, exact
		}
		return nil, false, exact
	}
	return nil, false, true
}

// goValue converts a constant of the given basic kind to the Go value of
// that type, or returns nil.
func goValue(kind types.BasicKind, c constant.Value) any {
	switch c.Kind() {
	case constant.String:
		return constant.StringVal(c)
	case constant.Bool:
		return constant.BoolVal(c)
	case constant.Float:
		switch kind {
		case types.Float32:
			f, _ := constant.Float32Val(c)
			return f
		case types.Float64, types.UntypedFloat:
			f, _ := constant.Float64Val(c)
			return f
		}
	case constant.Int:
		if u, ok := constant.Uint64Val(c); ok {
			switch kind {
			case types.Uint:
				return uint(u)
			case types.Uint8:
				return uint8(u)
			case types.Uint16:
				return uint16(u)
			case types.Uint32:
				return uint32(u)
			case types.Uint64:
				return u
			case types.Uintptr:
				return uintptr(u)
			}
		}
		if i, ok := constant.Int64Val(c); ok {
			switch kind {
			case types.Int, types.UntypedInt:
				return int(i)
			case types.Int8:
				return int8(i)
			case types.Int16:
				return int16(i)
			case types.Int32, types.UntypedRune:
				return int32(i)
			case types.Int64:
				return i
			}
		}
	}
	return nil
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

// StringConstants returns the distinct values of the package's constant
// string expressions, as the type checker recorded them (constants of
// other packages used here included), computed once per package. Fast
// paths use it: a value meshlint can know at compile time is built from
// these, so a package where none looks relevant has nothing to report.
func (p *Package) StringConstants() []string {
	p.constOnce.Do(func() {
		seen := make(map[string]bool)
		for _, tv := range p.Info.Types {
			if tv.Value != nil && tv.Value.Kind() == constant.String {
				s := constant.StringVal(tv.Value)
				if !seen[s] {
					seen[s] = true
					p.consts = append(p.consts, s)
				}
			}
		}
	})
	return p.consts
}

// AnyStringConstant reports whether some string constant of the package
// satisfies f.
func (p *Package) AnyStringConstant(f func(string) bool) bool {
	for _, s := range p.StringConstants() {
		if f(s) {
			return true
		}
	}
	return false
}

// StringLit returns the value of a string literal (parenthesized or not)
// without type information: the syntactic readers of other packages'
// source (modsrc.go) use it.
func StringLit(e ast.Expr) (string, bool) {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
