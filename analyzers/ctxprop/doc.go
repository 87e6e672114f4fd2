// Package ctxprop defines an Analyzer that reports outbound requests that
// do not carry the caller's context.
//
// # Analyzer ctxprop
//
// ctxprop: report outbound requests that do not carry the inbound request's context
//
// The Istio sidecar emits a span for every request it proxies, but it
// cannot connect the inbound request to the outbound requests the
// application makes while serving it: the application must copy the trace
// context (x-request-id, W3C traceparent/tracestate, B3 x-b3-*) from each
// inbound request onto every outbound request it triggers. In Go that is
// done by instrumentation (OpenTelemetry otelhttp/otelgrpc) that reads the
// span from the request's context.Context, so an outbound request built
// without the inbound context starts a new, disconnected trace. The same
// context carries the caller's deadline and cancellation: without it the
// outbound call keeps running after the caller gave up.
//
// The rule follows that context, not the spelling of the call. It applies
// where there is an inbound context to carry: an inbound scope is a
// function or closure with a *http.Request parameter, a context.Context
// parameter, or a web framework's request context (*gin.Context,
// echo.Context (v4), *echo.Context (v5), *fiber.Ctx (v2), fiber.Ctx (v3),
// hertz's func(ctx context.Context, c *app.RequestContext), fasthttp's
// *fasthttp.RequestCtx). Closures see the scope of the functions around
// them, except closures passed to singleflight.Group.Do/DoChan and
// sync.Once.Do: they run once for many callers, so no one request's
// context belongs there.
//
// Flagged inside an inbound scope (position: the call, unless said
// otherwise):
//
//	// 1. a request built with no context (unless the same function later
//	//    gives that request variable a real one: req.WithContext(ctx),
//	//    req.Clone(ctx)); also retryablehttp.NewRequest
//	req, _ := http.NewRequest("GET", "http://users/u/"+id, nil)
//
//	// 2. requests sent with no context at all: http.Get/Head/Post/PostForm,
//	//    (*http.Client).Get/Head/Post/PostForm, and go-retryablehttp's
//	//    Get/Head/Post/PostForm (functions and *Client methods)
//	resp, _ := http.Get("http://users/u/" + id)
//
//	// 3. context.Background()/TODO() given directly to an outbound call:
//	//    http.NewRequestWithContext, (*http.Request).WithContext/Clone,
//	//    (*net.Dialer).DialContext, grpc.DialContext, gRPC client stubs,
//	//    retryablehttp.NewRequestWithContext, resty's SetContext
//	resp, _ := s.users.GetUser(context.TODO(), &pb.GetUserRequest{Id: id})
//
//	// 4. rule 3 in a goroutine started by the handler: use
//	//    context.WithoutCancel(ctx), which keeps the trace and drops the
//	//    request's cancellation
//	go func() { s.audit.Record(context.Background(), ev) }()
//
//	// 5. a context derived from Background()/TODO() (context.With*,
//	//    metadata.NewOutgoingContext/AppendToOutgoingContext, through
//	//    local variables) reaching a rule-3 call or a rule-6 callee;
//	//    position: the Background()/TODO() call
//	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
//
//	// 6. the context dropped one call away: a call of a function of the
//	//    same module that has no context parameter and drops the context
//	//    itself (a rule 1/2 call, a rule-3/5 shape, or another such call,
//	//    however deep, across the module's packages) ...
//	s.loadUser(id) // loadUser calls http.Get at users/load.go:12
//	// ... or Background()/TODO() passed to a same-module function whose
//	// first parameter is a context it hands on to an outbound call
//	s.users.Get(context.Background(), id)
//
// and a resty request (c.R()...) sent by Get/Post/Put/Patch/Delete/Head/
// Options/Execute/Send with no SetContext on its chain or variable.
//
// Rule 6's message names the callee and the file:line (relative to the
// module root) where the context is lost, and says to give the callee a
// ctx parameter (to pass context.WithoutCancel(ctx) when the call is a
// goroutine's); it has no fix. Its position is the call, or the method's
// name when the call ends a fluent chain split over lines. A helper whose
// only loss is a dial with its own timeout (grpc.DialContext or
// (*net.Dialer).DialContext on a context derived from Background()) does
// not count as dropping the context: a dial carries no trace headers and
// the requests made on the connection take their own contexts (istio's
// echo forwarder; found in the real-world triage). A callee that takes a context but never
// uses it for an outbound call (a local cache lookup) is not flagged when
// given Background().
//
// Not flagged:
//   - rules 1-6 outside inbound scopes: main, init, CLIs, start-up
//     self-checks, timer-driven workers, closures shared across requests.
//     There is no inbound trace to join there; a function without a
//     context that is called from an inbound scope is rule 6's business,
//     reported at that call. -ctxprop.always (opt-in) restores rules 1
//     and 2 everywhere, as noctx does, for teams that want every request
//     built with a context;
//   - derived contexts that reach no outbound call;
//   - context.WithoutCancel(ctx): it keeps the trace;
//   - req, _ := http.NewRequest(...) whose variable later gets
//     .WithContext(ctx)/.Clone(ctx) with a real context in the same
//     function (found in alertmanager's notifiers);
//   - contexts the analysis cannot follow: struct fields, function
//     results, variables assigned in ways it does not read.
//
// A *http.Request parameter makes an inbound scope wherever it appears,
// including client-side helpers such as an http.RoundTripper's
// RoundTrip(req) or a CheckRedirect func: the request's context is the
// caller's. A go statement is rule 4 when the call runs in the new
// goroutine (the body of go func() { ... }(), or the call of
// go stub.M(context.Background(), ...) itself); its arguments run in the
// handler. sync.WaitGroup.Go and errgroup's Go are waited for by the
// handler, so they are rule 3. A deferred call is reported like rule 4:
// cleanup must run even when the request was cancelled. Only the last
// assignment of a local context variable before the call is followed.
//
// Suggested fixes, only when exactly one inbound context is in scope, it
// is named and not shadowed at the call; a function with both a ctx and a
// request parameter gets no fix:
//
//	http.NewRequest(m, u, b)  ->  http.NewRequestWithContext(r.Context(), m, u, b)
//	context.Background()      ->  r.Context()                          (rules 3, 5)
//	context.Background()      ->  context.WithoutCancel(r.Context())   (rule 4, go1.21+ files)
//	c.R().Get(u)              ->  c.R().SetContext(r.Context()).Get(u)
//
// The context is ctx for a context.Context parameter, r.Context() for a
// *http.Request, c.Request.Context() for gin, c.Request().Context() for
// echo, c.UserContext() for fiber v2, c.Context() for fiber v3, and the
// ctx parameter of a hertz handler; a fasthttp RequestCtx carries no trace
// context, so fasthttp handlers get findings without fixes. r.Context() is
// offered only where r cannot be nil: the function is a handler
// (func(http.ResponseWriter, *http.Request) or a framework handler) or it
// dereferences r before the call on every path to it (a real service
// passed nil for the request on one path: r.Context() would have panicked
// there); otherwise the finding stays, with no fix.
//
// The user's qualifier for net/http and context is kept. A fix that
// removes the file's last use of the context package also removes the
// import, when that is mechanical (one such use, in a parenthesized import
// block); with several such uses and nothing else no fix is offered, as
// applying all of them (meshlint -fix) would leave the import unused. A
// rule 1 fix inside a goroutine needs context already imported. A fix
// that would leave the file not gofmt-clean (a trailing comment aligned
// with the neighbouring lines' comments) is dropped; the finding stays.
// Rule 2 has no fix: it needs a new request and a Do call.
//
// How rule 6 sees across packages: each package of the analysed module
// exports, as an analysis fact on each exported function, whether the
// function drops the context (and where) or forwards its context
// parameter to an outbound call. Facts flow from a package to its
// importers, which is the direction of a call, so `meshlint ./...`,
// go vet -vettool and nogo all see helpers in other packages of the
// module. The standalone driver loads dependencies from export data and
// only the module's packages from source, so the facts cost no source
// loading; a package of the module left out of the patterns
// (meshlint ./cmd/... with the helper in ./internal) is seen by go vet,
// which analyses dependencies too; the standalone run loads such packages
// from source as well, for their facts, and reports nothing on them. Calls
// through interfaces and function values are not followed.
//
// Packages that fail to load: unlike the other analyzers, which are
// skipped on such a package ("analysis skipped due to errors in
// package"), ctxprop runs on it, because facts flow along imports and a
// skipped package would fail ctxprop on every package that imports it
// (a package embedding a front-end build that is not there, as in kiali or
// alertmanager, would silence ctxprop for the whole service). On a package
// with type errors it reports and exports nothing.
//
// Suppress a deliberate detachment with
//
//	//meshlint:ignore ctxprop audit log must outlive the request
//
// Sources: Istio "Distributed Tracing FAQ" (applications are responsible
// for forwarding tracing headers); Istio distributed tracing overview task.
package ctxprop
