package loopbacktrust

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"net/netip"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/meshlint/meshlint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports security decisions taken on the peer address, which behind the sidecar is the sidecar's.
var Analyzer = &analysis.Analyzer{
	Name:     "loopbacktrust",
	Doc:      lint.MustExtractDoc(doc, "loopbacktrust"),
	URL:      "https://github.com/meshlint/meshlint/blob/main/analyzers/loopbacktrust/doc.go",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run:      lint.Run(run),
}

const (
	httpPkg     = "net/http"
	peerPkg     = "google.golang.org/grpc/peer"
	ginPkg      = "github.com/gin-gonic/gin"
	fasthttpPkg = "github.com/valyala/fasthttp"
	hertzPkg    = "github.com/cloudwego/hertz/pkg/app"
)

// What a check asks of the peer address; it picks the message.
type kind int

const (
	none      kind = iota
	loopback       // IsLoopback, a loopback literal
	private        // IsPrivate, a private-range literal
	allowList      // a CIDR range, map or slice holding addresses
)

const (
	why = "behind the sidecar every request arrives from the proxy (127.0.0.6)"
	fix = "authorize with an Istio AuthorizationPolicy or the caller's mTLS identity (X-Forwarded-Client-Cert)"
)

var messages = map[kind]string{
	loopback:  "loopback check on the peer address: " + why + ", so it admits every mesh client; " + fix,
	private:   "private-network check on the peer address: " + why + ", so it sees the proxy, never the client; " + fix,
	allowList: "IP allow-list matched against the peer address: " + why + ", so the list sees no client IP; " + fix,
}

func run(p *lint.Pass) (any, error) {
	// The peer address is a field or method of these packages' types,
	// reachable through frameworks (gin's c.Request.RemoteAddr, echo's
	// c.Request().RemoteAddr): a package that reaches none of them has no
	// peer address to test.
	if !p.Imports(httpPkg, peerPkg, ginPkg, fasthttpPkg, hertzPkg) &&
		!p.Reaches(httpPkg) && !p.Reaches(peerPkg) && !p.Reaches(fasthttpPkg) && !p.Reaches(hertzPkg) {
		return nil, nil
	}
	if !usesPeerAddr(p) {
		return nil, nil
	}
	c := &checker{
		p:        p,
		reported: make(map[ast.Node]bool),
		forwards: make(map[ast.Node]bool),
		believes: make(map[ast.Node]bool),
		writes:   make(map[ast.Node]map[types.Object]bool),
		judging:  make(map[*types.Var]bool),
		results:  make(map[result]bool),
		helpers:  make(map[result]kind),
		assumed:  make(map[*types.Var]bool),
	}
	for cur := range p.Inspector().Root().Preorder(checkNodes...) {
		if p.Skipped(cur.Node()) {
			continue
		}
		for _, ch := range c.checksAt(cur, 0) {
			if !c.reported[ch.root] {
				c.reported[ch.root] = true
				p.Reportf(ch.at.Pos(), "%s", messages[ch.k])
			}
		}
	}
	return nil, nil
}

// checkNodes are the nodes that may test the peer address.
var checkNodes = []ast.Node{(*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil), (*ast.IndexExpr)(nil), (*ast.SwitchStmt)(nil)}

// usesPeerAddr reports whether the package selects the peer address
// anywhere (the RemoteAddr field, a peer's Addr, a framework's RemoteIP):
// a cheap scan of the selections that spares the traversal almost every
// package that merely imports net/http.
func usesPeerAddr(p *lint.Pass) bool {
	for _, s := range p.TypesInfo.Selections {
		switch s.Obj().Name() {
		case "RemoteAddr", "Addr", "RemoteIP":
			if isPeerAddr(p, s.Obj()) {
				return true
			}
		}
	}
	return false
}

// isPeerAddr reports whether obj is a source of the peer address: the
// RemoteAddr field of *http.Request, the Addr field of gRPC's peer.Peer,
// or a framework method of lint.PeerAddrMethods.
func isPeerAddr(p *lint.Pass, obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Var:
		if !obj.IsField() || obj.Pkg() == nil {
			return false
		}
		switch obj.Pkg().Path() {
		case httpPkg:
			return obj.Name() == "RemoteAddr"
		case peerPkg:
			return obj.Name() == "Addr"
		}
	case *types.Func:
		return lint.PeerAddrMethods[p.FuncName(obj)]
	}
	return false
}

