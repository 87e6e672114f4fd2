package serveridle

import (
	_ "embed"
	"errors"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports HTTP servers that close idle connections before the sidecar does.
var Analyzer = &analysis.Analyzer{
	Name:     "serveridle",
	Doc:      lint.MustExtractDoc(doc, "serveridle"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/serveridle/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

// sidecarIdle is the idle timeout of the sidecar's connections to the
// app when no DestinationRule sets one: Envoy's and Istio's default.
const sidecarIdle = time.Hour

// minIdle holds -serveridle.min: the shortest server idle timeout that is
// not reported (the sidecar's idle timeout).
var minIdle = durationFlag(sidecarIdle)

func init() {
	Analyzer.Flags.Var(&minIdle, "min", "the sidecar's idle timeout to its app (Go duration, default the Istio/Envoy 1h): servers closing idle connections sooner are reported")
}

// durationFlag is a positive Go duration, usable as a flag.Value.
type durationFlag time.Duration

func (d *durationFlag) String() string {
	if d == nil {
		return shortDuration(sidecarIdle)
	}
	return shortDuration(time.Duration(*d))
}

// Set parses a Go duration; its error reads after the driver's
// `invalid value "x" for flag -serveridle.min: `.
func (d *durationFlag) Set(s string) error {
	v, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return errors.New("not a Go duration (want a number with a unit, such as 1h, 30m or 90s)")
	}
	if v <= 0 {
		return errors.New("must be a positive duration (such as 1h, 30m or 90s)")
	}
	*d = durationFlag(v)
	return nil
}

// A serverType is a server (or server configuration) type whose idle
// timeout falls back to its read timeout when zero.
type serverType struct {
	pkg, name string
	show      string // how messages spell it
	keepAlive string // a bool field that disables keep-alives ("" when none)
	addr      string // its listen address field ("" when none)
}

// serverTypes: net/http (server.go, (*Server).idleTimeout), fasthttp
// (server.go, (*Server).idleTimeout), fiber v2 and v3 (Config.IdleTimeout
// "If IdleTimeout is zero, the value of ReadTimeout is used", copied to
// the fasthttp.Server fiber runs).
var serverTypes = []*serverType{
	{pkg: "net/http", name: "Server", show: "http.Server", addr: "Addr"},
	{pkg: "github.com/valyala/fasthttp", name: "Server", show: "fasthttp.Server", keepAlive: "DisableKeepalive"},
	{pkg: "github.com/gofiber/fiber/v2", name: "Config", show: "fiber.Config", keepAlive: "DisableKeepalive"},
	{pkg: "github.com/gofiber/fiber/v3", name: "Config", show: "fiber.Config", keepAlive: "DisableKeepalive"},
}

const (
	idleField = "IdleTimeout"
	readField = "ReadTimeout"
	// keepAliveCall is the pseudo-field set by (*http.Server).SetKeepAlivesEnabled.
	keepAliveCall = "SetKeepAlivesEnabled()"
)

func run(p *lint.Pass) (any, error) {
	// echo v4's e.Server is an *http.Server: a package importing echo
	// reaches net/http through it.
	if !p.Imports("net/http", "github.com/valyala/fasthttp", "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3", "github.com/labstack/echo/v4") {
		return nil, nil
	}
	c := collect(p)
	if len(c.origins) == 0 && len(c.events) == 0 {
		return nil, nil
	}
	for _, o := range c.origins {
		c.judgeOrigin(o)
	}
	c.judgeFree()
	return nil, nil
}

// A key names the storage a server value lives in: a variable and a
// field path below it (s.srv is {s, "srv"}).
type key struct {
	v    *types.Var
	path string
}

// An origin is where a server value is made: a composite literal, a
// new(T) call, or a `var srv T` declaration (at is then its name).
type origin struct {
	at  ast.Node         // the literal, the new(T) call or the declared name
	cur inspector.Cursor // at's
	typ *serverType
	lit *ast.CompositeLit // nil for new(T) and var declarations
}

// An event is a statement that changes a server value in storage k.
type event struct {
	k         key
	kind      eventKind
	field     string   // fieldWrite: the field (IdleTimeout, ReadTimeout, Addr, DisableKeepalive, keepAliveCall)
	value     ast.Expr // the value given; nil when not known (x.F += d, &x.F taken, tuple assignments)
	typ       *serverType
	at        ast.Node         // the statement (or call, or &x.F expression)
	cur       inspector.Cursor // at's
	container *types.Var       // the struct field holding the server (srv in s.srv.IdleTimeout, Server in e.Server.ReadTimeout), or nil
	echo      bool             // container is echo v4's Echo.Server or Echo.TLSServer (new(http.Server) from echo.New)
	used      bool             // judged with an origin
}

type eventKind int

const (
	fieldWrite eventKind = iota
	replace              // the whole value in k is replaced (srv = ..., e.Server = ...)
	listen               // k's server listens on value (fasthttp s.ListenAndServe(addr), echo e.Start(addr) for e.Server, fiber app.Listen(addr))
)

type collected struct {
	p       *lint.Pass
	origins []origin
	events  []*event // in source order
	byKey   map[key][]*event
	assigns map[*types.Var]int // how many times each variable is assigned (ident left-hand sides)
	done    map[token.Pos]bool // reported positions
}

// collect finds, in one traversal, every server origin and every event
// on server values of the package.
func collect(p *lint.Pass) *collected {
	c := &collected{p: p, byKey: map[key][]*event{}, assigns: map[*types.Var]int{}, done: map[token.Pos]bool{}}
	for n := range p.Nodes() {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if st := serverOf(litType(p, n)); st != nil {
				c.origins = append(c.origins, origin{at: n, typ: st, lit: n})
			}
		case *ast.CallExpr:
			c.call(n)
		case *ast.ValueSpec:
			if len(n.Values) != 0 || n.Type == nil {
				break
			}
			if tv, ok := p.TypesInfo.Types[n.Type]; ok {
				if st := serverOf(tv.Type); st != nil {
					for _, name := range n.Names {
						if name.Name != "_" {
							c.origins = append(c.origins, origin{at: name, typ: st})
						}
					}
				}
			}
		case *ast.AssignStmt:
			simple := (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs)
			for i, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					if v, ok := p.TypesInfo.ObjectOf(id).(*types.Var); ok {
						c.assigns[v]++
					}
				}
				var rhs ast.Expr
				if simple {
					rhs = n.Rhs[i]
				}
				if !c.fieldEvent(n, lhs, rhs) {
					c.replaceEvent(n, lhs)
				}
			}
		case *ast.IncDecStmt:
			c.fieldEvent(n, n.X, nil)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				c.fieldEvent(n, n.X, nil) // flag.DurationVar(&srv.IdleTimeout, ...)
			}
		}
	}
	// The traversal needs no cursors; only what it found does (most
	// packages have no server at all and never build the inspector).
	if len(c.origins) == 0 && len(c.events) == 0 {
		return c
	}
	curs := make(map[ast.Node]inspector.Cursor, len(c.origins)+len(c.events))
	for _, o := range c.origins {
		curs[o.at] = inspector.Cursor{}
	}
	for _, e := range c.events {
		curs[e.at] = inspector.Cursor{}
	}
	p.FindCursors(curs)
	for i := range c.origins {
		c.origins[i].cur = curs[c.origins[i].at]
	}
	for _, e := range c.events {
		e.cur = curs[e.at]
	}
	return c
}

