package lint

// Inbound listen addresses, shared by loopbacklisten and envoyport: which
// calls, options and struct fields of a package give the address an
// inbound server listens on. The calls are the [Listeners] table (api.go);
// the struct fields are listenStructs below.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// ListenPackages are the packages whose functions, methods and types give
// listen addresses: a package importing none of them has none
// ([Package.ListenAddrs] finds nothing), the fast path of the analyzers
// built on it.
var ListenPackages = []string{
	"net",
	"net/http",
	"github.com/gin-gonic/gin",
	"github.com/labstack/echo/v4",
	"github.com/labstack/echo/v5",
	"github.com/gofiber/fiber/v2",
	"github.com/gofiber/fiber/v3",
	"github.com/cloudwego/hertz/pkg/app/server",
	"github.com/valyala/fasthttp",
}

// A listenStruct is a struct type with a listen address field.
type listenStruct struct {
	pkg, name string
	addr      string // the address field
	handler   string // its net/http handler field ("" when none)
	network   string // its network field ("" when always TCP)
	listener  string // a field that, when set, replaces the address (a listener of the caller's)
}

// listenStructs are the struct types whose literals and field assignments
// give a listen address: http.Server{Addr: ...} (also srv.Addr = ...) and
// echo v5's StartConfig{Address: ...}.
var listenStructs = []listenStruct{
	{pkg: "net/http", name: "Server", addr: "Addr", handler: "Handler"},
	{pkg: "github.com/labstack/echo/v5", name: "StartConfig", addr: "Address", network: "ListenerNetwork", listener: "Listener"},
}

// A ListenAddr is one inbound listen address of the package.
type ListenAddr struct {
	// Addr is the address expression: a call's address argument, or the
	// value given to the address field.
	Addr ast.Expr
	// From says where the address is given: the callee's full name
	// ("net/http.ListenAndServe", "(*github.com/gofiber/fiber/v2.App).Listen",
	// "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts"), or the
	// struct field ("net/http.Server.Addr").
	From string
	// Node is the call, composite literal or assignment statement.
	Node ast.Node
	// DefaultMux reports whether the listener serves, or may serve,
	// net/http's DefaultServeMux (where net/http/pprof registers): a
	// ListenAndServe handler or Server Handler that is absent, nil or
	// http.DefaultServeMux, and every srv.Addr = ... assignment (the
	// handler is not known there). False for listeners that do not serve
	// a net/http handler (net.Listen, the frameworks).
	DefaultMux bool
}

// ListenAddrs yields the package's inbound listen addresses, in source
// order, outside _test.go and generated files. Listeners known not to be
// TCP (net.Listen("unix", ...), a network that is not known, fiber v3's
// ListenConfig{ListenerNetwork: "unix"}, hertz server.WithNetwork("unix"))
// are left out: they are not reached through the sidecar and have no port.
func (p *Package) ListenAddrs() iter.Seq[ListenAddr] {
	return func(yield func(ListenAddr) bool) {
		for n := range p.Nodes() {
			var l ListenAddr
			var ok bool
			switch n := n.(type) {
			case *ast.CallExpr:
				l, ok = p.listenCall(n)
			case *ast.CompositeLit:
				l, ok = p.listenLit(n)
			case *ast.AssignStmt:
				if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
					continue
				}
				for i, lhs := range n.Lhs {
					if from, ok := p.listenField(lhs); ok {
						if !yield(ListenAddr{Addr: n.Rhs[i], From: from, Node: n, DefaultMux: true}) {
							return
						}
					}
				}
				continue
			}
			if ok && !yield(l) {
				return
			}
		}
	}
}

// listenCall returns the listen address of a call to a [Listeners]
// function.
func (p *Package) listenCall(call *ast.CallExpr) (ListenAddr, bool) {
	name := p.CalleeName(call)
	l, ok := Listeners[name]
	if !ok {
		return ListenAddr{}, false
	}
	addr := p.ArgOf(call, name, l.Addr)
	if addr == nil {
		return ListenAddr{}, false // gin's r.Run() reads $PORT
	}
	switch {
	case l.Network != "" && l.NetworkField != "":
		if cfg := p.ArgOf(call, name, l.Network); cfg != nil && !p.tcpField(cfg, l.NetworkField) {
			return ListenAddr{}, false
		}
	case l.Network != "":
		if !p.IsTCP(p.ArgOf(call, name, l.Network)) {
			return ListenAddr{}, false // unix sockets, or a network we cannot see
		}
	}
	if l.NetworkOption != "" {
		cur, ok := p.Inspector().Root().FindNode(call)
		if !ok || !p.tcpOption(cur, l.NetworkOption) {
			return ListenAddr{}, false
		}
	}
	out := ListenAddr{Addr: addr, From: name, Node: call}
	if l.Handler != "" {
		out.DefaultMux = p.isDefaultMux(p.ArgOf(call, name, l.Handler))
	}
	return out, true
}

// listenLit returns the listen address of a listenStructs literal.
func (p *Package) listenLit(lit *ast.CompositeLit) (ListenAddr, bool) {
	t := p.Info.TypeOf(lit)
	for _, s := range listenStructs {
		if !IsNamed(t, s.pkg, s.name) {
			continue
		}
		addr := Field(lit, s.addr)
		if addr == nil {
			return ListenAddr{}, false
		}
		if s.listener != "" && Field(lit, s.listener) != nil {
			return ListenAddr{}, false // the caller's own listener: the address is not used
		}
		if s.network != "" {
			if nw := Field(lit, s.network); nw != nil && !p.IsTCP(nw) {
				return ListenAddr{}, false
			}
		}
		out := ListenAddr{Addr: addr, From: s.pkg + "." + s.name + "." + s.addr, Node: lit}
		if s.handler != "" {
			out.DefaultMux = p.isDefaultMux(Field(lit, s.handler))
		}
		return out, true
	}
	return ListenAddr{}, false
}

