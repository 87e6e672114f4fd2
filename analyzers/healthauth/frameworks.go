package healthauth

// The framework table: everything healthauth knows of each web or RPC
// framework, and nothing else. The interpreter (interp.go) and the router
// model (router.go) know no framework by name; they call dispatch
// (dispatch.go), which runs the row of this table that a call matches.
// "Adding a framework" in doc.go says how to extend it.

import (
	"go/types"
	"strings"
)

// Package paths of the frameworks and libraries the table names.
const (
	httpPath     = "net/http"
	chiPath      = "github.com/go-chi/chi/v5"
	chiV1Path    = "github.com/go-chi/chi"
	ginPath      = "github.com/gin-gonic/gin"
	echoPath     = "github.com/labstack/echo/v4"
	echoV5Path   = "github.com/labstack/echo/v5"
	gorillaPath  = "github.com/gorilla/mux"
	grpcPath     = "google.golang.org/grpc"
	healthPBPath = "google.golang.org/grpc/health/grpc_health_v1"
	codesPath    = "google.golang.org/grpc/codes"
	fiberPath    = "github.com/gofiber/fiber/v2"
	fiberV3Path  = "github.com/gofiber/fiber/v3"
	hertzServer  = "github.com/cloudwego/hertz/pkg/app/server"
	hertzRoute   = "github.com/cloudwego/hertz/pkg/route"
	hertzApp     = "github.com/cloudwego/hertz/pkg/app"
	goZeroRest   = "github.com/zeromicro/go-zero/rest"
)

// A kind is a kind of router value, with the properties that decide which
// middleware reaches its routes.
type kind struct {
	name string
	// ordered: Use applies only to routes registered after it (gin);
	// otherwise to every route of the router, before or after it (chi).
	ordered bool
	// snapshot: a group made on this router gets the middleware the
	// router has when the group is made (gin, echo groups); otherwise the
	// group's routes see the router's middleware as the router's own
	// routes do (chi, gorilla, the echo instance, fiber).
	snapshot bool
	// prefixed: Use takes optional path prefixes and applies, on the whole
	// app, to the routes under them registered after it; a group's
	// middleware is the app's, for the group's prefix (fiber).
	prefixed bool
	// builder: a route being built, not a router (gorilla's *mux.Route,
	// fiber's RouteChain): its methods the table does not list keep
	// building.
	builder bool
	// grpc: a gRPC server; its one health route is the health service.
	grpc bool
	// types are the named types whose values are routers of this kind
	// (pointers to them included).
	types []typeName
}

type typeName struct{ pkg, name string }

var (
	kServeMux     = &kind{name: "http.ServeMux", types: []typeName{{httpPath, "ServeMux"}}}
	kChi          = &kind{name: "chi", types: []typeName{{chiPath, "Mux"}, {chiPath, "Router"}, {chiV1Path, "Mux"}, {chiV1Path, "Router"}}}
	kGin          = &kind{name: "gin", ordered: true, snapshot: true, types: []typeName{{ginPath, "Engine"}, {ginPath, "RouterGroup"}, {ginPath, "IRouter"}, {ginPath, "IRoutes"}}}
	kEcho         = &kind{name: "echo", types: []typeName{{echoPath, "Echo"}, {echoV5Path, "Echo"}}}
	kEchoGroup    = &kind{name: "echo group", ordered: true, snapshot: true, types: []typeName{{echoPath, "Group"}, {echoV5Path, "Group"}}}
	kGorilla      = &kind{name: "gorilla/mux", types: []typeName{{gorillaPath, "Router"}}}
	kGorillaRoute = &kind{name: "gorilla/mux route", builder: true, types: []typeName{{gorillaPath, "Route"}}}
	kGRPC         = &kind{name: "gRPC server", grpc: true, types: []typeName{{grpcPath, "Server"}, {grpcPath, "ServiceRegistrar"}}}
	kFiber        = &kind{name: "fiber", ordered: true, prefixed: true, types: []typeName{{fiberPath, "App"}, {fiberPath, "Group"}, {fiberPath, "Router"}, {fiberV3Path, "App"}, {fiberV3Path, "Group"}, {fiberV3Path, "Router"}}}
	kFiberChain   = &kind{name: "fiber route chain", builder: true, types: []typeName{{fiberV3Path, "Register"}, {fiberV3Path, "Registering"}}}
	kHertz        = &kind{name: "hertz", ordered: true, snapshot: true, types: []typeName{{hertzServer, "Hertz"}, {hertzRoute, "Engine"}, {hertzRoute, "RouterGroup"}, {hertzRoute, "IRouter"}, {hertzRoute, "IRoutes"}}}
	kGoZero       = &kind{name: "go-zero server", types: []typeName{{goZeroRest, "Server"}}}
)

