// Package lint is meshlint's one helper package: everything the analyzers
// share lives here and nowhere else.
//
//   - [Analyzer] computes, once per package, the facts every analyzer asks
//     for: which files are skipped (_test.go and generated files), the
//     //meshlint:ignore directives, and (lazily) the assignment index used by
//     known-value evaluation and "later assignment" tracking.
//   - [Run] wraps an analyzer's run function: its [Pass] honours those
//     rules, reports in position order and survives panics; analyzers
//     report only through it.
//   - nodes.go holds the package's node list, the one traversal the
//     analyzers' scans share, and [Package.Check], which builds the
//     inspector only for the nodes a scan found.
//   - known.go evaluates strings known at compile time (SPEC "Common rules").
//   - hosts.go extracts hosts from host:port, URLs and gRPC targets and
//     classifies IPs.
//   - calls.go matches calls and types by their types objects, never by
//     spelling.
package lint

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer is the shared pre-pass every meshlint analyzer requires. It reports
// nothing itself; its result is the per-package index ([Package]) that
// [Run] hands to the analyzer as part of its [Pass].
var Analyzer = newCore("meshlintcore", false)

// keepCore is Analyzer for runs prepared by KeepSuppressed.
var keepCore = newCore("meshlintcore", true)

func newCore(name string, keep bool) *analysis.Analyzer {
	return newCoreFor(name, options{keep: keep})
}

// options configure the shared pre-pass of a standalone run (ForDriver).
type options struct {
	keep  bool  // report suppressed findings, marked with SuppressedCategory
	users int32 // analyzers of the run that require the pre-pass; 0: unknown (never release)
}

func newCoreFor(name string, o options) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: name,
		Doc:  "shared per-package index for meshlint analyzers (reports nothing)",
		URL:  "https://github.com/meshlint/meshlint",
		Run: func(pass *analysis.Pass) (any, error) {
			pkg := runCore(pass)
			pkg.pending.Store(o.users)
			return &core{pkg: pkg, keep: o.keep}, nil
		},
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[*core](),
	}
}

// core is the result of the shared pre-pass.
type core struct {
	pkg  *Package
	keep bool // report suppressed findings, marked with SuppressedCategory
}

// ForDriver returns copies of analyzers (and of everything they require)
// for one run of the standalone checker, wired to a copy of the shared
// pre-pass that
//   - with keepSuppressed, reports the findings silenced by
//     //meshlint:ignore instead of dropping them, marked with a Category
//     starting with [SuppressedCategory] (SARIF lists them; the driver
//     takes them out of every other output itself);
//   - releases each package's index (inspector, assignment index, known
//     values) once every analyzer of the run has run on the package: the
//     checker keeps every root's results until the run ends, and without
//     the release the indexes of all packages would be live at once.
//
// The analyzers themselves, as go vet, golangci-lint and nogo run them,
// drop suppressed findings and keep their indexes: no global switch.
func ForDriver(analyzers []*analysis.Analyzer, keepSuppressed bool) []*analysis.Analyzer {
	o := options{keep: keepSuppressed}
	seen := make(map[*analysis.Analyzer]bool)
	var count func([]*analysis.Analyzer)
	count = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if slices.Contains(a.Requires, Analyzer) {
				o.users++
			}
			count(a.Requires)
		}
	}
	count(analyzers)
	copies := map[*analysis.Analyzer]*analysis.Analyzer{Analyzer: newCoreFor(Analyzer.Name, o)}
	var rewire func(a *analysis.Analyzer) *analysis.Analyzer
	rewire = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
			return c
		}
		c := new(analysis.Analyzer)
		*c = *a // the FlagSet is copied with the flag values it points to
		copies[a] = c
		c.Requires = nil
		for _, r := range a.Requires {
			c.Requires = append(c.Requires, rewire(r))
		}
		return c
	}
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		out[i] = rewire(a)
	}
	return out
}

