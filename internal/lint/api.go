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

	// gin, echo v4
	"(*github.com/gin-gonic/gin.Engine).Run":       {"addr"},
	"(*github.com/gin-gonic/gin.Engine).RunTLS":    {"addr", "certFile", "keyFile"},
	"(*github.com/labstack/echo/v4.Echo).Start":    {"address"},
	"(*github.com/labstack/echo/v4.Echo).StartTLS": {"address", "certFile", "keyFile"},
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
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