var kinds = []*kind{kServeMux, kChi, kGin, kEcho, kEchoGroup, kGorilla, kGorillaRoute, kGRPC, kFiber, kFiberChain, kHertz, kGoZero}

// An op is what a call does to routers.
type op int

const (
	opNew        op = iota + 1 // returns a new router of row.kind; gRPC: interceptors among the options from row.mw
	opRoute                    // registers a route: path row.path, handler row.handler, middleware from row.mw
	opUse                      // adds the middleware from row.mw to the receiver
	opGroup                    // returns a group of kind row.kind (nil: the receiver's): prefix row.path, middleware from row.mw, callback row.fn
	opMount                    // mounts the handler or router row.handler at prefix row.path
	opServe                    // serves the handler row.handler (nil: the default router of row.kind)
	opBuild                    // returns a route being built (row.kind), extended by the path row.path
	opHealth                   // registers the gRPC health service on the server row.handler
	opRoutes                   // registers the route literals of row.routes, options from row.mw (go-zero AddRoutes)
	opWrapRoutes               // returns the routes from row.routes behind the middleware row.mw (go-zero WithMiddlewares)
)

// Argument positions, counted from 0 as the callee sees them (receiver
// excluded), and two special values.
const (
	none = -1 // no such argument
	last = -2 // the last argument: the handler after the middleware (gin: GET(path, mw..., h))
)

// A row says what one function or method does. Middleware arguments run
// from row.mw to the end, or to the one before the handler when the
// handler is last; a final xs... is expanded.
type row struct {
	op        op
	kind      *kind
	path      int  // path, pattern or prefix; for a route being built: none (the builder's path)
	handler   int  // the handler (or the server, for opHealth)
	mw        int  // the first middleware (or option) argument
	fn        int  // a callback called with the new router (chi Group/Route, fiber Route)
	routes    int  // the route literals (opRoutes, opWrapRoutes)
	onDefault bool // registers on the default router of kind row.kind (http.Handle)
}

// Row constructors, one per op; their arguments are argument positions.
func blank(o op) row { return row{op: o, path: none, handler: none, mw: none, fn: none, routes: none} }

func makes(k *kind) row                 { r := blank(opNew); r.kind = k; return r }
func makesServer(k *kind, opts int) row { r := makes(k); r.mw = opts; return r }
func uses(mw int) row                   { r := blank(opUse); r.mw = mw; return r }
func mounts(prefix, handler int) row {
	r := blank(opMount)
	r.path, r.handler = prefix, handler
	return r
}
func serves(k *kind, handler int) row { r := blank(opServe); r.kind, r.handler = k, handler; return r }
func builds(k *kind, path int) row    { r := blank(opBuild); r.kind, r.path = k, path; return r }
func literals(routes, opts int) row   { r := blank(opRoutes); r.routes, r.mw = routes, opts; return r }
func wrapsRoutes(mw, routes int) row  { r := blank(opWrapRoutes); r.mw, r.routes = mw, routes; return r }
func registersHealth(k *kind, srv int) row {
	r := blank(opHealth)
	r.kind, r.handler = k, srv
	return r
}
func onDefault(k *kind, r row) row { r.kind, r.onDefault = k, true; return r }