type checker struct {
	p        *lint.Pass
	reported map[ast.Node]bool                  // decisions already reported (one finding per condition)
	forwards map[ast.Node]bool                  // statement → it names a forwarding header
	believes map[ast.Node]bool                  // function → it uses a forwarding header's value
	writes   map[ast.Node]map[types.Object]bool // function → maps it writes to
	judging  map[*types.Var]bool                // variables whose values allPeer is judging
	results  map[result]bool                    // function results judged by returnsPeer
	helpers  map[result]kind                    // function parameters judged by helperKind
	assumed  map[*types.Var]bool                // parameters taken to hold the peer address (helperKind)
}

// maxDepth bounds how far values are followed (variables, calls).
const maxDepth = 12

// peer reports whether e holds the peer address or a value taken from
// it: the host of net.SplitHostPort, a parsed IP, a part of a split, the
// result of String, a variable assigned once from one of those.
func (c *checker) peer(e ast.Expr, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	info := c.p.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		s := info.Selections[e]
		if s == nil || s.Kind() != types.FieldVal {
			return false
		}
		if isPeerAddr(c.p, s.Obj()) {
			return true
		}
		// The IP of a peer *net.TCPAddr (p.Addr.(*net.TCPAddr).IP).
		if f := s.Obj(); f.Name() == "IP" && f.Pkg() != nil && f.Pkg().Path() == "net" {
			return c.peer(e.X, depth+1)
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1 && c.peer(e.Args[0], depth+1) // string(x), net.IP(x)
		}
		fn := c.p.Callee(e)
		if fn == nil {
			return false
		}
		name := c.p.FuncName(fn)
		if lint.PeerAddrMethods[name] {
			return true
		}
		if part, ok := lint.AddrParts[name]; ok && part.Result == 0 {
			return c.peer(c.partArg(e, name, part), depth+1)
		}
		// String of a peer value: net.Addr, net.IP, netip.Addr, ...
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && fn.Name() == "String" && sig.Params().Len() == 0 {
			return c.peer(c.p.Receiver(e), depth+1)
		}
		return c.returnsPeer(fn, 0, depth+1)
	case *ast.IndexExpr:
		// parts[0] of strings.Split(addr, ":")
		if isStringSlice(info.TypeOf(e.X)) && isZero(info, e.Index) {
			return c.peer(e.X, depth+1)
		}
	case *ast.SliceExpr:
		// addr[:strings.LastIndex(addr, ":")], host[1:len(host)-1]
		if isString(info.TypeOf(e.X)) && (e.Low == nil || smallConst(info, e.Low)) {
			return c.peer(e.X, depth+1)
		}
	case *ast.TypeAssertExpr:
		return c.peer(e.X, depth+1) // p.Addr.(*net.TCPAddr)
	case *ast.StarExpr:
		return c.peer(e.X, depth+1)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if c.assumed[v] {
			return true
		}
		if def, ok := c.p.SingleValue(v); ok {
			return c.peer(def, depth+1)
		}
		if rhs, i, ok := c.p.SingleResult(v); ok {
			return c.peerResult(rhs, i, depth+1)
		}
		return c.allPeer(v, depth)
	}
	return false
}

// allPeer reports whether every value the local variable v is given holds
// the peer address: host := r.RemoteAddr, then host = h from
// net.SplitHostPort, or host = strings.Trim(host, "[]"). A value derived
// from v itself counts as one while v is being judged; a single value from
// elsewhere (host = r.Header.Get("X-Real-IP")) makes v unknown.
func (c *checker) allPeer(v *types.Var, depth int) bool {
	if c.judging[v] {
		return true
	}
	defs, ok := c.p.Definitions(v)
	if !ok || len(defs) == 0 {
		return false
	}
	c.judging[v] = true
	defer delete(c.judging, v)
	for _, d := range defs {
		if d.Index < 0 && !c.peer(d.Rhs, depth+1) || d.Index >= 0 && !c.peerResult(d.Rhs, d.Index, depth+1) {
			return false
		}
	}
	return true
}

