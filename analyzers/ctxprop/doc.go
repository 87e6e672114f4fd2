// Package ctxprop defines an Analyzer that reports outbound requests that
// do not carry the caller's context.
//
// # Analyzer ctxprop
//
// ctxprop: report outbound requests that do not carry the caller's context
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
// Flagged (position: the call):
//
//	// 1. always, unless the same function later gives that request
//	//    variable a real context: c.Do(req.WithContext(ctx)) or
//	//    req.Clone(ctx) (not context.Background()/TODO())
//	req, _ := http.NewRequest("GET", "http://users/u/"+id, nil)
//
//	// 2. always (no context can be given)
//	resp, _ := http.Get("http://users/u/" + id)
//	resp, _ := client.Post(url, "application/json", body)
//
//	// 3. inside a function or closure with a *http.Request, *gin.Context,
//	//    echo.Context or context.Context parameter
//	func (s *Server) user(w http.ResponseWriter, r *http.Request) {
//		req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
//		resp, _ := s.users.GetUser(context.TODO(), &pb.GetUserRequest{Id: id})
//	}
//
//	// 4. rule 3 in a goroutine started by the handler
//	go func() { s.audit.Record(context.Background(), ev) }()
//
// Rule 3 sinks: http.NewRequestWithContext, (*http.Request).WithContext
// and Clone, (*net.Dialer).DialContext, grpc.DialContext, and gRPC client
// stub methods, recognised by signature (a method whose first parameter is
// context.Context and whose last is ...grpc.CallOption), so the generated
// client of any service is covered, as is (*grpc.ClientConn).Invoke.
//
// Decisions:
//   - "Directly" means the argument is the context.Background() or
//     context.TODO() call itself. A context stored in a variable first, or
//     derived from Background (ctx, cancel :=
//     context.WithTimeout(context.Background(), d)), is not flagged:
//     meshlint cannot tell a deliberate detachment from a mistake there.
//   - Closures see the scope of the functions around them. The inbound
//     context is the one of the innermost enclosing function or closure
//     that has an inbound parameter.
//   - A *http.Request parameter makes an inbound scope wherever it
//     appears, including client-side helpers such as an
//     http.RoundTripper's RoundTrip(req) or a CheckRedirect func: the
//     request's context is the caller's, and a new request built there
//     with context.Background() loses it just the same.
//   - A go statement is rule 4 when the call runs in the new goroutine:
//     the body of `go func() { ... }()`, or the call of
//     `go stub.M(context.Background(), ...)` itself. The arguments of a go
//     statement run in the handler. sync.WaitGroup.Go and errgroup's Go are
//     waited for by the handler, so they are rule 3. A deferred call
//     (`defer stub.M(context.Background(), ...)`) is reported like rule 4:
//     cleanup must run even when the request was cancelled.
//   - main, init and functions with no inbound parameter are never
//     reported for rules 3/4. A handler closure inside main is a handler.
//
// Suggested fixes, only when exactly one inbound parameter is in scope
// (a context.Context parameter, or r.Context() for a *http.Request r,
// c.Request.Context() for gin, c.Request().Context() for echo), it is
// named and not shadowed at the call; a function with both a ctx and a
// request parameter gets no fix:
//
//	http.NewRequest(m, u, b)  ->  http.NewRequestWithContext(r.Context(), m, u, b)
//	context.Background()      ->  r.Context()                          (rule 3)
//	context.Background()      ->  context.WithoutCancel(r.Context())   (rule 4, go1.21+ files)
//
// The user's qualifier for net/http and context is kept. A rule 3 fix that
// removes the file's last use of the context package also removes the
// import, when that is mechanical (one such use, in a parenthesized import
// block); with several such uses and nothing else no fix is offered, as
// applying all of them (meshlint -fix) would leave the import unused. A rule
// 1 fix inside a goroutine needs context already imported. A fix that would
// leave the file not gofmt-clean (a trailing comment aligned with the
// neighbouring lines' comments) is dropped; the finding stays. Rule 2 has
// no fix: it needs a new request and a Do call.
//
// Suppress a deliberate detachment with
//
//	//meshlint:ignore ctxprop audit log must outlive the request
//
// Sources: Istio "Distributed Tracing FAQ" (applications are responsible
// for forwarding tracing headers); Istio distributed tracing overview task.
package ctxprop