func registers(path, handler, mw int) row {
	r := blank(opRoute)
	r.path, r.handler, r.mw = path, handler, mw
	return r
}

func groups(k *kind, prefix, mw, fn int) row {
	r := blank(opGroup)
	r.kind, r.path, r.mw, r.fn = k, prefix, mw, fn
	return r
}

// calls maps function or method names to rows.
type calls map[string]row

// verbs returns rows for each HTTP-method helper name.
func verbs(names []string, r row) calls {
	out := make(calls, len(names))
	for _, n := range names {
		out[n] = r
	}
	return out
}

func merge(cs ...calls) calls {
	out := make(calls)
	for _, c := range cs {
		for n, r := range c {
			out[n] = r
		}
	}
	return out
}

var (
	titleVerbs = []string{"Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Connect", "Trace"}
	upperVerbs = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}
)

// A framework is the rows of one package for one receiver kind (nil:
// the package's functions).
type framework struct {
	pkg   string
	recv  *kind
	calls calls
}

// frameworks is the table.
var frameworks = concat(
	[]framework{
		{httpPath, nil, calls{
			"NewServeMux": makes(kServeMux),
			"Handle":      onDefault(kServeMux, registers(0, 1, none)), "HandleFunc": onDefault(kServeMux, registers(0, 1, none)),
			"ListenAndServe": serves(kServeMux, 1), "ListenAndServeTLS": serves(kServeMux, 3),
			"Serve": serves(kServeMux, 1), "ServeTLS": serves(kServeMux, 1),
		}},
		{httpPath, kServeMux, calls{"Handle": registers(0, 1, none), "HandleFunc": registers(0, 1, none)}},
		{ginPath, nil, calls{"New": makes(kGin), "Default": makes(kGin)}},
		{ginPath, kGin, merge(verbs(upperVerbs, registers(0, last, 1)), calls{
			"Any": registers(0, last, 1), "Handle": registers(1, last, 2), "Match": registers(1, last, 2),
			"Use": uses(0), "Group": groups(nil, 0, 1, none),
		})},
		{gorillaPath, nil, calls{"NewRouter": makes(kGorilla)}},
		{gorillaPath, kGorilla, merge(verbs([]string{"NewRoute", "Methods", "Host", "Headers", "Queries", "Schemes", "MatcherFunc", "Name", "HeadersRegexp", "BuildVarsFunc"}, builds(kGorillaRoute, none)), calls{
			"Use": uses(0), "Handle": registers(0, 1, none), "HandleFunc": registers(0, 1, none),
			"Path": builds(kGorillaRoute, 0), "PathPrefix": builds(kGorillaRoute, 0),
		})},
		{gorillaPath, kGorillaRoute, calls{
			"Path": builds(kGorillaRoute, 0), "PathPrefix": builds(kGorillaRoute, 0),
			"Subrouter": groups(kGorilla, none, none, none),
			"Handler":   registers(none, 0, none), "HandlerFunc": registers(none, 0, none),
		}},
		{grpcPath, nil, calls{"NewServer": makesServer(kGRPC, 0)}},
		{healthPBPath, nil, calls{"RegisterHealthServer": registersHealth(kGRPC, 0)}},
		{hertzServer, nil, calls{"New": makes(kHertz), "Default": makes(kHertz)}},
		{hertzRoute, nil, calls{"NewEngine": makes(kHertz)}},
		{hertzRoute, kHertz, merge(verbs(upperVerbs, registers(0, last, 1)), verbs([]string{"GETEX", "POSTEX", "PUTEX", "DELETEEX", "HEADEX", "AnyEX"}, registers(0, 1, none)), calls{
			"Any": registers(0, last, 1), "Handle": registers(1, last, 2), "HandleEX": registers(1, 2, none),
			"Use": uses(0), "Group": groups(nil, 0, 1, none),
		})},
		{goZeroRest, nil, calls{
			"MustNewServer": makes(kGoZero), "NewServer": makes(kGoZero),
			"WithMiddlewares": wrapsRoutes(0, 1), "WithMiddleware": wrapsRoutes(0, 1),
		}},
		{goZeroRest, kGoZero, calls{"Use": uses(0), "AddRoutes": literals(0, 1), "AddRoute": literals(0, 1)}},
		{fiberV3Path, kFiber, calls{"RouteChain": builds(kFiberChain, 0)}},
		{fiberV3Path, kFiberChain, merge(verbs(append(titleVerbs, "All"), registers(none, last, 0)), calls{
			"Add": registers(none, last, 1), "RouteChain": builds(kFiberChain, 0),
		})},
	},
	chiRows(chiPath), chiRows(chiV1Path),
	echoRows(echoPath), echoRows(echoV5Path),
	fiberRows(fiberPath), fiberRows(fiberV3Path),
)

