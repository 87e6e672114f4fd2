// Package registry is the one list of meshlint's analyzers. The driver, the
// golangci-lint plugin and the nogo checks all read it, so a new analyzer
// joins every integration by being added here.
package registry

import (
	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/analyzers/clienttimeout"
	"github.com/meshlint/meshlint/analyzers/ctxprop"
	"github.com/meshlint/meshlint/analyzers/defaulttransport"
	"github.com/meshlint/meshlint/analyzers/envoyport"
	"github.com/meshlint/meshlint/analyzers/hardcodedip"
	"github.com/meshlint/meshlint/analyzers/healthauth"
	"github.com/meshlint/meshlint/analyzers/loopbacklisten"
	"github.com/meshlint/meshlint/analyzers/loopbacktrust"
	"github.com/meshlint/meshlint/analyzers/serveridle"
	"github.com/meshlint/meshlint/analyzers/traceheaders"
)

// Analyzers returns meshlint's analyzers in a stable order.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		hardcodedip.Analyzer,
		clienttimeout.Analyzer,
		defaulttransport.Analyzer,
		ctxprop.Analyzer,
		healthauth.Analyzer,
		loopbacklisten.Analyzer,
		traceheaders.Analyzer,
		serveridle.Analyzer,
		loopbacktrust.Analyzer,
		envoyport.Analyzer,
	}
}