// KeepSuppressed is ForDriver(analyzers, true).
func KeepSuppressed(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	return ForDriver(analyzers, true)
}

// Package is the result of [Analyzer]: the per-package index shared by all
// analyzers. It is safe for concurrent use (analyzers of one package may run
// in parallel).
type Package struct {
	fset  *token.FileSet
	files []*ast.File
	Info  *types.Info
	Types *types.Package

	constOnce sync.Once
	consts    []string // see StringConstants

	gofmtClean sync.Map // *token.File → bool: is the file gofmt-clean as it stands (see FixIsClean)

	inspectOnce sync.Once
	inspector   *inspector.Inspector

	skipped    map[*token.File]bool
	reported   []span                               // the files that are not skipped
	directives map[*token.File]map[int][]*directive // by line the directive covers
	all        []*directive

	nodesOnce sync.Once
	nodes     []fileNodes // see nodeList (nodes.go)

	assignOnce sync.Once
	vars       map[*types.Var]*varInfo

	pending atomic.Int32 // analyzers still to run on the package (ForDriver); see done

	mu       sync.Mutex
	known    map[ast.Expr]Str
	imported map[string]*types.Package // see ImportedPackage; nil entries: not imported

	module  *analysis.Module // pass.Module (nil or empty: unknown); see ModuleSource (modsrc.go)
	modOnce sync.Once
	mod     *ModuleSource
}

func runCore(pass *analysis.Pass) *Package {
	p := &Package{
		fset:    pass.Fset,
		files:   pass.Files,
		Info:    pass.TypesInfo,
		Types:   pass.Pkg,
		skipped: make(map[*token.File]bool),
		known:   make(map[ast.Expr]Str),
		module:  pass.Module,
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		if strings.HasSuffix(tf.Name(), "_test.go") || isGenerated(f) {
			p.skipped[tf] = true
			continue
		}
		p.reported = append(p.reported, span{tf.Pos(0), tf.Pos(tf.Size())})
		p.scanDirectives(tf, f)
	}
	return p
}

// A span is the range of positions of one file.
type span struct{ start, end token.Pos }

// cgoHeader is the header cmd/cgo puts on the files it rewrites; go/packages
// hands analyzers those rewritten files (with //line directives back to the
// user's source), so the header must not make a user's cgo file count as
// generated.
const cgoHeader = "// Code generated by cmd/cgo; DO NOT EDIT."

// isGenerated is ast.IsGenerated, except that the cmd/cgo header alone does
// not make a file generated.
func isGenerated(f *ast.File) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			if c.Text == cgoHeader {
				continue
			}
			if strings.HasPrefix(c.Text, "// Code generated ") && strings.HasSuffix(c.Text, " DO NOT EDIT.") {
				return true
			}
		}
	}
	return false
}

// Inspector returns the package's AST inspector, built on first use: a
// package every analyzer skips by its fast path never pays for one (this
// is why lint.Analyzer does not require inspect.Analyzer).
func (p *Package) Inspector() *inspector.Inspector {
	p.inspectOnce.Do(func() { p.inspector = inspector.New(p.files) })
	return p.inspector
}

// fileSkipped reports whether findings in file are dropped (see Skipped).
func (p *Package) fileSkipped(file *ast.File) bool {
	tf := p.fset.File(file.FileStart)
	return tf == nil || p.skipped[tf]
}

// Pass is an analyzer's *analysis.Pass with meshlint's reporting rules:
// findings in skipped files are dropped, findings under a matching
// //meshlint:ignore are dropped (or, for the standalone driver's SARIF
// output, reported marked with [SuppressedCategory]: see [KeepSuppressed]),
// and all findings reach the driver sorted by position. Analyzers report
// only through Pass.Report and Pass.Reportf.
type Pass struct {
	*analysis.Pass
	*Package
	keep  bool                  // report suppressed findings, marked (KeepSuppressed)
	diags []analysis.Diagnostic // buffered until run returns (see Run)
}

