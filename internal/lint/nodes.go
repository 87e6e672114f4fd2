package lint

import (
	"cmp"
	"go/ast"
	"go/token"
	"iter"
	"slices"
	"sync"

	"golang.org/x/tools/go/ast/inspector"
)

// The node list is the one traversal of a package's syntax that the
// analyzers' scans share: the calls, composite literals, declarations,
// assignments, address-of expressions, ++/-- and range statements and
// functions of its files, in preorder, each with its innermost enclosing
// function. It is about a tenth of the package's nodes, kept as two words
// each, where the inspector keeps two events of four words for every
// node: scans iterate the list, and only what they find asks for cursors
// (see [Package.Check]), so that most packages never build an inspector.

// A listed is one node of the list.
type listed struct {
	n  ast.Node
	fn ast.Node // the innermost *ast.FuncDecl or *ast.FuncLit holding n (not n itself); nil at package level
}

// fileNodes is the list of one file.
type fileNodes struct {
	skipped bool // findings in the file are dropped (see Skipped)
	nodes   []listed
}

// isListed reports whether n is of a kind the node list holds.
func isListed(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr, *ast.CompositeLit, *ast.ValueSpec, *ast.AssignStmt,
		*ast.IncDecStmt, *ast.RangeStmt, *ast.FuncDecl, *ast.FuncLit:
		return true
	case *ast.UnaryExpr:
		return n.Op == token.AND
	}
	return false
}

// scratchPool holds the buffers nodeList builds the files' lists in,
// shared by the packages of a run (*[]listed).
var scratchPool = sync.Pool{New: func() any { return new([]listed) }}

// nodeList returns the package's node list, built on first use.
func (p *Package) nodeList() []fileNodes {
	p.nodesOnce.Do(func() {
		p.nodes = make([]fileNodes, 0, len(p.files))
		sp := scratchPool.Get().(*[]listed) // one growing buffer; each file keeps an exact copy
		scratch := *sp
		var stack, funcs []ast.Node // the path to the node; the functions on it
		for _, f := range p.files {
			scratch = scratch[:0]
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					if top := stack[len(stack)-1]; len(funcs) > 0 && funcs[len(funcs)-1] == top {
						funcs = funcs[:len(funcs)-1]
					}
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				if isListed(n) {
					var fn ast.Node
					if len(funcs) > 0 {
						fn = funcs[len(funcs)-1]
					}
					scratch = append(scratch, listed{n, fn})
				}
				switch n.(type) {
				case *ast.FuncDecl, *ast.FuncLit:
					funcs = append(funcs, n)
				}
				return true
			})
			p.nodes = append(p.nodes, fileNodes{skipped: p.fileSkipped(f), nodes: slices.Clone(scratch)})
			clear(scratch) // the pool keeps no syntax alive
		}
		*sp = scratch[:0]
		scratchPool.Put(sp)
	})
	return p.nodes
}

// Nodes yields, in preorder, the calls, composite literals, value specs,
// assignments, address-of expressions (&x), ++/-- and range statements
// and function declarations and literals of the package's files that are
// not skipped, from the package's node list: scans that need no cursors
// range over it instead of walking the syntax or building the inspector.
func (p *Package) Nodes() iter.Seq[ast.Node] {
	return func(yield func(ast.Node) bool) {
		for _, fl := range p.nodeList() {
			if fl.skipped {
				continue
			}
			for _, e := range fl.nodes {
				if !yield(e.n) {
					return
				}
			}
		}
	}
}