// serverOf returns the server type t is (not a pointer to it), or nil.
func serverOf(t types.Type) *serverType {
	if t == nil {
		return nil
	}
	if _, ptr := types.Unalias(t).(*types.Pointer); ptr {
		return nil
	}
	for _, st := range serverTypes {
		if lint.IsNamed(t, st.pkg, st.name) {
			return st
		}
	}
	return nil
}

// litType is the type a composite literal builds: for an elided literal
// in []*http.Server{{...}} go/types records *http.Server.
func litType(p *lint.Pass, lit *ast.CompositeLit) types.Type {
	t := p.TypesInfo.TypeOf(lit)
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok && lit.Type == nil {
		return ptr.Elem()
	}
	return t
}

// listenServers are the listeners whose address decides whether a server
// is reached through the sidecar, with the field of the receiver that
// holds the server they start ("" when the receiver is the server, or
// the fiber app made from the Config).
var listenServers = map[string]string{
	"(*github.com/valyala/fasthttp.Server).ListenAndServe":              "",
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLS":           "",
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLSEmbed":      "",
	"(*github.com/labstack/echo/v4.Echo).Start":                         "Server",
	"(*github.com/labstack/echo/v4.Echo).StartH2CServer":                "Server",
	"(*github.com/labstack/echo/v4.Echo).StartTLS":                      "TLSServer",
	"(*github.com/labstack/echo/v4.Echo).StartAutoTLS":                  "TLSServer",
	"(*github.com/gofiber/fiber/v2.App).Listen":                         fiberServer,
	"(*github.com/gofiber/fiber/v2.App).ListenTLS":                      fiberServer,
	"(*github.com/gofiber/fiber/v2.App).ListenTLSWithCertificate":       fiberServer,
	"(*github.com/gofiber/fiber/v2.App).ListenMutualTLS":                fiberServer,
	"(*github.com/gofiber/fiber/v2.App).ListenMutualTLSWithCertificate": fiberServer,
	"(*github.com/gofiber/fiber/v3.App).Listen":                         fiberServer,
}

