package lint

// API facts: the library functions meshlint's rules are about, written
// once, with their parameters by name (as staticcheck's knowledge package
// does), so that a rule says "the url argument of net/http.Get" instead of
// a magic index. Functions are keyed by types.Func.FullName
// ("net/http.Get", "(*net/http.Client).Do"); parameters are counted as the
// callee sees them, receiver excluded ([Package.Args]).

import (
	"fmt"
	"go/ast"
)

// signatures lists the parameters of each known function, in order, by
// the names of its declaration. Only the names rules ask for matter; the
// others keep the positions right.
var signatures = map[string][]string{
	// net/http: requests
	"net/http.Get":                    {"url"},
	"net/http.Head":                   {"url"},
	"net/http.Post":                   {"url", "contentType", "body"},
	"net/http.PostForm":               {"url", "data"},
	"(*net/http.Client).Get":          {"url"},
	"(*net/http.Client).Head":         {"url"},
	"(*net/http.Client).Post":         {"url", "contentType", "body"},
	"(*net/http.Client).PostForm":     {"url", "data"},
	"net/http.NewRequest":             {"method", "url", "body"},
	"net/http.NewRequestWithContext":  {"ctx", "method", "url", "body"},
	"(*net/http.Request).WithContext": {"ctx"},
	"(*net/http.Request).Clone":       {"ctx"},

	// net/http: servers
	"net/http.ListenAndServe":    {"addr", "handler"},
	"net/http.ListenAndServeTLS": {"addr", "certFile", "keyFile", "handler"},

	// net, crypto/tls: dials and listeners
	"net.Dial":                         {"network", "address"},
	"net.DialTimeout":                  {"network", "address", "timeout"},
	"(*net.Dialer).Dial":               {"network", "address"},
	"(*net.Dialer).DialContext":        {"ctx", "network", "address"},
	"net.DialTCP":                      {"network", "laddr", "raddr"},
	"net.DialUDP":                      {"network", "laddr", "raddr"},
	"net.Listen":                       {"network", "address"},
	"(*net.ListenConfig).Listen":       {"ctx", "network", "address"},
	"crypto/tls.Dial":                  {"network", "addr", "config"},
	"crypto/tls.DialWithDialer":        {"dialer", "network", "addr", "config"},
	"(*crypto/tls.Dialer).Dial":        {"network", "addr"},
	"(*crypto/tls.Dialer).DialContext": {"ctx", "network", "addr"},

	// gRPC
	"google.golang.org/grpc.Dial":        {"target", "opts"},
	"google.golang.org/grpc.DialContext": {"ctx", "target", "opts"},
	"google.golang.org/grpc.NewClient":   {"target", "opts"},

	// context derivations, gRPC metadata
	"context.WithCancel":                                      {"parent"},
	"context.WithCancelCause":                                 {"parent"},
	"context.WithDeadline":                                    {"parent", "d"},
	"context.WithDeadlineCause":                               {"parent", "d", "cause"},
	"context.WithTimeout":                                     {"parent", "timeout"},
	"context.WithTimeoutCause":                                {"parent", "timeout", "cause"},
	"context.WithValue":                                       {"parent", "key", "val"},
	"context.WithoutCancel":                                   {"parent"},
	"google.golang.org/grpc/metadata.NewOutgoingContext":      {"ctx", "md"},
	"google.golang.org/grpc/metadata.AppendToOutgoingContext": {"ctx", "kv"},

	// github.com/hashicorp/go-retryablehttp
	"github.com/hashicorp/go-retryablehttp.NewRequest":             {"method", "url", "rawBody"},
	"github.com/hashicorp/go-retryablehttp.NewRequestWithContext":  {"ctx", "method", "url", "rawBody"},
	"(*github.com/hashicorp/go-retryablehttp.Request).WithContext": {"ctx"},
	"github.com/hashicorp/go-retryablehttp.Get":                    {"url"},
	"github.com/hashicorp/go-retryablehttp.Head":                   {"url"},
	"github.com/hashicorp/go-retryablehttp.Post":                   {"url", "bodyType", "body"},
	"github.com/hashicorp/go-retryablehttp.PostForm":               {"url", "data"},
	"(*github.com/hashicorp/go-retryablehttp.Client).Get":          {"url"},
	"(*github.com/hashicorp/go-retryablehttp.Client).Head":         {"url"},
	"(*github.com/hashicorp/go-retryablehttp.Client).Post":         {"url", "bodyType", "body"},
	"(*github.com/hashicorp/go-retryablehttp.Client).PostForm":     {"url", "data"},

	// resty (github.com/go-resty/resty/v2, resty.dev/v3): requests
	"(*github.com/go-resty/resty/v2.Request).SetContext": {"ctx"},
	"(*resty.dev/v3.Request).SetContext":                 {"ctx"},

	// loopbacktrust: taking an address apart, testing an address
	"net.SplitHostPort":           {"hostport"},
	"net.ParseIP":                 {"s"},
	"net.ResolveTCPAddr":          {"network", "address"},
	"net/netip.ParseAddr":         {"s"},
	"net/netip.MustParseAddr":     {"s"},
	"net/netip.ParseAddrPort":     {"s"},
	"net/netip.MustParseAddrPort": {"s"},
	"strings.Split":               {"s", "sep"},
	"strings.SplitN":              {"s", "sep", "n"},
	"strings.Cut":                 {"s", "sep"},
	"strings.CutPrefix":           {"s", "prefix"},
	"strings.CutSuffix":           {"s", "suffix"},
	"strings.TrimSpace":           {"s"},
	"strings.ToLower":             {"s"},
	"strings.Trim":                {"s", "cutset"},
	"strings.TrimLeft":            {"s", "cutset"},
	"strings.TrimRight":           {"s", "cutset"},
	"strings.TrimPrefix":          {"s", "prefix"},
	"strings.TrimSuffix":          {"s", "suffix"},
	"strings.HasPrefix":           {"s", "prefix"},
	"strings.Contains":            {"s", "substr"},
	"strings.EqualFold":           {"s", "t"},
	"slices.Contains":             {"s", "v"},
	"(net.IP).Equal":              {"x"},
	"(*net.IPNet).Contains":       {"ip"},
	"(net/netip.Prefix).Contains": {"ip"},

	// clienttimeout, hardcodedip: client libraries (net/http's Do; resty
	// v2/v3, fasthttp, go-kit's HTTP transport). go-retryablehttp's
	// functions are listed above.
	"(*net/http.Client).Do":                                  {"req"},
	"github.com/go-resty/resty/v2.New":                       {},
	"github.com/go-resty/resty/v2.NewWithLocalAddr":          {"localAddr"},
	"(*github.com/go-resty/resty/v2.Client).SetBaseURL":      {"url"},
	"(*github.com/go-resty/resty/v2.Client).SetHostURL":      {"url"},
	"(*github.com/go-resty/resty/v2.Client).SetTimeout":      {"timeout"},
	"(*github.com/go-resty/resty/v2.Request).Get":            {"url"},
	"(*github.com/go-resty/resty/v2.Request).Head":           {"url"},
	"(*github.com/go-resty/resty/v2.Request).Post":           {"url"},
	"(*github.com/go-resty/resty/v2.Request).Put":            {"url"},
	"(*github.com/go-resty/resty/v2.Request).Patch":          {"url"},
	"(*github.com/go-resty/resty/v2.Request).Delete":         {"url"},
	"(*github.com/go-resty/resty/v2.Request).Options":        {"url"},
	"(*github.com/go-resty/resty/v2.Request).Execute":        {"method", "url"},
	"resty.dev/v3.New":                                       {},
	"resty.dev/v3.NewWithTransportSettings":                  {"transportSettings"},
	"resty.dev/v3.NewWithDialer":                             {"dialer"},
	"resty.dev/v3.NewWithLocalAddr":                          {"localAddr"},
	"resty.dev/v3.NewWithDialerAndTransportSettings":         {"dialer", "transportSettings"},
	"(*resty.dev/v3.Client).SetBaseURL":                      {"url"},
	"(*resty.dev/v3.Client).SetTimeout":                      {"timeout"},
	"(*resty.dev/v3.Request).Get":                            {"url"},
	"(*resty.dev/v3.Request).Head":                           {"url"},
	"(*resty.dev/v3.Request).Post":                           {"url"},
	"(*resty.dev/v3.Request).Put":                            {"url"},
	"(*resty.dev/v3.Request).Patch":                          {"url"},
	"(*resty.dev/v3.Request).Delete":                         {"url"},
	"(*resty.dev/v3.Request).Options":                        {"url"},
	"(*resty.dev/v3.Request).Trace":                          {"url"},
	"(*resty.dev/v3.Request).Execute":                        {"method", "url"},
	"(*resty.dev/v3.Request).SetURL":                         {"url"},
	"github.com/valyala/fasthttp.Do":                         {"req", "resp"},
	"github.com/valyala/fasthttp.DoRedirects":                {"req", "resp", "maxRedirectsCount"},
	"github.com/valyala/fasthttp.Get":                        {"dst", "url"},
	"github.com/valyala/fasthttp.GetTimeout":                 {"dst", "url", "timeout"},
	"github.com/valyala/fasthttp.GetDeadline":                {"dst", "url", "deadline"},
	"github.com/valyala/fasthttp.Post":                       {"dst", "url", "postArgs"},
	"(*github.com/valyala/fasthttp.Client).Get":              {"dst", "url"},
	"(*github.com/valyala/fasthttp.Client).GetTimeout":       {"dst", "url", "timeout"},
	"(*github.com/valyala/fasthttp.Client).GetDeadline":      {"dst", "url", "deadline"},
	"(*github.com/valyala/fasthttp.Client).Post":             {"dst", "url", "postArgs"},
	"(*github.com/valyala/fasthttp.HostClient).Get":          {"dst", "url"},
	"(*github.com/valyala/fasthttp.HostClient).GetTimeout":   {"dst", "url", "timeout"},
	"(*github.com/valyala/fasthttp.HostClient).GetDeadline":  {"dst", "url", "deadline"},
	"(*github.com/valyala/fasthttp.HostClient).Post":         {"dst", "url", "postArgs"},
	"(*github.com/valyala/fasthttp.Request).SetRequestURI":   {"requestURI"},
	"github.com/go-kit/kit/transport/http.NewClient":         {"method", "tgt", "enc", "dec", "options"},
	"github.com/go-kit/kit/transport/http.NewExplicitClient": {"req", "dec", "options"},
	"github.com/go-kit/kit/transport/http.SetClient":         {"client"},

	// traceheaders: propagators, instrumentation options, header writes,
	// gRPC metadata, grpc-gateway
	"go.opentelemetry.io/otel.SetTracerProvider":                                                   {"tp"},
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp.NewTransport":                   {"base", "opts"},
	"google.golang.org/grpc.WithStatsHandler":                                                      {"h"},
	"google.golang.org/grpc.WithUnaryInterceptor":                                                  {"f"},
	"google.golang.org/grpc.WithStreamInterceptor":                                                 {"f"},
	"google.golang.org/grpc.WithChainUnaryInterceptor":                                             {"interceptors"},
	"google.golang.org/grpc.WithChainStreamInterceptor":                                            {"interceptors"},
	"(net/http.Header).Set":                                                                        {"key", "value"},
	"(net/http.Header).Add":                                                                        {"key", "value"},
	"net/http.CanonicalHeaderKey":                                                                  {"s"},
	"net/textproto.CanonicalMIMEHeaderKey":                                                         {"s"},
	"google.golang.org/grpc/metadata.Pairs":                                                        {"kv"},
	"google.golang.org/grpc/metadata.New":                                                          {"m"},
	"(google.golang.org/grpc/metadata.MD).Set":                                                     {"k", "vals"},
	"(google.golang.org/grpc/metadata.MD).Append":                                                  {"k", "vals"},
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime.NewServeMux":                                {"opts"},
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime.WithIncomingHeaderMatcher":                  {"fn"},
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime.WithMetadata":                               {"annotator"},
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc.NewClientHandler": {"opts"},

	// gin, echo v4
	"(*github.com/gin-gonic/gin.Engine).Run":       {"addr"},
	"(*github.com/gin-gonic/gin.Engine).RunTLS":    {"addr", "certFile", "keyFile"},
	"(*github.com/labstack/echo/v4.Echo).Start":    {"address"},
	"(*github.com/labstack/echo/v4.Echo).StartTLS": {"address", "certFile", "keyFile"},

	// loopbacklisten, envoyport: framework listeners (see Listeners)
	"(*github.com/labstack/echo/v4.Echo).StartAutoTLS":                  {"address"},
	"(*github.com/labstack/echo/v4.Echo).StartH2CServer":                {"address", "h2s"},
	"(*github.com/labstack/echo/v5.Echo).Start":                         {"address"},
	"(*github.com/gofiber/fiber/v2.App).Listen":                         {"addr"},
	"(*github.com/gofiber/fiber/v2.App).ListenTLS":                      {"addr", "certFile", "keyFile"},
	"(*github.com/gofiber/fiber/v2.App).ListenTLSWithCertificate":       {"addr", "cert"},
	"(*github.com/gofiber/fiber/v2.App).ListenMutualTLS":                {"addr", "certFile", "keyFile", "clientCertFile"},
	"(*github.com/gofiber/fiber/v2.App).ListenMutualTLSWithCertificate": {"addr", "cert", "clientCertPool"},
	"(*github.com/gofiber/fiber/v3.App).Listen":                         {"addr", "config"},
	"github.com/cloudwego/hertz/pkg/app/server.WithHostPorts":           {"hp"},
	"github.com/valyala/fasthttp.ListenAndServe":                        {"addr", "handler"},
	"github.com/valyala/fasthttp.ListenAndServeTLS":                     {"addr", "certFile", "keyFile", "handler"},
	"github.com/valyala/fasthttp.ListenAndServeTLSEmbed":                {"addr", "certData", "keyData", "handler"},
	"(*github.com/valyala/fasthttp.Server).ListenAndServe":              {"addr"},
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLS":           {"addr", "certFile", "keyFile"},
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLSEmbed":      {"addr", "certData", "keyData"},
}