// listenField reports whether lhs is the address field of a listenStructs
// value (srv.Addr, e.Server.Addr, sc.Address), and names it.
func (p *Package) listenField(lhs ast.Expr) (string, bool) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	s := p.Info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return "", false
	}
	holder := FieldHolder(s)
	for _, ls := range listenStructs {
		if sel.Sel.Name == ls.addr && IsNamed(holder, ls.pkg, ls.name) {
			return ls.pkg + "." + ls.name + "." + ls.addr, true
		}
	}
	return "", false
}

// FieldHolder returns the type (pointer removed) of the struct that
// declares the field a field selection selects: for srv.Addr on an
// *http.Server it is http.Server, and for m.Addr on a struct embedding
// http.Server too (s.Recv() is the embedding struct).
func FieldHolder(s *types.Selection) types.Type {
	t := s.Recv()
	idx := s.Index()
	for _, i := range idx[:len(idx)-1] {
		if ptr, ok := t.Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i < 0 || i >= st.NumFields() {
			return nil
		}
		t = st.Field(i).Type()
	}
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	return t
}

// IsTCP reports whether a network argument is known to be TCP ("tcp",
// "tcp4", "tcp6").
func (p *Package) IsTCP(network ast.Expr) bool {
	s := p.StringOf(network)
	return s.Complete && strings.HasPrefix(s.Prefix, "tcp")
}

// tcpField reports whether a struct argument (a literal, or a local
// holding one that is never changed field by field) leaves its network
// field absent, empty (the default is TCP) or TCP.
func (p *Package) tcpField(arg ast.Expr, field string) bool {
	lit := p.literalOf(arg)
	if lit == nil || p.structOf(lit) == nil {
		return false // a configuration meshlint cannot see (or a slice passed with ...)
	}
	nw := p.StructField(lit, field)
	if nw == nil {
		return true
	}
	if s := p.StringOf(nw); s.Complete && s.Prefix == "" {
		return true
	}
	return p.IsTCP(nw)
}

// literalOf returns the struct composite literal e is (&T{...} or T{...}),
// or holds as a variable assigned once whose fields are never assigned.
func (p *Package) literalOf(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		return x
	case *ast.Ident:
		v, ok := p.Info.Uses[x].(*types.Var)
		if !ok || len(p.FieldAssigns(v)) > 0 {
			return nil
		}
		if def, ok := p.SingleValue(v); ok {
			if lit, ok := ast.Unparen(def).(*ast.CompositeLit); ok {
				return lit
			}
		}
	}
	return nil
}

// tcpOption reports whether the call at cur, an option passed among the
// arguments of a call (hertz server.New(server.WithHostPorts(addr), ...)),
// has no sibling option setting a network (name), or one setting TCP.
func (p *Package) tcpOption(cur inspector.Cursor, name string) bool {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return true
	}
	outer, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return true
	}
	for _, arg := range outer.Args {
		c, ok := ast.Unparen(arg).(*ast.CallExpr)
		if ok && p.CalleeName(c) == name && !p.IsTCP(p.Arg(c, 0)) {
			return false
		}
	}
	return true
}

// isDefaultMux reports whether h is absent, nil or http.DefaultServeMux.
func (p *Package) isDefaultMux(h ast.Expr) bool {
	if h == nil {
		return true
	}
	if tv, ok := p.Info.Types[ast.Unparen(h)]; ok && tv.IsNil() {
		return true
	}
	return p.IsPkgVar(h, "net/http", "DefaultServeMux")
}

// ListenPort returns the port of a complete listen address ("host:port",
// ":port", "[v6]:port"), when it is a decimal number.
func ListenPort(s Str) (int, bool) {
	if !s.Complete {
		return 0, false
	}
	a := s.Prefix
	var port string
	if strings.HasPrefix(a, "[") {
		end := strings.IndexByte(a, ']')
		if end < 0 || !strings.HasPrefix(a[end+1:], ":") {
			return 0, false
		}
		port = a[end+2:]
	} else {
		i := strings.LastIndexByte(a, ':')
		if i < 0 || strings.IndexByte(a[:i], ':') >= 0 {
			return 0, false // no port, or an unbracketed IPv6 literal
		}
		port = a[i+1:]
	}
	if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(port)
	if err != nil || n > 65535 {
		return 0, false
	}
	return n, true
}

// AnyIntConstant reports whether some integer constant expression of the
// package satisfies f (a port given as fmt.Sprintf(":%d", 15020) is an
// int constant, not a string constant: fast paths on string constants
// alone would lose it).
func (p *Package) AnyIntConstant(f func(int64) bool) bool {
	for _, tv := range p.Info.Types {
		if tv.Value != nil && tv.Value.Kind() == constant.Int {
			if v, ok := constant.Int64Val(tv.Value); ok && f(v) {
				return true
			}
		}
	}
	return false
}

// Denote returns the variable and the field path an lvalue-like
// expression refers to, as [Package.BindingOf] names storage: c, s.client
// ([client]), (*p).f, e.Server ([Server]), m.IdleTimeout on a struct
// embedding http.Server ([Server IdleTimeout]).
func (p *Package) Denote(e ast.Expr) (*types.Var, []string, bool) {
	return p.denote(e)
}