// Run wraps an analyzer's run function. It builds the meshlint [Pass],
// reports every //meshlint:ignore directive that names this analyzer first
// and has no reason (once, even in a package the rule has nothing to say
// about), turns a panic into an analysis error for that one package
// instead of killing the process and losing every other finding, and
// hands the findings to the driver sorted by position, so that every
// output (text, JSON, SARIF, go vet, golangci-lint, nogo) is deterministic
// whatever order the analyzer found them in.
func Run(run func(*Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error (please report it): %s panicked on package %s: %v\n%s",
					pass.Analyzer.Name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		if len(pass.Files) == 0 || pass.TypesInfo == nil {
			// A dependency loaded from export data, which drivers analyse
			// only for the facts of analyzers that declare some: there is
			// no syntax to look at, and nothing to report.
			return nil, nil
		}
		p := newPass(pass)
		defer p.Package.done()
		res, err = run(p)
		p.flush()
		return res, err
	}
}

// done records that one more analyzer has run on the package; after the
// last one of a ForDriver run, the package's index is released (built
// again if anything asks, which nothing does then).
func (p *Package) done() {
	if p.pending.Add(-1) != 0 {
		return
	}
	p.mu.Lock()
	p.known = make(map[ast.Expr]Str)
	p.imported = nil
	p.mu.Unlock()
	p.inspector, p.inspectOnce = nil, sync.Once{}
	p.nodes, p.nodesOnce = nil, sync.Once{}
	p.vars, p.assignOnce = nil, sync.Once{}
	p.consts, p.constOnce = nil, sync.Once{}
	p.gofmtClean = sync.Map{}
}

// newPass returns the meshlint view of pass.
func newPass(pass *analysis.Pass) *Pass {
	p := &Pass{Pass: pass}
	for _, r := range pass.ResultOf {
		if c, ok := r.(*core); ok {
			p.Package, p.keep = c.pkg, c.keep
		}
	}
	if p.Package == nil {
		panic(pass.Analyzer.Name + " does not require lint.Analyzer")
	}
	for _, d := range p.all {
		if d.reason == "" && len(d.names) > 0 && d.names[0] == pass.Analyzer.Name {
			p.diags = append(p.diags, analysis.Diagnostic{Pos: d.pos, Message: "meshlint:ignore needs a reason: write //meshlint:ignore " + strings.Join(d.names, ",") + " <why this is safe>"})
		}
	}
	return p
}

// flush reports the buffered findings in position order: file name, then
// offset in the file. (Not token.Pos order: drivers parse files in
// parallel, so the order of files in the FileSet changes from run to run.)
func (p *Pass) flush() {
	key := func(pos token.Pos) (string, int) {
		if tf := p.Fset.File(pos); tf != nil {
			return tf.Name(), tf.Offset(pos)
		}
		return "", int(pos)
	}
	slices.SortStableFunc(p.diags, func(a, b analysis.Diagnostic) int {
		af, ao := key(a.Pos)
		bf, bo := key(b.Pos)
		if c := cmp.Or(strings.Compare(af, bf), cmp.Compare(ao, bo)); c != 0 {
			return c
		}
		_, ae := key(a.End)
		_, be := key(b.End)
		return cmp.Or(cmp.Compare(ae, be), strings.Compare(a.Message, b.Message))
	})
	for _, d := range p.diags {
		p.Pass.Report(d)
	}
	p.diags = nil
}

// Report reports d unless it falls in a skipped file or under a
// //meshlint:ignore directive naming this analyzer.
func (p *Pass) Report(d analysis.Diagnostic) {
	if p.Suppressed(d.Pos) {
		if reason, ok := p.ignoreReason(d.Pos); ok && p.keep {
			d.Category = SuppressedCategory + reason
			p.diags = append(p.diags, d)
		}
		return
	}
	p.diags = append(p.diags, d)
}