// Param returns the index of parameter param of fn. It panics when the
// table does not know the pair: a typo in a rule, caught by its tests.
func Param(fn, param string) int {
	for i, name := range signatures[fn] {
		if name == param {
			return i
		}
	}
	panic(fmt.Sprintf("lint: no parameter %q of %s in the API table", param, fn))
}

// ArgOf returns the argument call passes for parameter param of fn (the
// callee's full name, which the caller has matched), or nil when the call
// has no such argument (a variadic parameter left empty).
func (p *Package) ArgOf(call *ast.CallExpr, fn, param string) ast.Expr {
	return p.Arg(call, Param(fn, param))
}

// DefaultClientFuncs are the package-level net/http functions that send a
// request through http.DefaultClient, with no context (parameter "url").
var DefaultClientFuncs = set("net/http.Get", "net/http.Head", "net/http.Post", "net/http.PostForm")

// ClientNoContextMethods are the *http.Client methods that send a request
// with no context (parameter "url").
var ClientNoContextMethods = set("(*net/http.Client).Get", "(*net/http.Client).Head", "(*net/http.Client).Post", "(*net/http.Client).PostForm")

// ContextSinks are the outbound calls whose "ctx" parameter is the context
// the call carries (ctxprop rule 3). gRPC client stubs are recognised by
// signature instead (IsGRPCStub).
var ContextSinks = set(
	"net/http.NewRequestWithContext",
	"(*net/http.Request).WithContext",
	"(*net/http.Request).Clone",
	"(*net.Dialer).DialContext",
	"google.golang.org/grpc.DialContext",
)

