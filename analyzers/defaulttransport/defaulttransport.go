package defaulttransport

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports connection pools left at Go's defaults.
var Analyzer = &analysis.Analyzer{
	Name:     "defaulttransport",
	Doc:      lint.MustExtractDoc(doc, "defaulttransport"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/defaulttransport/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

// implicit holds -defaulttransport.implicit.
var implicit bool

func init() {
	Analyzer.Flags.BoolVar(&implicit, "implicit", false, "also report http.Client literals with no Transport (they use http.DefaultTransport)")
}

const (
	whyPool = "2 idle connections per host make a busy client open a new connection through the sidecar for most requests"
	whyIdle = "idle connections never expire, so the sidecar or upstream closes them first and a reused one fails (503 UC)"
)

func run(p *lint.Pass) (any, error) {
	if !p.Imports("net/http") {
		return nil, nil
	}
	check := func(n ast.Node) func(inspector.Cursor) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			t := p.TypesInfo.TypeOf(n)
			if ptr, ok := types.Unalias(t).(*types.Pointer); ok && n.Type == nil {
				t = ptr.Elem() // elided &T in []*http.Transport{{...}}
			}
			switch {
			case lint.IsValueOf(t, "net/http", "Transport"):
				return func(cur inspector.Cursor) { checkTransportLit(p, cur, n) }
			case implicit && lint.IsValueOf(t, "net/http", "Client"):
				return func(cur inspector.Cursor) { checkImplicit(p, cur, n) }
			}
		case *ast.CallExpr:
			if isDefaultClone(p, n) {
				return func(cur inspector.Cursor) {
					if p.AssignedLater(cur, "MaxIdleConnsPerHost") == lint.NotAssigned && !oneShot(p, cur) {
						p.Reportf(n.Pos(), "clone of http.DefaultTransport keeps MaxIdleConnsPerHost at 2: %s; set MaxIdleConnsPerHost on the clone (e.g. t.MaxIdleConnsPerHost = 100)", whyPool)
					}
				}
			}
		case *ast.Ident:
			if p.IsPkgVar(n, "net/http", "DefaultTransport") {
				return func(cur inspector.Cursor) { checkDefaultTransport(p, cur, n) }
			}
		}
		return nil
	}
	p.Check(p.PkgLevelIdents("net/http"), check)
	return nil, nil
}

// set reports whether a literal gives field a value other than a constant
// zero / false / nil.
func set(p *lint.Pass, lit *ast.CompositeLit, field string) bool {
	v := p.StructField(lit, field)
	if v == nil {
		return false
	}
	tv, ok := p.TypesInfo.Types[v]
	if !ok {
		return true
	}
	if tv.IsNil() {
		return false
	}
	if tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.Bool:
			return constant.BoolVal(tv.Value)
		case constant.Int, constant.Float:
			return constant.Sign(tv.Value) != 0
		}
	}
	return true
}

