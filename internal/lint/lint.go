// Package lint is meshlint's one helper package: everything the analyzers
// share lives here and nowhere else.
//
//   - [Analyzer] computes, once per package, the facts every analyzer asks
//     for: which files are skipped (_test.go and generated files), the
//     //meshlint:ignore directives, and (lazily) the assignment index used by
//     known-value evaluation and "later assignment" tracking.
//   - [New] wraps an analyzer's *analysis.Pass so that reports honour those
//     rules; analyzers report only through it.
//   - known.go evaluates strings known at compile time (SPEC "Common rules").
//   - hosts.go extracts hosts from host:port, URLs and gRPC targets and
//     classifies IPs.
//   - calls.go matches calls and types by their types objects, never by
//     spelling.
package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer is the shared pre-pass every meshlint analyzer requires. It reports
// nothing itself; its result is a *Package.
var Analyzer = &analysis.Analyzer{
	Name:             "meshlintcore",
	Doc:              "shared per-package index for meshlint analyzers (reports nothing)",
	URL:              "https://github.com/meshlint/meshlint",
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	Run:              runCore,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Package](),
}

// Package is the result of [Analyzer]: the per-package index shared by all
// analyzers. It is safe for concurrent use (analyzers of one package may run
// in parallel).
type Package struct {
	fset      *token.FileSet
	files     []*ast.File
	Info      *types.Info
	Types     *types.Package
	Inspector *inspector.Inspector

	skipped    map[*token.File]bool
	directives map[*token.File]map[int][]*directive // by line the directive covers
	all        []*directive

	assignOnce sync.Once
	vars       map[*types.Var]*varInfo

	mu      sync.Mutex
	known   map[ast.Expr]Str
	reaches map[string]bool
}

func runCore(pass *analysis.Pass) (any, error) {
	p := &Package{
		fset:      pass.Fset,
		files:     pass.Files,
		Info:      pass.TypesInfo,
		Types:     pass.Pkg,
		Inspector: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		skipped:   make(map[*token.File]bool),
		known:     make(map[ast.Expr]Str),
		reaches:   make(map[string]bool),
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		if strings.HasSuffix(tf.Name(), "_test.go") || ast.IsGenerated(f) {
			p.skipped[tf] = true
			continue
		}
		p.scanDirectives(tf, f)
	}
	return p, nil
}

// Pass is an analyzer's *analysis.Pass with meshlint's reporting rules:
// findings in skipped files or under a matching //meshlint:ignore are
// dropped. Analyzers report only through Pass.Report and Pass.Reportf.
type Pass struct {
	*analysis.Pass
	*Package
}

// New returns the meshlint view of pass. It also reports, once, every
// //meshlint:ignore directive that names this analyzer first and has no
// reason. Call it first in run, before any fast path, so that a directive
// without a reason is reported even in a package the rule has nothing to
// say about.
func New(pass *analysis.Pass) *Pass {
	p := &Pass{Pass: pass, Package: pass.ResultOf[Analyzer].(*Package)}
	for _, d := range p.all {
		if d.reason == "" && len(d.names) > 0 && d.names[0] == pass.Analyzer.Name {
			pass.Report(analysis.Diagnostic{Pos: d.pos, Message: "meshlint:ignore needs a reason: write //meshlint:ignore " + strings.Join(d.names, ",") + " <why this is safe>"})
		}
	}
	return p
}

// Report reports d unless it falls in a skipped file or under a
// //meshlint:ignore directive naming this analyzer.
func (p *Pass) Report(d analysis.Diagnostic) {
	if p.Suppressed(d.Pos) {
		return
	}
	p.Pass.Report(d)
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
func (p *Package) Skipped(n ast.Node) bool {
	tf := p.fset.File(n.Pos())
	return tf == nil || p.skipped[tf]
}

// Imports reports whether the package imports any of paths directly.
// It is the fast path of SPEC "Common rules": a package that imports none
// of the packages a rule is about is skipped at near-zero cost.
func (p *Package) Imports(paths ...string) bool {
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
	p.mu.Lock()
	defer p.mu.Unlock()
	if r, ok := p.reaches[path]; ok {
		return r
	}
	seen := make(map[*types.Package]bool)
	var walk func(*types.Package) bool
	walk = func(pkg *types.Package) bool {
		if seen[pkg] {
			return false
		}
		seen[pkg] = true
		for _, imp := range pkg.Imports() {
			if imp.Path() == path || walk(imp) {
				return true
			}
		}
		return false
	}
	r := walk(p.Types)
	p.reaches[path] = r
	return r
}

// Safe wraps an analyzer's run function so that a panic becomes an
// analysis error for that one package instead of killing the process and
// losing every other finding.
func Safe(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error (please report it): %s panicked on package %s: %v\n%s",
					pass.Analyzer.Name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		return run(pass)
	}
}