// ContextDerivations derive a context from their "parent" (context) or
// "ctx" (gRPC metadata) parameter: trace values, deadline and
// cancellation flow from it (WithoutCancel keeps the values only).
var ContextDerivations = map[string]string{
	"context.WithCancel":                                      "parent",
	"context.WithCancelCause":                                 "parent",
	"context.WithDeadline":                                    "parent",
	"context.WithDeadlineCause":                               "parent",
	"context.WithTimeout":                                     "parent",
	"context.WithTimeoutCause":                                "parent",
	"context.WithValue":                                       "parent",
	"context.WithoutCancel":                                   "parent",
	"google.golang.org/grpc/metadata.NewOutgoingContext":      "ctx",
	"google.golang.org/grpc/metadata.AppendToOutgoingContext": "ctx",
}

// NewRequestNoContext build a request with no context (ctxprop rule 1),
// each with its context-taking counterpart in the same package.
var NewRequestNoContext = map[string]string{
	"net/http.NewRequest":                              "NewRequestWithContext",
	"github.com/hashicorp/go-retryablehttp.NewRequest": "NewRequestWithContext",
}

// RetryableNoContext are go-retryablehttp's functions and methods that
// send a request with no context (ctxprop rule 2, as net/http's).
var RetryableNoContext = set(
	"github.com/hashicorp/go-retryablehttp.Get",
	"github.com/hashicorp/go-retryablehttp.Head",
	"github.com/hashicorp/go-retryablehttp.Post",
	"github.com/hashicorp/go-retryablehttp.PostForm",
	"(*github.com/hashicorp/go-retryablehttp.Client).Get",
	"(*github.com/hashicorp/go-retryablehttp.Client).Head",
	"(*github.com/hashicorp/go-retryablehttp.Client).Post",
	"(*github.com/hashicorp/go-retryablehttp.Client).PostForm",
)

