package healthauth

// The router model: routers, their middleware, the routes registered on
// them and the places they are served or mounted, and the one question
// asked of them: which auth middleware stands in front of a route. The
// frameworks' differences are the properties of their kinds
// (frameworks.go).

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/meshlint/meshlint/internal/lint"
)

// An mw is one auth middleware found in front of a route.
type mw struct{ name string }

// A router is one router, group, subrouter, mux or gRPC server value, with
// the auth middleware that applies to it.
type router struct {
	kind   *kind
	prefix string

	parent     *router
	parentSeq  int // when parent.kind.snapshot: its middleware up to this sequence number
	parentRoot int

	explicit *mw // auth middleware given when the group was made (gin/echo Group args, chi With)
	uses     []use
	contexts []serveCtx // where the router is served or mounted
}

// A use is one Use of auth middleware (or one auth interceptor).
type use struct {
	m         *mw
	seq, root int
	prefix    string // kind.prefixed: the path prefix it applies to ("": all)
}

// A serveCtx is one place a router is served (http.ListenAndServe,
// http.Server{Handler}) or mounted on another router.
type serveCtx struct {
	m         *mw     // auth wrapper around the router there
	parent    *router // router it is mounted on; nil when served
	seq, root int
}

// An at is the position of a route registration: its sequence number in
// the interpretation of root root (seq < 0: after everything), and its
// known path.
type at struct {
	seq, root int
	path      string
}

// applies reports whether a use on a router of kind k reaches a route
// registered at q.
func (u use) applies(k *kind, q at) bool {
	if k.ordered && q.seq >= 0 && (u.root != q.root || u.seq >= q.seq) {
		return false
	}
	return !k.prefixed || covers(u.prefix, q.path)
}

// covers reports whether a Use for prefix reaches path (fiber: by whole
// segments).
func covers(prefix, path string) bool {
	prefix = strings.TrimSuffix(prefix, "/")
	return prefix == "" || path == prefix || strings.HasPrefix(path, prefix+"/")
}

// authAt returns the auth middleware that applies to a route registered
// on r at q.
func (r *router) authAt(q at, depth int) *mw {
	if r == nil || depth > 16 {
		return nil
	}
	for _, u := range r.uses {
		if u.applies(r.kind, q) {
			return u.m
		}
	}
	if r.explicit != nil {
		return r.explicit
	}
	if r.parent != nil {
		pq := q
		if r.parent.kind.snapshot {
			pq.seq, pq.root = r.parentSeq, r.parentRoot
		}
		if m := r.parent.authAt(pq, depth+1); m != nil {
			return m
		}
	}
	// Served or mounted: behind auth only if every known way in is.
	var first *mw
	for _, c := range r.contexts {
		m := c.m
		if m == nil && c.parent != nil {
			m = c.parent.authAt(at{c.seq, c.root, q.path}, depth+1)
		}
		if m == nil {
			return nil
		}
		if first == nil {
			first = m
		}
	}
	return first
}

// top returns the router r was made from, at the root of its groups.
func (r *router) top() *router {
	for i := 0; r.parent != nil && i < 64; i++ {
		r = r.parent
	}
	return r
}

// A route is one health route registration seen in one interpretation.
type route struct {
	pos   token.Pos
	path  string // for the message; "..." ends a path known only in part
	known string // the known text of the full path
	grpc  bool
	r     *router
	m     *mw // auth middleware given with the route itself
	seq   int
	root  int
	order int
}

func (rt *route) auth() *mw {
	if rt.m != nil {
		return rt.m
	}
	return rt.r.authAt(at{rt.seq, rt.root, rt.known}, 0)
}

// A builder is a route being built: gorilla's r.Path("/x").Methods("GET"),
// fiber's app.RouteChain("/x").
type builder struct {
	kind     *kind
	r        *router
	path     string
	complete bool
}

func (in *interp) next() int { in.seq++; return in.seq }

func (in *interp) newRouter(k *kind) *router { return &router{kind: k} }

// child returns a group or subrouter of parent, of kind k (nil: parent's).
func (in *interp) child(parent *router, k *kind, prefix string) *router {
	if k == nil {
		k = parent.kind
	}
	r := &router{kind: k, parent: parent, parentSeq: in.next(), parentRoot: in.root}
	r.prefix = parent.prefix + prefix
	return r
}

// defaultRouter returns the default router of kind k (http.DefaultServeMux).
func (in *interp) defaultRouter(k *kind) *router {
	r := in.defaults[k]
	if r == nil {
		r = in.newRouter(k)
		in.defaults[k] = r
	}
	return r
}

// serve records that a handler value is served (http.ListenAndServe,
// http.Server{Handler: v}): its router gets v's wrappers as one way in.
func (in *interp) serve(v value) {
	if v.r != nil {
		v.r.contexts = append(v.r.contexts, serveCtx{m: v.m})
	}
}

// mount records that a router value is mounted on parent's route.
func (in *interp) mount(v value, parent *router, m *mw) {
	if m == nil {
		m = v.m
	}
	v.r.contexts = append(v.r.contexts, serveCtx{m: m, parent: parent, seq: in.next(), root: in.root})
}

// addUse records auth middleware m added to r (for a prefixed kind: on
// the app, for r's prefix joined with prefix).
func (in *interp) addUse(r *router, m *mw, prefix string) {
	if r == nil || m == nil {
		return
	}
	u := use{m: m, seq: in.next(), root: in.root}
	if r.kind.prefixed {
		u.prefix = joinPath(r.prefix, prefix)
		r = r.top()
	}
	r.uses = append(r.uses, u)
}

// addUses records the auth middleware among es, added to r.
func (in *interp) addUses(r *router, es []ast.Expr, prefix string) {
	for _, e := range es {
		in.addUse(r, in.c.classify(e, 0), prefix)
	}
}

// firstAuth classifies middleware expressions and returns the first auth
// one.
func (in *interp) firstAuth(es []ast.Expr) *mw {
	for _, e := range es {
		if m := in.c.classify(e, 0); m != nil {
			return m
		}
	}
	return nil
}

// addRoute records a route registration when its path is a health path.
func (in *interp) addRoute(pos token.Pos, r *router, pathExpr ast.Expr, m *mw) {
	prefix := ""
	if r != nil {
		prefix = r.prefix
	}
	in.addPath(pos, r, prefix, in.c.p.StringOf(pathExpr), m)
}

func (in *interp) addPath(pos token.Pos, r *router, prefix string, s lint.Str, m *mw) {
	full := joinPath(prefix, s.Prefix)
	if !s.Known() || !in.c.segs.isHealthPath(full, s.Complete) {
		return
	}
	if r == nil {
		r = in.newRouter(&kind{})
	}
	shown := full
	if !s.Complete {
		shown += "..."
	}
	in.routes = append(in.routes, &route{pos: pos, path: shown, known: full, r: r, m: m, seq: in.next(), root: in.root, order: len(in.routes)})
}

func joinPath(prefix, path string) string {
	if prefix == "" {
		return path
	}
	if strings.HasSuffix(prefix, "/") && strings.HasPrefix(path, "/") {
		return prefix + path[1:]
	}
	return prefix + path
}
