package hardcodedip

import (
	_ "embed"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports outbound dial targets whose host is a hard-coded IP.
var Analyzer = &analysis.Analyzer{
	Name:     "hardcodedip",
	Doc:      lint.MustExtractDoc(doc, "hardcodedip"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/hardcodedip/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

// allow holds -hardcodedip.allow: extra ranges that are not flagged.
var allow lint.CIDRs

func init() {
	Analyzer.Flags.Var(&allow, "allow", "comma-separated CIDR ranges (or IPs) that may be dialled by IP, e.g. 10.20.0.0/16,192.168.5.10")
}

// The client libraries whose request URLs are sinks (SPEC framework
// table, hardcodedip column).
const (
	restyV2       = "github.com/go-resty/resty/v2"
	restyV3       = "resty.dev/v3"
	fasthttpPath  = "github.com/valyala/fasthttp"
	retryablehttp = "github.com/hashicorp/go-retryablehttp"
)

func run(p *lint.Pass) (any, error) {
	if !p.Imports("net", "net/http", "net/url", "crypto/tls", "google.golang.org/grpc", restyV2, restyV3, fasthttpPath, retryablehttp) {
		return nil, nil
	}
	// An IP known at compile time is spelled in some string constant (or,
	// for net.IPv4(a, b, c, d), needs package net): without either there
	// is nothing to find.
	if !p.Imports("net") && !p.AnyStringConstant(mayHoldIP) {
		return nil, nil
	}
	for n := range p.Nodes() {
		switch n := n.(type) {
		case *ast.CallExpr:
			checkCall(p, n)
		case *ast.CompositeLit:
			t := p.TypesInfo.TypeOf(n)
			switch {
			case lint.IsNamed(t, "net/url", "URL"):
				if host := lint.Field(n, "Host"); host != nil {
					check(p, host, lint.Host, "url.URL Host")
				}
			case lint.IsNamed(t, fasthttpPath, "HostClient"):
				if addr := p.StructField(n, "Addr"); addr != nil {
					checkAddrList(p, addr, "fasthttp.HostClient Addr")
				}
			}
		}
	}
	return nil, nil
}

func checkCall(p *lint.Pass, call *ast.CallExpr) {
	fn := p.Callee(call)
	if fn == nil {
		return
	}
	name := p.FuncName(fn)
	if d, ok := lint.Dials[name]; ok {
		if isUDP(p, call, name) {
			return
		}
		if arg := p.ArgOf(call, name, d.Param); arg != nil {
			check(p, arg, d.Kind, lint.ShortName(fn))
		}
		return
	}
	if param, ok := lint.LibraryURLSinks[name]; ok {
		if arg := p.ArgOf(call, name, param); arg != nil {
			check(p, arg, lint.URL, lint.ShortName(fn))
		}
		return
	}
	if name == "net.DialUDP" || isUDP(p, call, name) {
		return // UDP: the sidecar captures TCP only
	}
	if lint.AddrDials[name] {
		if arg := p.ArgOf(call, name, "raddr"); arg != nil {
			if ip, ok := addrLiteralIP(p, arg); ok {
				report(p, arg, ip, lint.ShortName(fn))
			}
		}
	}
}

// isUDP reports whether the dial's network argument is known and names UDP
// (udp, udp4, udp6): the sidecar's iptables rules capture TCP only, and
// net.Dial("udp", "8.8.8.8:80") followed by LocalAddr() is the usual way to
// learn the pod's own IP (no packet is sent).
func isUDP(p *lint.Pass, call *ast.CallExpr, name string) bool {
	if !lint.HasParam(name, "network") {
		return false
	}
	s := p.StringOf(p.ArgOf(call, name, "network"))
	return s.Complete && strings.HasPrefix(s.Prefix, "udp")
}

// checkAddrList reports the IP hosts of a comma-separated host:port list
// (fasthttp.HostClient's Addr), as far as it is known.
func checkAddrList(p *lint.Pass, e ast.Expr, sinkName string) {
	s := p.StringOf(e)
	if !s.Known() {
		return
	}
	parts := strings.Split(s.Prefix, ",")
	var bad []string
	for i, part := range parts {
		complete := s.Complete || i < len(parts)-1
		for _, host := range lint.Hosts(lint.HostPort, lint.Str{Prefix: strings.TrimSpace(part), Complete: complete}) {
			if flagged(host) {
				bad = append(bad, host)
			}
		}
	}
	if len(bad) > 0 {
		report(p, e, strings.Join(bad, ", "), sinkName)
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