// call records new(T) origins, SetKeepAlivesEnabled calls and listener
// calls.
func (c *collected) call(call *ast.CallExpr) {
	p := c.p
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := p.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
			if tv, ok := p.TypesInfo.Types[call.Args[0]]; ok && tv.IsType() {
				if st := serverOf(tv.Type); st != nil {
					c.origins = append(c.origins, origin{at: call, typ: st})
				}
			}
			return
		}
	}
	name := p.CalleeName(call)
	if name == "(*net/http.Server).SetKeepAlivesEnabled" {
		if v, path, ok := p.Denote(p.Receiver(call)); ok && len(call.Args) == 1 {
			c.add(&event{k: keyOf(v, path), kind: fieldWrite, field: keepAliveCall, value: call.Args[0], typ: serverTypes[0], at: call})
		}
		return
	}
	if name == "(*net/http.Server).ListenAndServe" || name == "(*net/http.Server).ListenAndServeTLS" {
		if v, path, ok := p.Denote(p.Receiver(call)); ok {
			c.add(&event{k: keyOf(v, path), kind: listen, field: onAddr, at: call})
		}
		return
	}
	field, ok := listenServers[name]
	viaListener := false
	if !ok {
		if field, ok = serveListeners[name]; !ok {
			return
		}
		viaListener = true
	}
	v, path, ok := p.Denote(p.Receiver(call))
	if !ok {
		return
	}
	if field != "" {
		path = append(slices.Clip(path), field)
	}
	e := &event{k: keyOf(v, path), kind: listen, at: call}
	if viaListener {
		e.field, e.value = listenerArg, p.Arg(call, 0)
	} else {
		e.value = p.ArgOf(call, name, lint.Listeners[name].Addr)
	}
	c.add(e)
}

// fiberServer names, as a field path element, the *fasthttp.Server a
// fiber app runs (app.Server(): the same server on every call, given the
// fiber.Config's timeouts by fiber.New).
const fiberServer = "Server()"

// onAddr marks a listen event on the server's own Addr
// (srv.ListenAndServe()).
const onAddr = "Addr"

// listenerArg marks a listen event whose value is a net.Listener
// (srv.Serve(ln)) rather than an address.
const listenerArg = "listener"

// serveListeners serve on a listener of the caller's, their first
// argument (see listenServers for the receiver's field).
var serveListeners = map[string]string{
	"(*net/http.Server).Serve":                            "",
	"(*net/http.Server).ServeTLS":                         "",
	"(*github.com/valyala/fasthttp.Server).Serve":         "",
	"(*github.com/valyala/fasthttp.Server).ServeTLS":      "",
	"(*github.com/valyala/fasthttp.Server).ServeTLSEmbed": "",
	"(*github.com/gofiber/fiber/v2.App).Listener":         fiberServer,
	"(*github.com/gofiber/fiber/v3.App).Listener":         fiberServer,
}

