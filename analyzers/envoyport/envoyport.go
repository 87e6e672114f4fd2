package envoyport

import (
	_ "embed"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports servers that listen on a port the Istio sidecar owns.
var Analyzer = &analysis.Analyzer{
	Name:     "envoyport",
	Doc:      lint.MustExtractDoc(doc, "envoyport"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/envoyport/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

// sidecarPorts are the ports the sidecar (Envoy and pilot-agent) binds in
// the pod's network namespace, with what it uses each for (Istio,
// "Application requirements": ports used by Istio).
var sidecarPorts = map[int]string{
	15000: "Envoy's admin interface",
	15001: "Envoy's outbound listener, where iptables redirects the app's outbound traffic",
	15004: "the sidecar's debug interface",
	15006: "Envoy's inbound listener, where iptables redirects the pod's inbound traffic",
	15008: "the HBONE mTLS tunnel",
	15009: "HBONE for ambient mode",
	15020: "pilot-agent's merged Prometheus metrics and the rewritten app health probes",
	15021: "the sidecar's health checks",
	15053: "the DNS proxy",
	15090: "Envoy's Prometheus metrics",
}

func run(p *lint.Pass) (any, error) {
	if !p.Imports(lint.ListenPackages...) {
		return nil, nil
	}
	// A known port is spelled in a string constant (":15020") or is an
	// integer constant formatted into one (fmt.Sprintf(":%d", 15020)).
	if !p.AnyStringConstant(mayHoldPort) && !p.AnyIntConstant(isSidecarPort) {
		return nil, nil
	}
	for l := range p.ListenAddrs() {
		port, ok := lint.ListenPort(p.StringOf(l.Addr))
		if !ok {
			continue
		}
		use, ok := sidecarPorts[port]
		if !ok {
			continue
		}
		p.Reportf(l.Addr.Pos(), "server listens on port %d, which the Istio sidecar uses for %s: the app and the proxy share the pod's network namespace, so one of them cannot bind it or the app takes traffic meant for the proxy; pick another port", port, use)
	}
	return nil, nil
}

// mayHoldPort is a cheap superset test for "s may spell a sidecar port".
func mayHoldPort(s string) bool { return strings.Contains(s, "150") }

// isSidecarPort reports whether an integer constant is a sidecar port.
func isSidecarPort(v int64) bool {
	if v < 15000 || v > 15090 {
		return false
	}
	_, ok := sidecarPorts[int(v)]
	return ok
}