// RetryableContextSinks are go-retryablehttp's calls whose "ctx" parameter
// is the context the request carries.
var RetryableContextSinks = set(
	"github.com/hashicorp/go-retryablehttp.NewRequestWithContext",
	"(*github.com/hashicorp/go-retryablehttp.Request).WithContext",
)

// RestyRequest names resty's request type in each major version: a
// request (c.R()...) carries the context given by SetContext, and is sent
// by RestySends.
var RestyRequest = []string{"github.com/go-resty/resty/v2", "resty.dev/v3"}

// RestySends are the methods of a resty *Request that send it.
var RestySends = set("Get", "Head", "Post", "Put", "Patch", "Delete", "Options", "Send", "Execute")

// traceheaders: the calls that send an HTTP request (through the
// client's Transport, or http.DefaultClient's), the gRPC dials whose
// "opts" decide the connection's instrumentation, and the grpc-gateway
// mux whose "opts" decide which headers reach the backend.
var (
	HTTPSends = set(
		"net/http.Get", "net/http.Head", "net/http.Post", "net/http.PostForm",
		"(*net/http.Client).Do", "(*net/http.Client).Get", "(*net/http.Client).Head",
		"(*net/http.Client).Post", "(*net/http.Client).PostForm",
	)
	GRPCDials = set(
		"google.golang.org/grpc.Dial",
		"google.golang.org/grpc.DialContext",
		"google.golang.org/grpc.NewClient",
	)
	// GatewayHeaderOptions are the grpc-gateway v2 ServeMux options that
	// decide which request headers reach the gRPC backend as metadata.
	GatewayHeaderOptions = set(
		"github.com/grpc-ecosystem/grpc-gateway/v2/runtime.WithIncomingHeaderMatcher",
		"github.com/grpc-ecosystem/grpc-gateway/v2/runtime.WithMetadata",
	)
)