func chiRows(pkg string) []framework {
	return []framework{
		{pkg, nil, calls{"NewRouter": makes(kChi), "NewMux": makes(kChi)}},
		{pkg, kChi, merge(verbs(titleVerbs, registers(0, 1, none)), calls{
			"Handle": registers(0, 1, none), "HandleFunc": registers(0, 1, none),
			"Method": registers(1, 2, none), "MethodFunc": registers(1, 2, none),
			"Use": uses(0), "With": groups(nil, none, 0, none),
			"Group": groups(nil, none, none, 0), "Route": groups(nil, 0, none, 1),
			"Mount": mounts(0, 1),
		})},
	}
}

// echoRows: v4 and v5 register routes alike (GET(path, h, mw...)).
func echoRows(pkg string) []framework {
	r := merge(verbs(append(upperVerbs, "Any", "RouteNotFound"), registers(0, 1, 2)), calls{
		"Add": registers(1, 2, 3), "Match": registers(1, 2, 3),
		"AddRoute": literals(0, none), // v5: AddRoute(echo.Route{...})
		"Use":      uses(0), "Pre": uses(0), "Group": groups(kEchoGroup, 0, 1, none),
	})
	return []framework{
		{pkg, nil, calls{"New": makes(kEcho), "NewWithConfig": makes(kEcho)}},
		{pkg, kEcho, r},
		{pkg, kEchoGroup, r},
	}
}

// fiberRows: v2 and v3 register routes alike (Get(path, mw..., h)); Use
// and groups are app-wide by prefix (kFiber.prefixed).
func fiberRows(pkg string) []framework {
	return []framework{
		{pkg, nil, calls{"New": makes(kFiber)}},
		{pkg, kFiber, merge(verbs(append(titleVerbs, "All"), registers(0, last, 1)), calls{
			"Add": registers(1, last, 2), "Use": uses(0), "Group": groups(nil, 0, 1, none),
			"Route": groups(nil, 0, none, 1), "Mount": mounts(0, 1),
		})},
	}
}