// fieldEvent records a change of a tracked field of a server value (lhs
// is x.F); it reports whether lhs is one.
func (c *collected) fieldEvent(at ast.Node, lhs, value ast.Expr) bool {
	p := c.p
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := p.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	st := serverOf(lint.FieldHolder(s))
	if st == nil {
		return false
	}
	f := sel.Sel.Name
	if f != idleField && f != readField && (f != st.addr || st.addr == "") && (f != st.keepAlive || st.keepAlive == "") {
		return false
	}
	v, path, ok := p.Denote(sel)
	if ok && len(path) > 0 {
		path = path[:len(path)-1]
	} else if v, path, ok = c.fiberServerOf(sel.X); !ok {
		return false
	}
	e := &event{k: keyOf(v, path), kind: fieldWrite, field: f, value: value, typ: st, at: at}
	e.container, e.echo = c.containerOf(sel.X)
	c.add(e)
	return true
}

// fiberServerOf returns the storage of app.Server() (a fiber v2 or v3
// app's fasthttp.Server): app's, with fiberServer appended.
func (c *collected) fiberServerOf(x ast.Expr) (*types.Var, []string, bool) {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return nil, nil, false
	}
	switch c.p.CalleeName(call) {
	case "(*github.com/gofiber/fiber/v2.App).Server", "(*github.com/gofiber/fiber/v3.App).Server":
	default:
		return nil, nil, false
	}
	v, path, ok := c.p.Denote(c.p.Receiver(call))
	if !ok {
		return nil, nil, false
	}
	return v, append(slices.Clip(path), fiberServer), true
}

// replaceEvent records the replacement of a whole server value
// (srv = ..., e.Server = ..., s.srv = ...).
func (c *collected) replaceEvent(at ast.Node, lhs ast.Expr) {
	p := c.p
	t := p.TypesInfo.TypeOf(lhs)
	if t == nil {
		return
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st := serverOf(t)
	if st == nil {
		return
	}
	v, path, ok := p.Denote(lhs)
	if !ok {
		return
	}
	e := &event{k: keyOf(v, path), kind: replace, typ: st, at: at}
	e.container, e.echo = c.containerOf(lhs)
	c.add(e)
}

// containerOf returns the struct field x selects (s.srv, e.Server), if
// any, and whether it is echo v4's Echo.Server or Echo.TLSServer.
func (c *collected) containerOf(x ast.Expr) (*types.Var, bool) {
	x = ast.Unparen(x)
	if star, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(star.X)
	}
	sel, ok := x.(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	s := c.p.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil, false
	}
	f, _ := s.Obj().(*types.Var)
	echo := f != nil && (f.Name() == "Server" || f.Name() == "TLSServer") && lint.IsNamed(lint.FieldHolder(s), "github.com/labstack/echo/v4", "Echo")
	return f, echo
}

func (c *collected) add(e *event) {
	c.events = append(c.events, e)
	c.byKey[e.k] = append(c.byKey[e.k], e)
}

func keyOf(v *types.Var, path []string) key {
	return key{v, strings.Join(path, ".")}
}

// isPkgLevel reports whether v is a package-level variable (of this
// package or another).
func isPkgLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// A state is what is known of one field of a server value.
type state struct {
	known bool
	d     time.Duration // for durations
	expr  ast.Expr      // the value that sets it (nil: absent, the zero value)
	show  string        // the type the value is set on, when not the server's (app.Server() of a fiber.Config)
}

// absent is the state of a field the value never sets.
var absent = state{known: true}

// unknown is the state of a field meshlint cannot see.
var unknown = state{}

// server is the last known state of a server value.
type server struct {
	typ    *serverType
	fields map[string]state // idle, read: durations; Addr, keepalive: expr only
	listen []*event         // listener calls on it
}

