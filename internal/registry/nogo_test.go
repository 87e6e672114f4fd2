package registry_test

// rules_go's nogo (Bazel) runs analyzers per package, as go vet -vettool
// does, from a go_library that exports `var Analyzer`. These tests check
// that contract for every analyzer in the registry: see README "Bazel
// (nogo)".

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/meshlint/meshlint/internal/fixtures"
	"github.com/meshlint/meshlint/internal/lint"
	"github.com/meshlint/meshlint/internal/registry"
)

// declaresAnalyzer reports whether the non-test files of the package in
// dir declare a package-level `var Analyzer`.
func declaresAnalyzer(t *testing.T, dir string) (found, hasGo bool) {
	t.Helper()
	fset := token.NewFileSet()
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		hasGo = true
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, id := range spec.(*ast.ValueSpec).Names {
					if id.Name == "Analyzer" {
						found = true
					}
				}
			}
		}
	}
	return found, hasGo
}

// TestExportedAnalyzerVar: every registered analyzer lives in
// analyzers/<its name> and that package declares `var Analyzer`, which is
// what a nogo target's deps name (@com_github_meshlint_meshlint//analyzers/NAME).
func TestExportedAnalyzerVar(t *testing.T) {
	root := filepath.Join(fixtures.Root(), "analyzers")
	var registered []string
	for _, a := range registry.Analyzers() {
		registered = append(registered, a.Name)
		found, hasGo := declaresAnalyzer(t, filepath.Join(root, a.Name))
		if !hasGo || !found {
			t.Errorf("analyzer %q: package analyzers/%s does not declare var Analyzer", a.Name, a.Name)
		}
		if want := "https://github.com/meshlint/meshlint/blob/main/analyzers/" + a.Name + "/doc.go"; a.URL != want {
			t.Errorf("analyzer %q: URL %q, want %q", a.Name, a.URL, want)
		}
	}
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() || slices.Contains(registered, d.Name()) {
			continue
		}
		// Every analyzer package must be registered: an unregistered one
		// would run under nogo (which names the package) but in no other
		// integration.
		found, hasGo := declaresAnalyzer(t, filepath.Join(root, d.Name()))
		t.Errorf("analyzers/%s is not in the registry (declares var Analyzer: %v, has Go files: %v)", d.Name(), found, hasGo)
	}
}

// TestDocFromDocGo: each analyzer's Doc is the "# Analyzer NAME" section
// of its doc.go on disk (one source for the package documentation,
// `meshlint help NAME`, SARIF rule text), and starts with a one-line
// summary.
func TestDocFromDocGo(t *testing.T) {
	for _, a := range registry.Analyzers() {
		src, err := os.ReadFile(filepath.Join(fixtures.Root(), "analyzers", a.Name, "doc.go"))
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		want, err := lint.ExtractDoc(string(src), a.Name)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		if a.Doc != want {
			t.Errorf("%s: Doc is not its doc.go's section:\n--- Doc ---\n%s\n--- doc.go ---\n%s", a.Name, a.Doc, want)
		}
		summary, rest, _ := strings.Cut(a.Doc, "\n")
		if summary == "" || len(summary) > 100 || !strings.HasPrefix(rest, "\n") {
			t.Errorf("%s: Doc does not start with a one-line summary and a blank line: %q", a.Name, summary)
		}
	}
}

func TestValidate(t *testing.T) {
	if err := analysis.Validate(registry.Analyzers()); err != nil {
		t.Fatal(err)
	}
	for _, a := range registry.Analyzers() {
		if a.Run == nil || a.Doc == "" {
			t.Errorf("%s: no Run or no Doc", a.Name)
		}
	}
}

// allAnalyzers returns the registry's analyzers and everything they
// require, each once.
func allAnalyzers() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	var visit func([]*analysis.Analyzer)
	visit = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if !slices.Contains(out, a) {
				out = append(out, a)
				visit(a.Requires)
			}
		}
	}
	visit(registry.Analyzers())
	return out
}

// TestFactsGob: nogo and go vet serialize facts with encoding/gob between
// package actions; every fact type must survive a round trip as the
// analysis.Fact interface value it travels as, its fields filled in.
func TestFactsGob(t *testing.T) {
	n := 0
	for _, a := range allAnalyzers() {
		for _, ft := range a.FactTypes {
			n++
			if err := gobRoundTrip(ft); err != nil {
				t.Errorf("%s: %v", a.Name, err)
			}
		}
	}
	if n == 0 {
		t.Skip("no analyzer declares a fact type: nothing travels between packages")
	}
	t.Logf("%d fact types checked", n)
}