func concat(lists ...[]framework) []framework {
	var out []framework
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// Other facts of the frameworks, read by the interpreter and the judge.
var (
	// serveFields are struct fields that serve the handler stored in them.
	serveFields = []field{{httpPath, "Server", "Handler"}}

	// defaultRouters are package variables holding the default router of
	// a kind, the one package-level registrations (onDefault rows) use.
	defaultRouters = map[typeName]*kind{{httpPath, "DefaultServeMux"}: kServeMux}

	// routeLits are struct types describing one route, by their fields.
	routeLits = map[typeName]routeLit{
		{goZeroRest, "Route"}: {path: "Path", handler: "Handler"},
		{echoV5Path, "Route"}: {path: "Path", handler: "Handler", mw: "Middlewares"},
	}

	// interceptorOptions are server options whose arguments are
	// interceptors (or further options); chainFuncs, by function name in
	// any package, combine interceptors (go-grpc-middleware v1).
	interceptorOptions = set(grpcPath+".UnaryInterceptor", grpcPath+".StreamInterceptor", grpcPath+".ChainUnaryInterceptor", grpcPath+".ChainStreamInterceptor")
	chainFuncs         = set("ChainUnaryServer", "ChainStreamServer")

	// prefixOptions are route options whose argument 0 prefixes the routes.
	prefixOptions = set(goZeroRest + ".WithPrefix")

	// adapters turn the middleware in argument 0 into another framework's
	// middleware: judged as that argument.
	adapters = set(
		echoPath+".WrapMiddleware", echoV5Path+".WrapMiddleware",
		fiberPath+"/middleware/adaptor.HTTPMiddleware", fiberV3Path+"/middleware/adaptor.HTTPMiddleware",
		fiberV3Path+"/middleware/skip.New", goZeroRest+".ToMiddleware",
	)

	// authErrors are package variables a middleware returns to refuse a
	// request without credentials.
	authErrors = set(
		echoPath+".ErrUnauthorized", echoPath+".ErrForbidden", echoV5Path+".ErrUnauthorized", echoV5Path+".ErrForbidden",
		fiberPath+".ErrUnauthorized", fiberPath+".ErrForbidden", fiberV3Path+".ErrUnauthorized", fiberV3Path+".ErrForbidden",
	)
)

// A field is a field of a named struct type.
type field struct{ pkg, typ, name string }

// A routeLit names the fields of a route struct.
type routeLit struct{ path, handler, mw string }

// knownAuth lists library middleware that checks credentials, keyed by
// package path and function name ("pkg.Func") or receiver type and method
// name ("pkg.Type.Method"). A package path also matches without its
// trailing /vN (echo-jwt/v4, jwtauth/v5).
var knownAuth = set(
	ginPath+".BasicAuth", ginPath+".BasicAuthForRealm", ginPath+".BasicAuthForProxy",
	echoPath+"/middleware.BasicAuth", echoPath+"/middleware.BasicAuthWithConfig",
	echoPath+"/middleware.KeyAuth", echoPath+"/middleware.KeyAuthWithConfig",
	echoPath+"/middleware.JWT", echoPath+"/middleware.JWTWithConfig",
	echoV5Path+"/middleware.BasicAuth", echoV5Path+"/middleware.BasicAuthWithConfig",
	echoV5Path+"/middleware.KeyAuth", echoV5Path+"/middleware.KeyAuthWithConfig",
	"github.com/labstack/echo-jwt.JWT", "github.com/labstack/echo-jwt.WithConfig",
	chiPath+"/middleware.BasicAuth", chiV1Path+"/middleware.BasicAuth",
	"github.com/go-chi/jwtauth.Verifier", "github.com/go-chi/jwtauth.Verify",
	"github.com/go-chi/jwtauth.Authenticator", "github.com/go-chi/jwtauth.AuthenticatorWithFn",
	fiberPath+"/middleware/basicauth.New", fiberPath+"/middleware/keyauth.New",
	fiberV3Path+"/middleware/basicauth.New", fiberV3Path+"/middleware/keyauth.New",
	"github.com/gofiber/contrib/jwt.New", "github.com/gofiber/contrib/v3/jwt.New",
	"github.com/cloudwego/hertz/pkg/app/middlewares/server/basic_auth.BasicAuth",
	"github.com/cloudwego/hertz/pkg/app/middlewares/server/basic_auth.BasicAuthForRealm",
	"github.com/hertz-contrib/jwt.HertzJWTMiddleware.MiddlewareFunc",
	goZeroRest+".WithJwt", goZeroRest+".WithJwtTransition", goZeroRest+"/handler.Authorize",
)

// libraryPkgs are packages whose middleware is judged by knownAuth only:
// their other middleware (loggers, CORS, CSRF, rate limiters, otelhttp) is
// never auth, whatever its name. An entry ending in "/" is a prefix.
var libraryPkgs = []string{
	httpPath, ginPath, chiPath, chiV1Path, echoPath, gorillaPath, grpcPath,
	"github.com/gorilla/", "github.com/justinas/", "github.com/rs/cors", "github.com/go-chi/",
	"github.com/labstack/", "github.com/gin-contrib/", "go.opentelemetry.io/", "golang.org/x/",
	"google.golang.org/", "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector",
	// The frameworks' modules, not their organisations: cloudwego/biz-demo
	// and gofiber/recipes are services.
	"github.com/gofiber/fiber", "github.com/gofiber/contrib", "github.com/cloudwego/hertz",
	"github.com/hertz-contrib/", "github.com/zeromicro/go-zero",
}

// A handlerSig is the signature of a framework's handlers: parameter
// types and result count. mw marks frameworks whose middleware has the
// handler's type (gin: a route's handlers are a chain).
type handlerSig struct {
	params  []param
	results int // -1: any
	mw      bool
}

type param struct {
	pkg, name string
	ptr       bool
}

var handlerSigs = []handlerSig{
	{params: []param{{httpPath, "ResponseWriter", false}, {httpPath, "Request", true}}, results: -1},
	{params: []param{{ginPath, "Context", true}}, results: 0, mw: true},
	{params: []param{{echoPath, "Context", false}}, results: 1},
	{params: []param{{echoV5Path, "Context", true}}, results: 1},
	{params: []param{{fiberPath, "Ctx", true}}, results: 1, mw: true},
	{params: []param{{fiberV3Path, "Ctx", false}}, results: 1, mw: true},
	{params: []param{{"context", "Context", false}, {hertzApp, "RequestContext", true}}, results: 0, mw: true},
}

// interceptorParams make a function a gRPC server interceptor.
var interceptorParams = []param{{grpcPath, "UnaryServerInfo", true}, {grpcPath, "StreamServerInfo", true}}

// ---- Lookups ----

type rowKey struct {
	pkg  string
	recv *kind
	name string
}

var (
	rows       = make(map[rowKey]row)
	kindByType = make(map[typeName]*kind)
	// frameworkPkgs are the packages a package must import for the rule to
	// have anything to look at (the fast path).
	frameworkPkgs []string
	// addsRoutes holds the (package, name) of every function or method
	// that adds a route (the second fast path).
	addsRoutes = make(map[[2]string]bool)
)

// addsAnyRoute reports whether the package uses a framework function or
// method that adds a route: without one, it registers no health route of
// its own (routes registered by other packages are theirs to report).
func addsAnyRoute(info *types.Info) bool {
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && addsRoutes[[2]string{fn.Pkg().Path(), fn.Name()}] {
			return true
		}
	}
	return false
}