// judgeOrigin judges the server value made at o.
func (c *collected) judgeOrigin(o origin) {
	p := c.p
	srv := &server{typ: o.typ, fields: map[string]state{}}
	for _, f := range c.tracked(o.typ) {
		srv.fields[f] = absent
		if o.lit != nil {
			if v := p.StructField(o.lit, f); v != nil {
				srv.fields[f] = c.valueState(f, v)
			}
		}
	}
	b := p.BindingOf(o.cur)
	var window []*event
	if b.Kind == lint.BindVar && b.Var != nil {
		k := keyOf(b.Var, b.Path)
		var ok bool
		window, ok = c.window(o, k)
		if !ok {
			return // a package-level value replaced elsewhere: which value is served is not known
		}
		for _, e := range window {
			e.used = true
		}
		srv.listen = c.listenersOf(o, b, k)
		c.apply(srv, window, o, isPkgLevel(b.Var))
	} else if k, ok := c.fiberAppKey(o, b); ok {
		// fiber.New(fiber.Config{...}) bound to app: app.Server() is the
		// fasthttp.Server given the Config's timeouts, and changes to it
		// later in the function count.
		var ok bool
		if window, ok = c.window(o, k); !ok {
			return
		}
		for _, e := range window {
			e.used = true
		}
		srv.listen = c.listenersOf(o, b, k)
		c.apply(srv, window, o, isPkgLevel(k.v))
	}
	// Changes meshlint does not see directly (through aliases, in
	// same-package functions the value is passed to) make a field unknown.
	for _, f := range []string{idleField, readField} {
		switch p.AssignedLater(o.cur, f) {
		case lint.Unknown:
			srv.fields[f] = unknown
		case lint.Assigned:
			if !slices.ContainsFunc(window, func(e *event) bool { return e.kind == fieldWrite && e.field == f }) {
				srv.fields[f] = unknown
			}
		}
	}
	// A value stored in a struct field (s.srv) may be changed through that
	// field anywhere in the package (another method).
	if cf := containerField(p, o.cur); cf != nil {
		for _, e := range c.events {
			if e.container == cf && !slices.Contains(window, e) && e.kind == fieldWrite && (e.field == idleField || e.field == readField) {
				srv.fields[e.field] = unknown
			}
		}
	}
	c.report(srv)
}

// tracked lists the fields of a server type meshlint follows.
func (c *collected) tracked(st *serverType) []string {
	fs := []string{idleField, readField}
	if st.addr != "" {
		fs = append(fs, st.addr)
	}
	if st.keepAlive != "" {
		fs = append(fs, st.keepAlive)
	}
	if st.pkg == "net/http" {
		fs = append(fs, keepAliveCall)
	}
	return fs
}

// valueState is the state a field is given by value.
func (c *collected) valueState(field string, value ast.Expr) state {
	if value == nil {
		return unknown
	}
	if field != idleField && field != readField {
		return state{known: true, expr: value}
	}
	d, ok := c.p.DurationOf(value)
	if !ok {
		return unknown
	}
	return state{known: true, d: d, expr: value}
}

// window returns the events on k that follow origin o until the value in
// k is replaced: for a local variable, later in the same function; for a
// package-level variable, anywhere in the package.
func (c *collected) window(o origin, k key) ([]*event, bool) {
	evs := c.byKey[k]
	if isPkgLevel(k.v) {
		for _, e := range evs {
			if e.kind == replace && !contains(e.cur.Node(), o.cur.Node()) {
				return nil, false // replaced somewhere: in which order is not known
			}
		}
		return evs, true
	}
	fn := outermostFunc(o.cur)
	var out []*event
	for _, e := range evs {
		n := e.cur.Node()
		if n.Pos() < o.cur.Node().End() || !contains(fn, n) {
			continue
		}
		if e.kind == replace {
			break
		}
		out = append(out, e)
	}
	return out, true
}

// apply applies the field writes of window, in order, to srv. The last
// write of a field sets it when it runs whenever o does (its block holds
// o; for a package-level value, it sits in a function's body); a write
// that may not run (under an if, in a closure) leaves the field unknown.
func (c *collected) apply(srv *server, window []*event, o origin, pkgLevel bool) {
	count := map[string]int{}
	for _, e := range window {
		if e.kind != fieldWrite {
			continue
		}
		count[e.field]++
		st := c.valueState(e.field, e.value)
		if e.typ != srv.typ {
			st.show = e.typ.show
		}
		if pkgLevel {
			if count[e.field] > 1 || !inFuncBody(e.cur) {
				st = unknown // order across functions unknown, or conditional
			}
		} else if !contains(innermostBlock(e.cur), o.cur.Node()) {
			st = unknown
		}
		srv.fields[e.field] = st
	}
}