// SuppressedCategory prefixes the Category of a finding silenced by a
// //meshlint:ignore directive, reported only by analyzers prepared with
// [KeepSuppressed]; the directive's reason follows it.
const SuppressedCategory = "meshlint-suppressed:"

// ignoreReason returns the reason of the //meshlint:ignore directive
// naming this analyzer that covers pos, if pos is in a reported file.
func (p *Pass) ignoreReason(pos token.Pos) (string, bool) {
	tf := p.fset.File(pos)
	if tf == nil || p.skipped[tf] {
		return "", false
	}
	for _, d := range p.directives[tf][tf.Line(pos)] {
		if slices.Contains(d.names, p.Analyzer.Name) {
			return d.reason, true
		}
	}
	return "", false
}

// Reportf is Report with a formatted message.
func (p *Pass) Reportf(pos token.Pos, format string, args ...any) {
	p.Report(analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// Suppressed reports whether a finding of this analyzer at pos would be
// dropped (skipped file or ignore directive).
func (p *Pass) Suppressed(pos token.Pos) bool {
	tf := p.fset.File(pos)
	if tf == nil || p.skipped[tf] {
		return true
	}
	line := tf.Line(pos)
	for _, d := range p.directives[tf][line] {
		for _, n := range d.names {
			if n == p.Analyzer.Name {
				return true
			}
		}
	}
	return false
}

// Skipped reports whether n lies in a file meshlint never reports on
// (_test.go or generated). Analyzers may use it to avoid work.
//
// It is called for most nodes analyzers look at, so it looks the position
// up among the package's own reported files (a handful) rather than in the
// whole FileSet (every file the run loaded).
func (p *Package) Skipped(n ast.Node) bool {
	pos := n.Pos()
	for _, s := range p.reported {
		if s.start <= pos && pos <= s.end {
			return false
		}
	}
	return true
}

// Imports reports whether the package is, or directly imports, any of paths.
// It is the fast path of SPEC "Common rules": a package that imports none
// of the packages a rule is about is skipped at near-zero cost.
func (p *Package) Imports(paths ...string) bool {
	for _, path := range paths {
		if p.Types.Path() == path {
			return true // the package itself (net/http uses its own DefaultClient)
		}
	}
	for _, imp := range p.Types.Imports() {
		for _, path := range paths {
			if imp.Path() == path {
				return true
			}
		}
	}
	return false
}

// Reaches reports whether the package imports path directly or
// transitively. Use it for rules about methods (a package can call
// (*http.Client).Get on a value from another package without importing
// net/http itself).
func (p *Package) Reaches(path string) bool {
	return p.ImportedPackage(path) != nil
}

// ImportedPackage returns the package path as the package imports it,
// directly or transitively, or nil. The package itself does not count
// (see [Package.PkgObject]). Results are cached per package.
func (p *Package) ImportedPackage(path string) *types.Package {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pkg, ok := p.imported[path]; ok {
		return pkg
	}
	seen := make(map[*types.Package]bool)
	var walk func(*types.Package) *types.Package
	walk = func(pkg *types.Package) *types.Package {
		if seen[pkg] {
			return nil
		}
		seen[pkg] = true
		for _, imp := range pkg.Imports() {
			if imp.Path() == path {
				return imp
			}
			if found := walk(imp); found != nil {
				return found
			}
		}
		return nil
	}
	found := walk(p.Types)
	if p.imported == nil {
		p.imported = make(map[string]*types.Package)
	}
	p.imported[path] = found
	return found
}

// PkgObject returns the package-level object name of the package path
// (http.DefaultClient is PkgObject("net/http", "DefaultClient")) when the
// package is path itself or imports it, directly or transitively; nil
// otherwise.
func (p *Package) PkgObject(path, name string) types.Object {
	pkg := p.Types
	if pkg.Path() != path {
		pkg = p.ImportedPackage(path)
	}
	if pkg == nil {
		return nil
	}
	return pkg.Scope().Lookup(name)
}