// NodesIn yields, in preorder, the listed nodes inside n (a node of the
// package's files, itself excluded), skipped files included: the calls of
// a function body without walking it again. The list is in source order,
// so the nodes inside n are the run that starts at n's position.
func (p *Package) NodesIn(n ast.Node) iter.Seq[ast.Node] {
	return func(yield func(ast.Node) bool) {
		for i, fl := range p.nodeList() {
			if f := p.files[i]; n.Pos() < f.FileStart || n.Pos() > f.FileEnd {
				continue
			}
			start, _ := slices.BinarySearchFunc(fl.nodes, n.Pos(), func(e listed, pos token.Pos) int {
				return cmp.Compare(e.n.Pos(), pos)
			})
			for _, e := range fl.nodes[start:] {
				if e.n.Pos() >= n.End() {
					return
				}
				if e.n == n || e.n.End() > n.End() {
					continue // n, or an ancestor starting where n does (the call of func() {...}())
				}
				if !yield(e.n) {
					return
				}
			}
			return
		}
	}
}

// Check runs an analyzer's checks in two steps, so that a package with
// nothing to check never builds the [Package.Inspector]: check is called,
// without cursors, on every node of [Package.Nodes] and then on each
// identifier of ids (it holds the cheap, cursor-free part of the
// analyzer's tests), and each function it returns is then called, in
// preorder, with its node's cursor.
func (p *Package) Check(ids []*ast.Ident, check func(ast.Node) func(inspector.Cursor)) {
	todo := make(map[ast.Node]func(inspector.Cursor))
	for n := range p.Nodes() {
		if f := check(n); f != nil {
			todo[n] = f
		}
	}
	for _, id := range ids {
		if f := check(id); f != nil {
			todo[id] = f
		}
	}
	if len(todo) == 0 {
		return
	}
	types := []ast.Node{
		(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil),
		(*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.UnaryExpr)(nil),
	}
	if len(ids) > 0 {
		types = append(types, (*ast.Ident)(nil))
	}
	for cur := range p.Inspector().Root().Preorder(types...) {
		if f := todo[cur.Node()]; f != nil {
			f(cur)
		}
	}
}

// FindCursors sets the cursor of each node of m (nodes of the package's
// files), in one traversal: for an analyzer that collects nodes without
// cursors and needs cursors only for what it collected.
func (p *Package) FindCursors(m map[ast.Node]inspector.Cursor) {
	if len(m) == 0 {
		return
	}
	for cur := range p.Inspector().Root().Preorder() {
		if _, ok := m[cur.Node()]; ok {
			m[cur.Node()] = cur
		}
	}
}

// PathTo returns the path from the file holding target to target
// (target included), as inspector.WithStack hands it, found by descending
// from the file without cursors; nil when target is not in the package.
func (p *Package) PathTo(target ast.Node) []ast.Node {
	for _, f := range p.files {
		if target.Pos() < f.FileStart || target.Pos() > f.FileEnd {
			continue
		}
		var path []ast.Node
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			switch {
			case found:
				return false
			case n == nil:
				path = path[:len(path)-1]
				return true
			case n.Pos() > target.Pos() || n.End() < target.End():
				return false // not an ancestor
			}
			path = append(path, n)
			if n == target {
				found = true
				return false
			}
			return true
		})
		if found {
			return path
		}
	}
	return nil
}

// EnclosingFunc returns the innermost function declaration or literal of
// the package's files that holds pos, or nil; it needs no cursors.
func (p *Package) EnclosingFunc(pos token.Pos) ast.Node {
	var fn ast.Node
	for _, file := range p.files {
		if pos < file.FileStart || pos > file.FileEnd {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			switch n.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				fn = n
			}
			return true
		})
		break
	}
	return fn
}

// PkgLevelIdents returns, in source order, the identifiers of the files
// that are not skipped that use a package-level object of the package
// path (http.DefaultClient, or DefaultClient inside net/http itself): the
// identifiers a scan for such uses needs, without walking every
// identifier of the package.
func (p *Package) PkgLevelIdents(path string) []*ast.Ident {
	var ids []*ast.Ident
	for id := range p.Info.Uses {
		if p.IsPkgLevel(id, path) && !p.Skipped(id) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b *ast.Ident) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return ids
}