// listenersOf returns the listener calls that start the server made at o:
// on its own storage k (fasthttp s.ListenAndServe, echo e.Start for
// e.Server), or on the fiber app made from a fiber.Config.
func (c *collected) listenersOf(o origin, b lint.Binding, k key) []*event {
	if k.v == nil {
		return nil
	}
	var out []*event
	fn := outermostFunc(o.cur)
	for _, e := range c.byKey[k] {
		if e.kind == listen && (fn == nil || isPkgLevel(k.v) || contains(fn, e.cur.Node())) {
			out = append(out, e)
		}
	}
	return out
}

// fiberAppKey returns the storage of app.Server() when the fiber.Config
// made at o is passed straight to fiber.New and the app is stored in a
// variable: app := fiber.New(fiber.Config{...}).
func (c *collected) fiberAppKey(o origin, b lint.Binding) (key, bool) {
	if !strings.HasPrefix(o.typ.pkg, "github.com/gofiber/fiber/") || b.Kind != lint.BindArg || len(b.Path) > 0 || b.Call == nil {
		return key{}, false
	}
	if c.p.CalleeName(b.Call) != o.typ.pkg+".New" {
		return key{}, false
	}
	call := o.cur
	for call.Node() != nil && call.Node() != b.Call {
		call = call.Parent()
	}
	if call.Node() == nil {
		return key{}, false
	}
	app := c.p.BindingOf(call)
	if app.Kind != lint.BindVar || app.Var == nil {
		return key{}, false
	}
	return keyOf(app.Var, append(slices.Clip(app.Path), fiberServer)), true
}

// judgeFree judges the field writes no origin accounts for (e.Server's,
// s.srv's in a method, a server returned by a function), grouped by
// storage and function.
func (c *collected) judgeFree() {
	type group struct {
		k  key
		fn ast.Node
	}
	groups := map[group][]*event{}
	var order []group
	for _, e := range c.events {
		if e.used || e.kind != fieldWrite {
			continue
		}
		g := group{k: e.k}
		if !isPkgLevel(e.k.v) {
			g.fn = outermostFunc(e.cur)
		}
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], e)
	}
	for _, g := range order {
		evs := groups[g]
		first := evs[0]
		srv := &server{typ: first.typ, fields: map[string]state{}}
		// The state before these writes is not known, except for echo's
		// e.Server and e.TLSServer: echo.New makes them with new(http.Server),
		// so their IdleTimeout is zero unless the package changes it.
		if first.echo && c.echoIdleZero(first, evs) {
			srv.fields[idleField] = absent
		}
		byField := map[string][]*event{}
		for _, e := range evs {
			byField[e.field] = append(byField[e.field], e)
		}
		for f, fevs := range byField {
			last := fevs[len(fevs)-1]
			st := c.valueState(f, last.value)
			for _, e := range fevs {
				if innermostBlock(e.cur) != innermostBlock(last.cur) {
					st = unknown // writes in different blocks: which runs last is not known
				}
			}
			// The same field written through the same struct field
			// elsewhere (another method): which runs last is not known.
			if last.container != nil {
				for _, e := range c.events {
					if e.container == last.container && e.kind == fieldWrite && e.field == f && !slices.Contains(fevs, e) && !c.distinct(last, e) {
						st = unknown
					}
				}
			}
			srv.fields[f] = st
		}
		for _, e := range c.byKey[g.k] {
			if e.kind == listen && (g.fn == nil || contains(g.fn, e.cur.Node())) {
				srv.listen = append(srv.listen, e)
			}
		}
		c.report(srv)
	}
}

// echoIdleZero reports whether nothing in the package may set the
// IdleTimeout of the echo server that first (one of evs) changes, or
// replace it.
func (c *collected) echoIdleZero(first *event, evs []*event) bool {
	for _, e := range c.events {
		if !e.echo || slices.Contains(evs, e) || c.distinct(first, e) {
			continue
		}
		if e.kind == replace || (e.kind == fieldWrite && e.field == idleField) {
			return false
		}
	}
	return true
}

