package hardcodedip

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

// Doc is the analyzer's documentation: the first line is the summary
// `meshlint help` prints.
const Doc = `report outbound connections to hard-coded IP addresses

Traffic to an IP literal bypasses the sidecar's service routing: no
retries, timeouts, traffic shifting or mTLS policy by service, and Pod IPs
change on every reschedule. Call the service by name
(name.namespace.svc.cluster.local) or read the address from configuration.

Flagged: the address/URL/target argument of net.Dial, net.DialTimeout,
(*net.Dialer).Dial/DialContext, tls.Dial, tls.DialWithDialer,
(*tls.Dialer).Dial/DialContext, net.DialTCP/DialUDP, http.Get/Head/Post/
PostForm, (*http.Client).Get/Head/Post/PostForm, http.NewRequest,
http.NewRequestWithContext, grpc.Dial/DialContext/NewClient, and
url.URL{Host: ...}, when its host is an IP literal known at compile time.
Loopback, unspecified and link-local addresses, host names and values
from configuration are not flagged. Ranges outside the mesh can be allowed
with -hardcodedip.allow=CIDR[,CIDR].`

// Analyzer reports outbound dial targets whose host is a hard-coded IP.
var Analyzer = &analysis.Analyzer{
	Name:     "hardcodedip",
	Doc:      Doc,
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/hardcodedip/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Safe(run),
}

// allow holds -hardcodedip.allow: extra ranges that are not flagged.
var allow lint.CIDRs

func init() {
	Analyzer.Flags.Var(&allow, "allow", "comma-separated CIDR ranges (or IPs) that may be dialled by IP, e.g. 10.20.0.0/16,192.168.5.10")
}

// A sink is a parameter that carries a remote address.
type sink struct {
	arg  int // index of the parameter (receiver excluded)
	kind lint.AddrKind
}

// sinks maps callee full names to their address parameter.
var sinks = map[string]sink{
	"net.Dial":                           {1, lint.HostPort},
	"net.DialTimeout":                    {1, lint.HostPort},
	"(*net.Dialer).Dial":                 {1, lint.HostPort},
	"(*net.Dialer).DialContext":          {2, lint.HostPort},
	"crypto/tls.Dial":                    {1, lint.HostPort},
	"crypto/tls.DialWithDialer":          {2, lint.HostPort},
	"(*crypto/tls.Dialer).Dial":          {1, lint.HostPort},
	"(*crypto/tls.Dialer).DialContext":   {2, lint.HostPort},
	"net/http.Get":                       {0, lint.URL},
	"net/http.Head":                      {0, lint.URL},
	"net/http.Post":                      {0, lint.URL},
	"net/http.PostForm":                  {0, lint.URL},
	"(*net/http.Client).Get":             {0, lint.URL},
	"(*net/http.Client).Head":            {0, lint.URL},
	"(*net/http.Client).Post":            {0, lint.URL},
	"(*net/http.Client).PostForm":        {0, lint.URL},
	"net/http.NewRequest":                {1, lint.URL},
	"net/http.NewRequestWithContext":     {2, lint.URL},
	"google.golang.org/grpc.Dial":        {0, lint.GRPCTarget},
	"google.golang.org/grpc.DialContext": {1, lint.GRPCTarget},
	"google.golang.org/grpc.NewClient":   {0, lint.GRPCTarget},
}

// addrSinks take a *net.TCPAddr / *net.UDPAddr remote address.
var addrSinks = map[string]int{
	"net.DialTCP": 2,
	"net.DialUDP": 2,
}