// Dialers are the ContextSinks that open a connection: their context
// bounds the dial only, and carries no trace headers (the requests made on
// the connection take their own contexts).
var Dialers = set("(*net.Dialer).DialContext", "google.golang.org/grpc.DialContext")

// A Dial is an outbound call and the parameter holding its remote address.
type Dial struct {
	Param string
	Kind  AddrKind
}

// Dials are the outbound calls whose remote address hardcodedip checks.
var Dials = map[string]Dial{
	"net.Dial":                           {"address", HostPort},
	"net.DialTimeout":                    {"address", HostPort},
	"(*net.Dialer).Dial":                 {"address", HostPort},
	"(*net.Dialer).DialContext":          {"address", HostPort},
	"crypto/tls.Dial":                    {"addr", HostPort},
	"crypto/tls.DialWithDialer":          {"addr", HostPort},
	"(*crypto/tls.Dialer).Dial":          {"addr", HostPort},
	"(*crypto/tls.Dialer).DialContext":   {"addr", HostPort},
	"net/http.Get":                       {"url", URL},
	"net/http.Head":                      {"url", URL},
	"net/http.Post":                      {"url", URL},
	"net/http.PostForm":                  {"url", URL},
	"(*net/http.Client).Get":             {"url", URL},
	"(*net/http.Client).Head":            {"url", URL},
	"(*net/http.Client).Post":            {"url", URL},
	"(*net/http.Client).PostForm":        {"url", URL},
	"net/http.NewRequest":                {"url", URL},
	"net/http.NewRequestWithContext":     {"url", URL},
	"google.golang.org/grpc.Dial":        {"target", GRPCTarget},
	"google.golang.org/grpc.DialContext": {"target", GRPCTarget},
	"google.golang.org/grpc.NewClient":   {"target", GRPCTarget},
}

// AddrDials take a *net.TCPAddr / *net.UDPAddr remote address ("raddr").
var AddrDials = set("net.DialTCP", "net.DialUDP")

// A Listener is an inbound listening call: the parameters holding its
// address, its network ("" when the call has none: always TCP) and its
// handler ("" when it takes none).
type Listener struct {
	Addr, Network, Handler string

	// loopbacklisten, envoyport: where a framework listener's network is
	// set when it is not a string parameter.
	NetworkField  string // Network names a struct parameter; this field of it holds the network (fiber v3 ListenConfig.ListenerNetwork)
	NetworkOption string // the listener is an option; this sibling option sets the network by its first argument (hertz server.WithNetwork)
}