// peerResult reports whether the i'th value of the multi-valued rhs
// holds the peer address: host, _, err := net.SplitHostPort(addr),
// ip, err := netip.ParseAddr(host), tcp, ok := addr.(*net.TCPAddr).
func (c *checker) peerResult(rhs ast.Expr, i, depth int) bool {
	switch rhs := rhs.(type) {
	case *ast.CallExpr:
		name := c.p.CalleeName(rhs)
		if part, ok := lint.AddrParts[name]; ok {
			return part.Result == i && c.peer(c.partArg(rhs, name, part), depth)
		}
		return c.returnsPeer(c.p.Callee(rhs), i, depth)
	case *ast.TypeAssertExpr:
		return i == 0 && c.peer(rhs.X, depth)
	}
	return false
}

// returnsPeer reports whether fn, a function of the package, returns the
// peer address as its i'th result: every return statement gives it a
// value that holds the peer address, or nil or a zero value (an error
// path), and one at least the peer address. func remoteIP(r
// *http.Request) net.IP { host, _, _ := net.SplitHostPort(r.RemoteAddr);
// return net.ParseIP(host) } does; a helper that may return a header
// (X-Forwarded-For first, RemoteAddr as a fallback) does not.
func (c *checker) returnsPeer(fn *types.Func, i, depth int) bool {
	if fn == nil || fn.Pkg() != c.p.Types || depth > maxDepth {
		return false
	}
	key := result{fn, i}
	if r, ok := c.results[key]; ok {
		return r // also false while it is being judged: recursion
	}
	c.results[key] = false
	r := c.judgeReturns(fn, i, depth)
	c.results[key] = r
	return r
}

type result struct {
	fn *types.Func
	i  int
}

func (c *checker) judgeReturns(fn *types.Func, i, depth int) bool {
	cur, ok := c.funcDecl(fn)
	if !ok {
		return false
	}
	decl := cur.Node().(*ast.FuncDecl)
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i >= sig.Results().Len() {
		return false
	}
	peers, others := 0, 0
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) != sig.Results().Len():
				others++ // a bare return, or return f() of a tuple
			case isZeroValue(c.p.TypesInfo, n.Results[i]):
			case c.peer(n.Results[i], depth+1):
				peers++
			default:
				others++
			}
		}
		return others == 0
	})
	return peers > 0 && others == 0
}