// distinct reports whether two events on echo servers certainly change
// different servers: each is on a local variable given echo.New() in its
// own function (e := echo.New(); e.Server.ReadTimeout = d), so neither
// server can be the other's.
func (c *collected) distinct(a, b *event) bool {
	return a.echo && b.echo && c.fresh(a) && c.fresh(b) && outermostFunc(a.cur) != outermostFunc(b.cur)
}

// fresh reports whether the event is on the server of an echo made in
// this function: its root is a local variable assigned once from echo.New().
func (c *collected) fresh(e *event) bool {
	if isPkgLevel(e.k.v) {
		return false
	}
	def, ok := c.p.SingleValue(e.k.v)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(def).(*ast.CallExpr)
	return ok && c.p.CalleeName(call) == "github.com/labstack/echo/v4.New"
}

// report reports srv when its effective idle timeout is known, positive
// and below the minimum.
func (c *collected) report(srv *server) {
	p := c.p
	idle, ok := srv.fields[idleField]
	if !ok || !idle.known {
		return
	}
	eff, fallback := idle, false
	if idle.d == 0 {
		read := srv.fields[readField]
		if !read.known {
			return
		}
		eff, fallback = read, true
	}
	min := time.Duration(minIdle)
	if eff.d <= 0 || eff.d >= min || eff.expr == nil {
		return // no idle timeout (negative: none at all), or long enough
	}
	if c.keepAliveOff(srv) || c.loopback(srv) {
		return
	}
	if c.done[eff.expr.Pos()] {
		return
	}
	c.done[eff.expr.Pos()] = true
	which := "IdleTimeout"
	if fallback {
		which = "ReadTimeout, used as IdleTimeout is not set"
	}
	sidecar := "the sidecar's 1h default"
	if min != sidecarIdle {
		sidecar = "the sidecar's " + shortDuration(min) + " (-serveridle.min)"
	}
	suggest := ""
	if min == sidecarIdle {
		suggest = " (e.g. IdleTimeout: 2 * time.Hour)"
	}
	show := srv.typ.show
	if eff.show != "" {
		show = eff.show
	}
	p.Reportf(eff.expr.Pos(), "%s closes idle connections after %s (%s), sooner than %s: a request the sidecar sends on a connection as the server closes it fails with 503 UC; set IdleTimeout above %s%s or the DestinationRule's connectionPool.http.idleTimeout below %s",
		show, eff.d, which, sidecar, shortDuration(min), suggest, eff.d)
}

// keepAliveOff reports whether the server may keep no idle connections:
// DisableKeepalive set (fasthttp, fiber) or SetKeepAlivesEnabled called
// (net/http) with anything but a constant that keeps them on. Precision
// first: a value from configuration may turn keep-alives off.
func (c *collected) keepAliveOff(srv *server) bool {
	if srv.typ.keepAlive != "" {
		if st, ok := srv.fields[srv.typ.keepAlive]; ok && st != absent && !isConstBool(c.p, st.expr, false) {
			return true
		}
	}
	if st, ok := srv.fields[keepAliveCall]; ok && st != absent && !isConstBool(c.p, st.expr, true) {
		return true
	}
	return false
}

func isConstBool(p *lint.Pass, e ast.Expr, want bool) bool {
	if e == nil {
		return false
	}
	tv, ok := p.TypesInfo.Types[ast.Unparen(e)]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == want
}

// loopback reports whether the server listens only where the sidecar
// does not reach: every listener call that starts it is on a known
// loopback address (srv.ListenAndServe() on its Addr) or a loopback or
// unix listener; with no listener call in sight, its Addr is loopback.
func (c *collected) loopback(srv *server) bool {
	addrLoopback := false
	if srv.typ.addr != "" {
		st := srv.fields[srv.typ.addr]
		addrLoopback = st.known && st.expr != nil && c.isLoopback(st.expr)
	}
	if len(srv.listen) == 0 {
		return addrLoopback // started where meshlint does not see: its Addr says where
	}
	for _, e := range srv.listen {
		if e.field == onAddr {
			if !addrLoopback {
				return false
			}
		} else if e.field == listenerArg {
			if !c.localListener(e.value) {
				return false
			}
		} else if !c.isLoopback(e.value) {
			return false
		}
	}
	return true
}

