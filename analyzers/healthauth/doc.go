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
//   - gin: Use applies only to routes registered after it (in execution
//     order); r.Group(prefix, auth...) copies the parent's middleware at
//     creation; r.GET(path, auth, h) per-route middleware.
//   - echo: e.Use/e.Pre apply to all routes; e.GET(path, h, auth...);
//     e.Group(prefix, auth...); a group's Use applies to its routes
//     registered after it (echo copies group middleware at registration).
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
//     BasicAuthForProxy; echo middleware.BasicAuth(WithConfig),
//     KeyAuth(WithConfig), JWT(WithConfig); echojwt.JWT/WithConfig; chi
//     middleware.BasicAuth; jwtauth.Verifier/Verify/Authenticator.
//     Other middleware of those libraries (loggers, CORS, CSRF, rate
//     limiters, otelhttp) never counts;
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
//     c.AbortWithStatus, c.JSON, echo.NewHTTPError, c.NoContent...),
//     returns echo.ErrUnauthorized/ErrForbidden or gRPC
//     codes.Unauthenticated/PermissionDenied, reads the Authorization
//     header or metadata (Header.Get, c.GetHeader, md.Get, md["authorization"])
//     or calls r.BasicAuth().
//
// # Middleware of other packages
//
// Middleware-shaped functions and methods of another package
// (func(http.Handler) http.Handler, gin.HandlerFunc, echo middleware,
// gRPC interceptors, and factories returning them) are judged by the same
// behaviour when they belong to the module being analysed. The rule uses
// no analysis facts, so drivers need not type-check every dependency from
// source (with facts, the standalone driver loads with
// packages.LoadAllSyntax). Instead, export data gives the file and line
// of the callee; when that file is in the same module — it has the same
// nearest go.mod as the analysed package, is not under GOROOT or the
// module cache, and (when the driver reports the module) the callee's
// package path is the module path or below it — that one file is parsed,
// without type checking (once per process and file version), and the
// function's body is judged syntactically: 401/403 as call arguments
// (literals, constants of the file, an imported StatusUnauthorized or
// StatusForbidden), codes.Unauthenticated/PermissionDenied,
// echo.ErrUnauthorized/ErrForbidden, "Authorization" read with
// Get/GetHeader/Values/Peek/Header or as a metadata index,
// user, pass, ok := r.BasicAuth();
// a health path in a string literal or in a constant or variable of the
// file (a skip list), or grpc_health_v1.Health_*_FullMethodName, makes
// it not auth. Closures (factories' returned middleware) are included and
// calls to functions of the same file, and to methods of the same
// receiver declared in it, are followed two levels deep. Functions of
// generated files are not judged. Limits: middleware of another module
// (a shared company module in the module cache, or a replace directive
// pointing elsewhere) is judged by the known-library list and the name
// rule only, as are frameworks and libraries; helpers in other files of
// the callee's package and health paths held in constants of other
// packages are not seen; under -trimpath the file is found only when the
// driver reports the module. Without a go.mod (GOPATH mode), any file
// outside GOROOT, the module cache and vendor directories is read. Under
// Bazel's nogo, a dependency's source files are usually not inputs of the
// analysis action, so there the cross-package case falls back to the name
// rule (silence rather than a guess).
//
// Not auth for this rule: middleware whose body mentions a health path or
// the gRPC health service (r.URL.Path == "/healthz",
// strings.HasPrefix(c.FullPath(), "/health"), info.FullMethod compared with
// "/grpc.health.v1.Health/" or grpc_health_v1.Health_Check_FullMethodName,
// a package-level skip list naming a health path); library or factory
// middleware configured to skip requests (a config field named Skipper,
// SkipPaths, ExcludedPaths, PublicRoutes... whatever its value, or a health
// path among the factory's arguments).
//
// # Out of reach (never reported)
//
//   - a router passed to or returned from another package (the rule sees
//     one package at a time; only middleware of the same module is judged
//     across packages, from its source);
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
