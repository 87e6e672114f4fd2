// Package healthauth defines an Analyzer that reports health endpoints
// reachable only through authentication middleware.
//
// # Analyzer healthauth
//
// healthauth: report health endpoints that are reachable only through auth middleware
//
// Kubelet sends liveness and readiness probes without any credentials.
// With Istio mutual TLS the kubelet has no mesh certificate, so Istio
// rewrites HTTP, TCP and gRPC probes to the pilot-agent (port 15020, path
// /app-health/<container>/livez|readyz), which forwards them to the app on
// its original port and path — again without credentials. An auth
// middleware in front of /healthz answers 401/403, the probe fails, and the
// pod is restarted in a loop or never becomes ready.
//
// Flagged (at the route registration; for gRPC at RegisterHealthServer):
//
//	r := chi.NewRouter()
//	r.Use(requireAuth)
//	r.Get("/healthz", health)                      // behind requireAuth
//
//	g := gin.New()
//	g.Use(gin.BasicAuth(accounts))
//	g.GET("/readyz", ready)                        // registered after Use
//
//	mux.HandleFunc("/livez", live)
//	http.ListenAndServe(":8080", authMiddleware(mux))
//
//	app := fiber.New()
//	app.Use(keyauth.New(keyauth.Config{Validator: valid}))
//	app.Get("/livez", live)                        // registered after Use
//
//	server.AddRoutes([]rest.Route{
//		{Method: http.MethodGet, Path: "/healthz", Handler: health}, // go-zero: at the literal
//	}, rest.WithJwt(secret))
//
//	s := grpc.NewServer(grpc.UnaryInterceptor(authInterceptor))
//	grpc_health_v1.RegisterHealthServer(s, health.NewServer())
//
// # Health routes
//
// A route is a health route when one of its path segments is health,
// healthz, healthy, live, livez, liveness, ready, readyz, readiness or ping
// ("/healthz", "GET /readyz", "/api/v1/health", "/health/:check"). The path
// must be known at compile time (constants, locals assigned once,
// concatenation, fmt.Sprintf); group, Route, PathPrefix and Mount prefixes
// are joined in. -healthauth.paths=a,b replaces the list of segments.
//
// # Routers and middleware
//
// The analyzer follows each router value through the package in execution
// order, with each framework's semantics:
//
//   - net/http: mux.Handle(path, auth(h)); a mux (or any router) wrapped in
//     middleware and served with http.ListenAndServe/ListenAndServeTLS/
//     Serve/ServeTLS, http.Server{Handler: ...} or srv.Handler = ...;
//     http.Handle on http.DefaultServeMux; a sub-mux mounted behind a
//     wrapper (root.Handle("/api/", auth(api))). Wrapper chains
//     (auth(logging(h))), h = auth(h) reassignments and factories
//     (jwtauth.Verifier(ta)(h)) are followed.
//   - chi: r.Use applies to every route of r (chi panics when Use follows a
//     route; the rule treats it as applying), r.With(auth).Get,
//     r.Group(func(r chi.Router){...}), r.Route(prefix, fn), r.Mount.
//   - gin and hertz: Use applies only to routes registered after it (in
//     execution order); r.Group(prefix, auth...) copies the parent's
//     middleware at creation; r.GET(path, auth, h) per-route middleware.
//   - echo (v4 and v5): e.Use/e.Pre apply to all routes; e.GET(path, h,
//     auth...); e.Group(prefix, auth...); a group's Use applies to its
//     routes registered after it (echo copies group middleware at
//     registration); v5's e.AddRoute(echo.Route{Path, Handler,
//     Middlewares}).
//   - fiber (v2 and v3): app.Use(mw) applies only to routes registered
//     after it, and app.Use("/api", mw) only to those under /api (by whole
//     segments); app.Group(prefix, mw...) and a group's Use are the app's
//     Use for the group's prefix, so they also reach routes registered on
//     the app under it; app.Get(path, mw..., h); app.Route(prefix, fn);
//     v3's app.RouteChain(path).Get(h) and app.Use(prefix, subApp).
//   - go-zero rest: server.AddRoutes(routes, rest.WithJwt(secret)) and
//     AddRoute(route, rest.WithJwt(...)) put those routes behind auth,
//     rest.WithPrefix is joined in, rest.WithMiddlewares(ms, routes...)
//     puts the routes behind ms; server.Use(mw) applies to all routes,
//     registered before or after it. The finding is at the rest.Route
//     literal of the health route.
//   - gorilla/mux: r.Use applies to all routes of r and its subrouters
//     (r.PathPrefix("/api").Subrouter()); r.Path(p).Handler(auth(h)).
//   - gRPC: grpc.NewServer(grpc.UnaryInterceptor(x), grpc.StreamInterceptor(x),
//     grpc.ChainUnaryInterceptor(...), grpc.ChainStreamInterceptor(...)),
//     options passed directly or through a slice built with append, and
//     grpc_health_v1.RegisterHealthServer on that server.
//
// A router may be built across several functions of one package: calls
// within the package are followed with their arguments (routes(r)), return
// values are tracked (func newRouter() *gin.Engine), and routers stored in
// struct fields (s.router, &Server{router: r}) are keyed by the field, so
// every method of the package sees the same router. A route reached in
// several ways (a helper called with a public and an authenticated router)
// is reported only when every way is behind auth; a router served both with
// and without auth is not reported.
//
// # Auth middleware
//
// Middleware counts as auth when it is:
//
//   - known library middleware: gin.BasicAuth, BasicAuthForRealm,
//     BasicAuthForProxy; echo (v4, v5) middleware.BasicAuth(WithConfig),
//     KeyAuth(WithConfig), v4's JWT(WithConfig); echojwt.JWT/WithConfig;
//     chi middleware.BasicAuth; jwtauth.Verifier/Verify/Authenticator;
//     fiber (v2, v3) basicauth.New, keyauth.New; gofiber/contrib jwt.New;
//     hertz basic_auth.BasicAuth(ForRealm); hertz-contrib/jwt's
//     (*HertzJWTMiddleware).MiddlewareFunc; go-zero rest.WithJwt,
//     WithJwtTransition. Adapters are judged as the middleware they adapt
//     (echo.WrapMiddleware(mw), fiber adaptor.HTTPMiddleware(mw), fiber v3
//     skip.New(mw, exclude), rest.ToMiddleware(mw)). Other middleware of
//     those libraries (loggers, CORS, CSRF, rate limiters, otelhttp) never
//     counts;
//   - named like auth: the function, method or variable name contains auth,
//     jwt, oauth, oidc, bearer, token, apikey, login, rbac, acl, permission,
//     protect, guard or signin (case-insensitive). Generic names
//     (Middleware, Handler, UnaryServerInterceptor) are judged by their
//     package (auth.Middleware), receiver type ((*Authenticator).Middleware)
//     or receiver expression (s.authz.Handler). To stay precise: "auth"
//     does not match inside "author"/"authority" (it does in "authorize"),
//     "acl" must be a whole word ("checkACL", not "oracle"), "signin" does
//     not match "signing", and names that also say csrf, xsrf, cors,
//     limit, throttle, bucket, tokenize, guardrail, optional, noauth,
//     unauth, anonymous, public, bypass, exempt, xss, panic or recover are
//     never auth (TokenBucket, csrfProtect, optionalAuth, Tokenizer);
//   - known by behaviour: its body (closures and same-package helpers
//     included) writes 401/403 (http.StatusUnauthorized/StatusForbidden or
//     the constants, as an argument to any call: WriteHeader, http.Error,
//     c.AbortWithStatus, c.JSON, echo.NewHTTPError, c.NoContent,
//     c.SendStatus...), returns echo's or fiber's ErrUnauthorized/
//     ErrForbidden or gRPC codes.Unauthenticated/PermissionDenied, reads
//     the Authorization header or metadata (Header.Get, c.GetHeader,
//     c.Get, md.Get, md["authorization"]) or calls r.BasicAuth().
//
// # Middleware of other packages
//
// Middleware-shaped functions and methods of another package
// (func(http.Handler) http.Handler, gin.HandlerFunc, echo middleware,
// fiber and hertz handlers, gRPC interceptors, and factories returning
// them) are judged by the same behaviour when they belong to the module
// being analysed. The rule uses no analysis facts, so drivers need not
// type-check every dependency from source (with facts, the standalone
// driver loads with packages.LoadAllSyntax). Instead, export data gives
// the file and line of the callee, and meshlint's module source (one
// reader of the module's files, parsed once per run, shared by the
// analyzers: internal/lint/modsrc.go) says whether that file is the
// module's: the module is the one the driver names (pass.Module), rooted
// where the analysed package's directory and import path put it, with a
// go.mod declaring that path; its files are those below that root, not
// in vendor or testdata directories nor in a nested module. The callee's
// body is then judged by the same rules as the package's own, without
// types: 401/403 as call arguments (literals, constants of the package,
// an imported StatusUnauthorized or StatusForbidden), codes.Unauthenticated/
// PermissionDenied, echo's and fiber's ErrUnauthorized/ErrForbidden,
// "Authorization" read with Get/GetHeader/Values/Peek/Header or as a
// metadata index, a BasicAuth() call; a health path in a string literal
// or in a constant or variable of the package (a skip list), or
// grpc_health_v1.Health_*_FullMethodName, makes it not auth. Closures
// (factories' returned middleware) are included and calls to functions
// of the same package, and to methods of the same receiver, are followed
// two levels deep. Functions of generated files are not judged. Limits:
// middleware of another module (a shared company module in the module
// cache, or a replace directive pointing elsewhere) is judged by the
// known-library list and the name rule only, as are frameworks and
// libraries; health paths held in constants of other packages are not
// seen. Without module information (GOPATH mode, Bazel's nogo, files not
// on disk) the cross-package case falls back to the name rule (silence
// rather than a guess).
//
// Not auth for this rule: middleware whose body mentions a health path or
// the gRPC health service (r.URL.Path == "/healthz",
// strings.HasPrefix(c.FullPath(), "/health"), info.FullMethod compared with
// "/grpc.health.v1.Health/" or grpc_health_v1.Health_Check_FullMethodName,
// a package-level skip list naming a health path); library or factory
// middleware configured to skip requests (a config field named Skipper,
// SkipPaths, ExcludedPaths, PublicRoutes... whatever its value, a health
// path among the factory's arguments, or a Next or Filter func, as fiber's
// middleware and gofiber/contrib/jwt take, whose body mentions the health
// path or which the rule cannot read).
//
// # Out of reach (never reported)
//
//   - a router passed to or returned from another package (the rule sees
//     one package at a time; only middleware of the same module is judged
//     across packages, from its source); goctl-generated go-zero route
//     files (generated code is never reported);
//   - fiber's Mount semantics beyond "behind the middleware the parent has
//     when mounting", and v2's Use prefix matching inside a segment
//     (Use("/api") also runs for "/apix": the rule matches whole segments);
//   - middleware implemented as a struct with ServeHTTP
//     (&authHandler{next: mux}), middleware stored in maps or chosen at run
//     time, reflection, and routes loaded from configuration;
//   - paths not known at compile time (flags, environment, config);
//   - calls through interfaces or function values, calls deeper than eight
//     levels, and functions referenced only as values (for example passed
//     to another package's registration hook); struct fields are one router
//     per field, whatever the instance;
//   - auth enforced outside Go code (Istio AuthorizationPolicy,
//     RequestAuthentication; see MESH-FACTS).
//
// # Packages with errors
//
// The analyzer does not set RunDespiteErrors: on a package with type
// errors the driver skips it and says so ("analysis skipped due to errors
// in package"), as for every other meshlint analyzer. Interpreting routes
// over partial type information misses the framework calls whose types
// are lost (a callee without a type matches no row of the table), and a
// lost call can make a finding, not only lose one: when the public
// ListenAndServe of a mux is the ill-typed statement, only its
// authenticated one is left and the health route would be reported. A
// package that does not compile is fixed first anyway.
//
// # Adding a framework
//
// Everything the analyzer knows of a framework is in frameworks.go; the
// interpreter (interp.go), the router model (router.go) and the dispatcher
// (dispatch.go) name no framework. To add one:
//
//  1. Declare its router kinds: a *kind with its properties (ordered: Use
//     applies only to later routes; snapshot: groups copy the parent's
//     middleware when made; prefixed: Use takes path prefixes and applies
//     app-wide; builder: a route being built) and the named types whose
//     values are such routers; add them to kinds.
//  2. Add rows to frameworks, per package and receiver kind (nil for
//     functions): makes(kind) for constructors; registers(path, handler,
//     mw) for routes (positions of the arguments; handler last when the
//     handler follows the middleware, as gin's GET(path, mw..., h));
//     uses(mw) for Use; groups(kind, prefix, mw, fn) for groups and
//     subrouters; mounts, serves, builds, literals (route structs, with
//     routeLits) and wrapsRoutes for the rarer shapes. A framework whose
//     versions share an API gets a function returning its rows for a
//     package path (echoRows, fiberRows, chiRows).
//  3. Add its handler signature to handlerSigs (mw: true when its
//     middleware are handlers, as gin's), its library auth middleware to
//     knownAuth, its error values to authErrors, its packages to
//     libraryPkgs, adapters to adapters.
//  4. Add fixtures under testdata/healthauth/<framework>/ importing the
//     real module: routes before and after Use, groups with auth,
//     per-route middleware, a skip configuration, each library middleware.
//
// Echo v5 took one line (echoRows(echoV5Path)) and its handler signature,
// fiber v2 and v3 one kind, fiberRows and a RouteChain builder, hertz one
// kind and one row list, go-zero one kind, five rows and routeLits.
//
// # Fix
//
// Register health routes before the authenticated group (gin), on the
// router itself rather than the protected group, or on a separate mux or
// port; or make the middleware skip them:
//
//	r.Get("/healthz", health)            // public
//	r.Group(func(r chi.Router) {
//		r.Use(requireAuth)
//		r.Get("/users", listUsers)
//	})
//
// For gRPC, let /grpc.health.v1.Health/ through the auth interceptor:
//
//	if strings.HasPrefix(info.FullMethod, "/grpc.health.v1.Health/") {
//		return handler(ctx, req)
//	}
//
// Sources: Istio "Health Checking of Istio Services" (probe rewrite,
// ISTIO_KUBE_APP_PROBERS, sidecar.istio.io/rewriteAppHTTPProbers);
// Kubernetes "Configure Liveness, Readiness and Startup Probes".
package healthauth