// Listeners are the calls that open an inbound listener (loopbacklisten,
// envoyport).
var Listeners = map[string]Listener{
	"net/http.ListenAndServe":                      {Addr: "addr", Handler: "handler"},
	"net/http.ListenAndServeTLS":                   {Addr: "addr", Handler: "handler"},
	"net.Listen":                                   {Addr: "address", Network: "network"},
	"(*net.ListenConfig).Listen":                   {Addr: "address", Network: "network"},
	"(*github.com/gin-gonic/gin.Engine).Run":       {Addr: "addr"},
	"(*github.com/gin-gonic/gin.Engine).RunTLS":    {Addr: "addr"},
	"(*github.com/labstack/echo/v4.Echo).Start":    {Addr: "address"},
	"(*github.com/labstack/echo/v4.Echo).StartTLS": {Addr: "address"},

	// loopbacklisten, envoyport: framework listeners (SPEC's framework table)
	"(*github.com/labstack/echo/v4.Echo).StartAutoTLS":                  {Addr: "address"},
	"(*github.com/labstack/echo/v4.Echo).StartH2CServer":                {Addr: "address"},
	"(*github.com/labstack/echo/v5.Echo).Start":                         {Addr: "address"},
	"(*github.com/gofiber/fiber/v2.App).Listen":                         {Addr: "addr"},
	"(*github.com/gofiber/fiber/v2.App).ListenTLS":                      {Addr: "addr"},
	"(*github.com/gofiber/fiber/v2.App).ListenTLSWithCertificate":       {Addr: "addr"},
	"(*github.com/gofiber/fiber/v2.App).ListenMutualTLS":                {Addr: "addr"},
	"(*github.com/gofiber/fiber/v2.App).ListenMutualTLSWithCertificate": {Addr: "addr"},
	"(*github.com/gofiber/fiber/v3.App).Listen":                         {Addr: "addr", Network: "config", NetworkField: "ListenerNetwork"},
	"github.com/cloudwego/hertz/pkg/app/server.WithHostPorts":           {Addr: "hp", NetworkOption: "github.com/cloudwego/hertz/pkg/app/server.WithNetwork"},
	"github.com/valyala/fasthttp.ListenAndServe":                        {Addr: "addr"},
	"github.com/valyala/fasthttp.ListenAndServeTLS":                     {Addr: "addr"},
	"github.com/valyala/fasthttp.ListenAndServeTLSEmbed":                {Addr: "addr"},
	"(*github.com/valyala/fasthttp.Server).ListenAndServe":              {Addr: "addr"},
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLS":           {Addr: "addr"},
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLSEmbed":      {Addr: "addr"},
}

// loopbacktrust: the peer address, the values taken from it, the tests
// made on it.

// PeerAddrMethods return the address of the inbound connection's peer
// (beside the RemoteAddr field of *http.Request and the Addr field of
// gRPC's peer.Peer): gin's RemoteIP (RemoteAddr's host, never a header,
// unlike ClientIP), fasthttp's and hertz's RemoteAddr/RemoteIP.
var PeerAddrMethods = set(
	"(*github.com/gin-gonic/gin.Context).RemoteIP",
	"(*github.com/valyala/fasthttp.RequestCtx).RemoteAddr",
	"(*github.com/valyala/fasthttp.RequestCtx).RemoteIP",
	"(*github.com/cloudwego/hertz/pkg/app.RequestContext).RemoteAddr",
)

// An AddrPart says which value of a call is (part of) an address it is
// given: result Result holds the value of parameter Param ("" for the
// receiver), parsed, trimmed or cut. Parts: the result is a slice whose
// first element holds it (strings.Split(addr, ":")[0] is the host).
type AddrPart struct {
	Param  string
	Result int
	Parts  bool
}

