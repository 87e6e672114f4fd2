package loopbacklisten

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports inbound listeners bound to loopback only.
var Analyzer = &analysis.Analyzer{
	Name:     "loopbacklisten",
	Doc:      lint.MustExtractDoc(doc, "loopbacklisten"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/loopbacklisten/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

func run(p *lint.Pass) (any, error) {
	if !p.Imports("net", "net/http", "github.com/gin-gonic/gin", "github.com/labstack/echo/v4") {
		return nil, nil
	}
	// A loopback address known at compile time is spelled in some string
	// constant.
	if !p.AnyStringConstant(mayHoldLoopback) {
		return nil, nil
	}
	pprof := p.Imports("net/http/pprof")
	nodes := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
	p.Inspector().Preorder(nodes, func(n ast.Node) {
		if p.Skipped(n) {
			return
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			name := p.CalleeName(n)
			l, ok := lint.Listeners[name]
			if !ok {
				return
			}
			if l.Network != "" {
				network := p.StringOf(p.ArgOf(n, name, l.Network))
				if !network.Complete || !strings.HasPrefix(network.Prefix, "tcp") {
					return // unix sockets, or a network we cannot see
				}
			}
			if l.Handler != "" && pprof && isDefaultHandler(p, p.ArgOf(n, name, l.Handler)) {
				return // the pprof idiom: go http.ListenAndServe("localhost:6060", nil)
			}
			check(p, p.ArgOf(n, name, l.Addr))
		case *ast.CompositeLit:
			if !lint.IsNamed(p.TypesInfo.TypeOf(n), "net/http", "Server") {
				return
			}
			addr := lint.Field(n, "Addr")
			if addr == nil || (pprof && isDefaultHandler(p, lint.Field(n, "Handler"))) {
				return
			}
			check(p, addr)
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
				return
			}
			for i, lhs := range n.Lhs {
				if isServerAddr(p, lhs) && !pprof {
					check(p, n.Rhs[i])
				}
			}
		}
	})
	return nil, nil
}

// check reports addr when its host is a known loopback address.
func check(p *lint.Pass, addr ast.Expr) {
	if addr == nil {
		return
	}
	s := p.StringOf(addr)
	if !s.Known() {
		return
	}
	hosts := lint.Hosts(lint.HostPort, s)
	if len(hosts) != 1 {
		return
	}
	if _, class := lint.Classify(hosts[0]); class != lint.Loopback {
		return
	}
	if port, ok := portOf(s); ok && port == "0" {
		return // ephemeral port: not a service port the sidecar could route to
	}
	shown := s.Prefix
	if !s.Complete {
		shown += "…"
	}
	p.Reportf(addr.Pos(), "server listens on loopback address %q only: since Istio 1.10 the sidecar forwards inbound traffic to the pod IP, so this listener is unreachable from the mesh; listen on all interfaces (\":PORT\" or \"0.0.0.0:PORT\")", shown)
}

// portOf returns the port of a complete host:port string.
func portOf(s lint.Str) (string, bool) {
	if !s.Complete {
		return "", false
	}
	i := strings.LastIndexByte(s.Prefix, ':')
	if i < 0 || strings.HasSuffix(s.Prefix[:i], ":") {
		return "", false
	}
	return s.Prefix[i+1:], true
}

// isDefaultHandler reports whether h is absent, nil or http.DefaultServeMux
// (where net/http/pprof registers its handlers).
func isDefaultHandler(p *lint.Pass, h ast.Expr) bool {
	if h == nil {
		return true
	}
	if tv, ok := p.TypesInfo.Types[ast.Unparen(h)]; ok && tv.IsNil() {
		return true
	}
	return p.IsPkgVar(h, "net/http", "DefaultServeMux")
}

// isServerAddr reports whether lhs is the Addr field of an http.Server.
func isServerAddr(p *lint.Pass, lhs ast.Expr) bool {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Addr" {
		return false
	}
	s := p.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	return lint.IsNamed(s.Recv(), "net/http", "Server")
}

// mayHoldLoopback is a cheap superset test for "s may name a loopback
// host": localhost, 127.x.y.z, ::1 (also spelled out or IPv4-mapped).
func mayHoldLoopback(s string) bool {
	return strings.Contains(strings.ToLower(s), "localhost") || strings.Contains(s, "127.") || strings.Contains(s, ":1") || strings.Contains(s, ":0001")
}