// listenerCall returns the call that gives v its only value in
// `ln, err := net.Listen(...)` (or ln := f(...)), or nil.
func (c *collected) listenerCall(v *types.Var) *ast.CallExpr {
	if c.assigns[v] != 1 || v.Pkg() != c.p.Pkg || isPkgLevel(v) || c.p.AddressTaken(v) {
		return nil
	}
	id, ok := c.p.Inspector().Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok || id.ParentEdgeKind() != edge.AssignStmt_Lhs || id.ParentEdgeIndex() != 0 {
		return nil
	}
	as := id.Parent().Node().(*ast.AssignStmt)
	if as.Tok != token.DEFINE || len(as.Rhs) != 1 {
		return nil
	}
	call, _ := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	return call
}

// localListener reports whether ln is a listener the sidecar does not
// reach: made in this function by net.Listen (or (*net.ListenConfig).Listen)
// on a known loopback address or on a network other than TCP.
func (c *collected) localListener(ln ast.Expr) bool {
	p := c.p
	id, ok := ast.Unparen(ln).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := p.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	call := c.listenerCall(v)
	if call == nil {
		return false
	}
	name := p.CalleeName(call)
	l, ok := lint.Listeners[name]
	if !ok || l.Network == "" {
		return false
	}
	if nw := p.StringOf(p.ArgOf(call, name, l.Network)); nw.Complete && !strings.HasPrefix(nw.Prefix, "tcp") {
		return true // a unix socket
	}
	return c.isLoopback(p.ArgOf(call, name, l.Addr))
}

func (c *collected) isLoopback(addr ast.Expr) bool {
	if addr == nil {
		return false
	}
	hosts := lint.Hosts(lint.HostPort, c.p.StringOf(addr))
	if len(hosts) != 1 {
		return false
	}
	_, class := lint.Classify(hosts[0])
	return class == lint.Loopback
}

// containerField returns the struct field the value made at cur is
// stored in directly (&Svc{srv: &http.Server{...}}, s.srv = &http.Server{...}),
// or nil.
func containerField(p *lint.Pass, cur inspector.Cursor) *types.Var {
	for {
		switch cur.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.UnaryExpr_X:
			cur = cur.Parent()
			continue
		case edge.KeyValueExpr_Value:
			kv := cur.Parent().Node().(*ast.KeyValueExpr)
			lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
			key, ok2 := kv.Key.(*ast.Ident)
			if !ok || !ok2 {
				return nil
			}
			if p.TypesInfo.Types[lit].Type == nil {
				return nil
			}
			f, _ := p.TypesInfo.Uses[key].(*types.Var)
			if f != nil && f.IsField() {
				return f
			}
			return nil
		case edge.AssignStmt_Rhs:
			as := cur.Parent().Node().(*ast.AssignStmt)
			_, idx := cur.ParentEdge()
			if len(as.Lhs) != len(as.Rhs) || idx < 0 || idx >= len(as.Lhs) {
				return nil
			}
			if sel, ok := ast.Unparen(as.Lhs[idx]).(*ast.SelectorExpr); ok {
				if s := p.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
					f, _ := s.Obj().(*types.Var)
					return f
				}
			}
		}
		return nil
	}
}

// outermostFunc returns the top-level function (declaration or literal)
// enclosing cur, or nil at package level.
func outermostFunc(cur inspector.Cursor) ast.Node {
	var out ast.Node
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		out = f.Node()
	}
	return out
}

// innermostBlock returns the statement list that holds the statement at
// cur: a block, case or select clause.
func innermostBlock(cur inspector.Cursor) ast.Node {
	for b := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		if b.Node() != cur.Node() {
			return b.Node()
		}
	}
	return nil
}

// inFuncBody reports whether the statement at cur sits directly in the
// body of a function declaration (it runs whenever the function does).
func inFuncBody(cur inspector.Cursor) bool {
	for b := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		if b.Node() == cur.Node() {
			continue
		}
		return b.ParentEdgeKind() == edge.FuncDecl_Body
	}
	return false
}

// contains reports whether outer's source range holds inner.
func contains(outer, inner ast.Node) bool {
	return outer != nil && inner != nil && outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// shortDuration prints d without zero units: 1h, 30m, 1h30m, 90s → 1m30s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