// constTrue reports whether a literal sets field to the constant true.
func constTrue(p *lint.Pass, lit *ast.CompositeLit, field string) bool {
	v := p.StructField(lit, field)
	if v == nil {
		return false
	}
	tv, ok := p.TypesInfo.Types[v]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// oneShot reports whether the transport built at cur serves only a client
// local to the function (or is used directly there): it, and any client
// holding it, is never returned or stored in a field, package variable,
// map or slice, nor passed to a function, and it is used by at least one
// net/http call (a transport built and dropped is still reported). Its
// pool is never reused after the function returns, so its size and idle
// timeout do not matter.
func oneShot(p *lint.Pass, cur inspector.Cursor) bool {
	uses, local := p.LocalUses(cur)
	if !local || len(uses) == 0 {
		return false
	}
	for _, u := range uses {
		if u.Method.Pkg().Path() != "net/http" {
			return false
		}
	}
	return true
}

// checkTransportLit reports a transport literal missing MaxIdleConnsPerHost
// or IdleConnTimeout (not assigned later either).
func checkTransportLit(p *lint.Pass, cur inspector.Cursor, lit *ast.CompositeLit) {
	if constTrue(p, lit, "DisableKeepAlives") {
		return // no idle pool at all; a non-constant value may be false
	}
	var missing, why, fix []string
	if !set(p, lit, "MaxIdleConnsPerHost") {
		switch p.AssignedLater(cur, "MaxIdleConnsPerHost") {
		case lint.Unknown, lint.Assigned:
		default:
			missing, why, fix = append(missing, "MaxIdleConnsPerHost"), append(why, whyPool), append(fix, "MaxIdleConnsPerHost: 100")
		}
	}
	if !set(p, lit, "IdleConnTimeout") {
		switch p.AssignedLater(cur, "IdleConnTimeout") {
		case lint.Unknown, lint.Assigned:
		default:
			missing, why, fix = append(missing, "IdleConnTimeout"), append(why, whyIdle), append(fix, "IdleConnTimeout: 30 * time.Second")
		}
	}
	if len(missing) == 0 || oneShot(p, cur) {
		return
	}
	p.Reportf(lit.Pos(), "http.Transport literal leaves %s at Go's defaults: %s; set %s",
		strings.Join(missing, ", "), strings.Join(why, ", and "), strings.Join(fix, ", "))
}

// checkImplicit reports (with -implicit) a client literal with no Transport.
func checkImplicit(p *lint.Pass, cur inspector.Cursor, lit *ast.CompositeLit) {
	if set(p, lit, "Transport") || p.AssignedLater(cur, "Transport") != lint.NotAssigned {
		return
	}
	p.Reportf(lit.Pos(), "http.Client has no Transport, so it uses http.DefaultTransport: %s; set Transport to your own *http.Transport with MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second", whyPool)
}

// isDefaultTransport reports whether e is http.DefaultTransport, possibly
// type-asserted (http.DefaultTransport.(*http.Transport)) and possibly held
// in a local assigned exactly once from it.
func isDefaultTransport(p *lint.Pass, e ast.Expr) bool {
	for range 4 {
		e = ast.Unparen(e)
		if ta, ok := e.(*ast.TypeAssertExpr); ok {
			e = ast.Unparen(ta.X)
		}
		if p.IsPkgVar(e, "net/http", "DefaultTransport") {
			return true
		}
		id, ok := e.(*ast.Ident)
		if !ok {
			return false
		}
		def, ok := p.SingleValue(p.ObjectOf(id))
		if !ok {
			return false
		}
		e = def
	}
	return false
}

// isDefaultClone reports whether call is Clone() of the default transport.
func isDefaultClone(p *lint.Pass, call *ast.CallExpr) bool {
	if p.CalleeName(call) != "(*net/http.Transport).Clone" {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && p.TypesInfo.Selections[sel] != nil && isDefaultTransport(p, sel.X)
}

// checkDefaultTransport reports http.DefaultTransport used as a value: the
// pool behind it is then the one with 2 idle connections per host.
// Not uses: comparisons, reading its fields, configuring it in place,
// replacing it, Clone (judged on its own) and other methods than
// RoundTrip (CloseIdleConnections).
func checkDefaultTransport(p *lint.Pass, cur inspector.Cursor, id *ast.Ident) {
	if !p.IsPkgVar(id, "net/http", "DefaultTransport") {
		return
	}
	x := cur
	if x.ParentEdgeKind() == edge.SelectorExpr_Sel {
		x = x.Parent()
	}
	pos := x.Node().Pos()
	asserted := false
	for {
		switch x.ParentEdgeKind() {
		case edge.ParenExpr_X:
			x = x.Parent()
			continue
		case edge.TypeAssertExpr_X:
			if asserted {
				return
			}
			asserted = true
			x = x.Parent()
			continue
		case edge.CallExpr_Args:
			// conversion: http.RoundTripper(http.DefaultTransport)
			if call := x.Parent().Node().(*ast.CallExpr); isConversion(p, call) {
				x = x.Parent()
				continue
			}
		}
		break
	}
	switch x.ParentEdgeKind() {
	case edge.KeyValueExpr_Value, edge.CompositeLit_Elts, edge.CallExpr_Args, edge.ReturnStmt_Results, edge.SendStmt_Value:
		// Transport: http.DefaultTransport, otelhttp.NewTransport(http.DefaultTransport), return it
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		if asserted {
			return // dt := http.DefaultTransport.(*http.Transport): its Clone or settings are judged where used
		}
	case edge.SelectorExpr_X:
		sel := x.Parent().Node().(*ast.SelectorExpr)
		s := p.TypesInfo.Selections[sel]
		if s == nil || s.Kind() != types.MethodVal || sel.Sel.Name != "RoundTrip" {
			return // field reads and writes, Clone, CloseIdleConnections
		}
	default:
		return // comparisons, switch cases, http.DefaultTransport = x, &http.DefaultTransport
	}
	p.Reportf(pos, "http.DefaultTransport keeps only 2 idle connections per host: under load most requests through the sidecar open a new connection; use your own transport (a Clone() of it with MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second)")
}

func isConversion(p *lint.Pass, call *ast.CallExpr) bool {
	tv, ok := p.TypesInfo.Types[call.Fun]
	return ok && tv.IsType()
}