// isZeroValue reports whether e is nil, "" or another constant zero, or
// an empty composite literal (netip.Addr{}).
func isZeroValue(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok {
		if tv.IsNil() {
			return true
		}
		if tv.Value != nil {
			return tv.Value.ExactString() == `""` || tv.Value.ExactString() == "0" || tv.Value.ExactString() == "false"
		}
	}
	lit, ok := e.(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

// partArg returns the argument (or receiver) a call of lint.AddrParts
// takes its result from.
func (c *checker) partArg(call *ast.CallExpr, name string, part lint.AddrPart) ast.Expr {
	if part.Param == "" {
		return c.p.Receiver(call)
	}
	return c.p.ArgOf(call, name, part.Param)
}

// A check is a decision on the peer address: the node to report, the
// root of the boolean expression holding it (one finding per condition),
// and what it asks.
type check struct {
	at, root ast.Node
	k        kind
}

// checksAt returns the decisions on the peer address that the node at cur
// makes: none, one, or for a tagged switch one per clause. depth counts
// the helpers of the package being judged (see helperKind).
func (c *checker) checksAt(cur inspector.Cursor, depth int) []check {
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		return c.decided(cur, c.callKind(n, depth))
	case *ast.BinaryExpr:
		return c.decided(cur, c.comparisonKind(n))
	case *ast.IndexExpr:
		return c.membership(cur, n)
	case *ast.SwitchStmt:
		return c.switchCases(cur, n)
	}
	return nil
}

// decided returns the check of kind k at cur when its result decides
// something (see decision) and it is not a trusted-proxy test (see
// proxyTest).
func (c *checker) decided(cur inspector.Cursor, k kind) []check {
	if k == none {
		return nil
	}
	root, ok := c.decision(cur, 0)
	if !ok || c.proxyTest(cur, root.Parent().Node()) {
		return nil
	}
	return []check{{cur.Node(), root.Node(), k}}
}

// callKind judges the address tests of lint.AddrTests, and calls of the
// package's own predicates given the peer address (see helperKind).
func (c *checker) callKind(call *ast.CallExpr, depth int) kind {
	name := c.p.CalleeName(call)
	t, ok := lint.AddrTests[name]
	if !ok {
		return c.helperCall(call, depth)
	}
	arg := func(param string) ast.Expr {
		if param == "" {
			return c.p.Receiver(call)
		}
		return c.p.ArgOf(call, name, param)
	}
	addr := arg(t.Addr)
	switch t.Test {
	case lint.TestLoopback:
		if c.peer(addr, 0) {
			return loopback
		}
	case lint.TestPrivate:
		if c.peer(addr, 0) {
			return private
		}
	case lint.TestRange:
		if c.peer(addr, 0) && !c.peer(c.p.Receiver(call), 0) {
			return allowList
		}
	case lint.TestMember:
		if c.peer(addr, 0) && !c.peer(c.p.ArgOf(call, name, "s"), 0) {
			return allowList
		}
	case lint.TestEqual:
		against := arg(t.Against)
		switch {
		case c.peer(addr, 0):
			return c.literal(against, false)
		case c.peer(against, 0):
			return c.literal(addr, false)
		}
	case lint.TestPrefix, lint.TestSubstr:
		if c.peer(addr, 0) {
			return c.literal(arg(t.Against), t.Test == lint.TestPrefix)
		}
	}
	return none
}

// maxHelperDepth bounds the chains of helpers judged by helperKind.
const maxHelperDepth = 2

// helperCall judges a call of a boolean function of the package given
// the peer address: isLocal(r.RemoteAddr), m.allowed(ip).
func (c *checker) helperCall(call *ast.CallExpr, depth int) kind {
	if depth >= maxHelperDepth || !isBool(c.p.TypesInfo.TypeOf(call)) {
		return none
	}
	fn := c.p.Callee(call)
	if fn == nil || fn.Pkg() != c.p.Types {
		return none
	}
	for i, a := range c.p.Args(call) {
		if c.peer(a, 0) {
			if k := c.helperKind(fn, i, depth+1); k != none {
				return k
			}
		}
	}
	return none
}

// helperKind reports what fn, a function of the package, decides on its
// i'th parameter when that parameter holds the peer address: the kind of
// the first check on it that decides something in fn, or none.
//
//	func (m *allowlist) allowed(addr string) bool {
//		ip := net.ParseIP(addr)
//		for _, n := range m.nets {
//			if n.Contains(ip) { // allowList
//				return true
//			}
//		}
//		return false
//	}
func (c *checker) helperKind(fn *types.Func, i, depth int) kind {
	key := result{fn, i}
	if k, ok := c.helpers[key]; ok {
		return k // also none while it is being judged: recursion
	}
	c.helpers[key] = none
	decl, ok := c.funcDecl(fn)
	sig, _ := fn.Type().(*types.Signature)
	if !ok || sig == nil || i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
		return none
	}
	param := sig.Params().At(i)
	c.assumed[param] = true
	defer delete(c.assumed, param)
	k := none
	for cur := range decl.Preorder(checkNodes...) {
		if checks := c.checksAt(cur, depth); len(checks) > 0 {
			k = checks[0].k
			break
		}
	}
	c.helpers[key] = k
	return k
}

// funcDecl returns the declaration (with a body) of fn, a function or
// method of the package, in a file meshlint reports on.
func (c *checker) funcDecl(fn *types.Func) (inspector.Cursor, bool) {
	cur, ok := c.p.Inspector().Root().FindByPos(fn.Pos(), fn.Pos())
	if !ok {
		return cur, false
	}
	decl, ok := cur.Parent().Node().(*ast.FuncDecl)
	if !ok || decl.Name.Pos() != fn.Pos() || decl.Body == nil || c.p.Skipped(decl) {
		return cur, false
	}
	return cur.Parent(), true
}

// comparisonKind judges addr == literal and addr != literal.
func (c *checker) comparisonKind(b *ast.BinaryExpr) kind {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return none
	}
	switch {
	case c.peer(b.X, 0):
		return c.literal(b.Y, false)
	case c.peer(b.Y, 0):
		return c.literal(b.X, false)
	}
	return none
}

