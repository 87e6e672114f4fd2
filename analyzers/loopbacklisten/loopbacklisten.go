package loopbacklisten

import (
	_ "embed"
	"go/ast"
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
	if !p.Imports(lint.ListenPackages...) {
		return nil, nil
	}
	// A loopback address known at compile time is spelled in some string
	// constant.
	if !p.AnyStringConstant(mayHoldLoopback) {
		return nil, nil
	}
	pprof := p.Imports("net/http/pprof")
	for l := range p.ListenAddrs() {
		if pprof && l.DefaultMux {
			continue // the pprof idiom: go http.ListenAndServe("localhost:6060", nil)
		}
		check(p, l.Addr)
	}
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
	if port, ok := lint.ListenPort(s); ok && port == 0 {
		return // ephemeral port: not a service port the sidecar could route to
	}
	shown := s.Prefix
	if !s.Complete {
		shown += "…"
	}
	p.Reportf(addr.Pos(), "server listens on loopback address %q only: since Istio 1.10 the sidecar forwards inbound traffic to the pod IP, so this listener is unreachable from the mesh; listen on all interfaces (\":PORT\" or \"0.0.0.0:PORT\")", shown)
}

// mayHoldLoopback is a cheap superset test for "s may name a loopback
// host": localhost, 127.x.y.z, ::1 (also spelled out or IPv4-mapped).
func mayHoldLoopback(s string) bool {
	return strings.Contains(strings.ToLower(s), "localhost") || strings.Contains(s, "127.") || strings.Contains(s, ":1") || strings.Contains(s, ":0001")
}