// TestGobRoundTripCatches: the round trip above fails on a fact type that
// gob cannot carry (unexported fields are dropped, so the fact changes),
// and passes on one it can.
func TestGobRoundTripCatches(t *testing.T) {
	if err := gobRoundTrip(new(goodFact)); err != nil {
		t.Errorf("good fact: %v", err)
	}
	if err := gobRoundTrip(new(lossyFact)); err == nil {
		t.Error("a fact with an unexported field survived the round trip: the check cannot fail")
	}
	if err := gobRoundTrip(valueFact{}); err == nil {
		t.Error("a non-pointer fact type was accepted")
	}
}

type goodFact struct{ At, What string }

func (*goodFact) AFact() {}

type lossyFact struct {
	At    string
	where string
}

func (*lossyFact) AFact() {}

type valueFact struct{}

func (valueFact) AFact() {}

// gobRoundTrip encodes a value of ft's type, every exported or unexported
// string field set to its name, as an analysis.Fact and decodes it back.
func gobRoundTrip(ft analysis.Fact) error {
	typ := reflect.TypeOf(ft)
	if typ.Kind() != reflect.Pointer {
		return fmt.Errorf("fact type %v is not a pointer", typ)
	}
	v := reflect.New(typ.Elem())
	if typ.Elem().Kind() == reflect.Struct {
		for i := 0; i < typ.Elem().NumField(); i++ {
			f := v.Elem().Field(i)
			if f.Kind() == reflect.String {
				reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem().SetString(typ.Elem().Field(i).Name)
			}
		}
	}
	gob.Register(ft)
	type envelope struct{ Fact analysis.Fact }
	in := envelope{v.Interface().(analysis.Fact)}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		return fmt.Errorf("encoding fact %v: %v", typ, err)
	}
	var out envelope
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		return fmt.Errorf("decoding fact %v: %v", typ, err)
	}
	if !reflect.DeepEqual(in, out) {
		return fmt.Errorf("fact %v changed in a gob round trip: %#v -> %#v", typ, in.Fact, out.Fact)
	}
	return nil
}

// TestFlagDefaults: nogo passes no flags unless nogo_config.json sets
// analyzer_flags, so every flag's default must be a valid value.
func TestFlagDefaults(t *testing.T) {
	for _, a := range registry.Analyzers() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			cur := f.Value.String()
			if err := f.Value.Set(f.DefValue); err != nil {
				t.Errorf("-%s.%s: default %q is not a valid value: %v", a.Name, f.Name, f.DefValue, err)
			}
			if err := f.Value.Set(cur); err != nil {
				t.Errorf("-%s.%s: restoring %q: %v", a.Name, f.Name, cur, err)
			}
		})
		fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
		a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
		if err := fs.Parse(nil); err != nil {
			t.Errorf("%s: empty command line: %v", a.Name, err)
		}
	}
}

// load loads the packages of dir (a fixture module) as the driver does:
// from source, dependencies from export data.
func load(t *testing.T, dir string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir, Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("fixture packages have errors")
	}
	return pkgs
}

// analyze runs the registry with default flags and returns every
// diagnostic, in report order, as text.
func analyze(t *testing.T, pkgs []*packages.Package) []string {
	t.Helper()
	graph, err := checker.Analyze(registry.Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			out = append(out, fmt.Sprintf("%s %s %s", act.Analyzer.Name, act.Package.Fset.Position(d.Pos), d.Message))
		}
	}
	return out
}

// TestDeterministic: with no flags, every analyzer runs on a small
// multi-package module and reports the same diagnostics, in the same
// order, on later runs (nogo caches per-package results remotely).
func TestDeterministic(t *testing.T) {
	pkgs := load(t, filepath.Join(fixtures.Root(), "testdata", "e2e", "multipkg"))
	first := analyze(t, pkgs)
	if len(pkgs) < 3 || len(first) == 0 {
		t.Fatalf("fixture: %d packages, %d diagnostics; want several of each", len(pkgs), len(first))
	}
	for i := 0; i < 3; i++ {
		if again := analyze(t, pkgs); !slices.Equal(first, again) {
			t.Fatalf("run %d differs:\n%s\n--- first run ---\n%s", i+2, strings.Join(again, "\n"), strings.Join(first, "\n"))
		}
	}
}