func init() {
	seen := make(map[string]bool)
	add := func(pkg string) {
		if !seen[pkg] {
			seen[pkg] = true
			frameworkPkgs = append(frameworkPkgs, pkg)
		}
	}
	for _, fw := range frameworks {
		add(fw.pkg)
		for name, r := range fw.calls {
			rows[rowKey{fw.pkg, fw.recv, name}] = r
			switch r.op {
			case opRoute, opMount, opBuild, opHealth, opRoutes:
				addsRoutes[[2]string{fw.pkg, name}] = true
			}
		}
	}
	for _, k := range kinds {
		for _, t := range k.types {
			kindByType[t] = k
			add(t.pkg)
		}
	}
}

// rowOf returns the row for a call of fn on a receiver of kind recv (nil
// for functions; a method whose receiver is no known router has no row).
func rowOf(fn *types.Func, recv *kind) (row, bool) {
	if fn == nil || fn.Pkg() == nil {
		return row{}, false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && recv == nil {
		return row{}, false
	}
	r, ok := rows[rowKey{fn.Pkg().Path(), recv, fn.Name()}]
	return r, ok
}

// named returns the package path and name of t's named type, after
// unaliasing and removing at most one pointer.
func named(t types.Type) (typeName, bool) {
	if t == nil {
		return typeName{}, false
	}
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Origin().Obj().Pkg() == nil {
		return typeName{}, false
	}
	obj := n.Origin().Obj()
	return typeName{obj.Pkg().Path(), obj.Name()}, true
}

// kindOfType returns the router kind of a type, or nil.
func kindOfType(t types.Type) *kind {
	if tn, ok := named(t); ok {
		return kindByType[tn]
	}
	return nil
}

// funcKey spells fn for knownAuth: "pkg.Func" or "pkg.Type.Method", with
// the given package path.
func funcKey(fn *types.Func, pkg string) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if tn, ok := named(sig.Recv().Type()); ok {
			return pkg + "." + tn.name + "." + fn.Name()
		}
	}
	return pkg + "." + fn.Name()
}