// switchCases judges switch host { case "127.0.0.1", "::1": ... }: one
// check per clause, at its first loopback or private value.
func (c *checker) switchCases(cur inspector.Cursor, sw *ast.SwitchStmt) []check {
	if sw.Tag == nil || sw.Body == nil || !c.peer(sw.Tag, 0) || c.proxyTest(cur, sw) {
		return nil
	}
	var checks []check
	for _, stmt := range sw.Body.List {
		clause, ok := stmt.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, v := range clause.List {
			if k := c.literal(v, false); k != none {
				checks = append(checks, check{v, v, k})
				break
			}
		}
	}
	return checks
}

// membership judges allowed[ip] used as a condition, and the comma-ok
// form _, ok := allowed[ip] whose ok is one.
func (c *checker) membership(cur inspector.Cursor, ix *ast.IndexExpr) []check {
	info := c.p.TypesInfo
	mt, ok := typeUnder(info.TypeOf(ix.X)).(*types.Map)
	if !ok || !c.peer(ix.Index, 0) || c.peer(ix.X, 0) {
		return nil
	}
	// v, ok := allowed[ip]: the decision is on ok.
	if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && cur.ParentEdgeKind() == edge.AssignStmt_Rhs && len(as.Lhs) == 2 && len(as.Rhs) == 1 {
		if !isSet(mt) || c.writesMap(cur, ix.X) {
			return nil
		}
		v := c.p.ObjectOf(as.Lhs[1])
		if v == nil || !c.varDecides(v, 0) || c.proxyTest(cur, ifOf(cur.Parent())) {
			return nil
		}
		return []check{{ix, ix, allowList}}
	}
	if !isBool(mt.Elem()) || c.writesMap(cur, ix.X) {
		return nil
	}
	return c.decided(cur, allowList)
}

// ifOf returns the if statement whose init statement is at cur, or nil:
// if _, ok := allowed[ip]; ok { ... }.
func ifOf(cur inspector.Cursor) ast.Node {
	if ifs, ok := cur.Parent().Node().(*ast.IfStmt); ok && cur.ParentEdgeKind() == edge.IfStmt_Init {
		return ifs
	}
	return nil
}

// maxVarDepth bounds the chains of boolean variables followed by varDecides.
const maxVarDepth = 3

// decision reports whether the boolean at cur decides something: it is
// (through !, &&, ||, == true, parentheses) the condition of an if, for or
// switch case, the tag of a switch, a returned value (a predicate: its
// caller decides), or assigned to a local variable that decides. It also
// returns the root of the boolean expression holding cur. A result that is
// logged, formatted, passed on or stored in a field decides nothing here.
func (c *checker) decision(cur inspector.Cursor, depth int) (inspector.Cursor, bool) {
	for {
		parent := cur.Parent()
		k, idx := cur.ParentEdge()
		switch n := parent.Node().(type) {
		case *ast.ParenExpr:
			cur = parent
			continue
		case *ast.UnaryExpr:
			if n.Op == token.NOT {
				cur = parent
				continue
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LAND, token.LOR:
				cur = parent
				continue
			case token.EQL, token.NEQ:
				other := n.X
				if k == edge.BinaryExpr_X {
					other = n.Y
				}
				if tv, ok := c.p.TypesInfo.Types[ast.Unparen(other)]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
					cur = parent
					continue
				}
			}
		case *ast.IfStmt:
			return cur, k == edge.IfStmt_Cond
		case *ast.ForStmt:
			return cur, k == edge.ForStmt_Cond
		case *ast.SwitchStmt:
			return cur, k == edge.SwitchStmt_Tag
		case *ast.CaseClause:
			return cur, k == edge.CaseClause_List
		case *ast.ReturnStmt:
			return cur, true
		case *ast.AssignStmt:
			if k == edge.AssignStmt_Rhs && len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
				if v := c.p.ObjectOf(n.Lhs[idx]); v != nil {
					return cur, c.varDecides(v, depth+1)
				}
			}
		case *ast.ValueSpec:
			if k == edge.ValueSpec_Values && len(n.Names) == len(n.Values) {
				if v, ok := c.p.TypesInfo.Defs[n.Names[idx]].(*types.Var); ok {
					return cur, c.varDecides(v, depth+1)
				}
			}
		}
		return cur, false
	}
}