// AddrParts are the calls that take an address apart (loopbacktrust
// follows the peer address through them).
var AddrParts = map[string]AddrPart{
	"net.SplitHostPort":           {Param: "hostport"}, // host, port, err
	"net.ParseIP":                 {Param: "s"},
	"net.ResolveTCPAddr":          {Param: "address"},
	"net/netip.ParseAddr":         {Param: "s"},
	"net/netip.MustParseAddr":     {Param: "s"},
	"net/netip.ParseAddrPort":     {Param: "s"},
	"net/netip.MustParseAddrPort": {Param: "s"},
	"strings.Split":               {Param: "s", Parts: true},
	"strings.SplitN":              {Param: "s", Parts: true},
	"strings.Cut":                 {Param: "s"}, // before, after, found
	"strings.CutPrefix":           {Param: "s"},
	"strings.CutSuffix":           {Param: "s"},
	"strings.TrimSpace":           {Param: "s"},
	"strings.ToLower":             {Param: "s"},
	"strings.Trim":                {Param: "s"},
	"strings.TrimLeft":            {Param: "s"},
	"strings.TrimRight":           {Param: "s"},
	"strings.TrimPrefix":          {Param: "s"},
	"strings.TrimSuffix":          {Param: "s"},
	"(net.IP).To4":                {},
	"(net.IP).To16":               {},
	"(net/netip.Addr).Unmap":      {},
	"(net/netip.Addr).WithZone":   {},
	"(net/netip.AddrPort).Addr":   {},
	"(*net.TCPAddr).AddrPort":     {},
	"(*net.UDPAddr).AddrPort":     {},
}

// AddrTestKind is what an [AddrTest] asks of an address.
type AddrTestKind int

const (
	TestLoopback AddrTestKind = iota + 1 // is it loopback
	TestPrivate                          // is it in a private range (RFC 1918, fc00::/7)
	TestRange                            // does a CIDR range contain it
	TestMember                           // does a list contain it
	TestEqual                            // is it equal to Against (either way round)
	TestPrefix                           // does it begin with Against
	TestSubstr                           // does it contain Against
)

// An AddrTest is a call that tests an address: Addr is the parameter
// holding the address ("" for the receiver), Against the value it is
// compared with ("" for none).
type AddrTest struct {
	Addr, Against string
	Test          AddrTestKind
}

// AddrTests are the address tests loopbacktrust judges.
var AddrTests = map[string]AddrTest{
	"(net.IP).IsLoopback":         {Test: TestLoopback},
	"(net/netip.Addr).IsLoopback": {Test: TestLoopback},
	"(net.IP).IsPrivate":          {Test: TestPrivate},
	"(net/netip.Addr).IsPrivate":  {Test: TestPrivate},
	"(*net.IPNet).Contains":       {Addr: "ip", Test: TestRange},
	"(net/netip.Prefix).Contains": {Addr: "ip", Test: TestRange},
	"slices.Contains":             {Addr: "v", Test: TestMember},
	"(net.IP).Equal":              {Against: "x", Test: TestEqual},
	"strings.EqualFold":           {Addr: "s", Against: "t", Test: TestEqual},
	"strings.HasPrefix":           {Addr: "s", Against: "prefix", Test: TestPrefix},
	"strings.Contains":            {Addr: "s", Against: "substr", Test: TestSubstr},
}

// clienttimeout, hardcodedip: client libraries.

// HasParam reports whether the API table knows parameter param of fn.
func HasParam(fn, param string) bool {
	for _, name := range signatures[fn] {
		if name == param {
			return true
		}
	}
	return false
}

// NoTimeoutFuncs are the package-level functions of client libraries that
// send through the library's default client, which has no timeout:
// fasthttp's defaultClient is a zero Client (no ReadTimeout), and
// go-retryablehttp's is NewClient(), whose HTTPClient
// (cleanhttp.DefaultPooledClient) has no Timeout. fasthttp's
// DoTimeout/DoDeadline/GetTimeout/GetDeadline carry their own.
var NoTimeoutFuncs = set(
	"github.com/valyala/fasthttp.Do",
	"github.com/valyala/fasthttp.DoRedirects",
	"github.com/valyala/fasthttp.Get",
	"github.com/valyala/fasthttp.Post",
	"github.com/hashicorp/go-retryablehttp.Get",
	"github.com/hashicorp/go-retryablehttp.Head",
	"github.com/hashicorp/go-retryablehttp.Post",
	"github.com/hashicorp/go-retryablehttp.PostForm",
)

// RestyNew are resty's constructors that build their own http.Client,
// with no Timeout (NewWithClient takes the caller's, judged on its own).
var RestyNew = set(
	"github.com/go-resty/resty/v2.New",
	"github.com/go-resty/resty/v2.NewWithLocalAddr",
	"resty.dev/v3.New",
	"resty.dev/v3.NewWithTransportSettings",
	"resty.dev/v3.NewWithDialer",
	"resty.dev/v3.NewWithLocalAddr",
	"resty.dev/v3.NewWithDialerAndTransportSettings",
)