// isKnownAuth reports whether fn is library auth middleware.
func isKnownAuth(fn *types.Func) bool {
	path := fn.Pkg().Path()
	return knownAuth[funcKey(fn, path)] || knownAuth[funcKey(fn, versionless(path))]
}

// versionless strips a trailing /vN major-version element from a module
// package path so that echo-jwt/v4 and jwtauth/v5 match.
func versionless(path string) string {
	if i := strings.LastIndex(path, "/v"); i > 0 {
		rest := path[i+2:]
		if rest != "" && strings.Trim(rest, "0123456789") == "" {
			return path[:i]
		}
	}
	return path
}

func isLibrary(path string) bool {
	for _, l := range libraryPkgs {
		if path == l || strings.HasSuffix(l, "/") && strings.HasPrefix(path, l) || strings.HasPrefix(path, l+"/") {
			return true
		}
	}
	return false
}

// isServeField reports whether a field named name of a struct of type t
// serves the handler assigned to it (http.Server.Handler).
func isServeField(t types.Type, name string) bool {
	tn, ok := named(t)
	if !ok {
		return false
	}
	for _, f := range serveFields {
		if f.pkg == tn.pkg && f.typ == tn.name && f.name == name {
			return true
		}
	}
	return false
}

// routeLitOf returns the route fields of a struct type listed in routeLits.
func routeLitOf(t types.Type) (routeLit, bool) {
	tn, ok := named(t)
	if !ok {
		return routeLit{}, false
	}
	rl, ok := routeLits[tn]
	return rl, ok
}

// matchSig reports whether sig's parameters are ps, and its result count
// is results (-1: any).
func matchSig(sig *types.Signature, ps []param, results int) bool {
	if sig.Params().Len() != len(ps) || results >= 0 && sig.Results().Len() != results {
		return false
	}
	for i, p := range ps {
		if !p.is(sig.Params().At(i).Type()) {
			return false
		}
	}
	return true
}

func (p param) is(t types.Type) bool {
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok != p.ptr {
		return false
	} else if ok {
		t = types.Unalias(ptr.Elem())
	}
	tn, ok := named(t)
	return ok && tn.pkg == p.pkg && tn.name == p.name
}

// handlerish reports whether t is a handler, a router or a handler
// function: anything a route can be registered with or wrapped around.
func handlerish(t types.Type) bool {
	if t == nil {
		return false
	}
	if kindOfType(t) != nil {
		return true
	}
	if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP"); obj != nil {
		if _, ok := obj.(*types.Func); ok {
			return true
		}
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		for _, h := range handlerSigs {
			if matchSig(sig, h.params, h.results) {
				return true
			}
		}
	}
	return false
}

// isMWType reports whether t is a middleware type: a function from
// handler to handler, a handler of a framework whose middleware are
// handlers (gin), or a gRPC server interceptor.
func isMWType(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	ps := sig.Params()
	for i := 0; i < ps.Len(); i++ {
		for _, ip := range interceptorParams {
			if ip.is(ps.At(i).Type()) {
				return true
			}
		}
	}
	for _, h := range handlerSigs {
		if h.mw && matchSig(sig, h.params, h.results) {
			return true
		}
	}
	if sig.Results().Len() == 1 && handlerish(sig.Results().At(0).Type()) {
		for i := 0; i < ps.Len(); i++ {
			if handlerish(ps.At(i).Type()) {
				return true
			}
		}
	}
	return false
}

// middlewareShaped reports whether fn is middleware or a middleware
// factory: only those are judged by their source when they belong to
// another package of the module.
func middlewareShaped(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if isMWType(sig) {
		return true
	}
	return sig.Results().Len() >= 1 && isMWType(sig.Results().At(0).Type())
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