// varDecides reports whether some use of the local variable v decides
// something (see decision).
func (c *checker) varDecides(v *types.Var, depth int) bool {
	if depth > maxVarDepth || v.Pkg() != c.p.Types || v.Parent() == nil || v.Parent() == c.p.Types.Scope() {
		return false
	}
	fn, ok := c.funcOf(v.Pos())
	if !ok {
		return false
	}
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		if c.p.TypesInfo.Uses[id.Node().(*ast.Ident)] != v {
			continue
		}
		if _, ok := c.decision(id, depth); ok {
			return true
		}
	}
	return false
}

// funcOf returns the innermost function declaration or literal holding pos.
func (c *checker) funcOf(pos token.Pos) (inspector.Cursor, bool) {
	cur, ok := c.p.Inspector().Root().FindByPos(pos, pos)
	if !ok {
		return cur, false
	}
	return enclosingFunc(cur)
}

func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn, true
	}
	return cur, false
}

// forwardingHeaders are the request headers that carry a client address
// set by a proxy.
var forwardingHeaders = map[string]bool{
	"x-forwarded-for":          true,
	"x-real-ip":                true,
	"forwarded":                true,
	"x-forwarded":              true,
	"x-client-ip":              true,
	"x-original-forwarded-for": true,
	"x-cluster-client-ip":      true,
	"true-client-ip":           true,
	"cf-connecting-ip":         true,
	"fastly-client-ip":         true,
	"x-envoy-external-address": true,
}

// proxyTest reports whether the check at cur, deciding at stmt (the if,
// switch or case clause whose condition holds it; nil when it decides
// otherwise), is a trusted-proxy test: it decides whether to believe a
// forwarding header (X-Forwarded-For, X-Real-IP, ...), and behind the
// sidecar, the proxy that sets that header, it is right to. It is one when
//   - its statement names such a header (if trusted(peer) { use
//     X-Forwarded-For });
//   - its function uses such a header's value (testing that the header is
//     absent, r.Header.Get("X-Forwarded-For") != "", or logging it does
//     not count);
//   - its function returns an IP (net.IP, netip.Addr): it computes the
//     client's address, it does not authorize (func realIP(ctx) netip.Addr
//     { if !inNets(peer, trustedPeers) { return peer }; return fromHeaders(...) });
//   - it names the proxy: an identifier in it says proxy or proxies
//     (isTrustedProxy(ip), s.trustedProxies.Contains(ip)).
func (c *checker) proxyTest(cur inspector.Cursor, stmt ast.Node) bool {
	if stmt != nil && c.namesForwarding(stmt) {
		return true
	}
	if namesProxy(cur.Node()) {
		return true
	}
	fn, ok := enclosingFunc(cur)
	return ok && (returnsIP(c.p.TypesInfo, fn.Node()) || c.believesForwarding(fn))
}

// namesProxy reports whether an identifier in n says proxy or proxies.
func namesProxy(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			name := strings.ToLower(id.Name)
			found = found || strings.Contains(name, "proxy") || strings.Contains(name, "proxies")
		}
		return !found
	})
	return found
}

// returnsIP reports whether the function fn returns a net.IP, a
// netip.Addr or a netip.AddrPort.
func returnsIP(info *types.Info, fn ast.Node) bool {
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
	if ft == nil || ft.Results == nil {
		return false
	}
	for _, f := range ft.Results.List {
		t := info.TypeOf(f.Type)
		if lint.IsNamed(t, "net", "IP") || lint.IsNamed(t, "net/netip", "Addr") || lint.IsNamed(t, "net/netip", "AddrPort") {
			return true
		}
	}
	return false
}

// forwardingConst reports whether e is a constant naming a forwarding
// header.
func (c *checker) forwardingConst(e ast.Expr) bool {
	tv, ok := c.p.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
		forwardingHeaders[strings.ToLower(strings.TrimSpace(constant.StringVal(tv.Value)))]
}