// RestyTimeout are the resty client methods that give it a timeout, or
// hand out its *http.Client (whose Timeout the caller may then set).
var RestyTimeout = set(
	"(*github.com/go-resty/resty/v2.Client).SetTimeout",
	"(*github.com/go-resty/resty/v2.Client).GetClient",
	"(*resty.dev/v3.Client).SetTimeout",
	"(*resty.dev/v3.Client).Client",
)

// GoKitClients are go-kit's HTTP client constructors: without a SetClient
// option among "options" they send through http.DefaultClient.
var GoKitClients = set(
	"github.com/go-kit/kit/transport/http.NewClient",
	"github.com/go-kit/kit/transport/http.NewExplicitClient",
)

// RetryableNewClient builds a go-retryablehttp client whose HTTPClient has
// no Timeout.
const RetryableNewClient = "github.com/hashicorp/go-retryablehttp.NewClient"

// LibraryURLSinks are the client-library calls whose parameter holds the
// URL a request goes to (hardcodedip): resty's request methods and base
// URL, fasthttp's Get/Post and SetRequestURI, go-retryablehttp's requests.
var LibraryURLSinks = map[string]string{
	"(*github.com/go-resty/resty/v2.Client).SetBaseURL":           "url",
	"(*github.com/go-resty/resty/v2.Client).SetHostURL":           "url",
	"(*github.com/go-resty/resty/v2.Request).Get":                 "url",
	"(*github.com/go-resty/resty/v2.Request).Head":                "url",
	"(*github.com/go-resty/resty/v2.Request).Post":                "url",
	"(*github.com/go-resty/resty/v2.Request).Put":                 "url",
	"(*github.com/go-resty/resty/v2.Request).Patch":               "url",
	"(*github.com/go-resty/resty/v2.Request).Delete":              "url",
	"(*github.com/go-resty/resty/v2.Request).Options":             "url",
	"(*github.com/go-resty/resty/v2.Request).Execute":             "url",
	"(*resty.dev/v3.Client).SetBaseURL":                           "url",
	"(*resty.dev/v3.Request).Get":                                 "url",
	"(*resty.dev/v3.Request).Head":                                "url",
	"(*resty.dev/v3.Request).Post":                                "url",
	"(*resty.dev/v3.Request).Put":                                 "url",
	"(*resty.dev/v3.Request).Patch":                               "url",
	"(*resty.dev/v3.Request).Delete":                              "url",
	"(*resty.dev/v3.Request).Options":                             "url",
	"(*resty.dev/v3.Request).Trace":                               "url",
	"(*resty.dev/v3.Request).Execute":                             "url",
	"(*resty.dev/v3.Request).SetURL":                              "url",
	"github.com/valyala/fasthttp.Get":                             "url",
	"github.com/valyala/fasthttp.GetTimeout":                      "url",
	"github.com/valyala/fasthttp.GetDeadline":                     "url",
	"github.com/valyala/fasthttp.Post":                            "url",
	"(*github.com/valyala/fasthttp.Client).Get":                   "url",
	"(*github.com/valyala/fasthttp.Client).GetTimeout":            "url",
	"(*github.com/valyala/fasthttp.Client).GetDeadline":           "url",
	"(*github.com/valyala/fasthttp.Client).Post":                  "url",
	"(*github.com/valyala/fasthttp.HostClient).Get":               "url",
	"(*github.com/valyala/fasthttp.HostClient).GetTimeout":        "url",
	"(*github.com/valyala/fasthttp.HostClient).GetDeadline":       "url",
	"(*github.com/valyala/fasthttp.HostClient).Post":              "url",
	"(*github.com/valyala/fasthttp.Request).SetRequestURI":        "requestURI",
	"github.com/hashicorp/go-retryablehttp.NewRequest":            "url",
	"github.com/hashicorp/go-retryablehttp.NewRequestWithContext": "url",
	"github.com/hashicorp/go-retryablehttp.Get":                   "url",
	"github.com/hashicorp/go-retryablehttp.Head":                  "url",
	"github.com/hashicorp/go-retryablehttp.Post":                  "url",
	"github.com/hashicorp/go-retryablehttp.PostForm":              "url",
	"(*github.com/hashicorp/go-retryablehttp.Client).Get":         "url",
	"(*github.com/hashicorp/go-retryablehttp.Client).Head":        "url",
	"(*github.com/hashicorp/go-retryablehttp.Client).Post":        "url",
	"(*github.com/hashicorp/go-retryablehttp.Client).PostForm":    "url",
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
