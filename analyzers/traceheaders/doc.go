// Package traceheaders defines an Analyzer that reports trace headers that
// are not forwarded although the context may be.
//
// # Analyzer traceheaders
//
// traceheaders: report trace headers that are not forwarded although the context may be
//
// The Istio sidecar creates a span for every request it proxies, but it
// cannot join an outbound call to the inbound request that caused it: the
// application must copy the trace headers from each inbound request onto
// every outbound request it triggers. Istio's distributed tracing overview
// asks applications to forward x-request-id (Envoy's request id, used to
// sample logs and traces consistently), the W3C traceparent and
// tracestate, and for Zipkin the B3 headers x-b3-traceid, x-b3-spanid,
// x-b3-parentspanid, x-b3-sampled and x-b3-flags (the Bookinfo sample
// also forwards b3, x-ot-span-context, x-cloud-trace-context and
// grpc-trace-bin). In Go, passing the inbound context.Context (ctxprop) is
// necessary but not sufficient: OpenTelemetry's otelhttp and otelgrpc
// write traceparent from the context only when a text-map propagator is
// configured (the API uses a no-op propagator until one is set) and only
// on clients they instrument; no propagator carries x-request-id, which is
// always copied by hand; and grpc-gateway drops all of them by default.
//
// "The module" below is the module of the analysed package: its non-test,
// non-generated .go files, read from disk.
//
// Rule 1, OpenTelemetry without a propagator: otel.SetTracerProvider
// where nothing in the module sets a text-map propagator (no
// otel.SetTextMapPropagator call, no WithPropagators option given to
// otelhttp, otelgrpc or another instrumentation, and no framework that
// brings its own: kratos' tracing middleware, go-zero's rest/zrpc/trace,
// hertz's obs-opentelemetry provider, the Honeycomb, Uptrace, Splunk and
// Lightstep OpenTelemetry distributions):
//
//	otel.SetTracerProvider(tp) // and no otel.SetTextMapPropagator anywhere
//
// Rule 2, instrumented inbound, plain outbound: in a module whose inbound
// side is instrumented (otelhttp.NewHandler or NewMiddleware, otelgin,
// otelecho, otelmux, otelchi or otelfiber middleware,
// grpc.StatsHandler(otelgrpc.NewServerHandler()) or otelgrpc server
// interceptors, hertz's obs-opentelemetry server tracer):
//
//   - an outbound HTTP call (http.Get/Head/Post/PostForm, Client.Do/Get/
//     Head/Post/PostForm) made inside an inbound scope (ctxprop's: a
//     function with a context.Context, *http.Request or framework context
//     parameter, or a closure in one) through a client that provably
//     injects nothing: http.DefaultClient, or a client whose construction
//     the package shows (a literal, new(http.Client), an unexported
//     package-level or local variable) with no Transport, a
//     *http.Transport, or a RoundTripper of the module whose RoundTrip
//     neither injects (an Inject call, a tracing library) nor sets a trace
//     header, and only wraps such transports;
//   - a grpc.NewClient, grpc.Dial or grpc.DialContext whose options hold
//     neither grpc.WithStatsHandler(otelgrpc.NewClientHandler()) nor an
//     otelgrpc (or other tracing) client interceptor, wherever it is
//     (dials are made at start-up; every call on the connection is
//     untraced). Options given through a slice variable are followed.
//
// In a module with main packages, "the inbound side is instrumented" is
// asked of the binary the call belongs to: the package instruments its
// inbound side itself, or a main package that is or imports it
// (transitively, within the module) reaches a package that does. A CLI
// tool of a service's module, or a test-support package no binary
// imports, is not judged by the service's instrumentation. A module
// without main packages (a library) is judged as a whole.
//
// For example:
//
//	handler := otelhttp.NewHandler(mux, "svc")       // somewhere in the module
//	...
//	resp, err := http.Get(usersURL)                  // in a handler: flagged
//	c := &http.Client{Timeout: 5 * time.Second}
//	resp, err = c.Do(req)                            // flagged: no Transport
//	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(creds)) // flagged
//
// Rule 3, manual forwarding that drops the trace: in a module that uses no
// tracing library (OpenTelemetry, OpenCensus, OpenTracing, Zipkin,
// Jaeger, Datadog and other APM agents, go-zero's rest and zrpc, kratos'
// tracing middleware), a call
// that copies x-request-id from the inbound request (a value computed from
// the handler's request, framework context or context.Context) onto an
// outbound request (Header.Set/Add on a request the function builds with
// http.NewRequest or sends with Do/RoundTrip, or the request of a
// RoundTrip method) or into outgoing gRPC metadata
// (metadata.AppendToOutgoingContext; metadata.Pairs, metadata.New,
// MD.Set/Append reaching metadata.NewOutgoingContext), in a function that
// names no trace-context header anywhere (traceparent, tracestate, b3,
// x-b3-*, and the Jaeger, Cloud Trace, Datadog, X-Ray headers; also
// through package variables of its package and the module's functions it
// calls). Header names are matched case-insensitively, through constants
// and http.CanonicalHeaderKey.
//
//	req.Header.Set("X-Request-Id", r.Header.Get("X-Request-Id")) // and nothing else forwarded
//
// Rule 4, grpc-gateway (v2) without header forwarding: runtime.NewServeMux
// with neither runtime.WithIncomingHeaderMatcher nor runtime.WithMetadata
// among its options. The default matcher forwards only permanent HTTP
// headers and Grpc-Metadata-*, so x-request-id, traceparent and x-b3-*
// never reach the gRPC backend (with otelgrpc on the gateway's connection
// the trace survives; x-request-id still does not).
//
//	mux := runtime.NewServeMux()
//
// Rule 5, opt-in with -traceheaders.strict: in a module with no
// propagation at all (no tracing library imported anywhere, no trace
// header or x-request-id named anywhere, and no inbound headers forwarded
// wholesale: incoming gRPC metadata made outgoing, an httputil reverse
// proxy, one request's Header copied onto another), every outbound HTTP
// call and gRPC client call made inside an inbound scope (calls inside
// client stubs are reported where the stub is called).
//
// Not flagged: a module that replaces http.DefaultTransport or
// http.DefaultClient.Transport (or http.DefaultClient) with
// otelhttp.NewTransport(...), or with anything else the analysis cannot
// judge (clients using it then inject); clients and options the analysis
// cannot see built (parameters, struct fields filled elsewhere, function
// results, exported package variables, a client whose Transport is set
// afterwards or by a function it is passed to, RoundTrippers of other
// modules, custom stats handlers, interceptors of other libraries except
// a few known ones such as go-grpc-middleware's retry and logging); HTTP
// calls outside inbound scopes (main, init, workers, closures passed to
// sync.Once or singleflight); x-request-id written on the response
// (w.Header()), on the inbound request itself (middleware), into incoming
// or response metadata (grpc.SetHeader), or given a fresh value; a
// function that also forwards the inbound headers or metadata wholesale;
// a gateway whose options are built where the analysis cannot see or use
// runtime.WithMiddlewares (a middleware may rewrite the headers); test
// helpers (functions taking a *testing.T, *testing.B, *testing.F or
// testing.TB) and _test.go and generated files, which also do not count
// as "the module".
//
// Where the module is unknown the rules that need a module-wide answer
// (1, 2, 3 and 5) stay silent; rule 4 needs none. The module is read from
// disk, without type checking, from the root that the driver's module
// information (go/packages, go vet) and the package's directory and
// import path give; so under nogo (Bazel), where the module's other
// sources are not in the sandbox and no module is named, in GOPATH mode,
// or when the files are not on disk, these rules report nothing; nor do
// the rules that need "nothing in the module does X" when the module
// cannot be read whole (a file over 4 MiB or unreadable, more than 20000
// files). The answers are the same standalone (meshlint ./...) and under go vet
// -vettool (one process per package), and reading the module never makes
// meshlint load dependencies from source.
//
// Fix: set a propagator once at start-up,
//
//	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
//
// (add a B3 propagator, go.opentelemetry.io/contrib/propagators/b3, for a
// Zipkin-style mesh); send outbound requests through an instrumented
// client, &http.Client{Transport: otelhttp.NewTransport(base)}, and dial
// with grpc.WithStatsHandler(otelgrpc.NewClientHandler()), with the
// inbound context (ctxprop); copy x-request-id together with the trace
// headers when forwarding by hand; give grpc-gateway a header matcher that
// keeps the Istio list and falls back to the default:
//
//	runtime.NewServeMux(runtime.WithIncomingHeaderMatcher(func(k string) (string, bool) {
//		switch strings.ToLower(k) {
//		case "x-request-id", "traceparent", "tracestate", "b3", "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags":
//			return k, true
//		}
//		return runtime.DefaultHeaderMatcher(k)
//	}))
//
// Sources: Istio "Distributed Tracing" overview
// (istio.io/latest/docs/tasks/observability/distributed-tracing/overview:
// the header list, "each application must collect headers from each
// incoming request and forward the headers to all outgoing requests") and
// the Distributed Tracing FAQ; OpenTelemetry API specification (no-op
// propagators unless configured), open-telemetry/opentelemetry-go#1404,
// opentelemetry-go-contrib#3733; grpc-gateway v2 runtime.DefaultHeaderMatcher.
package traceheaders