// namesForwarding reports whether a constant string in n names a
// forwarding header.
func (c *checker) namesForwarding(n ast.Node) bool {
	if r, ok := c.forwards[n]; ok {
		return r
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if found || !ok {
			return !found
		}
		if c.forwardingConst(e) {
			found = true
		}
		return !found
	})
	c.forwards[n] = found
	return found
}

// believesForwarding reports whether the function at fn names a
// forwarding header other than to test that it is absent or to log it.
func (c *checker) believesForwarding(fn inspector.Cursor) bool {
	if r, ok := c.believes[fn.Node()]; ok {
		return r
	}
	found := false
	fn.Inspect(nil, func(cur inspector.Cursor) bool {
		e, ok := cur.Node().(ast.Expr)
		if found || !ok {
			return !found
		}
		if !c.forwardingConst(e) {
			return true
		}
		found = !c.presenceOrLog(cur)
		return false
	})
	c.believes[fn.Node()] = found
	return found
}

// presenceOrLog reports whether the header name at cur is the argument of
// a call (r.Header.Get(name), c.GetHeader(name)) whose result is only
// compared with "" or passed to a parameter of interface type (fmt, log,
// slog).
func (c *checker) presenceOrLog(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	get := cur.Parent()
	for get.Parent().Node() != nil {
		if _, ok := get.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		get = get.Parent()
	}
	switch n := get.Parent().Node().(type) {
	case *ast.BinaryExpr:
		other := n.X
		if get.ParentEdgeKind() == edge.BinaryExpr_X {
			other = n.Y
		}
		s := c.p.StringOf(other)
		return (n.Op == token.EQL || n.Op == token.NEQ) && s.Complete && s.Prefix == ""
	case *ast.CallExpr:
		if get.ParentEdgeKind() != edge.CallExpr_Args {
			return false
		}
		sig, ok := typeUnder(c.p.TypesInfo.TypeOf(n.Fun)).(*types.Signature)
		if !ok || sig.Params().Len() == 0 {
			return false
		}
		i := get.ParentEdgeIndex()
		var pt types.Type
		switch {
		case sig.Variadic() && i >= sig.Params().Len()-1:
			if sl, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok {
				pt = sl.Elem()
			}
		case i < sig.Params().Len():
			pt = sig.Params().At(i).Type()
		}
		return pt != nil && types.IsInterface(pt)
	}
	return false
}

// writesMap reports whether the function holding cur writes to the map m
// (m[k] = v, m[k]++, delete(m, k)): a map the request path fills is a
// cache or a counter keyed by address (rate limiting), not an allow-list.
func (c *checker) writesMap(cur inspector.Cursor, m ast.Expr) bool {
	obj := c.mapObject(m)
	if obj == nil {
		return false
	}
	fn, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	w, ok := c.writes[fn.Node()]
	if !ok {
		w = make(map[types.Object]bool)
		record := func(e ast.Expr) {
			if ix, ok := ast.Unparen(e).(*ast.IndexExpr); ok {
				if o := c.mapObject(ix.X); o != nil {
					w[o] = true
				}
			}
		}
		ast.Inspect(fn.Node(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					record(lhs)
				}
			case *ast.IncDecStmt:
				record(n.X)
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 2 {
					if b, ok := c.p.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "delete" {
						if o := c.mapObject(n.Args[0]); o != nil {
							w[o] = true
						}
					}
				}
			}
			return true
		})
		c.writes[fn.Node()] = w
	}
	return w[obj]
}

// mapObject returns the variable or field naming a map: m, s.allowed.
func (c *checker) mapObject(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.p.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		return c.p.TypesInfo.Uses[e.Sel]
	}
	return nil
}

// literal classifies a value the peer address is compared with: a known
// string, net.ParseIP/netip.MustParseAddr of one, net.IPv4 of constants,
// net.IPv6loopback, netip.IPv6Loopback(), or a variable assigned once
// from those. prefix: the value is a leading part (strings.HasPrefix).
//
// Equality with one private address (host == "10.0.0.7") is an allow-list
// of one: the proxy is never that client.
func (c *checker) literal(e ast.Expr, prefix bool) kind {
	k := c.literalAt(e, prefix, 0)
	if k == private && !prefix {
		return allowList
	}
	return k
}