func run(pass *analysis.Pass) (any, error) {
	p := lint.New(pass)
	if !p.Imports("net", "net/http", "net/url", "crypto/tls", "google.golang.org/grpc") {
		return nil, nil
	}
	// An IP known at compile time is spelled in some string constant (or,
	// for net.IPv4(a, b, c, d), needs package net): without either there
	// is nothing to find.
	if !p.Imports("net") && !p.AnyStringConstant(mayHoldIP) {
		return nil, nil
	}
	nodes := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	p.Inspector().Preorder(nodes, func(n ast.Node) {
		if p.Skipped(n) {
			return
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			checkCall(p, n)
		case *ast.CompositeLit:
			if lint.IsNamed(p.TypesInfo.TypeOf(n), "net/url", "URL") {
				if host := lint.Field(n, "Host"); host != nil {
					check(p, host, lint.Host, "url.URL Host")
				}
			}
		}
	})
	return nil, nil
}

func checkCall(p *lint.Pass, call *ast.CallExpr) {
	fn := p.Callee(call)
	if fn == nil {
		return
	}
	name := p.FuncName(fn)
	if s, ok := sinks[name]; ok {
		if arg := p.Arg(call, s.arg); arg != nil {
			check(p, arg, s.kind, lint.ShortName(fn))
		}
		return
	}
	if i, ok := addrSinks[name]; ok {
		if arg := p.Arg(call, i); arg != nil {
			if ip, ok := addrLiteralIP(p, arg); ok {
				report(p, arg, ip, lint.ShortName(fn))
			}
		}
	}
}

// check reports e when it names a known, non-allowed IP host.
func check(p *lint.Pass, e ast.Expr, kind lint.AddrKind, sinkName string) {
	s := p.StringOf(e)
	if !s.Known() {
		return
	}
	var bad []string
	for _, host := range lint.Hosts(kind, s) {
		if flagged(host) {
			bad = append(bad, host)
		}
	}
	if len(bad) > 0 {
		report(p, e, strings.Join(bad, ", "), sinkName)
	}
}

// flagged reports whether host is an IP literal the rule is about.
func flagged(host string) bool {
	addr, class := lint.Classify(host)
	return class == lint.Routable && !allow.Contains(addr)
}

func report(p *lint.Pass, e ast.Expr, ip, sinkName string) {
	p.Reportf(e.Pos(), "hard-coded IP %s in %s: the sidecar applies no service routing, retries or mTLS policy to a raw IP, and Pod IPs change on reschedule; call the service by name (name.namespace.svc.cluster.local) or read the address from configuration", ip, sinkName)
}

// addrLiteralIP evaluates a *net.TCPAddr/*net.UDPAddr argument written as
// &net.TCPAddr{IP: net.ParseIP(known)} or &net.TCPAddr{IP: net.IPv4(a, b, c, d)}
// (directly or through a local assigned once) and returns its IP when the
// rule flags it.
func addrLiteralIP(p *lint.Pass, e ast.Expr) (string, bool) {
	for range 4 { // follow at most a few single-assignment variables
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if id, ok := e.(*ast.Ident); ok {
			def, ok := p.SingleValue(p.ObjectOf(id))
			if !ok {
				return "", false
			}
			e = def
			continue
		}
		break
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return "", false
	}
	ipExpr := lint.Field(lit, "IP")
	if ipExpr == nil {
		return "", false
	}
	call, ok := ast.Unparen(ipExpr).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	var host string
	switch p.CalleeName(call) {
	case "net.ParseIP":
		if len(call.Args) != 1 {
			return "", false
		}
		s := p.StringOf(call.Args[0])
		if !s.Complete {
			return "", false
		}
		host = s.Prefix
	case "net.IPv4":
		var parts []string
		for _, a := range call.Args {
			tv, ok := p.TypesInfo.Types[a]
			if !ok || tv.Value == nil {
				return "", false
			}
			parts = append(parts, tv.Value.ExactString())
		}
		host = strings.Join(parts, ".")
	default:
		return "", false
	}
	if !flagged(host) {
		return "", false
	}
	return host, true
}

// mayHoldIP is a cheap superset test for "s may contain an IP literal".
func mayHoldIP(s string) bool {
	return strings.ContainsAny(s, "0123456789") && (strings.Contains(s, ".") || strings.Count(s, ":") >= 2)
}