func (c *checker) literalAt(e ast.Expr, prefix bool, depth int) kind {
	if e == nil || depth > maxDepth {
		return none
	}
	info := c.p.TypesInfo
	e = ast.Unparen(e)
	if isString(info.TypeOf(e)) {
		s := c.p.StringOf(e)
		if !s.Complete {
			return none
		}
		return classify(s.Prefix, prefix)
	}
	switch e := e.(type) {
	case *ast.Ident:
		if c.p.IsPkgVar(e, "net", "IPv6loopback") {
			return loopback
		}
		if v, ok := info.Uses[e].(*types.Var); ok {
			if def, ok := c.p.SingleValue(v); ok {
				return c.literalAt(def, false, depth+1)
			}
		}
	case *ast.SelectorExpr:
		if c.p.IsPkgVar(e, "net", "IPv6loopback") {
			return loopback
		}
	case *ast.CallExpr:
		switch c.p.CalleeName(e) {
		case "net.ParseIP", "net/netip.MustParseAddr":
			if len(e.Args) == 1 {
				return c.literalAt(e.Args[0], false, depth+1)
			}
		case "net/netip.IPv6Loopback":
			return loopback
		case "net.IPv4":
			var b [4]string
			for i, a := range e.Args {
				tv, ok := info.Types[ast.Unparen(a)]
				if i >= 4 || !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
					return none
				}
				b[i] = tv.Value.ExactString()
			}
			if len(e.Args) == 4 {
				return classify(strings.Join(b[:], "."), false)
			}
		}
	}
	return none
}

// classify judges a literal compared with the peer address: loopback when
// it is localhost or parses as a loopback address (127.0.0.0/8, ::1,
// also bracketed or with a port), private when it parses as a private one
// (10/8, 172.16/12, 192.168/16, fc00::/7). A prefix (strings.HasPrefix)
// is judged by the addresses it begins: whole leading octets ("127.",
// "10.", "192.168.", "172.16.", "192.168" — but not "10", which also
// begins 100.x) or IPv6 groups ("fd00:").
func classify(s string, prefix bool) kind {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return none
	}
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host // "127.0.0.1:8080", "[::1]:80", "localhost:"
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	if s == "localhost" || strings.HasSuffix(s, ".localhost") {
		return loopback
	}
	if addr, err := netip.ParseAddr(s); err == nil {
		return classOf(addr)
	}
	if !prefix {
		return none
	}
	if strings.HasSuffix(s, ":") && strings.Count(s, ":") == 1 { // "fd00:"
		if addr, err := netip.ParseAddr(s + ":"); err == nil {
			return classOf(addr)
		}
		return none
	}
	dot := strings.HasSuffix(s, ".")
	octets := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(octets) > 3 {
		return none
	}
	for _, o := range octets {
		if n, err := strconv.Atoi(o); err != nil || n < 0 || n > 255 || o != strconv.Itoa(n) {
			return none
		}
	}
	if !dot && len(octets) == 1 && len(octets[0]) < 3 {
		return none // "10" also begins 100.64.0.1
	}
	for len(octets) < 4 {
		octets = append(octets, "0")
	}
	addr, err := netip.ParseAddr(strings.Join(octets, "."))
	if err != nil {
		return none
	}
	return classOf(addr)
}

func classOf(addr netip.Addr) kind {
	addr = addr.Unmap()
	switch {
	case addr.IsLoopback():
		return loopback
	case addr.IsPrivate():
		return private
	}
	return none
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// isSet reports whether a map is a set: its values are bool or struct{}.
func isSet(m *types.Map) bool {
	if isBool(m.Elem()) {
		return true
	}
	st, ok := m.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

func isBool(t types.Type) bool {
	b, ok := typeUnder(t).(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func isString(t types.Type) bool {
	b, ok := typeUnder(t).(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isStringSlice(t types.Type) bool {
	s, ok := typeUnder(t).(*types.Slice)
	return ok && isString(s.Elem())
}

// isZero reports whether e is the constant 0.
func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.Value != nil && tv.Value.ExactString() == "0"
}

// smallConst reports whether e is the constant 0 or 1 (the start of a
// host: addr[0:i], or host[1:] after a bracket).
func smallConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.Value != nil && (tv.Value.ExactString() == "0" || tv.Value.ExactString() == "1")
}
